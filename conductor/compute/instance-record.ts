// An instance as stored, and where it lives:
//
//   /instances/<id>                            InstanceRecord
//   /compute/names/<projectId>/<name> <id>     { id }   servers of a project by name
//   /compute/all-names/<name> <id>             { id, projectId }   every server by name
//   /instance-actions/<id>/<seq>               ServerEventRecord (events.ts)
//
// Server names need not be unique (as in Nova), so each index holds one key per
// server; the space separator sorts below every character a name may contain,
// so listing an index is listing in name order ("a" before "a-b").
//
// `workflow` is the multi-step operation in progress, written BEFORE each step's
// side effect, so that a restarted conductor can finish it (see workflow.ts).
import type { InstanceNic } from './nics.ts';
import type { PowerState, TaskState, VmState } from './state-machine.ts';
import type { InstanceVolume } from './volumes.ts';

export const INSTANCES = '/instances/';
export const PROJECT_NAMES = '/compute/names/';
export const ALL_NAMES = '/compute/all-names/';

export const instanceKey = (id: string): string => INSTANCES + id;
export const projectNamesPrefix = (projectId: string): string => `${PROJECT_NAMES}${projectId}/`;
export const projectNameKey = (projectId: string, name: string, id: string): string =>
  `${projectNamesPrefix(projectId)}${name} ${id}`;
export const allNameKey = (name: string, id: string): string => `${ALL_NAMES}${name} ${id}`;

export interface NameIndexValue {
  id: string;
  projectId: string;
}

export interface FlavorCopy {
  id: string;
  name: string;
  vcpus: number;
  ramMib: number;
  diskGib: number;
}

export interface ImageCopy {
  id: string;
  sha256: string;
  sizeBytes: number;
  diskFormat: string;
}

export interface KeyPairCopy {
  name: string;
  /** One OpenSSH line. */
  publicKey: string;
}

export interface Fault {
  code: string;
  reason: string;
  message: string;
  at: string;
}

export type WorkflowKind = 'boot' | 'delete' | 'action' | 'evacuate' | 'migrate' | 'resize';

/**
 * Steps, in order:
 *   boot:   [ports →] [block-device →] schedule → [bind →] [export →] spawn
 *           → (done | schedule again on another host | fail)
 *           (ports: make the NICs' ports; block-device: wait for a boot volume made from
 *           the image; bind: bind the ports to the chosen host and push its network state;
 *           export: the boot volume's storage host exports it to the chosen host)
 *   delete: delete → [volumes →] [unplug →] release → purge   (volumes: let go of the
 *           server's volumes: available again, or deleted with delete_on_termination;
 *           unplug: unbind/delete the NICs' ports)
 *   action: act | plug (hot-plug the last NIC) | unplug-port (hot-unplug `portId`)
 *           | attach-volume | detach-volume (of `volumeId`)
 *   evacuate (evacuate-steps.ts): evacuate-revoke → evacuate-schedule → [evacuate-bind →]
 *           [evacuate-export →] evacuate-spawn → done | evacuate-fail (ERROR on the dead host)
 *   action: snapshot (export the root disk into image `imageId`; snapshot-steps.ts)
 *           | rebuild → rebuild-spawn (the old guest and disk go, then a spawn from the
 *             record's image on the same host; rebuild-steps.ts)
 *   fail:   release the claim, unbind the ports from the host and let go of the volumes,
 *           then ERROR (used by boot; with holdHost, ERROR keeping host, claim, bindings
 *           and volumes)
 *   migrate, resize (move-steps.ts, resize-steps.ts):
 *           move-schedule → [move-stop →] [move-net →] move-prepare → move-start → move-wait
 *           → move-arrive → (migrate: move-cleanup | resize: resize-verify → RESIZED)
 *           failure/abort at any point before arrival: move-rollback
 *           confirm: resize-confirm; revert: resize-revert → [resize-revert-start]
 */
export type WorkflowStep =
  | 'ports'
  | 'schedule'
  | 'bind'
  | 'spawn'
  | 'fail'
  | 'delete'
  | 'unplug'
  | 'release'
  | 'purge'
  | 'act'
  | 'plug'
  | 'unplug-port'
  | 'block-device'
  | 'export'
  | 'volumes'
  | 'attach-volume'
  | 'detach-volume'
  | 'evacuate-revoke'
  | 'evacuate-schedule'
  | 'evacuate-bind'
  | 'evacuate-export'
  | 'evacuate-spawn'
  | 'evacuate-fail'
  | 'move-schedule'
  | 'move-stop'
  | 'move-net'
  | 'move-volumes'
  | 'move-prepare'
  | 'move-start'
  | 'move-wait'
  | 'move-arrive'
  | 'move-cleanup'
  | 'move-rollback'
  | 'resize-verify'
  | 'resize-confirm'
  | 'resize-revert'
  | 'resize-revert-start'
  | 'snapshot'
  | 'rebuild'
  | 'rebuild-spawn';

export interface Workflow {
  /** Unique per operation: a step's result is applied only while this is still the workflow. */
  id: string;
  kind: WorkflowKind;
  step: WorkflowStep;
  requestId: string;
  /** The server event this operation reports into. */
  eventKey: string;
  /** boot: hosts where the spawn failed; never chosen again for this boot. */
  excludeHosts: string[];
  /** boot: one line per failed attempt, for the fault. */
  failures: string[];
  /** action: which, and whether hard. */
  action?: string;
  hard?: boolean;
  /** fail: the fault the instance ends with. */
  fault?: Fault;
  /**
   * fail: keep the host, its claim and the ports' binding to it (the build timed out
   * waiting for a host that does not answer, whose guest may still run). Delete
   * gives them back once the host confirms the guest is gone.
   */
  holdHost?: boolean;
  /**
   * boot: when the current host was chosen (conductor clock, ms). Bounds how long
   * bind and spawn wait for a host that does not answer (the build timeout).
   */
  placedAtMs?: number;
  /** boot: admin-forced host. */
  forceHost?: string;
  /** delete: attempts so far (drives the retry back-off). */
  tries?: number;
  /** unplug-port: the port to remove. */
  portId?: string;
  /** attach-volume, detach-volume: the volume. */
  volumeId?: string;
  /** attach-volume, detach-volume: when it began (conductor clock, ms); bounds waits for silent hosts. */
  startedAtMs?: number;
  /** evacuate: the dead host the server leaves. */
  evacuateFrom?: string;
  /** evacuate: the vm_state it ends in (Nova: SHUTOFF stays SHUTOFF, the rest ACTIVE). */
  targetVmState?: 'ACTIVE' | 'SHUTOFF';
  /** migrate, resize: an abort was asked for (AbortMigration); the move rolls back at its next step. */
  abort?: boolean;
  /** move-rollback: why the move ended without moving (the migration's error), '' = cancelled. */
  moveError?: string;
  /** move-arrive: when it began (conductor clock, ms); bounds how long a failing destination is waited for. */
  arriveSinceMs?: number;
  /** move-rollback: when removing the destination's copy first failed (conductor clock, ms). */
  rollbackSinceMs?: number;
  /** move-arrive: the start on the destination was asked: its copy may have run, no way back. */
  destStartAsked?: boolean;
  /** snapshot: the image being made. */
  imageId?: string;
}

/**
 * A move in flight (migrate, resize), kept on the instance from its acceptance to
 * its end (for a resize: until confirmed or reverted). The instance's own claim
 * stays on `sourceHost`; the destination holds a second claim keyed by
 * `moveClaimId(migrationId)` (move-claims.ts) until exactly one of them goes.
 */
export interface InstanceMove {
  migrationId: string;
  kind: 'cold' | 'live' | 'resize';
  sourceHost: string;
  /** '' until scheduled. */
  destHost: string;
  /** Admin-forced destination ('' = the scheduler picks). */
  forceHost: string;
  /** The flavor it runs with on the destination (resize: the new one; else its own). */
  flavor: FlavorCopy;
  /** The flavor it had at the start (a revert restores it). */
  oldFlavor: FlavorCopy;
  /** Whether the guest ran when the move began: a cold move or resize starts it again at the end. */
  wasRunning: boolean;
  /** MiB/s for the copy; 0 = unlimited. */
  bandwidthMibS: number;
  /** The destination's PrepareIncoming answer, passed to StartMigration unchanged. */
  destination?: { migrationAddress: string; instanceDir: string; imageDir: string; initiatorName?: string };
  /** resize: when it arrived (conductor clock, ms): the automatic confirm counts from here. */
  arrivedAtMs?: number;
  /** The volumes' storage hosts were asked to admit the destination: the move's end settles them (move-volume-steps.ts). */
  volumesAdmitted?: boolean;
}

export interface InstanceRecord {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  image: ImageCopy;
  flavor: FlavorCopy;
  vmState: VmState;
  taskState: TaskState;
  powerState: PowerState;
  /** '' before scheduling and after a failed build. */
  host: string;
  fault?: Fault;
  createdAt: string;
  updatedAt: string;
  launchedAt: string;
  /** base64 of the user data (≤ 64 KiB raw). */
  userData: string;
  metadata: Record<string, string>;
  /** NICs in guest order (absent on servers without network). */
  nics?: InstanceNic[];
  /** Volumes attached, attaching or detaching, the boot volume first (absent: none). */
  volumes?: InstanceVolume[];
  /** The key pair it was created with, copied (a later delete of the key pair changes nothing). */
  keyPair?: KeyPairCopy;
  /** Created with config_drive false: no config drive (absent: it has one). */
  noConfigDrive?: boolean;
  workflow?: Workflow;
  /** A move in flight, or a resize waiting to be confirmed or reverted. */
  move?: InstanceMove;
  /**
   * Conductor clock (ms) of the last state change made by a workflow: host
   * reports observed before it are stale and ignored (see power-sync.ts).
   */
  settledAtMs: number;
  /**
   * Hosts that may still hold a stale copy of this server (it was evacuated from
   * them): when one reports again, the conductor deletes its copy there and the
   * host leaves this list (compute/evacuate-stale.ts).
   */
  staleOn?: string[];
}
