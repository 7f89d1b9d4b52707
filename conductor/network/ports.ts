// Ports: a MAC and addresses on a network, members of security groups, used by
// at most one instance and bound to that instance's host.
//
// Allocation never hands one address to two ports, also under concurrent
// creates: the port and one `/network/ipam/<subnet>/<ip>` key per address are
// created in one transaction, and a create op fails if its key exists. The loser
// of a race learns which key was taken, picks the next free address and tries
// again; a caller-chosen address that is taken is the caller's IP_IN_USE.
import { randomUUID } from 'node:crypto';
import {
  alreadyExists,
  failedPrecondition,
  invalidArgument,
  isStratoError,
  notFound,
  StratoError,
} from '../../common/errors.ts';
import { isAdmin, requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import type { Page } from '../store/paging.ts';
import type { Compare, Entry, Op } from '../store/store.ts';
import { contended, MAX_ATTEMPTS, type NetCtx, tryTxn } from './context.ts';
import { cleared, dissociateOps } from './floating-ip-links.ts';
import { formatIp, parseIp } from './ipv4.ts';
import {
  type Allocation,
  epochKey,
  ipamKey,
  ipamPrefix,
  type MacOwner,
  macKey,
  networkPortKey,
  portFipsPrefix,
  recordKey,
  sgMemberKey,
} from './keys.ts';
import { normalizeMac, randomMac } from './mac.ts';
import type { FloatingIpRecord, PortRecord, SubnetRecord } from './model.ts';
import type { Networks } from './networks.ts';
import { type ChosenAddress, chooseAddresses, planAddressWants } from './port-request.ts';
import { guardUnchanged, type ListRequest, readGuard } from './resource-table.ts';
import { groupNotFound, type SecurityGroups } from './security-groups.ts';
import { isRouterPort, portUsage } from './usage.ts';

export interface CreatePortInput {
  /** '' = unnamed. */
  name: string;
  network: string;
  fixedIps: { subnet: string; ipAddress: string }[];
  securityGroups: string[];
  noSecurityGroups: boolean;
  /** '' = random. */
  macAddress: string;
  deviceId: string;
  deviceOwner: string;
  bindingHost: string;
}

/** Neutron's limit for a port's device id and owner. */
export const DEVICE_FIELD_MAX = 255;

/** Keeps a port create within one store transaction (STORE_LIMITS.maxTxnOps). */
export const MAX_FIXED_IPS = 16;
export const MAX_PORT_GROUPS = 16;

function checkCounts(input: CreatePortInput): void {
  if (input.fixedIps.length > MAX_FIXED_IPS) {
    throw invalidArgument('TOO_MANY_FIXED_IPS', `a port takes at most ${MAX_FIXED_IPS} fixed_ips`, {
      details: { field: 'fixed_ips' },
    });
  }
  if (input.securityGroups.length > MAX_PORT_GROUPS) {
    throw invalidArgument('TOO_MANY_SECURITY_GROUPS', `a port takes at most ${MAX_PORT_GROUPS} security_groups`, {
      details: { field: 'security_groups' },
    });
  }
}

export interface Binding {
  deviceId: string;
  deviceOwner: string;
  bindingHost: string;
  /** A move's destination, wired too while the move runs ('' = none; absent = unchanged). */
  migrationHost?: string;
}

export class Ports {
  readonly c: NetCtx;
  readonly networks: Networks;
  readonly groups: SecurityGroups;

  constructor(c: NetCtx, networks: Networks, groups: SecurityGroups) {
    this.c = c;
    this.networks = networks;
    this.groups = groups;
  }

  /** `trusted`: the conductor's own workflows (compute), which may bind a port to a host. */
  async create(principal: Principal, input: CreatePortInput, trusted = false): Promise<PortRecord> {
    // Each field's format was checked at the API edge (conductor/api/schemas/).
    const { deviceId, deviceOwner, bindingHost, name } = input;
    checkCounts(input);
    if (bindingHost !== '' && !trusted) requireAdmin(principal, 'binding_host');
    const net = (await this.c.networks.resolve(principal, input.network, 'network')).value;
    // Routers and floating IPs use an external network; its own project's (the
    // cloud admin's) servers and admins may put ports there, nobody else.
    if (net.external && net.projectId !== principal.projectId && !isAdmin(principal)) {
      throw new StratoError(
        'PERMISSION_DENIED',
        'NETWORK_EXTERNAL',
        `network ${net.id} is external: use it through a router gateway or a floating IP, not a port`,
        { details: { field: 'network', network_id: net.id } },
      );
    }
    const subnets = await this.c.subnets.values(net.subnetIds);
    const requests = await Promise.all(
      input.fixedIps.map(async (f, i) => ({
        subnet:
          f.subnet === ''
            ? undefined
            : (await this.c.subnets.resolve(principal, f.subnet, `fixed_ips[${i}].subnet`)).value,
        ipAddress: f.ipAddress,
      })),
    );
    const wants = planAddressWants(net.id, subnets, requests);
    const groupIds = await this.groupIds(principal, net.projectId, input);
    const givenMac = input.macAddress === '' ? undefined : normalizeMac(input.macAddress);
    const id = randomUUID();
    const lost = new Map<string, Set<number>>();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const chosen = chooseAddresses(wants, await this.takenLookup(wants, lost));
      const mac = givenMac ?? randomMac(this.c.macPrefix);
      const at = this.c.now();
      const rec: PortRecord = {
        id,
        name,
        projectId: net.projectId,
        networkId: net.id,
        mac,
        fixedIps: chosen.map((c) => ({ subnetId: c.subnetId, ip: formatIp(c.ip) })),
        securityGroupIds: groupIds,
        deviceId,
        deviceOwner,
        bindingHost,
        createdAt: at,
        updatedAt: at,
      };
      const subnetIds = [...new Set(chosen.map((c) => c.subnetId))];
      // Exists compares: the port may only join what still exists when it commits.
      const compares: Compare[] = [
        { kind: 'exists', key: this.c.networks.key(net.id) },
        ...subnetIds.map((s): Compare => ({ kind: 'exists', key: this.c.subnets.key(s) })),
        ...groupIds.map((g): Compare => ({ kind: 'exists', key: this.c.groups.key(g) })),
      ];
      const macOwner: MacOwner = { portId: id };
      const ops: Op[] = [
        ...this.c.ports.createOps(rec),
        { kind: 'create', key: networkPortKey(net.id, id), value: {} },
        { kind: 'create', key: macKey(mac), value: macOwner },
        ...rec.fixedIps.map(
          (f): Op => ({ kind: 'create', key: ipamKey(f.subnetId, f.ip), value: { portId: id } satisfies Allocation }),
        ),
        ...groupIds.map((g): Op => ({ kind: 'create', key: sgMemberKey(g, id), value: {} })),
        ...[net.id, ...subnetIds, ...groupIds].map((u): Op => ({ kind: 'put', key: epochKey(u), value: {} })),
      ];
      // The port counts against its network's project (whose port it is), in this transaction.
      const quota = await this.c.quotas.claim(rec.projectId, portUsage.usageOf(rec).delta);
      const failed = await tryTxn(this.c.store, [...compares, ...quota.compares], [...ops, ...quota.ops]);
      if (failed === undefined) {
        this.c.log.info({ portId: id, networkId: net.id, mac, ips: rec.fixedIps.map((f) => f.ip) }, 'port created');
        return rec;
      }
      this.onConflict(failed, chosen, lost, givenMac, net.id);
    }
    throw contended('port', id);
  }

  /** Decides what a failed create means: a caller error to throw, or a retry. */
  private onConflict(
    failed: string,
    chosen: ChosenAddress[],
    lost: Map<string, Set<number>>,
    givenMac: string | undefined,
    networkId: string,
  ): void {
    const hit = chosen.find((c) => ipamKey(c.subnetId, formatIp(c.ip)) === failed);
    if (hit?.fixed) {
      const ip = formatIp(hit.ip);
      throw alreadyExists('IP_IN_USE', `ip_address ${ip} is already in use on subnet ${hit.subnetId}`, {
        details: { ip_address: ip, subnet_id: hit.subnetId },
      });
    }
    if (hit) {
      const set = lost.get(hit.subnetId) ?? new Set<number>();
      set.add(hit.ip);
      lost.set(hit.subnetId, set);
      return;
    }
    if (givenMac !== undefined && failed === macKey(givenMac)) {
      throw alreadyExists('MAC_IN_USE', `mac_address ${givenMac} is already in use`, {
        details: { mac_address: givenMac },
      });
    }
    if (failed === this.c.networks.key(networkId)) {
      throw notFound('NETWORK_NOT_FOUND', `network ${networkId} not found`, { details: { network: networkId } });
    }
    if (failed.startsWith(this.c.subnets.key(''))) {
      const s = failed.slice(this.c.subnets.key('').length);
      throw notFound('SUBNET_NOT_FOUND', `subnet ${s} not found`, { details: { subnet: s } });
    }
    if (failed.startsWith(this.c.groups.key(''))) throw groupNotFound(failed.slice(this.c.groups.key('').length));
    // A random MAC collided, or the project's quota usage changed: the next attempt draws again.
  }

  /** What is taken on each subnet an automatic want may draw from. */
  private async takenLookup(wants: ReturnType<typeof planAddressWants>, lost: Map<string, Set<number>>) {
    const subnets = new Map<string, SubnetRecord>();
    for (const w of wants) if (w.kind === 'auto') for (const s of w.candidates) subnets.set(s.id, s);
    const taken = new Map<string, Set<number>>();
    await Promise.all(
      [...subnets.keys()].map(async (s) => {
        const prefix = ipamPrefix(s);
        const ips = (await listAll(this.c.store, prefix)).entries.map((e) => parseIp(e.key.slice(prefix.length)) ?? -1);
        taken.set(s, new Set([...ips, ...(lost.get(s) ?? [])]));
      }),
    );
    return (s: string): ReadonlySet<number> => taken.get(s) ?? new Set();
  }

  private async groupIds(principal: Principal, projectId: string, input: CreatePortInput): Promise<string[]> {
    if (input.noSecurityGroups) {
      if (input.securityGroups.length > 0) {
        throw invalidArgument('SECURITY_GROUPS_CONFLICT', 'give security_groups or no_security_groups, not both', {
          details: { field: 'security_groups' },
        });
      }
      return [];
    }
    if (input.securityGroups.length === 0) return [(await this.groups.requireDefault(projectId)).id];
    const ids = await Promise.all(
      input.securityGroups.map(async (ref, i) => {
        const g = (await this.groups.resolve(principal, ref, `security_groups[${i}]`)).value;
        // A port's groups are its own project's: another project's group is invisible to it.
        if (g.projectId !== projectId) throw groupNotFound(g.id);
        return g.id;
      }),
    );
    return [...new Set(ids)];
  }

  async get(principal: Principal, ref: unknown, field = 'port'): Promise<PortRecord> {
    return (await this.c.ports.resolve(principal, ref, field)).value;
  }

  async getById(id: string): Promise<PortRecord | undefined> {
    return (await this.c.ports.entry(id))?.value;
  }

  async list(
    principal: Principal,
    req: ListRequest & { network?: string; deviceId?: string },
  ): Promise<Page<PortRecord>> {
    const deviceId = req.deviceId ?? '';
    const networkId = req.network ? (await this.networks.get(principal, req.network)).id : '';
    return this.c.ports.list(
      principal,
      req,
      (p) => (networkId === '' || p.networkId === networkId) && (deviceId === '' || p.deviceId === deviceId),
    );
  }

  /** Errors: NOT_FOUND/PORT_NOT_FOUND; FAILED_PRECONDITION/PORT_IN_USE unless `force` (the compute service's teardown). */
  async delete(principal: Principal, ref: unknown, force = false): Promise<void> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.c.ports.resolve(principal, id || ref, 'port');
      id = entry.value.id;
      if (isRouterPort(entry.value)) {
        throw failedPrecondition(
          'PORT_IN_USE',
          `port ${id} belongs to router ${entry.value.deviceId}; remove the router's subnet or gateway instead`,
          { details: { port_id: id, device_id: entry.value.deviceId } },
        );
      }
      if (entry.value.deviceId !== '' && !force) {
        throw failedPrecondition(
          'PORT_IN_USE',
          `port ${id} is attached to ${entry.value.deviceId}; detach it from the server first`,
          {
            details: { port_id: id, device_id: entry.value.deviceId },
          },
        );
      }
      if (await this.remove(entry)) return;
    }
    throw contended('port', id);
  }

  /** Idempotent delete for the conductor's workflows: a port already gone is success. */
  async deleteById(id: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.c.ports.entry(id);
      if (!entry || (await this.remove(entry))) return;
    }
    throw contended('port', id);
  }

  private async remove(entry: Entry<PortRecord>): Promise<boolean> {
    const p = entry.value;
    // Its floating IPs are disassociated with it (as Neutron does); an
    // association committing meanwhile moves the port's epoch and fails this.
    const guard = await readGuard(this.c.store, epochKey(p.id));
    const fips = await this.floatingIpsOf(p.id);
    const ops: Op[] = [
      ...this.c.ports.deleteOps(p),
      { kind: 'delete', key: networkPortKey(p.networkId, p.id) },
      { kind: 'delete', key: macKey(p.mac) },
      ...p.fixedIps.map((f): Op => ({ kind: 'delete', key: ipamKey(f.subnetId, f.ip) })),
      ...p.securityGroupIds.map((g): Op => ({ kind: 'delete', key: sgMemberKey(g, p.id) })),
      { kind: 'delete', key: epochKey(p.id) },
      ...fips.flatMap((e): Op[] => [
        ...dissociateOps(e.value),
        { kind: 'put', key: e.key, value: cleared(e.value, this.c.now()) },
      ]),
    ];
    const quota = await this.c.quotas.release(p.projectId, portUsage.usageOf(p).delta);
    const failed = await tryTxn(
      this.c.store,
      [
        { kind: 'modRevision', key: entry.key, modRevision: entry.modRevision },
        guardUnchanged(epochKey(p.id), guard),
        ...fips.map((e): Compare => ({ kind: 'modRevision', key: e.key, modRevision: e.modRevision })),
        ...quota.compares,
      ],
      [...ops, ...quota.ops],
    );
    if (failed === undefined) this.c.log.info({ portId: p.id, networkId: p.networkId }, 'port deleted');
    return failed === undefined;
  }

  /** The floating IPs associated with port `id`, as entries. */
  private async floatingIpsOf(id: string): Promise<Entry<FloatingIpRecord>[]> {
    const prefix = portFipsPrefix(id);
    const keys = (await listAll(this.c.store, prefix)).entries.map((e) => e.key.slice(prefix.length));
    const entries = await Promise.all(
      keys.map((f) => getOrUndefined<FloatingIpRecord>(this.c.store, recordKey('floating-ips', f))),
    );
    return entries.filter((e) => e !== undefined);
  }

  /**
   * Binds a port to an instance and its host (compute). Rebinding to the same
   * device (e.g. moving host) is allowed; another device's port fails with
   * FAILED_PRECONDITION/PORT_IN_USE. Errors: NOT_FOUND/PORT_NOT_FOUND.
   */
  bind(id: string, b: Binding): Promise<PortRecord> {
    return this.change(id, (p) => {
      if (p.deviceId !== '' && p.deviceId !== b.deviceId) {
        throw failedPrecondition('PORT_IN_USE', `port ${id} is attached to ${p.deviceId}`, {
          details: { port_id: id, device_id: p.deviceId },
        });
      }
      return { ...p, ...b };
    });
  }

  /** Detaches a port from `deviceId` (no-op if it is not attached to it). */
  unbind(id: string, deviceId: string): Promise<PortRecord> {
    return this.change(id, (p) =>
      p.deviceId === deviceId ? { ...p, deviceId: '', deviceOwner: '', bindingHost: '', migrationHost: '' } : p,
    );
  }

  private async change(id: string, f: (p: PortRecord) => PortRecord): Promise<PortRecord> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.c.ports.entry(id);
      if (!entry) throw notFound('PORT_NOT_FOUND', `port ${id} not found`, { details: { port: id } });
      const next = f(entry.value);
      if (next === entry.value) return next;
      const updated = { ...next, updatedAt: this.c.now() };
      try {
        await this.c.store.update(entry.key, updated, { expectedModRevision: entry.modRevision });
        return updated;
      } catch (err) {
        if (!isStratoError(err, 'ABORTED') && !isStratoError(err, 'NOT_FOUND')) throw err;
      }
    }
    throw contended('port', id);
  }
}
