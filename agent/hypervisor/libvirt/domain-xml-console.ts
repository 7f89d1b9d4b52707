// The serial console. QEMU's serial port is a pty (so `virsh console` and the agent's
// console streaming can attach interactively) and everything the guest prints is also
// logged to a file through libvirt's <log> element.
//
// Why <log> on a pty and not <serial type='file'>: either way, with qemu.conf's
// `stdio_handler = "logd"` (the default), QEMU does not open the file itself: it
// writes to a pipe held by virtlogd, and virtlogd rolls the file over at `max_size`
// (virtlogd.conf, default 2 MiB) keeping `max_backups` old files (default 3). So a
// guest that prints forever costs at most max_size × (max_backups + 1) = 8 MiB of
// disk. A file-type serial would give the same bound but no interactive console.
// append='off' starts each QEMU process with an empty log, so a boot marker read
// from the log belongs to the current boot.
import { el, type XmlElement } from './domain-xml-writer.ts';

export function consoleElements(consoleLogPath: string): XmlElement[] {
  return [
    el(
      'serial',
      { type: 'pty' },
      el('log', { file: consoleLogPath, append: 'off' }),
      el('target', { type: 'isa-serial', port: 0 }, el('model', { name: 'isa-serial' })),
    ),
    el('console', { type: 'pty' }, el('target', { type: 'serial', port: 0 })),
  ];
}
