// The account libvirt runs QEMU as, read from the host capabilities, where the DAC
// security driver states it per virt type:
//   <secmodel><model>dac</model><baselabel type='qemu'>+64055:+64055</baselabel></secmodel>
// Asking libvirtd (rather than assuming Debian's libvirt-qemu) follows qemu.conf's
// user/group on any distribution. Pure.
import { failedPrecondition } from '../../../common/errors.ts';
import type { GuestProcessOwner } from '../hypervisor.ts';
import type { VirtType } from '../instance-spec.ts';
import { type ParsedElement, parseXml } from './domain-xml-parse.ts';

const LABEL = /^\+(\d+):\+(\d+)$/;

const childrenNamed = (e: ParsedElement | undefined, name: string): ParsedElement[] =>
  e?.children.filter((c) => c.name === name) ?? [];

export function guestOwnerFromCapabilities(capabilitiesXml: string, virtType: VirtType): GuestProcessOwner {
  const host = childrenNamed(parseXml(capabilitiesXml), 'host')[0];
  for (const model of childrenNamed(host, 'secmodel')) {
    if (childrenNamed(model, 'model')[0]?.text.trim() !== 'dac') continue;
    for (const label of childrenNamed(model, 'baselabel')) {
      if (label.attrs.type !== virtType) continue;
      const m = LABEL.exec(label.text.trim());
      if (m) return { uid: Number(m[1]), gid: Number(m[2]) };
    }
  }
  throw failedPrecondition(
    'GUEST_OWNER_UNKNOWN',
    `libvirtd's capabilities name no DAC base label for ${virtType} guests: cannot tell which account QEMU runs as`,
  );
}
