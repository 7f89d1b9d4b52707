// InstanceSpec → libvirt domain XML. Pure: assembles the document from per-concern
// builders (disks, interfaces, console, metadata). It trusts the spec: the agent
// checked it once when it built it (../instance-spec-validate.ts); what is left here
// is correctness (every value is escaped by domain-xml-writer.ts). Device builders
// are exported separately for hot-plug (domain-xml-disks.ts,
// domain-xml-interfaces.ts) and the metadata element for virDomainSetMetadata.
import { domainNameFor } from '../domain-name.ts';
import { metadataFromSpec } from '../instance-metadata.ts';
import type { InstanceSpec } from '../instance-spec.ts';
import { consoleElements } from './domain-xml-console.ts';
import { configDriveElement, rootElement, volumeDiskElement } from './domain-xml-disks.ts';
import { interfaceElement } from './domain-xml-interfaces.ts';
import { metadataElement } from './domain-xml-metadata.ts';
import { el, renderXml, textEl, type XmlElement } from './domain-xml-writer.ts';

export { buildVolumeDiskXml } from './domain-xml-disks.ts';
export { buildInterfaceXml } from './domain-xml-interfaces.ts';
export { buildMetadataXml } from './domain-xml-metadata.ts';

function osElement(spec: InstanceSpec): XmlElement {
  const k = spec.kernelBoot;
  return el(
    'os',
    {},
    textEl('type', 'hvm', { arch: 'x86_64', machine: 'pc' }),
    k && textEl('kernel', k.kernel),
    k?.initrd !== undefined && textEl('initrd', k.initrd),
    k?.cmdline !== undefined && textEl('cmdline', k.cmdline),
    el('boot', { dev: 'hd' }),
  );
}

function devicesElement(spec: InstanceSpec): XmlElement {
  return el(
    'devices',
    {},
    rootElement(spec.rootDisk),
    spec.configDrive && configDriveElement(spec.configDrive),
    ...spec.volumes.map(volumeDiskElement),
    ...spec.ports.map(interfaceElement),
    ...consoleElements(spec.consoleLogPath),
    // No USB controller (and so no USB tablet): no graphics means nothing needs it,
    // and every emulated device costs boot time under TCG.
    el('controller', { type: 'usb', model: 'none' }),
    el('memballoon', { model: 'virtio' }),
    // Guests block at boot waiting for entropy without it (sshd key generation).
    el('rng', { model: 'virtio' }, textEl('backend', '/dev/urandom', { model: 'random' })),
  );
}

/** The domain XML for `spec` (a checked InstanceSpec). */
export function buildDomainXml(spec: InstanceSpec): string {
  const memory = String(spec.flavor.ramMiB);
  return renderXml(
    el(
      'domain',
      { type: spec.virtType },
      textEl('name', domainNameFor(spec.id)),
      textEl('uuid', spec.id),
      el('metadata', {}, metadataElement(metadataFromSpec(spec))),
      textEl('memory', memory, { unit: 'MiB' }),
      textEl('currentMemory', memory, { unit: 'MiB' }),
      textEl('vcpu', spec.flavor.vcpus, { placement: 'static' }),
      osElement(spec),
      // ACPI: without it a guest's `poweroff` only halts and virDomainShutdown is ignored.
      el('features', {}, el('acpi'), el('apic')),
      // Under KVM, the host CPU's features pass straight through (fastest; strato
      // does not live-migrate). TCG cannot pass through a CPU: keep QEMU's default.
      spec.virtType === 'kvm' && el('cpu', { mode: 'host-passthrough', check: 'none' }),
      el('clock', { offset: 'utc' }),
      textEl('on_poweroff', 'destroy'),
      textEl('on_reboot', 'restart'),
      textEl('on_crash', 'destroy'),
      devicesElement(spec),
    ),
  );
}
