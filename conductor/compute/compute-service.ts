// Server operations as the public API offers them. Each mutating call checks
// the request against the LATEST record, then writes the record (with the
// workflow that will carry the operation out) and the server event in one
// transaction, and hands the instance to the workflow driver. The call returns
// once the operation is accepted; the state moves as the host works.
import { randomUUID } from 'node:crypto';
import { failedPrecondition, notFound } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentDirectory } from '../agents/agent-api.ts';
import { isAdmin } from '../api/auth.ts';
import type { Page, PageRequest } from '../api/paging.ts';
import type { HostRegistry } from '../hosts/host-registry.ts';
import type { Principal } from '../identity/model.ts';
import type { Compare, Op, Store } from '../store/store.ts';
import { getOrUndefined } from './cas-update.ts';
import type { Catalog } from './catalog.ts';
import { listEvents, newEventKey, type ServerEventRecord, startedEvent } from './events.ts';
import { allNameKey, type InstanceRecord, instanceKey, projectNameKey, type Workflow } from './instance-record.ts';
import { findServer, listServers } from './server-lookup.ts';
import { actionRefusal, deleteIsRepeat, parseAction, ruleFor } from './state-machine.ts';
import {
  checkForceHost,
  checkImageFitsFlavor,
  validateMetadata,
  validateServerName,
  validateUserData,
} from './validate.ts';
import { newWorkflow } from './workflow.ts';
import type { WorkflowDriver } from './workflow-driver.ts';

export interface CreateServerInput {
  name: string;
  image: string;
  flavor: string;
  userData?: Uint8Array;
  host?: string;
  metadata?: Record<string, string>;
}

export interface ComputeServiceOptions {
  store: Store;
  catalog: Catalog;
  driver: WorkflowDriver;
  hosts: HostRegistry;
  agents: AgentDirectory;
  clock?: () => number;
  log?: Logger;
}

export const DEFAULT_CONSOLE_LINES = 100;
export const MAX_CONSOLE_LINES = 10_000;

export class ComputeService {
  private readonly o: ComputeServiceOptions;
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly log: Logger;

  constructor(o: ComputeServiceOptions) {
    this.o = o;
    this.store = o.store;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'compute' });
  }

  async create(input: CreateServerInput, p: Principal, requestId: string): Promise<InstanceRecord> {
    const name = validateServerName(input.name);
    const userData = validateUserData(input.userData);
    const metadata = validateMetadata(input.metadata);
    const forceHost = checkForceHost(input.host ?? '', isAdmin(p));
    const [image, flavor] = await Promise.all([
      this.o.catalog.image(input.image, p),
      this.o.catalog.flavor(input.flavor),
    ]);
    checkImageFitsFlavor(image, flavor);
    const nowMs = this.clock();
    const now = new Date(nowMs).toISOString();
    const id = randomUUID();
    const eventKey = newEventKey(id, nowMs);
    const rec: InstanceRecord = {
      id,
      name,
      projectId: p.projectId,
      userId: p.userId,
      image: { id: image.id, sha256: image.sha256, sizeBytes: image.sizeBytes, diskFormat: image.diskFormat },
      flavor: { ...flavor },
      vmState: 'BUILD',
      taskState: 'scheduling',
      powerState: 'NOSTATE',
      host: '',
      createdAt: now,
      updatedAt: now,
      launchedAt: '',
      userData: userData.toString('base64'),
      metadata,
      workflow: newWorkflow('boot', 'schedule', requestId, eventKey, forceHost ? { forceHost } : {}),
      settledAtMs: nowMs,
    };
    const event = startedEvent('create', { requestId, userId: p.userId, projectId: p.projectId }, now);
    await this.store.txn(
      [],
      [
        { kind: 'create', key: instanceKey(id), value: rec },
        { kind: 'create', key: projectNameKey(p.projectId, name, id), value: { id, projectId: p.projectId } },
        { kind: 'create', key: allNameKey(name, id), value: { id, projectId: p.projectId } },
        { kind: 'create', key: eventKey, value: event },
      ],
    );
    this.log.info(
      { instanceId: id, requestId, projectId: p.projectId, image: image.id, flavor: flavor.id, forceHost },
      'server accepted',
    );
    this.o.driver.kick(id);
    return rec;
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

  /**
   * Starts an operation: `change` maps the latest record to its new form (or
   * undefined: nothing to start, return the record as is), and may throw to
   * refuse. Writes the record with a fresh workflow plus a started event; an
   * unfinished workflow it replaces gets its event closed as superseded.
   */
  private async begin(
    id: string,
    p: Principal,
    requestId: string,
    actionLabel: string,
    action: Partial<Workflow>,
    change: (r: InstanceRecord) => InstanceRecord | undefined,
  ): Promise<InstanceRecord> {
    const kind = actionLabel === 'delete' ? 'delete' : 'action';
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(id));
      if (!entry) throw notFound('SERVER_NOT_FOUND', `server ${id} not found`, { details: { server: id } });
      const changed = change(entry.value);
      if (!changed) return entry.value;
      const nowMs = this.clock();
      const now = new Date(nowMs).toISOString();
      const eventKey = newEventKey(id, nowMs);
      const wf =
        kind === 'delete'
          ? newWorkflow('delete', 'delete', requestId, eventKey)
          : newWorkflow('action', 'act', requestId, eventKey, action);
      const next: InstanceRecord = { ...changed, workflow: wf, updatedAt: now };
      const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
      const ops: Op[] = [
        { kind: 'put', key: entry.key, value: next },
        {
          kind: 'create',
          key: eventKey,
          value: startedEvent(actionLabel, { requestId, userId: p.userId, projectId: p.projectId }, now),
        },
      ];
      const old = entry.value.workflow;
      if (old) {
        const ev = await getOrUndefined<ServerEventRecord>(this.store, old.eventKey);
        if (ev && ev.value.result === '') {
          compares.push({ kind: 'modRevision', key: ev.key, modRevision: ev.modRevision });
          ops.push({
            kind: 'put',
            key: ev.key,
            value: {
              ...ev.value,
              finishedAt: now,
              result: 'error',
              error: `superseded by ${actionLabel} (request ${requestId})`,
            },
          });
        }
      }
      if ((await this.store.txn(compares, ops)).succeeded) {
        this.log.info({ instanceId: id, requestId, action: actionLabel }, 'server operation accepted');
        return next;
      }
    }
  }
}
