// What the network services share: the store, the tables, the options (with
// defaults filled in) and a few transaction helpers.
import { StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { NO_LIMITS } from '../quotas/model.ts';
import { Quotas } from '../quotas/quotas.ts';
import type { Compare, Op, Store, TxnResult } from '../store/store.ts';
import { EXTERNAL_NAMES } from './keys.ts';
import { DEFAULT_MAC_PREFIX } from './mac.ts';
import type { NetworkRecord, PortRecord, RouterRecord, SecurityGroupRecord, SubnetRecord } from './model.ts';
import { ResourceTable } from './resource-table.ts';
import { NO_ROUTER_HOSTS, type RouterHosts } from './router-hosts.ts';
import { DEFAULT_VNI_RANGE, type VniRange, vniRangeProblem } from './vni.ts';

export interface NetworkingOptions {
  store: Store;
  log?: Logger;
  /** @default Date.now */
  clock?: () => number;
  /** VNIs handed to vxlan networks. @default DEFAULT_VNI_RANGE (1000..16000000) */
  vniRange?: VniRange;
  /**
   * MTU of the hosts' underlay; vxlan networks default to it minus 50 (the
   * VXLAN-over-IPv4 overhead) and may not exceed that. @default 1500
   */
  underlayMtu?: number;
  /** @default 'fa:16:3e' */
  macPrefix?: string;
  /** @default 16 (keeps a network delete within one store transaction) */
  maxSubnetsPerNetwork?: number;
  /** @default 100 */
  maxRulesPerGroup?: number;
  /** Per-project quotas, counted with every create and delete. @default counted, never enforced */
  quotas?: Quotas;
  /** Where routers may run (hosts with the network role). @default none: CreateRouter fails NO_NETWORK_HOST */
  routerHosts?: RouterHosts;
}

export interface NetCtx {
  store: Store;
  log: Logger;
  now(): string;
  vniRange: VniRange;
  underlayMtu: number;
  macPrefix: string;
  maxSubnetsPerNetwork: number;
  maxRulesPerGroup: number;
  quotas: Quotas;
  networks: ResourceTable<NetworkRecord>;
  subnets: ResourceTable<SubnetRecord>;
  ports: ResourceTable<PortRecord>;
  groups: ResourceTable<SecurityGroupRecord>;
  routers: ResourceTable<RouterRecord>;
  routerHosts: RouterHosts;
}

/** Attempts at an optimistic transaction before giving up with ABORTED. */
export const MAX_ATTEMPTS = 64;

export function netCtx(o: NetworkingOptions): NetCtx {
  const clock = o.clock ?? Date.now;
  const vniRange = o.vniRange ?? DEFAULT_VNI_RANGE;
  const problem = vniRangeProblem(vniRange);
  if (problem) throw new Error(`vniRange ${vniRange.min}..${vniRange.max}: ${problem}`);
  const underlayMtu = o.underlayMtu ?? 1500;
  if (!Number.isInteger(underlayMtu) || underlayMtu < 576)
    throw new Error(`underlayMtu ${underlayMtu} must be an integer >= 576`);
  return {
    store: o.store,
    log: (o.log ?? rootLog).child({ component: 'network' }),
    now: () => new Date(clock()).toISOString(),
    vniRange,
    underlayMtu,
    macPrefix: o.macPrefix ?? DEFAULT_MAC_PREFIX,
    maxSubnetsPerNetwork: o.maxSubnetsPerNetwork ?? 16,
    maxRulesPerGroup: o.maxRulesPerGroup ?? 100,
    quotas: o.quotas ?? new Quotas({ store: o.store, defaults: NO_LIMITS }),
    // External networks are every project's to see (and to use for gateways and floating IPs).
    networks: new ResourceTable<NetworkRecord>(o.store, 'networks', 'network', {
      is: (n) => n.external === true,
      prefix: EXTERNAL_NAMES,
    }),
    routers: new ResourceTable<RouterRecord>(o.store, 'routers', 'router'),
    routerHosts: o.routerHosts ?? NO_ROUTER_HOSTS,
    subnets: new ResourceTable<SubnetRecord>(o.store, 'subnets', 'subnet'),
    ports: new ResourceTable<PortRecord>(o.store, 'ports', 'port'),
    groups: new ResourceTable<SecurityGroupRecord>(o.store, 'security-groups', 'security_group'),
  };
}

/** The key whose compare failed, or undefined when the transaction succeeded. */
export async function tryTxn(store: Store, compares: Compare[], ops: Op[]): Promise<string | undefined> {
  const r: TxnResult = await store.txn(compares, ops);
  return r.succeeded ? undefined : r.failed.key;
}

export function contended(noun: string, id: string): StratoError {
  return new StratoError(
    'ABORTED',
    `${noun.toUpperCase()}_CONTENDED`,
    `${noun} ${id} kept changing under concurrent calls; retry`,
  );
}
