// Creating tenant networks, fixed-address ports and guests on them for end-to-end
// tests, and tearing them down again in the order the API demands (servers, then
// ports, then security groups, then networks), remembering what existed so a test can
// check the hosts.
import assert from 'node:assert/strict';
import { isStratoError } from '../../../common/errors.ts';
import type { Network__Output } from '../../../common/gen/strato/network/v1/Network.ts';
import type { Port__Output } from '../../../common/gen/strato/network/v1/Port.ts';
import type { SecurityGroup__Output } from '../../../common/gen/strato/network/v1/SecurityGroup.ts';
import type { Subnet__Output } from '../../../common/gen/strato/network/v1/Subnet.ts';
import { waitFor } from '../../harness/wait.ts';
import type { Cloud } from './cloud.ts';
import { leftoversOn, type NetworkTrace } from './host-network.ts';
import { pingResults } from './net-guest.ts';
import { BOOT_TIMEOUT_MS } from './servers.ts';

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
  /** Groups a test made (deleted after the ports, their members). */
  readonly securityGroups: SecurityGroup__Output[] = [];
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
      retryErrors: true,
      what: `${g.name}: ${what}`,
      intervalMs: 500,
    }).catch(async (err: unknown) => {
      const tail = await servers.consoleLines(g.id).catch(() => [] as string[]);
      throw new Error(`${(err as Error).message.slice(0, 200)}…\nconsole tail:\n${tail.slice(-30).join('\n')}`);
    });
  }

  /** Waits until each of the two guests has `count` answered pings from the other (their `pingLoop`s). */
  async untilPingEachOther(a: NetGuest, b: NetGuest, count: number, timeoutMs: number): Promise<void> {
    for (const [g, peer] of [
      [a, b],
      [b, a],
    ] as const) {
      await this.untilConsole(
        g,
        (ls) => pingResults(ls, peer.ip).filter((r) => r.ok).length >= count,
        timeoutMs,
        `${count} answered pings ${g.name} → ${peer.name}`,
      );
    }
  }

  trace(): NetworkTrace {
    return {
      networkIds: this.networks.map((n) => n.id),
      vnis: this.networks.map((n) => n.segmentationId),
      portIds: this.ports.map((p) => p.id),
    };
  }

  /** Deletes guests, ports, security groups and networks; what is already gone is fine. */
  async deleteAll(): Promise<void> {
    const c = this.cloud();
    const gone = (err: unknown) => {
      if (!isStratoError(err, 'NOT_FOUND')) throw err;
    };
    await Promise.all(this.guests.map((g) => c.servers.deleteAndWait(g.id, 90_000).catch(gone)));
    for (const p of this.ports) await c.admin.ports.DeletePort({ port: p.id }).catch(gone);
    for (const g of this.securityGroups) {
      await c.admin.securityGroups.DeleteSecurityGroup({ securityGroup: g.id }).catch(gone);
    }
    for (const n of this.networks) await c.admin.networks.DeleteNetwork({ network: n.id }).catch(gone);
  }

  /**
   * What of these networks and ports is still on any host once the agents had time to
   * apply the deletes ([] when clean; the waiting is bounded, the answer never throws).
   */
  async leftoversOnHosts(): Promise<string[]> {
    const hosts = this.cloud().hosts;
    const trace = this.trace();
    return waitFor(
      async () => (await Promise.all(hosts.map((h) => leftoversOn(h, trace)))).flat(),
      (left) => left.length === 0,
      { timeoutMs: 30_000, retryErrors: true, what: 'the hosts to be clean', intervalMs: 1000 },
    ).catch((err: unknown) => [(err as Error).message]);
  }

  /** For `beforeStop`: deletes it all, even after a failed test, and asserts no host keeps any of it. */
  async cleanUp(): Promise<void> {
    await this.deleteAll();
    assert.deepEqual(await this.leftoversOnHosts(), [], 'left on the hosts after the deletes');
  }
}
