// Networks: vxlan overlays with a VNI from the conductor's range, or flat
// networks on an operator's bridge (admins only, one network per bridge).
// Deleting a network deletes its subnets and releases its VNI or bridge; it is
// refused while ports remain.
import { randomUUID } from 'node:crypto';
import {
  alreadyExists,
  echo,
  failedPrecondition,
  invalidArgument,
  notFound,
  StratoError,
} from '../../common/errors.ts';
import { isAdmin, requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { listAll } from '../store/list-all.ts';
import type { Page } from '../store/paging.ts';
import type { Entry, Op } from '../store/store.ts';
import { contended, MAX_ATTEMPTS, type NetCtx, tryTxn } from './context.ts';
import {
  epochKey,
  ipamKey,
  ipamPrefix,
  type MacOwner,
  macKey,
  networkPortsPrefix,
  physicalBridgeKey,
  VNIS,
  vniKey,
} from './keys.ts';
import { randomMac } from './mac.ts';
import { type NetworkRecord, PROVIDER_TYPES, type ProviderType, type SubnetRecord } from './model.ts';
import { anyUnder, guardUnchanged, type ListRequest, readGuard } from './resource-table.ts';
import { networkUsage } from './usage.ts';
import { pickVni } from './vni.ts';

/** IPv4's minimum MTU (RFC 791). */
export const MIN_MTU = 68;
/** Outer Ethernet + IPv4 + UDP + VXLAN headers. */
export const VXLAN_OVERHEAD = 50;
// Linux IFNAMSIZ is 16 with the NUL; '/' and whitespace are never allowed.
const IFNAME_RE = /^[A-Za-z0-9_.-]{1,15}$/;

export interface CreateNetworkInput {
  name: string;
  /** '' = vxlan. */
  providerType: string;
  physicalBridge: string;
  /** 0 = default. */
  mtu: number;
  /** An external network (admins only, flat only). @default false */
  external?: boolean;
}

/** Validated provider settings (pure). */
export function planProvider(
  input: Pick<CreateNetworkInput, 'providerType' | 'physicalBridge' | 'mtu'>,
  underlayMtu: number,
): { providerType: ProviderType; physicalBridge: string; mtu: number } {
  const providerType = (input.providerType === '' ? 'vxlan' : input.providerType) as ProviderType;
  if (!PROVIDER_TYPES.includes(providerType)) {
    throw invalidArgument(
      'PROVIDER_TYPE_INVALID',
      `provider_type must be vxlan or flat, got ${echo(input.providerType)}`,
      {
        details: { field: 'provider_type' },
      },
    );
  }
  const bridgeProblem = (why: string) =>
    invalidArgument('PHYSICAL_BRIDGE_INVALID', why, { details: { field: 'physical_bridge' } });
  if (providerType === 'flat') {
    if (input.physicalBridge === '')
      throw bridgeProblem('a flat network needs physical_bridge (the operator bridge to join)');
    if (!IFNAME_RE.test(input.physicalBridge) || input.physicalBridge === '.' || input.physicalBridge === '..') {
      throw bridgeProblem(`physical_bridge ${echo(input.physicalBridge)} is not a Linux interface name`);
    }
  } else if (input.physicalBridge !== '') {
    throw bridgeProblem('physical_bridge applies to flat networks only');
  }
  const maxMtu = providerType === 'vxlan' ? underlayMtu - VXLAN_OVERHEAD : underlayMtu;
  const mtu = input.mtu === 0 ? maxMtu : input.mtu;
  if (!Number.isInteger(mtu) || mtu < MIN_MTU || mtu > maxMtu) {
    throw invalidArgument(
      'MTU_INVALID',
      `mtu ${input.mtu} must be ${MIN_MTU}..${maxMtu} for a ${providerType} network`,
      {
        details: { field: 'mtu' },
      },
    );
  }
  return { providerType, physicalBridge: providerType === 'flat' ? input.physicalBridge : '', mtu };
}

export class Networks {
  readonly c: NetCtx;

  constructor(c: NetCtx) {
    this.c = c;
  }

  async create(principal: Principal, input: CreateNetworkInput): Promise<NetworkRecord> {
    // Each field's format was checked at the API edge (conductor/api/schemas/).
    const name = input.name;
    const provider = planProvider(input, this.c.underlayMtu);
    if (input.external) {
      requireAdmin(principal, 'an external network');
      if (provider.providerType !== 'flat') {
        throw invalidArgument('EXTERNAL_NOT_FLAT', 'an external network must be flat (provider_type flat)', {
          details: { field: 'provider_type' },
        });
      }
    }
    if (provider.providerType === 'flat') requireAdmin(principal, 'a flat network');
    const id = randomUUID();
    const skipVnis = new Set<number>();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let vni = 0;
      const guardOps: Op[] = [];
      if (provider.providerType === 'vxlan') {
        const used = new Set((await listAll(this.c.store, VNIS)).entries.map((e) => Number(e.key.slice(VNIS.length))));
        const picked = pickVni(this.c.vniRange, used, skipVnis);
        if (picked === undefined) {
          throw new StratoError(
            'RESOURCE_EXHAUSTED',
            'VNI_POOL_EXHAUSTED',
            `no VNI left in ${this.c.vniRange.min}..${this.c.vniRange.max}`,
          );
        }
        vni = picked;
        guardOps.push({ kind: 'create', key: vniKey(vni), value: { networkId: id } });
      } else {
        guardOps.push({ kind: 'create', key: physicalBridgeKey(provider.physicalBridge), value: { networkId: id } });
      }
      const rec: NetworkRecord = {
        id,
        name,
        projectId: principal.projectId,
        ...provider,
        vni,
        subnetIds: [],
        dhcpMac: randomMac(this.c.macPrefix),
        createdAt: this.c.now(),
        ...(input.external ? { external: true } : {}),
      };
      const macOwner: MacOwner = { dhcpOfNetwork: id };
      const quota = await this.c.quotas.claim(rec.projectId, networkUsage.usageOf(rec).delta);
      const failed = await tryTxn(this.c.store, quota.compares, [
        ...this.c.networks.createOps(rec),
        ...guardOps,
        { kind: 'create', key: macKey(rec.dhcpMac), value: macOwner },
        ...quota.ops,
      ]);
      if (failed === undefined) {
        this.c.log.info(
          { networkId: id, projectId: rec.projectId, providerType: rec.providerType, vni },
          'network created',
        );
        return rec;
      }
      if (failed === physicalBridgeKey(provider.physicalBridge)) {
        throw alreadyExists(
          'PHYSICAL_BRIDGE_IN_USE',
          `bridge ${provider.physicalBridge} already carries a flat network`,
          {
            details: { physical_bridge: provider.physicalBridge },
          },
        );
      }
      if (failed === vniKey(vni)) skipVnis.add(vni);
      // Otherwise a random MAC collided, or another create or delete of the project
      // changed its quota usage: the next attempt draws again against fresh usage.
    }
    throw contended('network', id);
  }

  async get(principal: Principal, ref: unknown, field = 'network'): Promise<NetworkRecord> {
    return (await this.c.networks.resolve(principal, ref, field)).value;
  }

  list(principal: Principal, req: ListRequest): Promise<Page<NetworkRecord>> {
    return this.c.networks.list(principal, req);
  }

  async delete(principal: Principal, ref: unknown): Promise<void> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Re-resolving by id after the first pass keeps a renamed-away name from
      // making a retry delete another network.
      const entry: Entry<NetworkRecord> = await this.c.networks.resolve(principal, id || ref, 'network');
      const net = entry.value;
      id = net.id;
      requireOwner(principal, net);
      const guard = await readGuard(this.c.store, epochKey(id));
      const portKey = await anyUnder(this.c.store, networkPortsPrefix(id));
      if (portKey !== undefined) {
        throw failedPrecondition(
          'NETWORK_IN_USE',
          `network ${id} still has ports (e.g. ${portKey.slice(networkPortsPrefix(id).length)}); delete them first`,
          {
            details: { network_id: id },
          },
        );
      }
      const subnets = await this.c.subnets.values(net.subnetIds);
      // Floating IPs hold addresses without a port (an external network's).
      for (const s of subnets) {
        const dhcpKey = s.dhcpIp ? ipamKey(s.id, s.dhcpIp) : '';
        const held = await anyUnder(this.c.store, ipamPrefix(s.id), (k) => k === dhcpKey);
        if (held !== undefined) {
          throw failedPrecondition(
            'NETWORK_IN_USE',
            `network ${id} still has addresses in use (e.g. ${held.slice(ipamPrefix(s.id).length)} on subnet ${s.id}); release them first`,
            { details: { network_id: id } },
          );
        }
      }
      const ops: Op[] = [
        ...this.c.networks.deleteOps(net),
        { kind: 'delete', key: net.providerType === 'vxlan' ? vniKey(net.vni) : physicalBridgeKey(net.physicalBridge) },
        { kind: 'delete', key: macKey(net.dhcpMac) },
        { kind: 'delete', key: epochKey(id) },
      ];
      for (const s of subnets) ops.push(...subnetDeleteOps(this.c, s));
      const quota = await this.c.quotas.release(net.projectId, networkUsage.usageOf(net).delta);
      const failed = await tryTxn(
        this.c.store,
        [
          { kind: 'modRevision', key: entry.key, modRevision: entry.modRevision },
          guardUnchanged(epochKey(id), guard),
          ...quota.compares,
        ],
        [...ops, ...quota.ops],
      );
      if (failed === undefined) {
        this.c.log.info({ networkId: id, projectId: net.projectId }, 'network deleted');
        return;
      }
    }
    throw contended('network', id);
  }

  /** For the conductor's own workflows: the record whoever owns it. */
  async getById(id: string): Promise<NetworkRecord | undefined> {
    return (await this.c.networks.entry(id))?.value;
  }
}

/** What removing a subnet removes besides its network's reference to it. */
export function subnetDeleteOps(c: NetCtx, s: SubnetRecord): Op[] {
  const ops: Op[] = [...c.subnets.deleteOps(s), { kind: 'delete', key: epochKey(s.id) }];
  if (s.dhcpIp !== '') ops.push({ kind: 'delete', key: ipamKey(s.id, s.dhcpIp) });
  return ops;
}

/**
 * Changing a network (deleting it, adding subnets) is its project's: an
 * external network is every project's to see, but only admins change it.
 * Errors: PERMISSION_DENIED/ADMIN_REQUIRED.
 */
export function requireOwner(principal: Principal, net: NetworkRecord): void {
  if (net.projectId !== principal.projectId && !isAdmin(principal)) {
    requireAdmin(principal, `changing external network ${net.id}`);
  }
}

export function networkNotFound(id: string) {
  return notFound('NETWORK_NOT_FOUND', `network ${id} not found`, { details: { network: id } });
}
