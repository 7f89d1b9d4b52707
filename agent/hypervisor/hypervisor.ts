// The seam between the agent's instance manager and the hypervisor: plain data in
// (an InstanceSpec, an instance id), plain data out (power states, observations,
// events). The libvirt implementation drives libvirtd; the fake keeps domains in
// memory for tests; both pass test/conformance/hypervisor/. Every call is keyed by
// instance id and follows Nova's driver contract: destroying or undefining what is
// gone succeeds. Specs and ports arrive checked (instance-spec-validate.ts): a
// backend trusts them. What every backend shares lives beside this file (domain
// names, the metadata kept with a domain); only the composition root (agent/main.ts)
// imports a backend (test/unit/architecture/hypervisor-seam.test.ts).
import type { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { InstanceMetadata } from './instance-metadata.ts';
import type { FlavorSpec, InstanceSpec, PortSpec, VirtType, VolumeSpec } from './instance-spec.ts';

/** What the agent reports (strato.agent.v1.InstanceStatus.power_state). */
export type PowerState = 'running' | 'shutdown' | 'paused' | 'suspended' | 'crashed' | 'nostate';

export const POWER_STATES: readonly PowerState[] = ['running', 'shutdown', 'paused', 'suspended', 'crashed', 'nostate'];

export interface HostResources {
  vcpus: number;
  ramMiB: number;
}

/** The account guest processes (QEMU) run as. */
export interface GuestProcessOwner {
  uid: number;
  gid: number;
}

/** One strato domain as the hypervisor sees it. */
export interface DomainObservation {
  instanceId: string;
  powerState: PowerState;
}

/**
 * A change the hypervisor pushed (never polled). `event` is lower-case
 * `<event>/<detail>` as libvirt names them (e.g. `stopped/shutdown`,
 * `suspended/paused`) or `reboot`.
 */
export interface HypervisorEvent {
  instanceId: string;
  event: string;
}

export interface HypervisorEvents {
  event: [HypervisorEvent];
  /** The link to the hypervisor was lost: calls wait for it (and fail after a deadline). */
  disconnected: [];
  /** The link to the hypervisor came back after a loss: events may have been missed. */
  reconnected: [];
}

export interface DetachOptions {
  /** How long to wait for the guest to release the device. */
  timeoutMs?: number;
}

export interface DestroyOptions {
  /** Only ask the guest's process to exit (SIGTERM); fail rather than kill it. */
  graceful?: boolean;
}

/** A path prefix of the source host and what it is on the destination (instance dir, image cache). */
export interface PathRewrite {
  from: string;
  to: string;
}

export interface MigrateOptions {
  /** The destination hypervisor's address (an IP): its control channel and the memory/disk streams. */
  address: string;
  /** live: the guest runs during the copy; otherwise it must be paused (startPaused) and arrives paused. */
  live: boolean;
  /** Prefixes of the domain's file paths rewritten for the destination, where files live elsewhere. */
  rewrites: readonly PathRewrite[];
  /** MiB/s for the memory and disk copy; 0: unlimited. */
  bandwidthMiBs: number;
  /**
   * The iSCSI initiator name the destination presents for the domain's volumes (the
   * storage host admits it there): written into each volume disk; absent: unchanged.
   * Volumes are shared storage and never copied.
   */
  initiatorName?: string;
  /**
   * The client side of the hypervisors' mutual TLS (libvirt: a pkipath holding
   * cacert.pem, clientcert.pem and clientkey.pem). @default the hypervisor's own default
   */
  pkiDir?: string;
}

/** A migration job's progress (bytes), as the hypervisor counts it. */
export interface MigrationProgress {
  elapsedMs: number;
  memoryTotal: number;
  memoryProcessed: number;
  memoryRemaining: number;
  diskTotal: number;
  diskProcessed: number;
  diskRemaining: number;
  /** Finished live migrations: how long the guest was paused for the switch-over. */
  downtimeMs?: number;
}

export interface Hypervisor extends EventEmitter<HypervisorEvents> {
  /** Host CPUs and memory as the hypervisor counts them. */
  hostResources(): Promise<HostResources>;
  /**
   * The account a guest process of `virtType` runs as: the files a guest opens (its
   * disks, their bases) are group-owned by its gid. Throws FAILED_PRECONDITION when
   * the hypervisor does not say.
   */
  guestProcessOwner(virtType: VirtType): Promise<GuestProcessOwner>;
  /**
   * Defines the domain for `spec` (persistent, not started). Redefining replaces it; a
   * running domain keeps what it started with (and its metadata says so) until it stops.
   */
  define(spec: InstanceSpec): Promise<void>;
  /**
   * Starts a defined domain (restoring a managed save image if there is one).
   * FAILED_PRECONDITION when it runs already.
   */
  start(instanceId: string): Promise<void>;
  /** Presses the ACPI power button; returns at once. FAILED_PRECONDITION when it is not running. */
  acpiShutdown(instanceId: string): Promise<void>;
  /** Asks the guest to reboot through ACPI; returns at once. FAILED_PRECONDITION when it is not running. */
  acpiReboot(instanceId: string): Promise<void>;
  /** Stops the domain's process. Succeeds when it is absent or already stopped. */
  destroy(instanceId: string, options?: DestroyOptions): Promise<void>;
  /**
   * Removes the definition (and any managed save image). Succeeds when absent. A running
   * domain keeps running until it stops, and is gone then.
   */
  undefine(instanceId: string): Promise<void>;
  /**
   * Removes the hypervisor's own files about the instance that outlive its definition
   * (libvirt: the per-domain QEMU log and its rotations). Call it once the domain is
   * gone. Succeeds when there are none.
   */
  removeLogs(instanceId: string): Promise<void>;
  /**
   * Instances whose hypervisor logs are on the host (with or without a domain), what
   * removeLogs removes, among those whose guest's files were under `mentioning` (the
   * agent's instances dir: another agent's logs on a shared hypervisor are not listed).
   */
  loggedInstances(mentioning: string): Promise<string[]>;
  /** Freezes the guest's CPUs; a paused guest stays paused. FAILED_PRECONDITION when stopped. */
  pause(instanceId: string): Promise<void>;
  /** Resumes a paused guest. FAILED_PRECONDITION when it is not paused (running or stopped). */
  unpause(instanceId: string): Promise<void>;
  /**
   * Saves memory to a managed image and stops (Nova's suspend); `start` restores it.
   * FAILED_PRECONDITION when it is not running.
   */
  save(instanceId: string): Promise<void>;
  /** Drops a managed save image, leaving a plain stopped domain. Succeeds when none, or no domain. */
  discardSave(instanceId: string): Promise<void>;
  /** The domain's power state, or undefined when no such domain exists. */
  powerState(instanceId: string): Promise<PowerState | undefined>;
  /** Every strato domain on the host. */
  list(): Promise<DomainObservation[]>;
  /**
   * Hot-plugs a NIC on the port's (already wired) tap: into the running guest and its
   * persistent definition, or only the definition when the domain is stopped, and
   * records the port in the domain's metadata. A NIC with the port's MAC already there
   * is success. Throws NOT_FOUND without a domain.
   */
  attachPort(instanceId: string, port: PortSpec): Promise<void>;
  /**
   * Unplugs the NIC on host tap `tap` (ports are found by their tap, `tap<port id[:11]>`,
   * which the domain XML names) from the guest and the definition, returns once the
   * guest has released it (libvirt's device-removed event), and drops the port from the
   * metadata. Absent NIC or domain is success. The tap stays: the network driver owns it.
   */
  detachPort(instanceId: string, tap: string, options?: DetachOptions): Promise<void>;
  /**
   * Hot-plugs a volume disk: into the running guest and its persistent definition, or
   * only the definition when the domain is stopped, and records the volume in the
   * domain's metadata. Its secret (`setVolumeSecret`) must exist first. The volume
   * already at `volume.target` is success (a half left by an earlier try is completed).
   * Throws NOT_FOUND without a domain (and SECRET_NOT_FOUND without the secret, for a
   * running guest); FAILED_PRECONDITION DEVICE_IN_USE when another disk holds the target,
   * VOLUME_ATTACHED_ELSEWHERE when this volume holds another; UNAVAILABLE
   * (VOLUME_UNREACHABLE) when the iSCSI target refused or did not answer the login.
   * A failed attach leaves nothing attached.
   */
  attachVolume(instanceId: string, volume: VolumeSpec): Promise<void>;
  /**
   * Unplugs the disk of volume `volumeId` (its serial) from the guest and the definition,
   * returns once the guest released it, and drops it from the metadata. Absent disk or
   * domain is success. Throws DEADLINE_EXCEEDED (DETACH_TIMEOUT) when the guest did not
   * release it within the timeout: it stays attached to the running guest and the call
   * may be repeated. The volume's secret stays (`removeVolumeSecret`).
   */
  detachVolume(instanceId: string, volumeId: string, options?: DetachOptions): Promise<void>;
  /**
   * Tells a running guest that the disk of volume `volumeId` grew to `sizeBytes` (the
   * storage host serves it at that size already): a block resize the guest sees at once.
   * A stopped domain that has the disk is left alone (it opens the volume afresh at its
   * next start). Equal to the current size is success. Throws NOT_FOUND (no domain;
   * VOLUME_NOT_ATTACHED); INVALID_ARGUMENT (VOLUME_SHRINK_REFUSED) below the current size.
   */
  resizeVolume(instanceId: string, volumeId: string, sizeBytes: number): Promise<void>;
  /**
   * Holds `value` (a CHAP password) as the secret named by `volumeSecretUsage(volumeId)`,
   * which the volume's disk names: private (never handed back) and ephemeral (never
   * written to disk; libvirt loses it when libvirtd restarts). Defines it or replaces
   * its value.
   */
  setVolumeSecret(volumeId: string, value: string): Promise<void>;
  /** Removes the volume's secret. Absent is success. */
  removeVolumeSecret(volumeId: string): Promise<void>;
  /** Volume ids of every strato volume secret on the host (usage `strato-volume-<id>`; no one else's). */
  volumeSecrets(): Promise<string[]>;
  /**
   * What the domain's <metadata> says (hot-plugged ports and volumes included),
   * undefined when absent or foreign. Throws DATA_LOSS when unreadable.
   */
  metadata(instanceId: string): Promise<InstanceMetadata | undefined>;
  /**
   * The guest's serial console (ttyS0), interactive: bytes written reach the guest as
   * typed, what it prints is read (its file log, `consoleLogPath`, keeps recording).
   * One session per domain, and the newest wins: opening takes the console over and
   * the session that held it ends (end of data, no error). A session ends with end of
   * data when the guest stops; ending its writable side ends it and releases the
   * console; destroying it aborts it. Throws NOT_FOUND (no domain), FAILED_PRECONDITION
   * when it is not running (paused is running: its console opens and waits).
   */
  openConsole(instanceId: string): Promise<Duplex>;
  /** Starts a stopped domain with its CPUs paused (a cold move copies it so). FAILED_PRECONDITION when it runs. */
  startPaused(instanceId: string): Promise<void>;
  /**
   * Moves the running (live) or paused (cold) domain to the destination hypervisor,
   * copying its writable disks (no shared storage); the destination's disk files exist
   * already, empty, at the rewritten paths with the same virtual size. Resolves once the
   * guest is on the destination (running, or paused for a cold move) and defined there;
   * the domain here is stopped and keeps its definition. Resolves with the finished
   * job's figures when the hypervisor gives them. Rejects with the hypervisor's words
   * (CANCELLED after abortMigration): the guest is then still here and the destination
   * has no domain. NOT_FOUND without a domain.
   */
  migrate(instanceId: string, options: MigrateOptions): Promise<MigrationProgress | undefined>;
  /** The running migration's progress; undefined when none runs (or no domain). */
  migrationProgress(instanceId: string): Promise<MigrationProgress | undefined>;
  /** Cancels the running migration (the guest stays here). Succeeds when none runs. */
  abortMigration(instanceId: string): Promise<void>;
  /**
   * Changes a stopped domain's vCPUs and memory (its definition and metadata record
   * `flavor`). NOT_FOUND without a domain; FAILED_PRECONDITION when it runs.
   */
  setFlavor(instanceId: string, flavor: FlavorSpec): Promise<void>;
  close(): Promise<void>;
}

export type { FlavorSpec, InstanceSpec, PortSpec, VirtType, VolumeSpec };
