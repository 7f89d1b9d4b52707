// Subnets: IPv4 ranges on a network with a gateway, allocation pools and DHCP.
// Creating one updates its network's record with compare-and-swap, so two
// concurrent creates on one network are checked for overlap one after the
// other; deleting one is refused while a port holds an address on it.
import { randomUUID } from 'node:crypto';
import { failedPrecondition, StratoError } from '../../common/errors.ts';
import type { Principal } from '../identity/model.ts';
import type { Page } from '../store/paging.ts';
import type { Entry } from '../store/store.ts';
import { contended, MAX_ATTEMPTS, type NetCtx, tryTxn } from './context.ts';
import { nextFree, planSubnet, type SubnetRequest, subnetMath } from './ipam.ts';
import { formatIp } from './ipv4.ts';
import { type Allocation, epochKey, ipamKey, ipamPrefix } from './keys.ts';
import type { NetworkRecord, SubnetRecord } from './model.ts';
import type { Networks } from './networks.ts';
import { networkNotFound, requireOwner, subnetDeleteOps } from './networks.ts';
import { anyUnder, guardUnchanged, type ListRequest, readGuard } from './resource-table.ts';

export interface CreateSubnetInput extends SubnetRequest {
  name: string;
  network: string;
  enableDhcp: boolean;
}

export class Subnets {
  readonly c: NetCtx;
  readonly networks: Networks;

  constructor(c: NetCtx, networks: Networks) {
    this.c = c;
    this.networks = networks;
  }

  async create(principal: Principal, input: CreateSubnetInput): Promise<SubnetRecord> {
    // Each field's format was checked at the API edge (conductor/api/schemas/).
    const name = input.name;
    let netEntry: Entry<NetworkRecord> | undefined = await this.c.networks.resolve(principal, input.network, 'network');
    const id = randomUUID();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!netEntry) throw networkNotFound(input.network);
      const net = netEntry.value;
      requireOwner(principal, net);
      if (net.subnetIds.length >= this.c.maxSubnetsPerNetwork) {
        throw new StratoError(
          'RESOURCE_EXHAUSTED',
          'SUBNET_LIMIT',
          `network ${net.id} has the maximum of ${this.c.maxSubnetsPerNetwork} subnets`,
        );
      }
      const siblings = await this.c.subnets.values(net.subnetIds);
      const planned = planSubnet(input, siblings);
      let dhcpIp = '';
      if (input.enableDhcp) {
        // The subnet is new, so nothing else can hold an address on it yet.
        const ip = nextFree(subnetMath({ ...planned, dhcpIp: '' }), new Set());
        if (ip === undefined) {
          throw new StratoError(
            'RESOURCE_EXHAUSTED',
            'IP_POOL_EXHAUSTED',
            `subnet ${planned.cidr} has no address left for its DHCP server`,
          );
        }
        dhcpIp = formatIp(ip);
      }
      const rec: SubnetRecord = {
        id,
        name,
        projectId: net.projectId,
        networkId: net.id,
        ...planned,
        enableDhcp: input.enableDhcp,
        dhcpIp,
        createdAt: this.c.now(),
      };
      const dhcpAlloc: Allocation = { dhcp: true };
      const failed = await tryTxn(
        this.c.store,
        [{ kind: 'modRevision', key: netEntry.key, modRevision: netEntry.modRevision }],
        [
          { kind: 'put', key: netEntry.key, value: { ...net, subnetIds: [...net.subnetIds, id] } },
          ...this.c.subnets.createOps(rec),
          ...(dhcpIp ? [{ kind: 'create' as const, key: ipamKey(id, dhcpIp), value: dhcpAlloc }] : []),
        ],
      );
      if (failed === undefined) {
        this.c.log.info({ subnetId: id, networkId: net.id, cidr: rec.cidr }, 'subnet created');
        return rec;
      }
      netEntry = await this.c.networks.entry(net.id);
    }
    throw contended('network', netEntry?.value.id ?? input.network);
  }

  async get(principal: Principal, ref: unknown, field = 'subnet'): Promise<SubnetRecord> {
    return (await this.c.subnets.resolve(principal, ref, field)).value;
  }

  /** With `network` ('' = all), only that network's subnets. */
  async list(principal: Principal, req: ListRequest & { network?: string }): Promise<Page<SubnetRecord>> {
    const networkId = req.network ? (await this.networks.get(principal, req.network)).id : '';
    return this.c.subnets.list(principal, req, (s) => networkId === '' || s.networkId === networkId);
  }

  async delete(principal: Principal, ref: unknown): Promise<void> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.c.subnets.resolve(principal, id || ref, 'subnet');
      const s = entry.value;
      id = s.id;
      const guard = await readGuard(this.c.store, epochKey(id));
      const dhcpKey = s.dhcpIp ? ipamKey(id, s.dhcpIp) : '';
      const held = await anyUnder(this.c.store, ipamPrefix(id), (k) => k === dhcpKey);
      if (held !== undefined) {
        throw failedPrecondition(
          'SUBNET_IN_USE',
          `subnet ${id} still has ports holding addresses (e.g. ${held.slice(ipamPrefix(id).length)})`,
          {
            details: { subnet_id: id },
          },
        );
      }
      const netEntry = await this.c.networks.entry(s.networkId);
      const compares = [
        { kind: 'modRevision' as const, key: entry.key, modRevision: entry.modRevision },
        guardUnchanged(epochKey(id), guard),
      ];
      const ops = subnetDeleteOps(this.c, s);
      if (netEntry) {
        compares.push({ kind: 'modRevision', key: netEntry.key, modRevision: netEntry.modRevision });
        const rest = netEntry.value.subnetIds.filter((x) => x !== id);
        ops.push({ kind: 'put', key: netEntry.key, value: { ...netEntry.value, subnetIds: rest } });
      }
      if ((await tryTxn(this.c.store, compares, ops)) === undefined) {
        this.c.log.info({ subnetId: id, networkId: s.networkId }, 'subnet deleted');
        return;
      }
    }
    throw contended('subnet', id);
  }
}
