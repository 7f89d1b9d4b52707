// The smallest guest the simulated-hosts test needs: TCG (this machine's KVM cannot run
// stock guests), direct kernel boot of the test image with a per-guest qcow2 overlay,
// one NIC on a bridge inside the host, and the serial console logged by the host's virtlogd.
import { escapeXmlAttr } from '../../../agent/hypervisor/libvirt/xml-escape.ts';

export interface GuestXmlSpec {
  name: string;
  uuid: string;
  kernel: string;
  initrd: string;
  cmdline: string;
  overlay: string;
  bridge: string;
  tap: string;
  mac: string;
  consoleLog: string;
}

export function guestXml(s: GuestXmlSpec): string {
  // escapeXmlAttr also suits text content: it escapes a superset of what text needs.
  const e = escapeXmlAttr;
  return `<domain type='qemu'>
  <name>${e(s.name)}</name>
  <uuid>${e(s.uuid)}</uuid>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>${e(s.kernel)}</kernel>
    <initrd>${e(s.initrd)}</initrd>
    <cmdline>${e(s.cmdline)}</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${e(s.overlay)}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='bridge'>
      <mac address='${e(s.mac)}'/>
      <source bridge='${e(s.bridge)}'/>
      <target dev='${e(s.tap)}'/>
      <model type='virtio'/>
    </interface>
    <serial type='pty'>
      <log file='${e(s.consoleLog)}' append='off'/>
      <target port='0'/>
    </serial>
    <console type='pty'><target type='serial' port='0'/></console>
  </devices>
</domain>`;
}
