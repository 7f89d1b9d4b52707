// Finding a NIC in a domain's XML by MAC: hot-plug is idempotent by checking
// whether the interface is already there, and an unplug waits for the
// device-removed event of that NIC's alias (`net1`…), which only the live XML
// names. Pure.
import { type ParsedElement, parseXml } from './domain-xml-parse.ts';
import { el, renderXml } from './domain-xml-writer.ts';

export interface InterfaceFound {
  mac: string;
  /** libvirt's device alias in a running domain; undefined in an inactive definition. */
  alias?: string;
  /** `<target dev>`, the host tap. */
  tap?: string;
}

function child(e: ParsedElement, name: string): ParsedElement | undefined {
  return e.children.find((c) => c.name === name);
}

/** Every `<devices><interface>` of a domain XML. */
export function domainInterfaces(domainXml: string): InterfaceFound[] {
  const devices = child(parseXml(domainXml), 'devices');
  if (devices === undefined) return [];
  const out: InterfaceFound[] = [];
  for (const i of devices.children.filter((c) => c.name === 'interface')) {
    const mac = child(i, 'mac')?.attrs.address?.toLowerCase();
    if (mac === undefined) continue;
    const found: InterfaceFound = { mac };
    const alias = child(i, 'alias')?.attrs.name;
    const tap = child(i, 'target')?.attrs.dev;
    if (alias !== undefined) found.alias = alias;
    if (tap !== undefined) found.tap = tap;
    out.push(found);
  }
  return out;
}

export function findInterface(domainXml: string, by: { mac?: string; tap?: string }): InterfaceFound | undefined {
  const mac = by.mac?.toLowerCase();
  return domainInterfaces(domainXml).find(
    (i) => (mac === undefined || i.mac === mac) && (by.tap === undefined || i.tap === by.tap),
  );
}

/** The element virDomainDetachDeviceFlags needs: libvirt matches a NIC by its MAC. */
export function detachInterfaceXml(mac: string, tap: string): string {
  return renderXml(
    el('interface', { type: 'ethernet' }, el('mac', { address: mac }), el('target', { dev: tap, managed: 'no' })),
  );
}
