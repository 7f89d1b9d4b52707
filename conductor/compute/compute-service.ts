// Server operations as the public API offers them. Each mutating call checks
// the request against the LATEST record, then writes the record (with the
// workflow that will carry the operation out) and the server event in one
// transaction, and hands the instance to the workflow driver. The call returns
// once the operation is accepted; the state moves as the host works.
import { randomUUID } from 'node:crypto';
import { failedPrecondition, notFound } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentDirectory } from '../agents/agent-api.ts';
import { isAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { NO_LIMITS, type QuotaDelta } from '../quotas/model.ts';
import { QUOTA_ATTEMPTS, Quotas, quotaContended } from '../quotas/quotas.ts';
import type { Page, PageRequest } from '../store/paging.ts';
import type { Op, Store } from '../store/store.ts';
import { beginOperation } from './begin-operation.ts';
import type { CreateServerInput, KeyPairLookup } from './create-server-input.ts';
import type { Catalog } from './catalog.ts';
import { listEvents, newEventKey, type ServerEventRecord, startedEvent } from './events.ts';
import { imageVerbRefusal, VERB_RULES } from './image-rebuild-rules.ts';
import {
  allNameKey,
  type InstanceRecord,
  instanceKey,
  type KeyPairCopy,
  projectNameKey,
  type Workflow,
  type WorkflowStep,
} from './instance-record.ts';
import { newInstanceRecord } from './new-instance.ts';
import type { InstanceNic, NicRequest, ServerNetworking } from './nics.ts';
import { findServer, listServers } from './server-lookup.ts';
import { updateServer } from './server-update.ts';
import type { SnapshotImages } from './snapshot-images.ts';
import { actionRefusal, deleteIsRepeat, parseAction, portChangeRefusal, ruleFor } from './state-machine.ts';
import { instanceUsage } from './usage.ts';
import { checkForceHost, checkImageFitsFlavor, MAX_NICS, validateBootSource } from './validate.ts';
import { bootVolumeName, parseDevice, pickDevice } from './volume-devices.ts';
import { bootVolumeOf, type InstanceVolume, type ServerVolumes, type VolumeWrite } from './volumes.ts';
import type { HostLookup } from './workflow.ts';
import type { WorkflowDriver } from './workflow-driver.ts';

export interface ComputeServiceOptions {
  store: Store;
  catalog: Catalog;
  driver: WorkflowDriver;
  hosts: HostLookup;
  agents: AgentDirectory;
  /** Without it, servers cannot have NICs (FAILED_PRECONDITION NETWORKING_NOT_CONFIGURED). */
  net?: ServerNetworking;
  /** Without it, servers cannot have volumes (FAILED_PRECONDITION VOLUMES_NOT_CONFIGURED). */
  volumes?: ServerVolumes;
  /** Per-project quotas, checked and counted as each server is created. @default counted, never enforced */
  quotas?: Quotas;
  /** Without it, key_name is refused (FAILED_PRECONDITION KEYPAIRS_NOT_CONFIGURED). */
  keyPairs?: KeyPairLookup;
  /** Without it, CreateServerImage is refused (FAILED_PRECONDITION IMAGES_NOT_CONFIGURED). */
  images?: SnapshotImages;
  clock?: () => number;
  log?: Logger;
}

export const DEFAULT_CONSOLE_LINES = 100;
export const MAX_CONSOLE_LINES = 10_000;

export class ComputeService {
  private readonly o: ComputeServiceOptions;
  private readonly store: Store;
  private readonly quotas: Quotas;
  private readonly clock: () => number;
  private readonly log: Logger;

  constructor(o: ComputeServiceOptions) {
    this.o = o;
    this.store = o.store;
    this.quotas = o.quotas ?? new Quotas({ store: o.store, defaults: NO_LIMITS });
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'compute' });
  }

  async create(input: CreateServerInput, p: Principal, requestId: string): Promise<InstanceRecord> {
    // Each field's format was checked at the API edge (conductor/api/schemas/servers.ts).
    const host = input.host ?? '';
    const requests = input.networks ?? [];
    const name = input.name;
    const userData = Buffer.from(input.userData ?? new Uint8Array());
    const metadata = { ...input.metadata };
    const boot = validateBootSource({
      image: input.image,
      bootVolume: input.bootVolume ?? '',
      bootFromImageVolumeGib: input.bootFromImageVolumeGib ?? 0,
      deleteVolumeOnTermination: input.deleteVolumeOnTermination ?? false,
    });
    const forceHost = checkForceHost(host, isAdmin(p));
    const [image, flavor] = await Promise.all([
      boot.kind === 'volume' ? Promise.resolve(undefined) : this.o.catalog.image(input.image, p),
      this.o.catalog.flavor(input.flavor),
    ]);
    // A volume-backed server's root disk is its volume: the flavor's disk does not apply.
    if (boot.kind === 'image' && image) checkImageFitsFlavor(image, flavor);
    const nics = await this.resolveNics(p, requests);
    const keyPair = await this.keyPairOf(p, input.keyName ?? '');
    const nowMs = this.clock();
    const now = new Date(nowMs).toISOString();
    const id = randomUUID();
    const eventKey = newEventKey(id, nowMs);
    const fresh = {
      id,
      name,
      owner: p,
      image,
      flavor,
      userData,
      metadata,
      nics,
      keyPair,
      configDrive: input.configDrive ?? true,
      volumeBacked: boot.kind !== 'image',
      forceHost,
      requestId,
      eventKey,
      nowMs,
    };
    const record = (volumes: InstanceVolume[]): InstanceRecord => newInstanceRecord(fresh, volumes);
    const event = startedEvent('create', { requestId, userId: p.userId, projectId: p.projectId }, now);
    const serverOps = (rec: InstanceRecord): Op[] => [
      { kind: 'create', key: instanceKey(id), value: rec },
      { kind: 'create', key: projectNameKey(p.projectId, name, id), value: { id, projectId: p.projectId } },
      { kind: 'create', key: allNameKey(name, id), value: { id, projectId: p.projectId } },
      { kind: 'create', key: eventKey, value: event },
    ];
    const server = { id, name, projectId: p.projectId, host: '' };
    // The server counts from its record's creation (same transaction) to its purge; the
    // ports its boot will make are counted when made, but must fit now too.
    const quota = {
      delta: instanceUsage.usageOf({ projectId: p.projectId, flavor }).delta,
      alsoFits: { ports: nics.filter((n) => n.owned).length } satisfies QuotaDelta,
    };
    const claim = () => this.quotas.claim(p.projectId, quota.delta, quota.alsoFits);
    let rec: InstanceRecord;
    if (boot.kind === 'image') {
      rec = record([]);
      await this.untilCommitted(p.projectId, async () => {
        const q = await claim();
        return (await this.store.txn(q.compares, [...serverOps(rec), ...q.ops])).succeeded;
      });
    } else if (boot.kind === 'volume') {
      const vols = this.needVolumes();
      const volumeId = await vols.resolve(p, boot.ref, 'boot_volume', p.projectId);
      const iv = { volumeId, device: 'vda', boot: true, deleteOnTermination: boot.deleteOnTermination };
      rec = record([iv]);
      await this.untilCommitted(p.projectId, async () => {
        const [w, q] = await Promise.all([vols.attachWrite(server, iv), claim()]);
        return (await this.store.txn([...w.compares, ...q.compares], [...serverOps(rec), ...w.ops, ...q.ops]))
          .succeeded;
      });
    } else {
      let made: InstanceRecord | undefined;
      const vol = { boot: true, device: 'vda', deleteOnTermination: boot.deleteOnTermination, madeForServer: true };
      await this.needVolumes().createBootVolume(
        p,
        {
          name: bootVolumeName(name),
          image: input.image,
          sizeGib: boot.sizeGib,
          sizeField: 'boot_from_image_volume_gib',
          requestId,
        },
        server,
        boot.deleteOnTermination,
        (volumeId) => {
          made = record([{ ...vol, volumeId }]);
          // Counted with the volume's own quota, in the one transaction that writes both.
          return { compares: [], ops: serverOps(made), quota };
        },
      );
      rec = made as unknown as InstanceRecord;
    }
    this.log.info(
      {
        instanceId: id,
        requestId,
        projectId: p.projectId,
        image: image?.id ?? '',
        flavor: flavor.id,
        forceHost,
        boot: boot.kind,
      },
      'server accepted',
    );
    this.o.driver.kick(id);
    return rec;
  }

  /**
   * Runs a create's write (which re-reads the project's quota usage, and a boot
   * volume, each time) until it commits: a lost compare means another create or
   * delete committed first. ABORTED/QUOTA_CONTENDED when it keeps losing.
   */
  private async untilCommitted(projectId: string, write: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < QUOTA_ATTEMPTS; i++) if (await write()) return;
    throw quotaContended(projectId);
  }

  /** The key pair named, copied for the record; undefined for none. */
  private async keyPairOf(p: Principal, name: string): Promise<KeyPairCopy | undefined> {
    if (name === '') return undefined;
    if (!this.o.keyPairs) {
      throw failedPrecondition('KEYPAIRS_NOT_CONFIGURED', 'this conductor has no key pairs; servers cannot have one');
    }
    const k = await this.o.keyPairs.get(p, name, 'key_name');
    return { name: k.name, publicKey: k.publicKey };
  }

  private needVolumes(): ServerVolumes {
    if (!this.o.volumes) {
      throw failedPrecondition(
        'VOLUMES_NOT_CONFIGURED',
        'this conductor has no block storage; servers cannot have volumes',
      );
    }
    return this.o.volumes;
  }

  /** Attaches a volume (see AddServerVolume in server.proto). */
  async addVolume(ref: string, volumeRef: string, device: string, p: Principal, requestId: string) {
    const want = parseDevice(device);
    const server = (await findServer(this.store, ref, p)).value;
    const vols = this.needVolumes();
    const volumeId = await vols.resolve(p, volumeRef, 'volume', server.projectId);
    let added: InstanceVolume | undefined;
    const rec = await this.begin(
      server.id,
      p,
      requestId,
      'attach volume',
      { step: 'attach-volume', volumeId, startedAtMs: this.clock() },
      (r) => {
        const had = (r.volumes ?? []).find((v) => v.volumeId === volumeId);
        // A retry after a lost reply: attaching or attached here already.
        if (had && (want === '' || want === had.device)) return undefined;
        if (had) {
          throw failedPrecondition('VOLUME_IN_USE', `volume ${volumeRef} is attached to this server as ${had.device}`, {
            details: { volume_id: volumeId, server_id: r.id },
          });
        }
        const refusal = portChangeRefusal(r, 'attach volume');
        if (refusal) throw refusal;
        added = { volumeId, device: pickDevice(r.volumes ?? [], want), boot: false, deleteOnTermination: false };
        return { ...r, volumes: [...(r.volumes ?? []), added], taskState: 'attaching-volume' };
      },
      (r) => vols.attachWrite({ id: r.id, name: r.name, projectId: r.projectId, host: r.host }, added!),
    );
    this.o.driver.kick(server.id);
    return rec;
  }

  /** Detaches a volume (see RemoveServerVolume in server.proto). */
  async removeVolume(ref: string, volumeRef: string, p: Principal, requestId: string) {
    const server = (await findServer(this.store, ref, p)).value;
    const vols = this.needVolumes();
    const volumeId = await vols.resolve(p, volumeRef, 'volume', server.projectId);
    const rec = await this.begin(
      server.id,
      p,
      requestId,
      'detach volume',
      { step: 'detach-volume', volumeId, startedAtMs: this.clock() },
      (r) => {
        const had = (r.volumes ?? []).find((v) => v.volumeId === volumeId);
        if (!had) {
          throw notFound('VOLUME_NOT_ATTACHED', `volume ${volumeRef} is not attached to server ${r.name}`, {
            details: { volume: volumeId, server: r.id },
          });
        }
        // A retry after a lost reply: detaching already.
        if (r.taskState === 'detaching-volume' && r.workflow?.volumeId === volumeId) return undefined;
        if (had.boot) {
          throw failedPrecondition('BOOT_VOLUME', `volume ${volumeRef} is the root disk of server ${r.name}`, {
            details: { volume_id: volumeId, server_id: r.id },
          });
        }
        const refusal = portChangeRefusal(r, 'detach volume');
        if (refusal) throw refusal;
        return { ...r, taskState: 'detaching-volume' };
      },
      (r) => vols.detachWrite(r.id, volumeId),
    );
    this.o.driver.kick(server.id);
    return rec;
  }

  private async resolveNics(p: Principal, requests: NicRequest[]): Promise<InstanceNic[]> {
    if (requests.length === 0) return [];
    return this.needNet().resolve(p, requests);
  }

  private needNet(): ServerNetworking {
    if (!this.o.net) {
      throw failedPrecondition(
        'NETWORKING_NOT_CONFIGURED',
        'this conductor has no networking; servers cannot have NICs',
      );
    }
    return this.o.net;
  }

  /** Hot-plugs one NIC (see AddServerPort in server.proto). */
  async addPort(ref: string, request: NicRequest, p: Principal, requestId: string): Promise<InstanceRecord> {
    const server = (await findServer(this.store, ref, p)).value;
    const id = server.id;
    // The server's project's networks and ports (also when a cloud admin adds the NIC).
    const [nic] = await this.needNet().resolve(p, [request], server.projectId);
    if (!nic) throw new Error('unreachable: one request, one NIC');
    const rec = await this.begin(id, p, requestId, 'add port', { step: 'plug' }, (r) => {
      const refusal = portChangeRefusal(r, 'add port');
      if (refusal) throw refusal;
      const nics = r.nics ?? [];
      if (nics.length >= MAX_NICS) {
        throw failedPrecondition('TOO_MANY_NETWORKS', `server ${r.name} already has ${nics.length} NICs`, {
          details: { server: r.id },
        });
      }
      return { ...r, nics: [...nics, nic], taskState: 'attaching-port' };
    });
    this.o.driver.kick(id);
    return rec;
  }

  /** Hot-unplugs the NIC of `portRef` (see RemoveServerPort in server.proto). */
  async removePort(ref: string, portRef: string, p: Principal, requestId: string): Promise<InstanceRecord> {
    const server = (await findServer(this.store, ref, p)).value;
    const portId = await this.needNet().portId(p, portRef);
    const mine = (r: InstanceRecord) => (r.nics ?? []).some((n) => n.portId === portId);
    const notMine = () =>
      notFound('PORT_NOT_FOUND', `port ${portRef} is not a NIC of server ${server.name}`, {
        details: { port: portRef, server: server.id },
      });
    if (!mine(server)) throw notMine();
    const rec = await this.begin(server.id, p, requestId, 'remove port', { step: 'unplug-port', portId }, (r) => {
      if (!mine(r)) throw notMine();
      const refusal = portChangeRefusal(r, 'remove port');
      if (refusal) throw refusal;
      return { ...r, taskState: 'detaching-port' };
    });
    this.o.driver.kick(server.id);
    return rec;
  }

  /**
   * Snapshots the root disk into a new private image of the server's project (see
   * CreateServerImage in server.proto); returns the image id and the server.
   */
  async createImage(
    ref: string,
    name: string,
    p: Principal,
    requestId: string,
  ): Promise<{ imageId: string; server: InstanceRecord }> {
    const server = (await findServer(this.store, ref, p)).value;
    const view = (r: InstanceRecord) => ({ ...r, volumeBacked: bootVolumeOf(r.volumes) !== undefined });
    const refusal = imageVerbRefusal(view(server), 'create image');
    if (refusal) throw refusal;
    if (!this.o.images) {
      throw failedPrecondition(
        'IMAGES_NOT_CONFIGURED',
        'this conductor keeps no images; servers cannot be snapshotted',
      );
    }
    const images = this.o.images;
    // The image first (queued), so the workflow always has one to fill; dropped if the server refuses now.
    const imageId = await images.createQueued(server.projectId, name);
    const extra = { step: 'snapshot' as const, imageId, startedAtMs: this.clock() };
    try {
      const rec = await this.begin(server.id, p, requestId, `create image ${imageId}`, extra, (r) => {
        const again = imageVerbRefusal(view(r), 'create image');
        if (again) throw again;
        return { ...r, taskState: VERB_RULES['create image'].task };
      });
      this.o.driver.kick(server.id);
      return { imageId, server: rec };
    } catch (err) {
      await images.discard(imageId).catch((e: unknown) => this.log.warn({ err: e, imageId }, 'image not discarded'));
      throw err;
    }
  }

  /** Rebuilds the server from `imageRef` ('' = its image) on its host (see RebuildServer in server.proto). */
  async rebuild(ref: string, imageRef: string, p: Principal, requestId: string): Promise<InstanceRecord> {
    const server = (await findServer(this.store, ref, p)).value;
    const view = (r: InstanceRecord) => ({ ...r, volumeBacked: bootVolumeOf(r.volumes) !== undefined });
    const refusal = imageVerbRefusal(view(server), 'rebuild');
    if (refusal) throw refusal;
    const image = await this.o.catalog.image(imageRef === '' ? server.image.id : imageRef, p);
    checkImageFitsFlavor(image, server.flavor);
    const copy = { id: image.id, sha256: image.sha256, sizeBytes: image.sizeBytes, diskFormat: image.diskFormat };
    const extra = { step: 'rebuild' as const, placedAtMs: this.clock() };
    const rec = await this.begin(server.id, p, requestId, `rebuild ${image.id}`, extra, (r) => {
      const again = imageVerbRefusal(view(r), 'rebuild');
      if (again) throw again;
      return { ...r, image: copy, taskState: VERB_RULES.rebuild.task };
    });
    this.o.driver.kick(server.id);
    return rec;
  }

  /** Renames the server and/or changes its metadata (see updateServer). */
  update(
    ref: string,
    change: { name: string; set: Record<string, string>; unset: string[] },
    p: Principal,
    requestId: string,
  ): Promise<InstanceRecord> {
    return updateServer({ store: this.store, clock: this.clock, log: this.log }, ref, change, p, requestId);
  }

  async get(ref: string, p: Principal): Promise<InstanceRecord> {
    return (await findServer(this.store, ref, p)).value;
  }

  async list(req: PageRequest & { allProjects?: boolean }, p: Principal): Promise<Page<InstanceRecord>> {
    return listServers(this.store, req, p);
  }

  /** Idempotent while deleting. A workflow in progress (boot, action) is superseded. */
  async delete(ref: string, p: Principal, requestId: string): Promise<InstanceRecord> {
    const id = (await findServer(this.store, ref, p)).value.id;
    const rec = await this.begin(id, p, requestId, 'delete', {}, (r) => {
      if (deleteIsRepeat(r)) return undefined;
      return { ...r, taskState: 'deleting' };
    });
    this.o.driver.kick(id);
    return rec;
  }

  async action(
    ref: string,
    actionName: string,
    hard: boolean,
    p: Principal,
    requestId: string,
  ): Promise<InstanceRecord> {
    const action = parseAction(actionName);
    const id = (await findServer(this.store, ref, p)).value.id;
    const label = action === 'reboot' && hard ? 'reboot --hard' : action;
    const rec = await this.begin(id, p, requestId, label, { action, ...(hard ? { hard } : {}) }, (r) => {
      const refusal = actionRefusal(r, action, hard);
      if (refusal) throw refusal;
      return { ...r, taskState: ruleFor(action, hard).task };
    });
    this.o.driver.kick(id);
    return rec;
  }

  async consoleLog(ref: string, lines: number, p: Principal): Promise<string[]> {
    const rec = await this.get(ref, p);
    const host = rec.host ? await this.o.hosts.get(rec.host) : undefined;
    if (!host) {
      throw failedPrecondition('NOT_ON_HOST', `server ${rec.name} is not on a host (vm_state ${rec.vmState})`, {
        details: { server: rec.id },
      });
    }
    const n = lines === 0 ? DEFAULT_CONSOLE_LINES : Math.min(lines, MAX_CONSOLE_LINES);
    return this.o.agents.forHost(host).consoleLog(rec.id, n);
  }

  async events(ref: string, p: Principal): Promise<ServerEventRecord[]> {
    const rec = await this.get(ref, p);
    return listEvents(this.store, rec.id);
  }

  /** Starts an operation (see beginOperation). */
  private begin(
    id: string,
    p: Principal,
    requestId: string,
    actionLabel: string,
    action: Partial<Workflow> & { step?: WorkflowStep },
    change: (r: InstanceRecord) => InstanceRecord | undefined,
    also?: (r: InstanceRecord) => Promise<VolumeWrite>,
  ): Promise<InstanceRecord> {
    const deps = { store: this.store, clock: this.clock, log: this.log, images: this.o.images };
    return beginOperation(deps, { id, p, requestId, actionLabel, action, change, also });
  }
}
