// Creating tenant networks, fixed-address ports and guests on them for end-to-end
// tests, and tearing them down again in the order the API demands (servers, then
// ports, then networks), remembering what existed so a test can check the hosts.
import { isStratoError } from '../../../common/errors.ts';
import type { Network__Output } from '../../../common/gen/strato/network/v1/Network.ts';
import type { Port__Output } from '../../../common/gen/strato/network/v1/Port.ts';
import type { Subnet__Output } from '../../../common/gen/strato/network/v1/Subnet.ts';
import type { Cloud } from './cloud.ts';
import type { NetworkTrace } from './host-network.ts';
import { BOOT_TIMEOUT_MS } from './servers.ts';
import { waitFor } from './wait.ts';

export interface NetGuest {
  id: string;
  name: string;
  host: string;
  port: Port__Output;
  ip: string;
}

export class NetWorld {
  readonly networks: Network__Output[] = [];
  readonly subnets: Subnet__Output[] = [];
  readonly ports: Port__Output[] = [];
  readonly guests: NetGuest[] = [];
  private readonly cloud: () => Cloud;

  constructor(cloud: () => Cloud) {
    this.cloud = cloud;
  }

  async network(name: string, cidr: string): Promise<Network__Output> {
    const api = this.cloud().admin;
    const net = await api.networks.CreateNetwork({ name, providerType: 'vxlan' });
    this.networks.push(net);
    this.subnets.push(await api.subnets.CreateSubnet({ name: `${name}-v4`, network: net.id, cidr }));
    return api.networks.GetNetwork({ network: net.id });
  }

  async port(name: string, network: string, ip: string, securityGroups: string[] = []): Promise<Port__Output> {
    const p = await this.cloud().admin.ports.CreatePort({
      name,
      network,
      fixedIps: [{ ipAddress: ip }],
      securityGroups,
    });
    this.ports.push(p);
    return p;
  }

  /** Boots a guest on `port`, placed on `host`; resolves once it is ACTIVE. */
  async boot(name: string, host: string, port: Port__Output, userData: Buffer): Promise<NetGuest> {
    const c = this.cloud();
    const s = await c.admin.servers.CreateServer({
      name,
      image: 'testvm',
      flavor: 'm1.tiny',
      host,
      userData,
      networks: [{ port: port.id }],
    });
    const ip = port.fixedIps[0]?.ipAddress ?? '';
    const g: NetGuest = { id: s.id, name, host, port, ip };
    this.guests.push(g);
    const active = await c.servers.waitForState(s.id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    if (active.host !== host) throw new Error(`${name} landed on ${active.host}, not ${host}`);
    return g;
  }

  /** Polls a guest's console until `done(lines)`; a timeout quotes the console's tail, not all of it. */
  async untilConsole(
    g: NetGuest,
    done: (lines: string[]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<string[]> {
    const servers = this.cloud().servers;
    return waitFor(() => servers.consoleLines(g.id), done, {
      timeoutMs,
      what: `${g.name}: ${what}`,
      intervalMs: 500,
    }).catch(async (err: unknown) => {
      const tail = await servers.consoleLines(g.id).catch(() => [] as string[]);
      throw new Error(`${(err as Error).message.slice(0, 200)}…\nconsole tail:\n${tail.slice(-30).join('\n')}`);
    });
  }

  trace(): NetworkTrace {
    return {
      networkIds: this.networks.map((n) => n.id),
      vnis: this.networks.map((n) => n.segmentationId),
      portIds: this.ports.map((p) => p.id),
    };
  }

  /** Deletes guests, ports and networks; what is already gone is fine. */
  async deleteAll(): Promise<void> {
    const c = this.cloud();
    const gone = (err: unknown) => {
      if (!isStratoError(err, 'NOT_FOUND')) throw err;
    };
    await Promise.all(this.guests.map((g) => c.servers.deleteAndWait(g.id, 90_000).catch(gone)));
    for (const p of this.ports) await c.admin.ports.DeletePort({ port: p.id }).catch(gone);
    for (const n of this.networks) await c.admin.networks.DeleteNetwork({ network: n.id }).catch(gone);
  }
}
