// Floating IPs: an address of an external network's subnet, held for a
// project, that reaches one port's fixed address through the router joining
// that port's subnet to the external network.
//
// The address is allocated as fixed addresses are (ports.ts): the record and
// its /network/ipam/<subnet>/<ip> key are created in one transaction, so two
// creates never share an address; the loser draws again. An association
// writes, with the record, the guard keys that let others see it: port-fips
// (a port delete disassociates), router-fips (the router keeps its legs while
// it carries the address), fip-targets (one floating IP of a network per
// fixed address), and puts the epochs of the port and the router, whose
// changes check those keys and commit only if their epoch did not move.
import { randomUUID } from 'node:crypto';
import { alreadyExists, echo, failedPrecondition, invalidArgument, notFound } from '../../common/errors.ts';
import { canSee, requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import { listPage, type Page } from '../store/paging.ts';
import type { Compare, Entry, Op } from '../store/store.ts';
import { contended, MAX_ATTEMPTS, type NetCtx, tryTxn } from './context.ts';
import { associateOps, cleared, dissociateOps, type Target } from './floating-ip-links.ts';
import { subnetMath } from './ipam.ts';
import { cidrContains, inRange, parseIp } from './ipv4.ts';
import {
  type Allocation,
  epochKey,
  fipTargetKey,
  ipamKey,
  type NameIndex,
  nameKey,
  namePrefix,
  namesPrefix,
  portFipsPrefix,
  recordKey,
  recordPrefix,
  subnetRouterKey,
} from './keys.ts';
import type { FloatingIpRecord, NetworkRecord } from './model.ts';
import type { ListRequest } from './resource-table.ts';
import { markLost, nextExternalAddress } from './router-ports.ts';
import { floatingIpUsage, isRouterPort } from './usage.ts';

export interface CreateFloatingIpInput {
  network: string;
  /** '' = the next free one. */
  address: string;
  /** '' = unassociated. */
  port: string;
  fixedIp: string;
}

/** Index order of addresses: 8 hex digits sort as the numbers do. */
const sortable = (ip: string): string => (parseIp(ip) ?? 0).toString(16).padStart(8, '0');
const indexKey = (f: FloatingIpRecord): string => nameKey('floating-ips', f.projectId, sortable(f.ip), f.id);

export class FloatingIps {
  readonly c: NetCtx;

  constructor(c: NetCtx) {
    this.c = c;
  }

  async create(principal: Principal, input: CreateFloatingIpInput): Promise<FloatingIpRecord> {
    const net = (await this.c.networks.resolve(principal, input.network, 'floating_network')).value;
    if (!net.external) {
      throw invalidArgument(
        'NETWORK_NOT_EXTERNAL',
        `floating_network ${echo(input.network)} is not an external network`,
        {
          details: { field: 'floating_network', network_id: net.id },
        },
      );
    }
    const fixed = input.address === '' ? undefined : await this.checkAddress(net, input.address);
    const id = randomUUID();
    const lost = new Map<string, Set<number>>();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const pick: { subnetId: string; ip: string } = fixed ?? (await this.nextAddress(net, lost));
      const at = this.c.now();
      let rec: FloatingIpRecord = {
        id,
        projectId: principal.projectId,
        networkId: net.id,
        subnetId: pick.subnetId,
        ip: pick.ip,
        portId: '',
        fixedIp: '',
        routerId: '',
        createdAt: at,
        updatedAt: at,
      };
      const compares: Compare[] = [
        { kind: 'exists', key: this.c.networks.key(net.id) },
        { kind: 'exists', key: this.c.subnets.key(pick.subnetId) },
      ];
      const ops: Op[] = [
        { kind: 'create', key: ipamKey(pick.subnetId, pick.ip), value: { floatingIpId: id } satisfies Allocation },
        ...[net.id, pick.subnetId].map((u): Op => ({ kind: 'put', key: epochKey(u), value: {} })),
      ];
      let target: Target | undefined;
      if (input.port !== '') {
        target = await this.target(principal, rec, input.port, input.fixedIp);
        rec = { ...rec, portId: target.port.id, fixedIp: target.fixedIp, routerId: target.router.value.id };
        const assoc = associateOps(rec, target);
        compares.push(...assoc.compares);
        ops.push(...assoc.ops);
      }
      ops.unshift(
        { kind: 'create', key: recordKey('floating-ips', id), value: rec },
        { kind: 'create', key: indexKey(rec), value: { id } satisfies NameIndex },
      );
      const quota = await this.c.quotas.claim(rec.projectId, floatingIpUsage.usageOf(rec).delta);
      const failed = await tryTxn(this.c.store, [...compares, ...quota.compares], [...ops, ...quota.ops]);
      if (failed === undefined) {
        this.c.log.info({ floatingIpId: id, ip: rec.ip, networkId: net.id, portId: rec.portId }, 'floating IP created');
        return rec;
      }
      if (failed === ipamKey(pick.subnetId, pick.ip)) {
        if (fixed) throw failedAlready(pick.ip, net.id);
        markLost(lost, pick.subnetId, pick.ip);
        continue;
      }
      if (failed === this.c.networks.key(net.id)) throw networkGone(net.id);
      if (target) this.onAssociateFailed(failed, rec, target);
    }
    throw contended('floating_ip', id);
  }

  private async nextAddress(net: NetworkRecord, lost: Map<string, Set<number>>) {
    const a = await nextExternalAddress(this.c, net, lost);
    return { subnetId: a.subnet.id, ip: a.ip };
  }

  /** A caller's address: in a subnet's pools. Errors: INVALID_ARGUMENT/FLOATING_IP_ADDRESS_INVALID. */
  private async checkAddress(net: NetworkRecord, text: string): Promise<{ subnetId: string; ip: string }> {
    const ip = parseIp(text);
    for (const s of await this.c.subnets.values(net.subnetIds)) {
      const m = subnetMath(s);
      if (ip !== undefined && cidrContains(m.cidr, ip)) {
        if (m.pools.some((p) => inRange(ip, p)) && !m.reserved.has(ip)) return { subnetId: s.id, ip: text };
        break;
      }
    }
    throw invalidArgument(
      'FLOATING_IP_ADDRESS_INVALID',
      `floating_ip_address ${echo(text)} is not in the allocation pools of network ${net.id}`,
      { details: { field: 'floating_ip_address', network_id: net.id } },
    );
  }

  /** By id or address, as `principal` sees it. Errors: NOT_FOUND/FLOATING_IP_NOT_FOUND. */
  async resolve(principal: Principal, ref: unknown, field = 'floating_ip'): Promise<Entry<FloatingIpRecord>> {
    return resolveRef<Entry<FloatingIpRecord>>(field, ref, {
      kind: 'floating_ip',
      byId: async (id) => {
        const e = await this.entry(id);
        return e && canSee(principal, e.value.projectId) ? e : undefined;
      },
      byName: async (text) => {
        if (parseIp(text) === undefined) return [];
        const page = await this.c.store.list<NameIndex>(
          namePrefix('floating-ips', principal.projectId, sortable(text)),
          { limit: 100 },
        );
        const found = await Promise.all(page.entries.map((e) => this.entry(e.value.id)));
        return found.filter((e): e is Entry<FloatingIpRecord> => e !== undefined && e.value.ip === text);
      },
      idOf: (e) => e.value.id,
    });
  }

  entry(id: string): Promise<Entry<FloatingIpRecord> | undefined> {
    return getOrUndefined<FloatingIpRecord>(this.c.store, recordKey('floating-ips', id));
  }

  async get(principal: Principal, ref: unknown): Promise<FloatingIpRecord> {
    return (await this.resolve(principal, ref)).value;
  }

  /** The caller's project's in address order (all projects' in id order for admins with allProjects). */
  list(principal: Principal, req: ListRequest & { port?: string }): Promise<Page<FloatingIpRecord>> {
    const port = req.port ?? '';
    const keep = (f: FloatingIpRecord | undefined) => (f && (port === '' || f.portId === port) ? f : undefined);
    if (req.allProjects) {
      requireAdmin(principal, 'all_projects');
      return listPage<FloatingIpRecord, FloatingIpRecord>(this.c.store, recordPrefix('floating-ips'), req, (e) =>
        keep(e.value),
      );
    }
    return listPage<NameIndex, FloatingIpRecord>(
      this.c.store,
      namesPrefix('floating-ips', principal.projectId),
      req,
      async (e) => keep((await this.entry(e.value.id))?.value),
    );
  }

  /** The floating IPs associated with `portId` (server addresses). */
  async ofPort(portId: string): Promise<FloatingIpRecord[]> {
    const page = await listAll(this.c.store, portFipsPrefix(portId));
    const ids = page.entries.map((e) => e.key.slice(portFipsPrefix(portId).length));
    const recs = await Promise.all(ids.map((id) => this.entry(id)));
    return recs.filter((e) => e !== undefined).map((e) => e.value);
  }

  /** Port id → its floating addresses in address order (server addresses). */
  async byPorts(portIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    await Promise.all(
      portIds.map(async (id) => {
        const ips = (await this.ofPort(id)).map((f) => f.ip).sort((a, b) => sortable(a).localeCompare(sortable(b)));
        if (ips.length > 0) out.set(id, ips);
      }),
    );
    return out;
  }

  async setPort(principal: Principal, ref: unknown, portRef: string, fixedIp: string): Promise<FloatingIpRecord> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.resolve(principal, id || ref);
      const f = entry.value;
      id = f.id;
      const target = await this.target(principal, f, portRef, fixedIp);
      if (f.portId === target.port.id && f.fixedIp === target.fixedIp && f.routerId === target.router.value.id)
        return f;
      const next: FloatingIpRecord = {
        ...f,
        portId: target.port.id,
        fixedIp: target.fixedIp,
        routerId: target.router.value.id,
        updatedAt: this.c.now(),
      };
      const assoc = associateOps(next, target);
      const failed = await tryTxn(
        this.c.store,
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }, ...assoc.compares],
        [...(f.portId ? dissociateOps(f) : []), { kind: 'put', key: entry.key, value: next }, ...assoc.ops],
      );
      if (failed === undefined) {
        this.c.log.info({ floatingIpId: id, portId: next.portId, fixedIp: next.fixedIp }, 'floating IP associated');
        return next;
      }
      this.onAssociateFailed(failed, next, target);
    }
    throw contended('floating_ip', id);
  }

  async unsetPort(principal: Principal, ref: unknown): Promise<FloatingIpRecord> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.resolve(principal, id || ref);
      const f = entry.value;
      id = f.id;
      if (f.portId === '') return f;
      const next = cleared(f, this.c.now());
      const failed = await tryTxn(
        this.c.store,
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }],
        [...dissociateOps(f), { kind: 'put', key: entry.key, value: next }],
      );
      if (failed === undefined) {
        this.c.log.info({ floatingIpId: id }, 'floating IP disassociated');
        return next;
      }
    }
    throw contended('floating_ip', id);
  }

  async delete(principal: Principal, ref: unknown): Promise<void> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.resolve(principal, id || ref);
      const f = entry.value;
      id = f.id;
      const quota = await this.c.quotas.release(f.projectId, floatingIpUsage.usageOf(f).delta);
      const failed = await tryTxn(
        this.c.store,
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }, ...quota.compares],
        [
          ...(f.portId ? dissociateOps(f) : []),
          { kind: 'delete', key: entry.key },
          { kind: 'delete', key: indexKey(f) },
          { kind: 'delete', key: ipamKey(f.subnetId, f.ip) },
          ...quota.ops,
        ],
      );
      if (failed === undefined) {
        this.c.log.info({ floatingIpId: id, ip: f.ip }, 'floating IP deleted');
        return;
      }
    }
    throw contended('floating_ip', id);
  }

  /**
   * Where an association would point: a port of the floating IP's project, one
   * of its addresses, and the router joining that address's subnet to the
   * floating IP's network. Errors: NOT_FOUND/PORT_NOT_FOUND; INVALID_ARGUMENT/
   * FIXED_IP_INVALID; FAILED_PRECONDITION/EXTERNAL_NETWORK_UNREACHABLE.
   */
  private async target(principal: Principal, f: FloatingIpRecord, portRef: string, fixedIp: string): Promise<Target> {
    const port = (await this.c.ports.resolve(principal, portRef, 'port')).value;
    if (port.projectId !== f.projectId) {
      throw notFound('PORT_NOT_FOUND', `port ${echo(portRef)} not found`, { details: { port: portRef } });
    }
    if (isRouterPort(port)) {
      throw failedPrecondition('PORT_IS_ROUTER', `port ${port.id} is a router's own port; give a server's port`, {
        details: { port_id: port.id },
      });
    }
    const chosen = fixedIp === '' ? port.fixedIps[0] : port.fixedIps.find((x) => x.ip === fixedIp);
    if (!chosen) {
      throw invalidArgument(
        'FIXED_IP_INVALID',
        fixedIp === ''
          ? `port ${port.id} has no fixed address to map to`
          : `fixed_ip_address ${echo(fixedIp)} is not an address of port ${port.id}`,
        { details: { field: 'fixed_ip_address', port_id: port.id } },
      );
    }
    const link = await getOrUndefined<{ routerId: string }>(this.c.store, subnetRouterKey(chosen.subnetId));
    const router = link ? await this.c.routers.entry(link.value.routerId) : undefined;
    if (!router || router.value.gateway?.networkId !== f.networkId) {
      throw failedPrecondition(
        'EXTERNAL_NETWORK_UNREACHABLE',
        `no router joins subnet ${chosen.subnetId} of port ${port.id} to network ${f.networkId}`,
        { details: { port_id: port.id, subnet_id: chosen.subnetId, network_id: f.networkId } },
      );
    }
    return { port, fixedIp: chosen.ip, fixedSubnetId: chosen.subnetId, router };
  }

  private onAssociateFailed(failed: string, f: FloatingIpRecord, t: Target): void {
    if (failed === fipTargetKey(f.networkId, t.port.id, t.fixedIp)) {
      throw failedPrecondition(
        'FIXED_IP_IN_USE',
        `another floating IP of network ${f.networkId} already maps ${t.fixedIp} of port ${t.port.id}`,
        { details: { port_id: t.port.id, fixed_ip_address: t.fixedIp } },
      );
    }
    if (failed === this.c.ports.key(t.port.id)) {
      throw notFound('PORT_NOT_FOUND', `port ${t.port.id} not found`, { details: { port: t.port.id } });
    }
    // The floating IP or the router changed: look again.
  }
}

function failedAlready(ip: string, networkId: string) {
  return alreadyExists('IP_ADDRESS_IN_USE', `floating_ip_address ${ip} is already in use on network ${networkId}`, {
    details: { field: 'floating_ip_address', ip_address: ip },
  });
}

function networkGone(networkId: string) {
  return notFound('NETWORK_NOT_FOUND', `network ${networkId} not found`, { details: { network: networkId } });
}
