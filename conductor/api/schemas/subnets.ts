// strato.network.v1.Subnets' requests.
import { z } from 'zod';
import { MAX_DNS_SERVERS, MAX_POOLS } from '../../network/ipam.ts';
import {
  bool,
  cidr,
  ipv4,
  list,
  name,
  optionalIpv4,
  optionalRef,
  pageSize,
  pageToken,
  type RequestSchemas,
  ref,
} from './fields.ts';

/** '' (the first host address), "none" (no gateway) or an address (inside the CIDR: the domain checks). */
const gatewayIp = optionalIpv4('GATEWAY_INVALID', 'none');

export const subnetsRequests: RequestSchemas = {
  'strato.network.v1.CreateSubnetRequest': z.object({
    name,
    network: ref('network'),
    cidr,
    gatewayIp,
    allocationPools: list(
      z.object({ start: ipv4('POOL_INVALID'), end: ipv4('POOL_INVALID') }),
      'POOL_INVALID',
      MAX_POOLS,
    ),
    dnsServers: list(ipv4('DNS_SERVER_INVALID'), 'DNS_SERVER_INVALID', MAX_DNS_SERVERS),
    disableDhcp: bool,
  }),
  'strato.network.v1.GetSubnetRequest': z.object({ subnet: ref('subnet') }),
  'strato.network.v1.ListSubnetsRequest': z.object({
    pageSize,
    pageToken,
    network: optionalRef('network'),
    allProjects: bool,
  }),
  'strato.network.v1.DeleteSubnetRequest': z.object({ subnet: ref('subnet') }),
};
