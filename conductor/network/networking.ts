// The conductor's networking model, wired together: one object per resource
// over one store. The API adapters (api/network-apis.ts) and the compute
// workflows call these; host-network-view.ts turns their records into what
// each agent must build.
import { type NetCtx, type NetworkingOptions, netCtx } from './context.ts';
import { FloatingIps } from './floating-ips.ts';
import { Networks } from './networks.ts';
import { Ports } from './ports.ts';
import { Routers } from './routers.ts';
import { SecurityGroups } from './security-groups.ts';
import { Subnets } from './subnets.ts';

export type { NetworkingOptions };

export interface Networking {
  ctx: NetCtx;
  networks: Networks;
  subnets: Subnets;
  ports: Ports;
  securityGroups: SecurityGroups;
  routers: Routers;
  floatingIps: FloatingIps;
}

export function createNetworking(o: NetworkingOptions): Networking {
  const ctx = netCtx(o);
  const networks = new Networks(ctx);
  const securityGroups = new SecurityGroups(ctx);
  return {
    ctx,
    networks,
    subnets: new Subnets(ctx, networks),
    ports: new Ports(ctx, networks, securityGroups),
    securityGroups,
    routers: new Routers(ctx),
    floatingIps: new FloatingIps(ctx),
  };
}
