// A server's volumes as compute sees them, and the narrow block-storage seam the
// compute workflows use (implemented over conductor/volumes by
// volumes/server-volumes.ts; stubbed in unit tests). Attach and detach are
// actions of the server (its task_state serialises them with its other
// actions); the volume's own status follows along in the same transactions.
import type { StratoError } from '../../common/errors.ts';
import type { VolumeSpec } from '../../common/gen/strato/agent/v1/VolumeSpec.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import type { Principal } from '../identity/model.ts';
import type { QuotaDelta } from '../quotas/model.ts';
import type { Compare, Op } from '../store/store.ts';

/** Why a volume action failed, as a server's fault reads (instance-record.ts Fault; kept apart to import nothing back). */
export interface Fault {
  code: string;
  reason: string;
  message: string;
  at: string;
}

/** One volume of a server (Server.volumes). */
export interface InstanceVolume {
  volumeId: string;
  /** vda (boot) or vdc … vdz. */
  device: string;
  boot: boolean;
  deleteOnTermination: boolean;
  /** Made from the image for this server's boot (a failed boot deletes it with deleteOnTermination). */
  madeForServer?: boolean;
}

/** Records written together with the server's own (one transaction). */
export interface VolumeWrite {
  compares: Compare[];
  ops: Op[];
  /**
   * The server's quota, counted (and `alsoFits` checked) with the volume's own
   * in the transaction that writes both (one usage record per project, one write).
   */
  quota?: { delta: QuotaDelta; alsoFits?: QuotaDelta };
}

/** The server an attachment belongs to. */
export interface VolumeServer {
  id: string;
  name: string;
  projectId: string;
  /** '' before the server is placed. */
  host: string;
}

/** Where a volume made for a boot stands. */
export type BootVolumeState = { kind: 'ready' } | { kind: 'pending' } | { kind: 'failed'; fault: Fault };

/** What a server create or attach checks and writes, before anything runs. */
export interface ServerVolumeRequests {
  /** The id of the volume `ref` names, as `p` sees it, of project `projectId`. Errors: NOT_FOUND/VOLUME_NOT_FOUND naming `field`. */
  resolve(p: Principal, ref: string, field: string, projectId: string): Promise<string>;
  /**
   * The writes that attach the volume to the server, against the latest volume:
   * available → attaching, and its attachment (with a fresh CHAP secret).
   * Errors: FAILED_PRECONDITION VOLUME_IN_USE / VOLUME_NOT_AVAILABLE.
   */
  attachWrite(server: VolumeServer, v: InstanceVolume, madeForServer?: boolean): Promise<VolumeWrite>;
  /**
   * Makes a new volume from an image for the server's boot (placed and claimed
   * as CreateVolume does, sizes checked against `sizeField`), written in one
   * transaction with `withServer` (the server's own records) and its attachment;
   * returns the volume's id. Errors: those of CreateVolume.
   */
  createBootVolume(
    p: Principal,
    input: { name: string; image: string; sizeGib: number; sizeField: string; requestId: string },
    server: VolumeServer,
    deleteOnTermination: boolean,
    withServer: (volumeId: string) => VolumeWrite,
  ): Promise<string>;
  /** The writes that start detaching: in-use → detaching. Errors: FAILED_PRECONDITION INVALID_STATE. */
  detachWrite(serverId: string, volumeId: string): Promise<VolumeWrite>;
}

/** What the workflows do with a server's volumes; each call is idempotent. */
export interface ServerVolumeSteps {
  /** A volume made for a boot: whether it is ready to export. */
  bootVolumeState(volumeId: string): Promise<BootVolumeState>;
  /**
   * The storage host exports the volume to `computeHostId` (recorded on the
   * attachment first). Throws the storage agent's error, or a no-answer one.
   */
  export(volumeId: string, computeHostId: string, signal: AbortSignal): Promise<void>;
  /**
   * Evacuate: revokes the attachment's compute host's access at the storage host
   * (a fresh CHAP secret, no compute host recorded, the export removed), so a dead
   * host that comes back cannot write to the volume. Throws a no-answer error when
   * the storage host cannot be reached (the access is not revoked then).
   */
  revoke(volumeId: string, signal: AbortSignal): Promise<void>;
  /**
   * A move: the storage host admits `hostId` (the destination) as well as the
   * attachment's compute host, same CHAP secret (recorded on the attachment first).
   * Throws the storage agent's error, or a no-answer one.
   */
  admit(volumeId: string, hostId: string, signal: AbortSignal): Promise<void>;
  /**
   * A move ended: the attachment names `hostId` (the side that kept the server) and
   * the storage host admits it alone; the other side's access is revoked.
   * Idempotent. Throws the storage agent's error, or a no-answer one.
   */
  settle(volumeId: string, hostId: string, signal: AbortSignal): Promise<void>;
  /**
   * The disk spec a compute host attaches (the CHAP secret only travels here), under
   * `forHost`'s initiator name (@default the attachment's compute host).
   */
  spec(volumeId: string, forHost?: string): Promise<VolumeSpec>;
  attach(host: AgentTarget, instanceId: string, spec: VolumeSpec, signal: AbortSignal): Promise<void>;
  detach(host: AgentTarget, instanceId: string, volumeId: string, signal: AbortSignal): Promise<void>;
  /** Best effort: a storage host that cannot be reached is put right by the export reconcile. */
  unexport(volumeId: string, signal: AbortSignal): Promise<StratoError | undefined>;
  /** The attach is complete: the volume is in-use. */
  attached(volumeId: string, serverId: string): Promise<void>;
  /**
   * The server lets go of the volume: its attachment goes and it is available
   * again (an errored one stays in error), or deleted with `remove`; `fault`
   * says why when an attach failed.
   */
  release(volumeId: string, serverId: string, remove: boolean, fault?: Fault): Promise<void>;
  /** A detach failed: the volume is in-use again, with the fault. */
  detachFailed(volumeId: string, serverId: string, fault: Fault): Promise<void>;
}

export interface ServerVolumes extends ServerVolumeRequests, ServerVolumeSteps {}

/** The server's boot volume, if it boots from one. */
export function bootVolumeOf(vols: readonly InstanceVolume[] | undefined): InstanceVolume | undefined {
  return vols?.find((v) => v.boot);
}
