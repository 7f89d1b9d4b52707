// The strato.network.v1 services over one networking model, as the
// conductor (and the tests that stand up its network API) register them.
import type { FloatingIpsHandlers } from '../../common/gen/strato/network/v1/FloatingIps.ts';
import type { NetworksHandlers } from '../../common/gen/strato/network/v1/Networks.ts';
import type { PortsHandlers } from '../../common/gen/strato/network/v1/Ports.ts';
import type { RoutersHandlers } from '../../common/gen/strato/network/v1/Routers.ts';
import type { SecurityGroupsHandlers } from '../../common/gen/strato/network/v1/SecurityGroups.ts';
import type { SubnetsHandlers } from '../../common/gen/strato/network/v1/Subnets.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import type { Networking } from '../network/networking.ts';
import { floatingIpsApi } from './floating-ips-api.ts';
import { networksApi } from './networks-api.ts';
import { portsApi } from './ports-api.ts';
import { routersApi } from './routers-api.ts';
import { securityGroupsApi } from './security-groups-api.ts';
import { subnetsApi } from './subnets-api.ts';

export interface NetworkApis {
  networks: Implementation<NetworksHandlers>;
  subnets: Implementation<SubnetsHandlers>;
  ports: Implementation<PortsHandlers>;
  securityGroups: Implementation<SecurityGroupsHandlers>;
  routers: Implementation<RoutersHandlers>;
  floatingIps: Implementation<FloatingIpsHandlers>;
}

export function networkApis(identity: Identity, net: Networking): NetworkApis {
  return {
    networks: networksApi(identity, net.networks),
    subnets: subnetsApi(identity, net.subnets),
    ports: portsApi(identity, net.ports),
    securityGroups: securityGroupsApi(identity, net.securityGroups),
    routers: routersApi(identity, net.routers),
    floatingIps: floatingIpsApi(identity, net),
  };
}
