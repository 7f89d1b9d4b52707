// A router's own ports (its interfaces and its gateway) and the addresses an
// external network hands out (gateways, floating IPs): the records and store
// ops that routers.ts and floating-ips.ts put in their own transactions, so a
// port and what it joins commit together or not at all.
import { randomUUID } from 'node:crypto';
import { StratoError } from '../../common/errors.ts';
import { listAll } from '../store/list-all.ts';
import type { Compare, Op } from '../store/store.ts';
import type { NetCtx } from './context.ts';
import { formatIp, parseIp } from './ipv4.ts';
import { type Allocation, epochKey, ipamKey, ipamPrefix, type MacOwner, macKey, networkPortKey } from './keys.ts';
import { randomMac } from './mac.ts';
import type { NetworkRecord, PortRecord, SubnetRecord } from './model.ts';
import { chooseAddresses } from './port-request.ts';

export interface RouterPortInput {
  routerId: string;
  projectId: string;
  networkId: string;
  subnetId: string;
  ip: string;
  deviceOwner: string;
}

/**
 * A router's port: no security groups (the router filters nothing) and no
 * binding host. It is not a tap: its router's host builds it as a leg of
 * qrouter-<id> from the router record (RouterRecord.hostId), so the per-host
 * port wiring must not see it as an instance port there.
 */
export function routerPortRecord(c: NetCtx, o: RouterPortInput): PortRecord {
  const at = c.now();
  return {
    id: randomUUID(),
    name: '',
    projectId: o.projectId,
    networkId: o.networkId,
    mac: randomMac(c.macPrefix),
    fixedIps: [{ subnetId: o.subnetId, ip: o.ip }],
    securityGroupIds: [],
    deviceId: o.routerId,
    deviceOwner: o.deviceOwner,
    bindingHost: '',
    createdAt: at,
    updatedAt: at,
  };
}

/** What creating the port writes, and what must still exist when it commits. */
export function routerPortCreate(c: NetCtx, p: PortRecord): { compares: Compare[]; ops: Op[] } {
  const macOwner: MacOwner = { portId: p.id };
  const subnetIds = p.fixedIps.map((f) => f.subnetId);
  return {
    compares: [
      { kind: 'exists', key: c.networks.key(p.networkId) },
      ...subnetIds.map((s): Compare => ({ kind: 'exists', key: c.subnets.key(s) })),
    ],
    ops: [
      ...c.ports.createOps(p),
      { kind: 'create', key: networkPortKey(p.networkId, p.id), value: {} },
      { kind: 'create', key: macKey(p.mac), value: macOwner },
      ...p.fixedIps.map(
        (f): Op => ({ kind: 'create', key: ipamKey(f.subnetId, f.ip), value: { portId: p.id } satisfies Allocation }),
      ),
      ...[p.networkId, ...subnetIds].map((u): Op => ({ kind: 'put', key: epochKey(u), value: {} })),
    ],
  };
}

/** What deleting the port removes (as Ports.remove, for a port without groups or floating IPs). */
export function routerPortDelete(c: NetCtx, p: PortRecord): Op[] {
  return [
    ...c.ports.deleteOps(p),
    { kind: 'delete', key: networkPortKey(p.networkId, p.id) },
    { kind: 'delete', key: macKey(p.mac) },
    ...p.fixedIps.map((f): Op => ({ kind: 'delete', key: ipamKey(f.subnetId, f.ip) })),
    { kind: 'delete', key: epochKey(p.id) },
  ];
}

/**
 * The next free address on an external network (its subnets in creation
 * order), skipping those in `lost` (taken by a racing call since we looked).
 * Errors: RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED.
 */
export async function nextExternalAddress(
  c: NetCtx,
  net: NetworkRecord,
  lost: ReadonlyMap<string, ReadonlySet<number>>,
): Promise<{ subnet: SubnetRecord; ip: string }> {
  const subnets = await c.subnets.values(net.subnetIds);
  if (subnets.length === 0) {
    throw new StratoError('RESOURCE_EXHAUSTED', 'IP_POOL_EXHAUSTED', `external network ${net.id} has no subnet`, {
      details: { network_id: net.id },
    });
  }
  const taken = new Map<string, Set<number>>();
  for (const s of subnets) {
    const prefix = ipamPrefix(s.id);
    const ips = (await listAll(c.store, prefix)).entries.map((e) => parseIp(e.key.slice(prefix.length)) ?? -1);
    taken.set(s.id, new Set([...ips, ...(lost.get(s.id) ?? [])]));
  }
  const [chosen] = chooseAddresses([{ kind: 'auto', candidates: subnets }], (s) => taken.get(s) ?? new Set());
  const subnet = subnets.find((s) => s.id === chosen!.subnetId)!;
  return { subnet, ip: formatIp(chosen!.ip) };
}

/** Adds `ip` of `subnetId` to `lost` (an address a racing call took). */
export function markLost(lost: Map<string, Set<number>>, subnetId: string, ip: string): void {
  const set = lost.get(subnetId) ?? new Set<number>();
  set.add(parseIp(ip) ?? -1);
  lost.set(subnetId, set);
}
