// The fake hypervisor's domain: what FakeHypervisor keeps per instance, the
// operations a test can make fail, the errors it answers with (libvirt's codes
// as strato maps them) and the views derived from a domain.
import { StratoError } from '../../../common/errors.ts';
import type { PowerState } from '../hypervisor.ts';
import type { InstanceMetadata } from '../instance-metadata.ts';
import { CONFIG_DRIVE_TARGET, type InstanceSpec, ROOT_DISK_TARGET, specVolumes } from '../instance-spec.ts';
import type { DiskSlot } from '../volume-targets.ts';

export type FakeState = 'running' | 'paused' | 'shutoff' | 'crashed';

export interface FakeDomain {
  /** The definition the domain runs with (stopped: will start with); NICs follow hot-plugs. */
  spec: InstanceSpec;
  /** A redefinition made while it ran: libvirt applies it at the next start. */
  next?: InstanceSpec;
  /** What its metadata says: the definition as defined or last started, and its hot-plugs since. */
  metadata: InstanceMetadata;
  /** Volume id → the size the running guest sees (set at login: start or hot-plug). */
  volumeSizes: Map<string, number>;
  /** Volumes whose unplug a paused guest has not answered yet (it does when it runs again). */
  pendingUnplugs: Set<string>;
  state: FakeState;
  managedSave: boolean;
  /** False once undefined while it ran: like libvirt's transient domains, it goes when it stops. */
  persistent: boolean;
}

export type FakeOp =
  | 'define'
  | 'start'
  | 'acpiShutdown'
  | 'acpiReboot'
  | 'destroy'
  | 'undefine'
  | 'removeLogs'
  | 'pause'
  | 'unpause'
  | 'save'
  | 'attachPort'
  | 'detachPort'
  | 'attachVolume'
  | 'detachVolume'
  | 'resizeVolume'
  | 'setVolumeSecret'
  | 'removeVolumeSecret'
  | 'migrate'
  | 'setFlavor';

export function fakeNotFound(id: string): StratoError {
  return new StratoError('NOT_FOUND', 'DOMAIN_NOT_FOUND', `fake: no domain for instance ${id}`);
}

export function fakeInvalid(message: string): StratoError {
  return new StratoError('FAILED_PRECONDITION', 'OPERATION_INVALID', `fake: ${message}`);
}

/** The disks of a definition as the target rule sees them. */
export function diskSlots(spec: InstanceSpec): DiskSlot[] {
  const slots: DiskSlot[] = specVolumes(spec).map((v) => ({ target: v.target, serial: v.id }));
  if (spec.rootDisk.kind !== 'volume') slots.push({ target: ROOT_DISK_TARGET });
  if (spec.configDrive !== undefined) slots.push({ target: CONFIG_DRIVE_TARGET });
  return slots;
}

/** A fake domain's power state, as `powerState` reports it. */
export function fakePowerState(d: FakeDomain): PowerState {
  if (d.state === 'shutoff') return d.managedSave ? 'suspended' : 'shutdown';
  return d.state;
}
