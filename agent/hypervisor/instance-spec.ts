// What an agent needs to build one instance's domain, as plain data. The conductor's
// spawn request is turned into this by the agent (paths and taps are the agent's
// choice) and checked once then (instance-spec-validate.ts); a backend turns it into
// its own form (libvirt: domain XML) and keeps the durable part
// (instance-metadata.ts) with the domain, where a restarted agent reads it back.
// Nothing here touches the host.

/** Bumped when the meaning of a field changes; stored in the domain's metadata. */
export const INSTANCE_SPEC_VERSION = 1;

/**
 * `kvm` on hosts with hardware virtualisation (vmx/svm), `qemu` (TCG) elsewhere. The
 * agent decides from its config and host detection; the builder never guesses.
 */
export type VirtType = 'qemu' | 'kvm';

export interface FlavorSpec {
  /** Flavor name, recorded for operators (e.g. `m1.small`). */
  name: string;
  vcpus: number;
  ramMiB: number;
  /** Root disk size the overlay was created with; recorded, not used by the XML. */
  diskGiB: number;
}

/** A disk format QEMU is told explicitly; it never probes a guest-writable image. */
export type DiskFormat = 'qcow2' | 'raw';

/** The root disk as a qcow2 overlay on the cached image (the usual case; `kind` may be left out). */
export interface OverlayRootDisk {
  kind?: 'overlay';
  /** Absolute path of the instance's qcow2 overlay (always qcow2). */
  path: string;
  /**
   * The overlay's backing image in the agent's image cache. When given, the chain is
   * spelled out in the XML (`<backingStore>`) so libvirt neither reads it from the
   * overlay header nor probes the base's format.
   */
  backing?: { path: string; format: DiskFormat };
}

/** Boot from volume: the root disk is an iSCSI volume on target `vda` (no overlay, no image). */
export interface VolumeRootDisk {
  kind: 'volume';
  volume: VolumeSpec;
}

export type RootDiskSpec = OverlayRootDisk | VolumeRootDisk;

export interface ConfigDriveSpec {
  /** Absolute path of the raw ISO9660 image labelled `config-2`. */
  path: string;
}

/** Boot a kernel directly instead of the disk's boot loader (test image, rescue). */
export interface KernelBootSpec {
  kernel: string;
  initrd?: string;
  cmdline?: string;
}

/**
 * How a port's tap reaches the bridge. `bridge`: libvirt creates the tap and enslaves
 * it to `bridge`. `ethernet`: the agent has already created the tap (and plugged it),
 * libvirt only opens it (`managed='no'`, libvirt ≥ 5.7).
 */
export type PortMode = 'bridge' | 'ethernet';

export interface PortSpec {
  /** Port id (UUID) from the conductor. */
  id: string;
  /** Lower-case unicast MAC, e.g. `fa:16:3e:12:34:56`. */
  mac: string;
  networkId: string;
  /** Host tap name, `tap<port id[:11]>` by convention (≤ 15 characters). */
  tap: string;
  /** Host bridge name, `brq<network id[:11]>` or an operator's flat bridge. */
  bridge: string;
  mode: PortMode;
  /** Guest MTU (VXLAN networks need room for 50 bytes of encapsulation). */
  mtu?: number;
}

export interface IscsiAuthSpec {
  /** CHAP user name. */
  username: string;
  /** Usage name of the libvirt secret (type iscsi) that holds the CHAP password. */
  secretUsage: string;
}

export interface IscsiSourceSpec {
  /** Portal host name or IP address. */
  host: string;
  /** Portal TCP port; 3260 by convention. */
  port: number;
  /** Target IQN, e.g. `iqn.2026-01.io.strato:<volume id>`. */
  iqn: string;
  lun: number;
  auth?: IscsiAuthSpec;
  /**
   * The initiator name QEMU presents (the target admits only its attaching host's),
   * e.g. `iqn.2026-01.io.strato:host:<host id>`. @default QEMU's own
   */
  initiator?: string;
}

/** Guest disk targets the spec's own disks take; volumes may not use them. */
export const ROOT_DISK_TARGET = 'vda';
export const CONFIG_DRIVE_TARGET = 'vdb';

/**
 * A volume disk: raw (volumes are raw wherever they are exported; the format is named
 * in the disk, never probed), opened by QEMU's own iSCSI initiator.
 */
export interface VolumeSpec {
  /** Volume id (lower-case UUID); also the disk's serial, so the guest finds it under /dev/disk/by-id. */
  id: string;
  /**
   * Guest target name: `vdc` and up (`vdb` is the config drive), or `vda` for the
   * root disk of a boot from volume only.
   */
  target: string;
  iscsi: IscsiSourceSpec;
}

export interface InstanceSpec {
  /** Instance id (lower-case UUID): the domain's uuid, and its name `strato-<id>`. */
  id: string;
  /** The user's display name (free text, escaped in the XML). */
  name: string;
  projectId: string;
  /** The image it was built from; empty when it boots from a volume and none was named. */
  imageId: string;
  /** When the conductor created the instance, ISO 8601 UTC. */
  createdAt: string;
  virtType: VirtType;
  flavor: FlavorSpec;
  rootDisk: RootDiskSpec;
  configDrive?: ConfigDriveSpec;
  kernelBoot?: KernelBootSpec;
  /** NICs in guest order. */
  ports: PortSpec[];
  /** Volumes attached at define time besides a root volume (usually none: volumes are hot-plugged). */
  volumes: VolumeSpec[];
  /**
   * Absolute path of the serial console log, conventionally
   * `/var/lib/strato/instances/<id>/console.log`; its directory must exist.
   */
  consoleLogPath: string;
}

/** Every volume disk of `spec`: a root volume first, then the others in target order of the spec. */
export function specVolumes(spec: Pick<InstanceSpec, 'rootDisk' | 'volumes'>): VolumeSpec[] {
  return spec.rootDisk.kind === 'volume' ? [spec.rootDisk.volume, ...spec.volumes] : [...spec.volumes];
}
