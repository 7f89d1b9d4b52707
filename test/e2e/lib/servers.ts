// What end-to-end tests do with servers, through the public API, plus looking at a
// host directly (its libvirtd, its state directory) to check what the API claims.
import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Metadata } from '@grpc/grpc-js';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import type { CreateServerRequest } from '../../../common/gen/strato/compute/v1/CreateServerRequest.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';
import { waitFor } from '../../harness/wait.ts';
import type { Api } from './api.ts';
import type { CloudHost } from './cloud.ts';
import { withLibvirt } from './host-libvirt.ts';

export type Server = Server__Output;

/** Boot to ACTIVE under TCG, image cached or not, on a busy 2-core machine. */
export const BOOT_TIMEOUT_MS = 120_000;

export class CloudServers {
  private readonly admin: Api;
  private readonly hosts: ReadonlyMap<string, CloudHost>;

  constructor(admin: Api, hosts: ReadonlyMap<string, CloudHost>) {
    this.admin = admin;
    this.hosts = hosts;
  }

  create(req: CreateServerRequest, api: Api = this.admin): Promise<Server> {
    return api.servers.CreateServer(req);
  }

  /** Sends a power action with a request id of our own; resolves with that id. */
  async action(id: string, action: string, opts: { hard?: boolean; api?: Api } = {}): Promise<string> {
    const requestId = `e2e-${action}-${randomBytes(4).toString('hex')}`;
    const metadata = new Metadata();
    metadata.set('x-request-id', requestId);
    await (opts.api ?? this.admin).servers.ServerAction({ server: id, action, hard: opts.hard ?? false }, { metadata });
    return requestId;
  }

  get(id: string, api: Api = this.admin): Promise<Server> {
    return api.servers.GetServer({ server: id });
  }

  /** Polls GetServer until `pred` holds; the timeout error quotes the last state. */
  waitFor(id: string, pred: (s: Server) => boolean, timeoutMs: number, what: string, api = this.admin) {
    return waitFor(() => this.get(id, api), pred, {
      timeoutMs,
      retryErrors: true,
      what: `server ${id}: ${what}`,
      intervalMs: 300,
    });
  }

  /** Waits for a settled state (no task in progress); fails at once on an unexpected ERROR. */
  async waitForState(
    id: string,
    vmState: string,
    powerState: string | undefined,
    timeoutMs = BOOT_TIMEOUT_MS,
    api = this.admin,
  ): Promise<Server> {
    const s = await this.waitFor(
      id,
      (s) =>
        (s.vmState === vmState && s.taskState === '' && (powerState === undefined || s.powerState === powerState)) ||
        (s.vmState === 'ERROR' && vmState !== 'ERROR'),
      timeoutMs,
      `vm_state ${vmState}${powerState ? `, power_state ${powerState}` : ''}`,
      api,
    );
    if (s.vmState === 'ERROR' && vmState !== 'ERROR') {
      throw new Error(`server ${id} went to ERROR: ${JSON.stringify(s.fault)}`);
    }
    return s;
  }

  async consoleLines(id: string, api = this.admin): Promise<string[]> {
    return (await api.servers.GetConsoleLog({ server: id, lines: 10_000 })).lines;
  }

  /** Waits until at least `count` console lines contain `pattern`; returns the last such line. */
  async waitForConsole(id: string, pattern: string, timeoutMs: number, count = 1, api = this.admin): Promise<string> {
    const lines = await waitFor(
      () => this.consoleLines(id, api),
      (ls) => ls.filter((l) => l.includes(pattern)).length >= count,
      { timeoutMs, retryErrors: true, what: `${count}× "${pattern}" on the console of ${id}`, intervalMs: 500 },
    ).catch(async (err: unknown) => {
      const tail = await this.consoleLines(id, api).catch(() => [] as string[]);
      throw new Error(`${(err as Error).message.slice(0, 300)}\nconsole tail:\n${tail.slice(-25).join('\n')}`);
    });
    return lines.filter((l) => l.includes(pattern)).at(-1) ?? '';
  }

  /** Deletes and waits until the server is gone from the API (NOT_FOUND). */
  async deleteAndWait(id: string, timeoutMs = 60_000, api = this.admin): Promise<void> {
    await api.servers.DeleteServer({ server: id });
    await waitFor(
      async () => {
        try {
          const s = await this.get(id, api);
          return `${s.vmState}/${s.taskState}`;
        } catch (err) {
          if (isStratoError(err, 'NOT_FOUND')) return 'gone';
          throw err;
        }
      },
      (v) => v === 'gone',
      { timeoutMs, retryErrors: true, what: `server ${id} deleted`, intervalMs: 300 },
    );
  }

  /** Names of the `strato-` domains defined on a host's own libvirtd. */
  domainsOn(hostId: string): Promise<string[]> {
    return this.withLibvirt(hostId, async (lv) =>
      (await lv.listDomains()).map((d) => d.name).filter((n) => n.startsWith('strato-')),
    );
  }

  /** What the host's libvirtd says of an instance's domain (RUNNING, SHUTOFF, …). */
  domainState(hostId: string, instanceId: string): Promise<string> {
    return this.withLibvirt(hostId, async (lv) => (await lv.getDomainState(`strato-${instanceId}`)).state);
  }

  private withLibvirt<T>(hostId: string, fn: (lv: LibvirtClient) => Promise<T>): Promise<T> {
    return withLibvirt(this.requireHost(hostId), fn);
  }

  /** Which of an instance's files exist in the host's agent state directory. */
  async instanceFilesOn(hostId: string, instanceId: string): Promise<string[]> {
    const dir = join(this.requireHost(hostId).stateDir, 'instances', instanceId);
    const found: string[] = [];
    for (const p of [dir, join(dir, 'disk.qcow2'), join(dir, 'disk.config'), join(dir, 'console.log')]) {
      if (
        await access(p).then(
          () => true,
          () => false,
        )
      )
        found.push(p);
    }
    return found;
  }

  private requireHost(id: string): CloudHost {
    const h = this.hosts.get(id);
    if (!h) throw new Error(`no host ${id}`);
    return h;
  }
}
