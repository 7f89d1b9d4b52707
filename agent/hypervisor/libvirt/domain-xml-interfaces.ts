// <interface> elements: one virtio NIC per port, on a host tap whose name the agent
// chose (tap<port id[:11]>), so security-group rules and the reconciler can find the
// port's tap by name without asking libvirt.
import type { PortSpec } from '../instance-spec.ts';
import { el, renderXml, type XmlElement } from './domain-xml-writer.ts';

export function interfaceElement(port: PortSpec): XmlElement {
  const common = [el('model', { type: 'virtio' }), port.mtu !== undefined && el('mtu', { size: port.mtu })];
  if (port.mode === 'ethernet') {
    // The agent created and plugged the tap itself; libvirt must neither create,
    // configure nor delete it (managed='no', libvirt ≥ 5.7).
    return el(
      'interface',
      { type: 'ethernet' },
      el('mac', { address: port.mac }),
      el('target', { dev: port.tap, managed: 'no' }),
      ...common,
    );
  }
  return el(
    'interface',
    { type: 'bridge' },
    el('mac', { address: port.mac }),
    el('source', { bridge: port.bridge }),
    el('target', { dev: port.tap }),
    ...common,
  );
}

/** Stand-alone `<interface>` XML for virDomainAttachDeviceFlags / DetachDeviceFlags (a checked PortSpec). */
export function buildInterfaceXml(port: PortSpec): string {
  return renderXml(interfaceElement(port));
}
