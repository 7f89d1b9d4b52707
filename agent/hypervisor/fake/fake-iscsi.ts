// The iSCSI side of the fake hypervisor: the volume secrets a host holds and the
// targets its guests can log in to (what a storage host exports), so a fake guest's
// login fails as QEMU's does — a missing secret, an unknown target, a wrong CHAP
// password or initiator name — and a resize sees the size the target serves.
import { StratoError } from '../../../common/errors.ts';
import type { VolumeSpec } from '../instance-spec.ts';
import { volumeOfSecretUsage } from '../volume-secret.ts';

/** One exported LUN, as a storage host would serve it. */
export interface FakeTarget {
  chapUser: string;
  password: string;
  /** The only initiator name admitted (tgt's name ACL). */
  initiator: string;
  sizeBytes: number;
}

const targetKey = (v: VolumeSpec): string => `${v.iscsi.host}:${v.iscsi.port}/${v.iscsi.iqn}/${v.iscsi.lun}`;

export class FakeIscsi {
  /** Volume id → the secret's value. */
  readonly secrets = new Map<string, string>();
  /**
   * Admit logins to targets nobody served (with any password): for a fake host whose
   * storage hosts are fakes too (the conductor's fake agents), where no test serves
   * targets. Served targets are checked all the same. @default false (as QEMU: refused)
   */
  acceptUnknownTargets = false;
  readonly #targets = new Map<string, FakeTarget>();

  /** Serves `volume`'s target (test set-up: what AgentStorage.ExportVolume does on a storage host). */
  serve(volume: VolumeSpec, target: FakeTarget): void {
    this.#targets.set(targetKey(volume), { ...target });
  }

  /** The storage host grew the LUN (ExtendVolume re-created it at the new size). */
  grow(volume: VolumeSpec, sizeBytes: number): void {
    const t = this.#targets.get(targetKey(volume));
    if (t !== undefined) t.sizeBytes = sizeBytes;
  }

  /** The size a target serves; undefined for a target nobody served. */
  sizeOf(volume: VolumeSpec): number | undefined {
    return this.#targets.get(targetKey(volume))?.sizeBytes;
  }

  /**
   * QEMU opening the volume's disk: the size it sees. Throws like libvirt: NOT_FOUND
   * SECRET_NOT_FOUND, UNAVAILABLE VOLUME_UNREACHABLE (a refused or unanswered login).
   */
  login(volume: VolumeSpec): number {
    const auth = volume.iscsi.auth;
    const usage = auth?.secretUsage;
    const volumeId = usage === undefined ? undefined : volumeOfSecretUsage(usage);
    const password = volumeId === undefined ? undefined : this.secrets.get(volumeId);
    if (auth !== undefined && password === undefined) {
      throw new StratoError('NOT_FOUND', 'SECRET_NOT_FOUND', `fake: no secret with matching usage '${usage}'`);
    }
    const t = this.#targets.get(targetKey(volume));
    if (t === undefined && this.acceptUnknownTargets) return 0;
    const why =
      t === undefined
        ? 'Target not found'
        : auth === undefined || t.chapUser !== auth.username || t.password !== password
          ? 'Authentication failure'
          : t.initiator !== volume.iscsi.initiator
            ? 'Target not found'
            : undefined;
    if (why !== undefined) {
      throw new StratoError(
        'UNAVAILABLE',
        'VOLUME_UNREACHABLE',
        `fake: the volume's iSCSI target refused or did not answer the login: iSCSI: Failed to log in to target. Status: ${why}`,
      );
    }
    return t!.sizeBytes;
  }
}
