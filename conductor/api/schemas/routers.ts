// strato.network.v1.Routers' and FloatingIps' requests.
import { z } from 'zod';
import { bool, name, optionalIpv4, optionalRef, pageSize, pageToken, type RequestSchemas, ref } from './fields.ts';

export const routersRequests: RequestSchemas = {
  'strato.network.v1.CreateRouterRequest': z.object({
    name,
    externalGateway: optionalRef('network'),
    disableSnat: bool,
  }),
  'strato.network.v1.GetRouterRequest': z.object({ router: ref('router') }),
  'strato.network.v1.ListRoutersRequest': z.object({ pageSize, pageToken, allProjects: bool }),
  'strato.network.v1.UpdateRouterRequest': z.object({ router: ref('router'), name }),
  'strato.network.v1.DeleteRouterRequest': z.object({ router: ref('router') }),
  'strato.network.v1.SetRouterGatewayRequest': z.object({
    router: ref('router'),
    externalNetwork: ref('network'),
    disableSnat: bool,
  }),
  'strato.network.v1.ClearRouterGatewayRequest': z.object({ router: ref('router') }),
  'strato.network.v1.AddRouterInterfaceRequest': z.object({ router: ref('router'), subnet: ref('subnet') }),
  'strato.network.v1.RemoveRouterInterfaceRequest': z.object({ router: ref('router'), subnet: ref('subnet') }),
};

export const floatingIpsRequests: RequestSchemas = {
  'strato.network.v1.CreateFloatingIpRequest': z.object({
    floatingNetwork: ref('network'),
    floatingIpAddress: optionalIpv4('FLOATING_IP_ADDRESS_INVALID'),
    port: optionalRef('port'),
    fixedIpAddress: optionalIpv4('FIXED_IP_INVALID'),
  }),
  'strato.network.v1.GetFloatingIpRequest': z.object({ floatingIp: ref('floating_ip') }),
  'strato.network.v1.ListFloatingIpsRequest': z.object({
    pageSize,
    pageToken,
    allProjects: bool,
    port: optionalRef('port'),
  }),
  'strato.network.v1.SetFloatingIpPortRequest': z.object({
    floatingIp: ref('floating_ip'),
    port: ref('port'),
    fixedIpAddress: optionalIpv4('FIXED_IP_INVALID'),
  }),
  'strato.network.v1.UnsetFloatingIpPortRequest': z.object({ floatingIp: ref('floating_ip') }),
  'strato.network.v1.DeleteFloatingIpRequest': z.object({ floatingIp: ref('floating_ip') }),
};
