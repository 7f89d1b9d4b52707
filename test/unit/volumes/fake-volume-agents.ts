// A FAKE directory of the agents' volume calls, for the conductor's unit tests:
// per host, an in-memory storage host (volumes, snapshots, exports) and a compute
// host (attached disks), each idempotent like the real ones, with switches to
// misbehave: give no answer at all (an agent restarting: grpc-js's own
// UNAVAILABLE), refuse the next call of a kind with an error, or hold creates
// until released. Every call is noted in `calls`. The real agents are tested
// against real tgtd and libvirt elsewhere.
import { StratoError } from '../../../common/errors.ts';
import type { VolumeSpec } from '../../../common/gen/strato/agent/v1/VolumeSpec.ts';
import type { AgentTarget } from '../../../conductor/agents/agent-api.ts';
import type {
  AgentVolume,
  ComputeVolumeApi,
  ExportRequest,
  StorageAgentApi,
  VolumeAgents,
} from '../../../conductor/agents/volume-agent-api.ts';

/** What grpc-js ends a call with when nobody answers: the reason is the code (no-answer.ts). */
export const noAnswer = () => new StratoError('UNAVAILABLE', 'UNAVAILABLE', 'connect ECONNREFUSED 127.0.0.1:1');

/** Waits for `p`, or rejects CANCELLED when `signal` aborts first (the conductor shutting down). */
function cancellable(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  return new Promise((resolve, reject) => {
    const cancel = () => reject(new StratoError('CANCELLED', 'CANCELLED', 'call cancelled'));
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel, { once: true });
    p.then(resolve, reject);
  });
}

export interface FakeStorageHost {
  volumes: Map<string, { sizeBytes: number; progress: number; creating: boolean }>;
  snapshots: Map<string, { volumeId: string }>;
  exports: Map<string, ExportRequest>;
}

export class FakeVolumeAgents implements VolumeAgents {
  readonly calls: string[] = [];
  readonly storageHosts = new Map<string, FakeStorageHost>();
  /** instance id → volume id → the spec it was attached with */
  readonly attached = new Map<string, Map<string, VolumeSpec>>();
  /** Hosts that give no answer while listed. */
  readonly silent = new Set<string>();
  /** The next call of this kind (e.g. 'create', 'attach') fails with the error. */
  readonly failNext = new Map<string, StratoError>();
  /** While set, creates wait for it (and report `progress` meanwhile). */
  hold: Promise<void> | undefined;
  progress = 0;

  host(id: string): FakeStorageHost {
    let h = this.storageHosts.get(id);
    if (!h) {
      h = { volumes: new Map(), snapshots: new Map(), exports: new Map() };
      this.storageHosts.set(id, h);
    }
    return h;
  }

  private async gate(host: AgentTarget, call: string): Promise<void> {
    this.calls.push(`${host.id} ${call}`);
    await Promise.resolve();
    if (this.silent.has(host.id)) throw noAnswer();
    const kind = call.split(' ')[0] ?? '';
    const err = this.failNext.get(kind);
    if (err) {
      this.failNext.delete(kind);
      throw err;
    }
  }

  storage(host: AgentTarget): StorageAgentApi {
    const h = this.host(host.id);
    const view = (id: string): AgentVolume => {
      const v = h.volumes.get(id);
      if (!v) throw new StratoError('NOT_FOUND', 'VOLUME_NOT_FOUND', `no volume ${id}`);
      return {
        volumeId: id,
        sizeBytes: String(v.sizeBytes),
        state: v.creating ? 'creating' : 'available',
        progressPercent: v.creating ? this.progress : 100,
        export: null,
      };
    };
    return {
      createVolume: async (req, o) => {
        const id = req.volumeId ?? '';
        await this.gate(host, `create ${id}`);
        if (!h.volumes.has(id)) h.volumes.set(id, { sizeBytes: Number(req.sizeBytes), progress: 0, creating: true });
        const v = h.volumes.get(id)!;
        if (this.hold) await cancellable(this.hold, o?.signal);
        if (this.silent.has(host.id)) throw noAnswer();
        v.creating = false;
        return view(id);
      },
      getVolume: async (id) => {
        await this.gate(host, `get ${id}`);
        return view(id);
      },
      extendVolume: async (id, sizeBytes) => {
        await this.gate(host, `extend ${id} ${sizeBytes}`);
        const v = h.volumes.get(id);
        if (!v) throw new StratoError('NOT_FOUND', 'VOLUME_NOT_FOUND', `no volume ${id}`);
        v.sizeBytes = Math.max(v.sizeBytes, sizeBytes);
        return view(id);
      },
      deleteVolume: async (id) => {
        await this.gate(host, `delete ${id}`);
        if (h.exports.has(id)) throw new StratoError('FAILED_PRECONDITION', 'VOLUME_EXPORTED', `${id} is exported`);
        h.volumes.delete(id);
      },
      createSnapshot: async (sid, vid) => {
        await this.gate(host, `snapshot ${sid}`);
        if (!h.volumes.has(vid)) throw new StratoError('NOT_FOUND', 'VOLUME_NOT_FOUND', `no volume ${vid}`);
        h.snapshots.set(sid, { volumeId: vid });
      },
      deleteSnapshot: async (sid) => {
        await this.gate(host, `unsnapshot ${sid}`);
        h.snapshots.delete(sid);
      },
      exportVolume: async (req) => {
        await this.gate(host, `export ${req.volumeId}`);
        if (!h.volumes.has(req.volumeId ?? '')) throw new StratoError('NOT_FOUND', 'VOLUME_NOT_FOUND', 'no volume');
        h.exports.set(req.volumeId ?? '', { ...req });
        return {
          volumeId: req.volumeId ?? '',
          targetIqn: `iqn.2026-01.io.strato:${req.volumeId}`,
          lun: 1,
          portal: `192.0.2.1:3260`,
          chapUser: `strato-${req.volumeId}`,
          initiatorName: req.initiatorName ?? '',
          initiatorAddress: req.initiatorAddress ?? '',
          sessions: 0,
          alsoAdmitted: (req.alsoAdmit ?? []).map((a) => ({ name: a.name ?? '', address: a.address ?? '' })),
        };
      },
      unexportVolume: async (id) => {
        await this.gate(host, `unexport ${id}`);
        h.exports.delete(id);
      },
      reconcileExports: async (exports) => {
        await this.gate(host, `reconcile ${exports.length}`);
        h.exports.clear();
        for (const e of exports) h.exports.set(e.volumeId ?? '', { ...e });
        return { exports: [], missingVolumeIds: [], steps: 0 };
      },
    };
  }

  compute(host: AgentTarget): ComputeVolumeApi {
    return {
      attachVolume: async (instanceId, spec) => {
        await this.gate(host, `attach ${instanceId} ${spec.volumeId}`);
        const disks = this.attached.get(instanceId) ?? new Map<string, VolumeSpec>();
        disks.set(spec.volumeId ?? '', { ...spec });
        this.attached.set(instanceId, disks);
      },
      detachVolume: async (instanceId, volumeId) => {
        await this.gate(host, `detach ${instanceId} ${volumeId}`);
        this.attached.get(instanceId)?.delete(volumeId);
      },
      refreshVolumeSize: async (instanceId, volumeId, sizeBytes) => {
        await this.gate(host, `refresh ${instanceId} ${volumeId} ${sizeBytes}`);
        if (!this.attached.get(instanceId)?.has(volumeId)) {
          throw new StratoError('NOT_FOUND', 'VOLUME_NOT_ATTACHED', `${volumeId} is not attached`);
        }
      },
    };
  }
}
