// A small, test-only builder of libvirt domain and device XML: TCG (`type='qemu'`) guests
// with ACPI, optional direct kernel boot, a serial console written to a file, and
// file-backed disks / user-mode NICs that leave no host links behind.
import { randomBytes } from 'node:crypto';

export interface FixtureDisk {
  path: string;
  /** Guest target, e.g. vdb (virtio) or hdc (ide cdrom). */
  target: string;
  format: 'raw' | 'qcow2';
  device?: 'disk' | 'cdrom';
  bus?: 'virtio' | 'ide' | 'sata';
  readonly?: boolean;
}

export interface FixtureNic {
  mac: string;
}

export interface FixtureDomain {
  name: string;
  memoryMiB?: number;
  vcpus?: number;
  kernel?: string;
  initrd?: string;
  cmdline?: string;
  /** Serial console (ttyS0) output file; its directory must be reachable by QEMU. */
  consoleLog?: string;
  disks?: FixtureDisk[];
  nics?: FixtureNic[];
}

const esc = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&apos;');

export function testDomainName(): string {
  return `strato-test-${randomBytes(4).toString('hex')}`;
}

/** A random MAC under `oui`: QEMU's 52:54:00 by default, or e.g. fa:16:3e (OpenStack's, as strato's ports). */
export function randomMac(oui = '52:54:00'): string {
  const b = randomBytes(3);
  return `${oui}:${[...b].map((x) => x.toString(16).padStart(2, '0')).join(':')}`;
}

export function diskXml(d: FixtureDisk): string {
  const device = d.device ?? 'disk';
  const bus = d.bus ?? (device === 'cdrom' ? 'ide' : 'virtio');
  return (
    `<disk type='file' device='${device}'><driver name='qemu' type='${d.format}'/>` +
    `<source file='${esc(d.path)}'/><target dev='${esc(d.target)}' bus='${bus}'/>` +
    `${d.readonly || device === 'cdrom' ? '<readonly/>' : ''}</disk>`
  );
}

/**
 * A real virtio NIC whose host end is a libvirt-made tap attached to nothing: the
 * guest sees a NIC, and its traffic cannot leave the machine (slirp would NAT it out).
 */
export function nicXml(n: FixtureNic): string {
  return `<interface type='ethernet'><mac address='${esc(n.mac)}'/><model type='virtio'/></interface>`;
}

export function domainXml(d: FixtureDomain): string {
  const os =
    `<os><type arch='x86_64' machine='pc'>hvm</type>` +
    (d.kernel ? `<kernel>${esc(d.kernel)}</kernel>` : '') +
    (d.initrd ? `<initrd>${esc(d.initrd)}</initrd>` : '') +
    (d.cmdline ? `<cmdline>${esc(d.cmdline)}</cmdline>` : '') +
    `</os>`;
  const serial = d.consoleLog
    ? // append: a restart of the domain keeps what earlier boots printed.
      `<serial type='file'><source path='${esc(d.consoleLog)}' append='on'/><target port='0'/></serial>` +
      `<console type='file'><source path='${esc(d.consoleLog)}' append='on'/><target type='serial' port='0'/></console>`
    : '';
  return (
    `<domain type='qemu'><name>${esc(d.name)}</name>` +
    `<memory unit='MiB'>${d.memoryMiB ?? 128}</memory><vcpu>${d.vcpus ?? 1}</vcpu>${os}` +
    `<features><acpi/></features><on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot>` +
    `<devices><emulator>/usr/bin/qemu-system-x86_64</emulator>` +
    (d.disks ?? []).map(diskXml).join('') +
    (d.nics ?? []).map(nicXml).join('') +
    serial +
    `<memballoon model='none'/></devices></domain>`
  );
}
