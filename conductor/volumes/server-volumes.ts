// ServerVolumes, the seam compute's workflows use (compute/volumes.ts), over
// block storage: attachments as records (one per volume, with its CHAP secret),
// the volume's status moved in the same transactions, exports made under the
// storage host's export lock, and the two agents' calls.
import { failedPrecondition, notFound, StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { VolumeAgents } from '../agents/volume-agent-api.ts';
import type { Fault } from '../compute/instance-record.ts';
import type { BootVolumeState, ServerVolumes, VolumeServer } from '../compute/volumes.ts';
import { refNotFound } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { BlockStorage } from './block-storage.ts';
import { exportRequest, initiatorAddress, newChapSecret, volumeSpec } from './export-spec.ts';
import { callHost, type HostLookup } from './host-call.ts';
import { attachmentKey } from './keys.ts';
import type { AttachmentRecord, VolumeRecord } from './model.ts';
import { volumeRefusal } from './state-machine.ts';
import type { StorageHostSource } from './volume-scheduler.ts';
import { modRevisionIs, startDelete } from './volumes.ts';

export interface ServerVolumesOptions {
  storage: BlockStorage;
  hosts: StorageHostSource & HostLookup;
  agents: VolumeAgents;
  /** How long a detach waits for the guest to release the disk. @default 60 */
  detachTimeoutS?: number;
  clock?: () => number;
  log?: Logger;
}

/** No answer, in the shape no-answer.ts recognises (its reason is its code). */
const silent = (message: string) => new StratoError('UNAVAILABLE', 'UNAVAILABLE', message);

export function serverVolumes(o: ServerVolumesOptions): ServerVolumes {
  const { storage, hosts, agents } = o;
  const store = storage.volumes.volumes.store;
  const clock = o.clock ?? Date.now;
  const log = (o.log ?? rootLog).child({ component: 'server-volumes' });
  const nowIso = () => new Date(clock()).toISOString();
  const attachmentOf = (volumeId: string) => getOrUndefined<AttachmentRecord>(store, attachmentKey(volumeId));
  const absent = (key: string) => ({ kind: 'absent' as const, key });

  function newAttachment(
    server: VolumeServer,
    v: VolumeRecord,
    iv: { device: string; boot: boolean; deleteOnTermination: boolean },
    made: boolean,
  ): AttachmentRecord {
    return {
      volumeId: v.id,
      serverId: server.id,
      serverName: server.name,
      projectId: server.projectId,
      device: iv.device,
      boot: iv.boot,
      deleteOnTermination: iv.deleteOnTermination,
      madeForServer: made,
      storageHost: v.host,
      computeHost: server.host,
      chapSecret: newChapSecret(),
      createdAt: nowIso(),
      attachedAt: '',
    };
  }

  /** Applies `change` to the volume and its attachment (of `serverId`) in one transaction; retried on races. */
  async function update(
    volumeId: string,
    serverId: string,
    change: (
      v: VolumeRecord,
      a: AttachmentRecord | undefined,
    ) => { volume?: VolumeRecord; attachment?: AttachmentRecord | null } | undefined,
  ): Promise<boolean> {
    for (;;) {
      const v = await storage.volumes.volumes.entry(volumeId);
      if (!v) return false;
      const a = await attachmentOf(volumeId);
      const mine = a && a.value.serverId === serverId ? a : undefined;
      const next = change(v.value, mine?.value);
      if (!next) return false;
      const compares = [modRevisionIs(v), a ? modRevisionIs(a) : absent(attachmentKey(volumeId))];
      const ops = [];
      if (next.volume) ops.push({ kind: 'put' as const, key: v.key, value: { ...next.volume, updatedAt: nowIso() } });
      if (next.attachment === null && mine) ops.push({ kind: 'delete' as const, key: mine.key });
      if (next.attachment) ops.push({ kind: 'put' as const, key: attachmentKey(volumeId), value: next.attachment });
      if ((await store.txn(compares, ops)).succeeded) return true;
    }
  }

  /** A compute host's address the storage host admits; no answer while it is not registered. */
  async function addressOf(hostId: string): Promise<string> {
    const h = await hosts.get(hostId);
    if (!h) throw silent(`host ${hostId} is not registered`);
    const address = initiatorAddress(h);
    if (typeof address !== 'string') throw address;
    return address;
  }

  /** The export the attachment calls for: its compute host, and its move's destination while it moves. */
  async function exportOf(a: AttachmentRecord) {
    const incoming = a.incomingHost ? await addressOf(a.incomingHost) : undefined;
    return exportRequest(a, await addressOf(a.computeHost), incoming);
  }

  /**
   * Changes the attachment (`change` answers undefined when it has nothing to change)
   * and exports the volume as the record then says, under the storage host's export lock.
   */
  async function reexport(
    volumeId: string,
    signal: AbortSignal,
    change: (a: AttachmentRecord) => AttachmentRecord | undefined,
  ): Promise<AttachmentRecord> {
    const first = await attachmentOf(volumeId);
    if (!first) throw failedPrecondition('VOLUME_NOT_ATTACHED', `volume ${volumeId} has no attachment to export`);
    const target = await storageTarget(first.value.storageHost);
    return storage.exportLocks.run(target.id, async () => {
      // Recorded before the export, so a reconcile pass (under the same lock) calls for it too.
      await update(volumeId, first.value.serverId, (v, a) => {
        const next = a && change(a);
        return next ? { volume: v, attachment: next } : undefined;
      });
      const a = (await attachmentOf(volumeId))?.value;
      if (!a) throw failedPrecondition('VOLUME_NOT_ATTACHED', `volume ${volumeId} has no attachment to export`);
      await agents.storage(target).exportVolume(await exportOf(a), { signal });
      return a;
    });
  }

  async function storageTarget(hostId: string) {
    const h = await hosts.get(hostId);
    if (!h) throw silent(`storage host ${hostId} is not registered`);
    return h;
  }

  return {
    async resolve(p, ref, field, projectId) {
      const e = await storage.volumes.volumes.resolve(p, ref, field);
      // A volume of another project than the server's is no volume the server can have.
      if (e.value.projectId !== projectId) throw refNotFound('volume', field, ref);
      return e.value.id;
    },

    async attachWrite(server, iv, made = false) {
      const e = await storage.volumes.mustGet(iv.volumeId);
      const refusal = volumeRefusal({ ...e.value, serverId: await storage.volumes.serverOf(iv.volumeId) }, 'attach');
      if (refusal) throw refusal;
      const a = newAttachment(server, e.value, iv, made);
      return {
        compares: [modRevisionIs(e), absent(attachmentKey(iv.volumeId))],
        ops: [
          { kind: 'put', key: e.key, value: { ...e.value, status: 'attaching', updatedAt: nowIso() } },
          { kind: 'create', key: attachmentKey(iv.volumeId), value: a },
        ],
      };
    },

    async createBootVolume(p, input, server, deleteOnTermination, withServer) {
      const v = await storage.volumes.create(
        p,
        {
          name: input.name,
          description: '',
          sizeGib: input.sizeGib,
          source: { kind: 'image', ref: input.image },
          backend: '',
        },
        input.requestId,
        (vol) => {
          const w = withServer(vol.id);
          const a = newAttachment(server, vol, { device: 'vda', boot: true, deleteOnTermination }, true);
          return {
            compares: [...w.compares, absent(attachmentKey(vol.id))],
            ops: [...w.ops, { kind: 'create', key: attachmentKey(vol.id), value: a }],
            ...(w.quota ? { quota: w.quota } : {}),
          };
        },
        input.sizeField,
      );
      return v.id;
    },

    async detachWrite(serverId, volumeId) {
      const e = await storage.volumes.mustGet(volumeId);
      const a = await attachmentOf(volumeId);
      if (!a || a.value.serverId !== serverId) {
        throw notFound('VOLUME_NOT_ATTACHED', `volume ${volumeId} is not attached to server ${serverId}`, {
          details: { volume: volumeId, server: serverId },
        });
      }
      const refusal = volumeRefusal({ ...e.value, serverId }, 'detach');
      if (refusal) throw refusal;
      return {
        compares: [modRevisionIs(e), modRevisionIs(a)],
        ops: [{ kind: 'put', key: e.key, value: { ...e.value, status: 'detaching', updatedAt: nowIso() } }],
      };
    },

    async bootVolumeState(volumeId): Promise<BootVolumeState> {
      const v = (await storage.volumes.volumes.entry(volumeId))?.value;
      const at = nowIso();
      if (!v)
        return {
          kind: 'failed',
          fault: { code: 'NOT_FOUND', reason: 'VOLUME_NOT_FOUND', message: `boot volume ${volumeId} is gone`, at },
        };
      if (v.status === 'creating' || v.status === 'downloading') return { kind: 'pending' };
      if (v.status === 'attaching' || v.status === 'in-use') return { kind: 'ready' };
      const why = v.fault ? `${v.fault.reason}: ${v.fault.message}` : `it is ${v.status}`;
      return {
        kind: 'failed',
        fault: {
          code: v.fault?.code ?? 'FAILED_PRECONDITION',
          reason: 'BOOT_VOLUME_FAILED',
          message: `boot volume ${v.name || v.id} could not be made: ${why}`,
          at,
        },
      };
    },

    async export(volumeId, computeHostId, signal) {
      const first = await attachmentOf(volumeId);
      if (!first) throw failedPrecondition('VOLUME_NOT_ATTACHED', `volume ${volumeId} has no attachment to export`);
      const compute = await hosts.get(computeHostId);
      if (!compute) throw silent(`host ${computeHostId} is not registered`);
      const address = initiatorAddress(compute);
      if (typeof address !== 'string') throw address;
      const target = await storageTarget(first.value.storageHost);
      await storage.exportLocks.run(target.id, async () => {
        // Recorded before the export, so a reconcile pass (under the same lock) calls for it too.
        await update(volumeId, first.value.serverId, (v, a) =>
          a && a.computeHost !== computeHostId
            ? { volume: v, attachment: { ...a, computeHost: computeHostId } }
            : undefined,
        );
        const a = (await attachmentOf(volumeId))?.value;
        if (!a) throw failedPrecondition('VOLUME_NOT_ATTACHED', `volume ${volumeId} has no attachment to export`);
        await agents.storage(target).exportVolume(exportRequest(a, address), { signal });
      });
      log.info({ volumeId, hostId: target.id, computeHost: computeHostId }, 'volume exported');
    },

    async revoke(volumeId, signal) {
      const first = await attachmentOf(volumeId);
      if (!first) throw failedPrecondition('VOLUME_NOT_ATTACHED', `volume ${volumeId} has no attachment to revoke`);
      const target = await storageTarget(first.value.storageHost);
      await storage.exportLocks.run(target.id, async () => {
        // Recorded first: a reconcile pass (under the same lock) then calls for no export either.
        await update(volumeId, first.value.serverId, (v, a) =>
          a && a.computeHost !== ''
            ? { volume: v, attachment: { ...a, computeHost: '', chapSecret: newChapSecret() } }
            : undefined,
        );
        await agents.storage(target).unexportVolume(volumeId, { signal });
      });
      log.info({ volumeId, hostId: target.id, revokedHost: first.value.computeHost }, 'volume access revoked');
    },

    async admit(volumeId, hostId, signal) {
      await reexport(volumeId, signal, (a) =>
        a.incomingHost === hostId || a.computeHost === hostId ? undefined : { ...a, incomingHost: hostId },
      );
      log.info({ volumeId, computeHost: hostId }, 'volume admits a move destination too');
    },

    async settle(volumeId, hostId, signal) {
      const a = await reexport(volumeId, signal, (a) => {
        if (a.computeHost === hostId && a.incomingHost === undefined) return undefined;
        const { incomingHost: _done, ...rest } = a;
        return { ...rest, computeHost: hostId };
      });
      log.info({ volumeId, computeHost: a.computeHost }, 'volume exported to the host the server rests on');
    },

    async spec(volumeId, forHost) {
      const a = (await attachmentOf(volumeId))?.value;
      const v = (await storage.volumes.volumes.entry(volumeId))?.value;
      if (!a || !v) throw failedPrecondition('VOLUME_NOT_ATTACHED', `volume ${volumeId} has no attachment`);
      const h = await hosts.get(a.storageHost);
      const portal = h?.storage?.iscsiPortal;
      if (!portal) throw silent(`storage host ${a.storageHost} is not registered as one`);
      return volumeSpec(a, portal, v.sizeGib, forHost ?? a.computeHost);
    },

    attach: (host, instanceId, spec, signal) => agents.compute(host).attachVolume(instanceId, spec, { signal }),

    detach: (host, instanceId, volumeId, signal) =>
      agents.compute(host).detachVolume(instanceId, volumeId, o.detachTimeoutS ?? 60, { signal }),

    async unexport(volumeId, signal) {
      const a = (await attachmentOf(volumeId))?.value;
      const hostId = a?.storageHost ?? (await storage.volumes.volumes.entry(volumeId))?.value.host ?? '';
      const r = await storage.exportLocks.run(hostId, async () => {
        // Recorded first (the attachment itself goes with release, after the lock): a reconcile
        // pass between the unexport and the release would otherwise export the volume again.
        if (a && a.computeHost !== '') {
          await update(volumeId, a.serverId, (v, att) =>
            att && att.computeHost !== '' ? { volume: v, attachment: { ...att, computeHost: '' } } : undefined,
          );
        }
        return callHost(hosts, hostId, signal, (h) => agents.storage(h).unexportVolume(volumeId, { signal }));
      });
      if (r.ok) return undefined;
      log.warn({ volumeId, hostId, code: r.error.code, reason: r.error.reason }, 'unexport left to the reconcile');
      return r.error;
    },

    async attached(volumeId, serverId) {
      await update(volumeId, serverId, (v, a) => {
        if (!a || (v.status === 'in-use' && a.attachedAt !== '')) return undefined;
        const { fault: _gone, ...rest } = v;
        const status = v.status === 'attaching' ? 'in-use' : v.status;
        return { volume: { ...rest, status }, attachment: { ...a, attachedAt: a.attachedAt || nowIso() } };
      });
    },

    async release(volumeId, serverId, remove, fault?: Fault) {
      let deleting = false;
      await update(volumeId, serverId, (v, a) => {
        if (!a) return undefined;
        const withFault = fault ? { ...v, fault } : v;
        if (v.op?.kind === 'create') {
          // Still being made: the create ends in available once the attachment is gone (or deletes it).
          return { volume: remove ? { ...withFault, deleteWhenCreated: true } : withFault, attachment: null };
        }
        if (v.op?.kind === 'extend') {
          return { volume: { ...withFault, op: { ...v.op, returnTo: 'available' } }, attachment: null };
        }
        if (remove && v.status !== 'deleting') {
          deleting = true;
          return { volume: startDelete(withFault, `server ${serverId} deleted`, clock()), attachment: null };
        }
        const status = v.status === 'error' || v.status === 'deleting' ? v.status : 'available';
        if (status !== 'available' || fault) return { volume: { ...withFault, status }, attachment: null };
        // A detach that worked: the last failure is history.
        const { fault: _old, ...clean } = v;
        return { volume: { ...clean, status }, attachment: null };
      });
      if (deleting) storage.volumeOps.kick(volumeId);
      log.info({ volumeId, serverId, deleted: deleting }, 'volume released by server');
    },

    async detachFailed(volumeId, serverId, fault) {
      await update(volumeId, serverId, (v, a) =>
        a && v.status === 'detaching' ? { volume: { ...v, status: 'in-use', fault } } : undefined,
      );
    },
  };
}
