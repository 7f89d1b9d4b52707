// <disk> elements. Every disk names its format explicitly: QEMU must never probe the
// format of an image the guest can write (a raw disk whose first bytes look like a
// qcow2 header would let the guest point QEMU at any host file as its backing file).
import {
  CONFIG_DRIVE_TARGET,
  type ConfigDriveSpec,
  type OverlayRootDisk,
  ROOT_DISK_TARGET,
  type RootDiskSpec,
  type VolumeSpec,
} from '../instance-spec.ts';
import { el, renderXml, textEl, type XmlElement } from './domain-xml-writer.ts';

/**
 * Tells libvirt's DAC driver not to chown a file to QEMU's account at start. For the
 * read-only files only (the cached base, shared by every guest booted from it, and the
 * config drive): the agent makes them readable by QEMU's group (0640 root:<QEMU's
 * group>), so no QEMU process owns, and could rewrite or chmod, what it only reads, and
 * the base keeps its ctime (the image cache's proof that it was not rewritten). The
 * overlay, the one file QEMU writes, stays under libvirt's dynamic ownership, which
 * lends it to QEMU while the domain runs and gives it back after.
 */
const keepOwner = (): XmlElement => el('seclabel', { model: 'dac', relabel: 'no' });

/** The root disk (vda): the qcow2 overlay, or the volume of a boot from volume. */
export function rootElement(disk: RootDiskSpec): XmlElement {
  return disk.kind === 'volume' ? volumeDiskElement(disk.volume) : rootDiskElement(disk);
}

/**
 * The root disk: the instance's qcow2 overlay on virtio (vda). cache='none' (O_DIRECT)
 * keeps guest data out of the host page cache, so host memory stays predictable and a
 * host crash loses no acknowledged writes; it needs a filesystem with O_DIRECT (ext4,
 * xfs; not tmpfs). discard='unmap' lets guest TRIM shrink the overlay.
 */
export function rootDiskElement(disk: OverlayRootDisk): XmlElement {
  return el(
    'disk',
    { type: 'file', device: 'disk' },
    el('driver', { name: 'qemu', type: 'qcow2', cache: 'none', discard: 'unmap' }),
    el('source', { file: disk.path }),
    // Spelling out the chain means libvirt takes the base's format from here instead
    // of reading the overlay header; `<backingStore/>` ends the chain at the base.
    disk.backing &&
      el(
        'backingStore',
        { type: 'file' },
        el('format', { type: disk.backing.format }),
        el('source', { file: disk.backing.path }, keepOwner()),
        el('backingStore'),
      ),
    el('target', { dev: ROOT_DISK_TARGET, bus: 'virtio' }),
  );
}

/**
 * The config drive: a raw ISO9660 image (label config-2) as a read-only virtio disk,
 * not the cdrom on SATA/IDE that Nova uses by default. Why: cloud-init (and our test
 * image) find it by its label on any block device, and virtio-blk is already needed
 * for the root disk, so the guest needs no AHCI/ATA, sr_mod or cdrom drivers, and the
 * 'pc' machine gets no extra AHCI controller (one device fewer to emulate under TCG).
 * It always takes vdb, so volume targets do not depend on whether a drive exists.
 */
export function configDriveElement(drive: ConfigDriveSpec): XmlElement {
  return el(
    'disk',
    { type: 'file', device: 'disk' },
    el('driver', { name: 'qemu', type: 'raw', cache: 'none' }),
    el('source', { file: drive.path }, keepOwner()),
    el('target', { dev: CONFIG_DRIVE_TARGET, bus: 'virtio' }),
    el('readonly'),
  );
}

/**
 * A volume exported over iSCSI (tgt), opened by QEMU's own initiator (libiscsi), so
 * the host needs no open-iscsi session or device node. Raw, named: volumes are raw
 * wherever they are exported, and QEMU must never probe what a guest wrote into one
 * (a qcow2 header naming a host file would otherwise be followed). The initiator name
 * is the one the target admits; the CHAP password comes from the libvirt secret named
 * by usage, never from the XML. The portal host is a bare address even for IPv6:
 * libvirt brackets it for QEMU itself. The serial is the volume id (the guest sees its
 * first 20 characters under /dev/disk/by-id/virtio-…). Children in the order libvirt
 * 9.0 writes them back, so a dumped disk compares equal.
 */
export function volumeDiskElement(volume: VolumeSpec): XmlElement {
  const { iscsi } = volume;
  return el(
    'disk',
    { type: 'network', device: 'disk' },
    el('driver', { name: 'qemu', type: 'raw', cache: 'none' }),
    el(
      'source',
      { protocol: 'iscsi', name: `${iscsi.iqn}/${iscsi.lun}` },
      el('host', { name: iscsi.host, port: iscsi.port }),
      iscsi.initiator !== undefined && el('initiator', {}, el('iqn', { name: iscsi.initiator })),
      iscsi.auth &&
        el('auth', { username: iscsi.auth.username }, el('secret', { type: 'iscsi', usage: iscsi.auth.secretUsage })),
    ),
    el('target', { dev: volume.target, bus: 'virtio' }),
    textEl('serial', volume.id),
  );
}

/** Stand-alone `<disk>` XML for virDomainAttachDeviceFlags / DetachDeviceFlags (a checked VolumeSpec). */
export function buildVolumeDiskXml(volume: VolumeSpec): string {
  return renderXml(volumeDiskElement(volume));
}
