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
import type { InstanceMetadata } from './instance-metadata.ts';
import type { InstanceSpec, PortSpec, VirtType } from './instance-spec.ts';

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

export interface DestroyOptions {
  /** Only ask the guest's process to exit (SIGTERM); fail rather than kill it. */
  graceful?: boolean;
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
   * persistent definition, or only the definition when the domain is stopped. A NIC
   * with the port's MAC already there is success. Throws NOT_FOUND without a domain.
   */
  attachPort(instanceId: string, port: PortSpec): Promise<void>;
  /**
   * Unplugs the NIC on host tap `tap` (ports are found by their tap, `tap<port id[:11]>`,
   * which the domain XML names) from the guest and the definition, and returns once
   * the guest has released it (libvirt's device-removed event). Absent NIC or domain
   * is success. The tap stays: the network driver owns it.
   */
  detachPort(instanceId: string, tap: string, options?: { timeoutMs?: number }): Promise<void>;
  /** What the domain's <metadata> says, undefined when absent or foreign. Throws DATA_LOSS when unreadable. */
  metadata(instanceId: string): Promise<InstanceMetadata | undefined>;
  close(): Promise<void>;
}

export type { InstanceSpec, PortSpec, VirtType };
