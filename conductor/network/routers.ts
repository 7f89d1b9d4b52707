// Routers: join tenant subnets to each other and to one external network
// (proto/strato/network/v1/router.proto says what each call does).
//
// Every change is one store transaction over the router record (compared by
// its modRevision) and the ports and guard keys it adds or removes:
// - a subnet joins at most one router: /network/subnet-router/<subnet> is
//   created with the interface, so of two concurrent joins exactly one commits;
// - the interface port takes the subnet's gateway address through its ipam key
//   (create op), so nothing else can hold it;
// - floating IPs associate through a router (floating-ips.ts) and put the
//   router's epoch; a change that must not strand them (removing an interface,
//   the gateway, the router) reads the epoch, checks, and commits only if it
//   did not move.
import { randomUUID } from 'node:crypto';
import { echo, failedPrecondition, invalidArgument, notFound, type StratoError } from '../../common/errors.ts';
import type { Principal } from '../identity/model.ts';
import { listAll } from '../store/list-all.ts';
import type { Page } from '../store/paging.ts';
import type { Compare, Entry, Op } from '../store/store.ts';
import { contended, MAX_ATTEMPTS, type NetCtx, tryTxn } from './context.ts';
import { cidrsOverlap, parseCidr } from './ipv4.ts';
import { epochKey, ipamKey, nameKey, recordPrefix, routerFipsPrefix, subnetRouterKey } from './keys.ts';
import {
  type NetworkRecord,
  ROUTER_GATEWAY_OWNER,
  ROUTER_INTERFACE_OWNER,
  type RouterGatewayRecord,
  type RouterInterfaceRecord,
  type RouterRecord,
  type SubnetRecord,
} from './model.ts';
import { guardUnchanged, type ListRequest, readGuard } from './resource-table.ts';
import { noNetworkHost, pickRouterHost } from './router-hosts.ts';
import { markLost, nextExternalAddress, routerPortCreate, routerPortDelete, routerPortRecord } from './router-ports.ts';
import { routerUsage } from './usage.ts';

export interface CreateRouterInput {
  name: string;
  /** '' = no gateway; else a network reference. */
  externalGateway: string;
  disableSnat: boolean;
}

/** One attempt's plan: what to compare and write, and what a failed key means. */
interface Attempt {
  compares: Compare[];
  ops: Op[];
  /** A caller's error for a failed key, or undefined to retry. */
  onFailed?(key: string): void;
}

export class Routers {
  readonly c: NetCtx;

  constructor(c: NetCtx) {
    this.c = c;
  }

  async create(principal: Principal, input: CreateRouterInput): Promise<RouterRecord> {
    const net =
      input.externalGateway === ''
        ? undefined
        : await this.externalNetwork(principal, input.externalGateway, 'external_gateway');
    const id = randomUUID();
    const lost = new Map<string, Set<number>>();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const hostId = await this.placement();
      const at = this.c.now();
      const rec: RouterRecord = {
        id,
        name: input.name,
        projectId: principal.projectId,
        hostId,
        interfaces: [],
        createdAt: at,
        updatedAt: at,
      };
      const compares: Compare[] = [];
      const ops: Op[] = [];
      let gatewayIpKey = '';
      if (net) {
        const gw = await this.gatewayPlan(rec, net, !input.disableSnat, lost);
        rec.gateway = gw.gateway;
        compares.push(...gw.compares);
        ops.push(...gw.ops);
        gatewayIpKey = ipamKey(gw.gateway.subnetId, gw.gateway.ip);
      }
      ops.unshift(...this.c.routers.createOps(rec));
      const quota = await this.c.quotas.claim(rec.projectId, routerUsage.usageOf(rec).delta);
      const failed = await tryTxn(this.c.store, [...compares, ...quota.compares], [...ops, ...quota.ops]);
      if (failed === undefined) {
        this.c.log.info({ routerId: id, projectId: rec.projectId, hostId }, 'router created');
        return rec;
      }
      if (rec.gateway && failed === gatewayIpKey) markLost(lost, rec.gateway.subnetId, rec.gateway.ip);
      else if (net && failed === this.c.networks.key(net.id)) throw networkGone(net.id);
      // Otherwise a random MAC collided or the project's usage moved: draw again.
    }
    throw contended('router', id);
  }

  async get(principal: Principal, ref: unknown, field = 'router'): Promise<RouterRecord> {
    return (await this.c.routers.resolve(principal, ref, field)).value;
  }

  list(principal: Principal, req: ListRequest): Promise<Page<RouterRecord>> {
    return this.c.routers.list(principal, req);
  }

  async getById(id: string): Promise<RouterRecord | undefined> {
    return (await this.c.routers.entry(id))?.value;
  }

  /** Whether its host is up (status ACTIVE) or not (BUILD). */
  isUp(r: RouterRecord): Promise<boolean> {
    return this.c.routerHosts.isUp(r.hostId);
  }

  rename(principal: Principal, ref: unknown, name: string): Promise<RouterRecord> {
    return this.change(principal, ref, async (r) => {
      if (r.name === name) return undefined;
      const next = { ...r, name };
      return {
        next,
        compares: [],
        ops: [
          { kind: 'delete', key: nameKey('routers', r.projectId, r.name, r.id) },
          { kind: 'create', key: nameKey('routers', r.projectId, name, r.id), value: { id: r.id } },
        ],
      };
    });
  }

  setGateway(principal: Principal, ref: unknown, networkRef: string, disableSnat: boolean): Promise<RouterRecord> {
    return this.change(principal, ref, async (r, lost) => {
      const net = await this.externalNetwork(principal, networkRef, 'external_network');
      if (r.gateway?.networkId === net.id) {
        if (r.gateway.enableSnat === !disableSnat) return undefined;
        return { next: { ...r, gateway: { ...r.gateway, enableSnat: !disableSnat } }, compares: [], ops: [] };
      }
      const compares: Compare[] = [];
      const ops: Op[] = [];
      if (r.gateway) {
        const old = await this.dropGateway(r, r.gateway);
        compares.push(...old.compares);
        ops.push(...old.ops);
      }
      const gw = await this.gatewayPlan(r, net, !disableSnat, lost);
      const ipKey = ipamKey(gw.gateway.subnetId, gw.gateway.ip);
      return {
        next: { ...r, gateway: gw.gateway },
        compares: [...compares, ...gw.compares],
        ops: [...ops, ...gw.ops],
        onFailed: (key) => {
          if (key === ipKey) markLost(lost, gw.gateway.subnetId, gw.gateway.ip);
          if (key === this.c.networks.key(net.id)) throw networkGone(net.id);
        },
      };
    });
  }

  clearGateway(principal: Principal, ref: unknown): Promise<RouterRecord> {
    return this.change(principal, ref, async (r) => {
      if (!r.gateway) return undefined;
      const old = await this.dropGateway(r, r.gateway);
      const { gateway: _g, ...next } = r;
      return { next, ...old };
    });
  }

  async addInterface(principal: Principal, ref: unknown, subnetRef: string): Promise<RouterInterfaceRecord> {
    let added: RouterInterfaceRecord | undefined;
    await this.change(principal, ref, async (r) => {
      const subnet = (await this.c.subnets.resolve(principal, subnetRef, 'subnet')).value;
      const net = (await this.c.networks.entry(subnet.networkId))?.value;
      if (!net) throw subnetGone(subnet.id);
      await this.checkJoin(r, subnet, net);
      const port = routerPortRecord(this.c, {
        routerId: r.id,
        projectId: r.projectId,
        networkId: net.id,
        subnetId: subnet.id,
        ip: subnet.gatewayIp,
        deviceOwner: ROUTER_INTERFACE_OWNER,
      });
      const iface: RouterInterfaceRecord = {
        subnetId: subnet.id,
        networkId: net.id,
        portId: port.id,
        ip: subnet.gatewayIp,
      };
      added = iface;
      const created = routerPortCreate(this.c, port);
      return {
        next: { ...r, interfaces: [...r.interfaces, iface] },
        compares: created.compares,
        ops: [...created.ops, { kind: 'create', key: subnetRouterKey(subnet.id), value: { routerId: r.id } }],
        onFailed: (key) => {
          if (key === subnetRouterKey(subnet.id)) throw subnetOnRouter(subnet.id);
          if (key === ipamKey(subnet.id, subnet.gatewayIp)) {
            throw failedPrecondition(
              'SUBNET_IN_USE',
              `the gateway address ${subnet.gatewayIp} of subnet ${subnet.id} is taken by another port`,
              { details: { subnet_id: subnet.id, ip_address: subnet.gatewayIp } },
            );
          }
          if (key === this.c.subnets.key(subnet.id)) throw subnetGone(subnet.id);
          if (key === this.c.networks.key(net.id)) throw subnetGone(subnet.id);
        },
      };
    });
    return added!;
  }

  /** Errors (FAILED_PRECONDITION): NETWORK_EXTERNAL, SUBNET_HAS_NO_GATEWAY, SUBNET_IN_USE, CIDR_OVERLAP. */
  private async checkJoin(r: RouterRecord, subnet: SubnetRecord, net: NetworkRecord): Promise<void> {
    if (net.external) {
      throw failedPrecondition(
        'NETWORK_EXTERNAL',
        `subnet ${subnet.id} is on external network ${net.id}: set it as the router's gateway instead`,
        { details: { subnet_id: subnet.id, network_id: net.id } },
      );
    }
    if (subnet.gatewayIp === '') {
      throw failedPrecondition('SUBNET_HAS_NO_GATEWAY', `subnet ${subnet.id} has no gateway address for the router`, {
        details: { subnet_id: subnet.id },
      });
    }
    if (r.interfaces.some((i) => i.subnetId === subnet.id)) throw subnetOnRouter(subnet.id);
    // The router routes by destination: two legs with overlapping CIDRs would be ambiguous.
    const mine = parseCidr(subnet.cidr);
    if (!mine.ok) return;
    for (const other of await this.c.subnets.values(r.interfaces.map((i) => i.subnetId))) {
      const theirs = parseCidr(other.cidr);
      if (theirs.ok && cidrsOverlap(mine.cidr, theirs.cidr)) {
        throw failedPrecondition(
          'CIDR_OVERLAP',
          `subnet ${subnet.id} (${subnet.cidr}) overlaps subnet ${other.id} (${other.cidr}) already on router ${r.id}`,
          { details: { subnet_id: subnet.id, overlapping_subnet_id: other.id } },
        );
      }
    }
  }

  async removeInterface(principal: Principal, ref: unknown, subnetRef: string): Promise<void> {
    await this.change(principal, ref, async (r) => {
      const subnet = (await this.c.subnets.resolve(principal, subnetRef, 'subnet')).value;
      const iface = r.interfaces.find((i) => i.subnetId === subnet.id);
      if (!iface) {
        throw notFound('ROUTER_INTERFACE_NOT_FOUND', `router ${r.id} has no interface on subnet ${subnet.id}`, {
          details: { router_id: r.id, subnet_id: subnet.id },
        });
      }
      const guard = await readGuard(this.c.store, epochKey(r.id));
      const fips = await listAll<{ subnetId: string }>(this.c.store, routerFipsPrefix(r.id));
      const using = fips.entries.filter((e) => e.value.subnetId === subnet.id);
      if (using.length > 0) {
        const ids = using.map((e) => e.key.slice(routerFipsPrefix(r.id).length));
        throw fipsInUse(`floating IPs ${ids.join(', ')} reach ports on subnet ${subnet.id} through router ${r.id}`);
      }
      const port = (await this.c.ports.entry(iface.portId))?.value;
      return {
        next: { ...r, interfaces: r.interfaces.filter((i) => i !== iface) },
        compares: [guardUnchanged(epochKey(r.id), guard)],
        ops: [...(port ? routerPortDelete(this.c, port) : []), { kind: 'delete', key: subnetRouterKey(subnet.id) }],
      };
    });
  }

  async delete(principal: Principal, ref: unknown): Promise<void> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.c.routers.resolve(principal, id || ref, 'router');
      const r = entry.value;
      id = r.id;
      if (r.interfaces.length > 0) {
        const subnets = r.interfaces.map((i) => i.subnetId);
        throw failedPrecondition(
          'ROUTER_IN_USE',
          `router ${id} still joins subnets ${subnets.join(', ')}; remove its interfaces first`,
          { details: { router_id: id, subnet_ids: subnets.join(',') } },
        );
      }
      const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
      const ops: Op[] = [...this.c.routers.deleteOps(r), { kind: 'delete', key: epochKey(id) }];
      if (r.gateway) {
        const old = await this.dropGateway(r, r.gateway);
        compares.push(...old.compares);
        ops.push(...old.ops);
      }
      const quota = await this.c.quotas.release(r.projectId, routerUsage.usageOf(r).delta);
      if ((await tryTxn(this.c.store, [...compares, ...quota.compares], [...ops, ...quota.ops])) === undefined) {
        this.c.log.info({ routerId: id, projectId: r.projectId }, 'router deleted');
        return;
      }
    }
    throw contended('router', id);
  }

  /** Every router (the conductor's own views). */
  async all(): Promise<RouterRecord[]> {
    return (await listAll<RouterRecord>(this.c.store, recordPrefix('routers'))).entries.map((e) => e.value);
  }

  /**
   * Read-modify-write of one router: `plan` returns the next record with the
   * compares and ops that go with it (or undefined: nothing to change), and is
   * run again on a fresh read after a lost race.
   */
  private async change(
    principal: Principal,
    ref: unknown,
    plan: (r: RouterRecord, lost: Map<string, Set<number>>) => Promise<(Attempt & { next: RouterRecord }) | undefined>,
  ): Promise<RouterRecord> {
    let id = '';
    const lost = new Map<string, Set<number>>();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry: Entry<RouterRecord> = await this.c.routers.resolve(principal, id || ref, 'router');
      id = entry.value.id;
      const p = await plan(entry.value, lost);
      if (!p) return entry.value;
      const next = { ...p.next, updatedAt: this.c.now() };
      const failed = await tryTxn(
        this.c.store,
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }, ...p.compares],
        [{ kind: 'put', key: entry.key, value: next }, ...p.ops],
      );
      if (failed === undefined) {
        this.c.log.info({ routerId: id }, 'router changed');
        return next;
      }
      p.onFailed?.(failed);
    }
    throw contended('router', id);
  }

  /** The gateway port and address on `net` for router `r`. */
  private async gatewayPlan(
    r: RouterRecord,
    net: NetworkRecord,
    enableSnat: boolean,
    lost: Map<string, Set<number>>,
  ): Promise<{ gateway: RouterGatewayRecord; compares: Compare[]; ops: Op[] }> {
    const { subnet, ip } = await nextExternalAddress(this.c, net, lost);
    const port = routerPortRecord(this.c, {
      routerId: r.id,
      projectId: r.projectId,
      networkId: net.id,
      subnetId: subnet.id,
      ip,
      deviceOwner: ROUTER_GATEWAY_OWNER,
    });
    const created = routerPortCreate(this.c, port);
    return { gateway: { networkId: net.id, subnetId: subnet.id, portId: port.id, ip, enableSnat }, ...created };
  }

  /** Removing the gateway: refused while floating IPs reach ports behind the router. */
  private async dropGateway(r: RouterRecord, gw: RouterGatewayRecord): Promise<{ compares: Compare[]; ops: Op[] }> {
    const guard = await readGuard(this.c.store, epochKey(r.id));
    const fips = await listAll(this.c.store, routerFipsPrefix(r.id));
    if (fips.entries.length > 0) {
      const ids = fips.entries.map((e) => e.key.slice(routerFipsPrefix(r.id).length));
      throw fipsInUse(
        `floating IPs ${ids.join(', ')} of network ${gw.networkId} reach ports behind router ${r.id}; unset them first`,
      );
    }
    const port = (await this.c.ports.entry(gw.portId))?.value;
    return { compares: [guardUnchanged(epochKey(r.id), guard)], ops: port ? routerPortDelete(this.c, port) : [] };
  }

  private async externalNetwork(principal: Principal, ref: string, field: string): Promise<NetworkRecord> {
    const net = (await this.c.networks.resolve(principal, ref, field)).value;
    if (!net.external) {
      throw invalidArgument('NETWORK_NOT_EXTERNAL', `${field} ${echo(ref)} is not an external network`, {
        details: { field, network_id: net.id },
      });
    }
    return net;
  }

  /** The host for a new router. Errors: FAILED_PRECONDITION/NO_NETWORK_HOST. */
  private async placement(): Promise<string> {
    const candidates = await this.c.routerHosts.candidates();
    const counts = new Map<string, number>();
    for (const r of await this.all()) counts.set(r.hostId, (counts.get(r.hostId) ?? 0) + 1);
    const host = pickRouterHost(candidates, counts);
    if (host === undefined) throw noNetworkHost();
    return host;
  }
}

function subnetOnRouter(subnetId: string) {
  return failedPrecondition('SUBNET_IN_USE', `subnet ${subnetId} is already joined to a router`, {
    details: { subnet_id: subnetId },
  });
}

function subnetGone(subnetId: string) {
  return notFound('SUBNET_NOT_FOUND', `subnet ${subnetId} not found`, { details: { subnet: subnetId } });
}

function networkGone(networkId: string) {
  return notFound('NETWORK_NOT_FOUND', `network ${networkId} not found`, { details: { network: networkId } });
}

export function fipsInUse(message: string): StratoError {
  return failedPrecondition('FLOATING_IPS_IN_USE', message);
}
