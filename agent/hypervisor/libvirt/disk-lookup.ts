// Finding a volume's disk in a domain's XML: attach is idempotent by checking what
// already holds the target (and which volume, by serial), detach finds the disk by
// its serial (the volume id) and waits for the release of its alias (`virtio-disk2`),
// which only the live XML names. Pure.
import { type ParsedElement, parseXml } from './domain-xml-parse.ts';
import { renderXml, type XmlElement } from './domain-xml-writer.ts';

export interface DiskFound {
  /** `<target dev>`, e.g. `vdc`. */
  target: string;
  /** `<serial>`: a volume's id; undefined for the root overlay and the config drive. */
  serial?: string;
  /** libvirt's device alias in a running domain; undefined in an inactive definition. */
  alias?: string;
  /** The element as libvirt wrote it (what a detach hands back). */
  element: ParsedElement;
}

const child = (e: ParsedElement, name: string): ParsedElement | undefined => e.children.find((c) => c.name === name);

/** Every `<devices><disk>` of a domain XML that has a target. */
export function domainDisks(domainXml: string): DiskFound[] {
  const devices = child(parseXml(domainXml), 'devices');
  const out: DiskFound[] = [];
  for (const d of devices?.children.filter((c) => c.name === 'disk') ?? []) {
    const target = child(d, 'target')?.attrs['dev'];
    if (target === undefined) continue;
    const found: DiskFound = { target, element: d };
    const serial = child(d, 'serial')?.text.trim();
    const alias = child(d, 'alias')?.attrs['name'];
    if (serial !== undefined && serial !== '') found.serial = serial;
    if (alias !== undefined) found.alias = alias;
    out.push(found);
  }
  return out;
}

export function findDisk(domainXml: string, by: { serial?: string; target?: string }): DiskFound | undefined {
  return domainDisks(domainXml).find(
    (d) => (by.serial === undefined || d.serial === by.serial) && (by.target === undefined || d.target === by.target),
  );
}

function toElement(p: ParsedElement): XmlElement {
  if (p.children.length > 0) return { name: p.name, attrs: { ...p.attrs }, children: p.children.map(toElement) };
  return { name: p.name, attrs: { ...p.attrs }, children: [], text: p.text.trim() };
}

/**
 * The disk as virDomainDetachDeviceFlags wants it: the element libvirt itself wrote
 * (it matches a disk by its target; the rest must still parse as that disk).
 */
export function detachDiskXml(disk: DiskFound): string {
  return renderXml(toElement(disk.element));
}
