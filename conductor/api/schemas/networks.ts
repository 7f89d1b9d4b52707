// strato.network.v1.Networks' requests.
import { z } from 'zod';
import { PROVIDER_TYPES } from '../../network/model.ts';
import { MIN_MTU } from '../../network/networks.ts';
import {
  bool,
  intOrZero,
  name,
  oneOf,
  optionalInterface,
  pageSize,
  pageToken,
  type RequestSchemas,
  ref,
} from './fields.ts';

export const networksRequests: RequestSchemas = {
  'strato.network.v1.CreateNetworkRequest': z.object({
    name,
    providerType: oneOf('PROVIDER_TYPE_INVALID', PROVIDER_TYPES, { empty: true }),
    // Whether the network's type needs one, and how large its MTU may be, are the domain's to say.
    physicalBridge: optionalInterface('PHYSICAL_BRIDGE_INVALID'),
    mtu: intOrZero('MTU_INVALID', MIN_MTU, 65535),
    external: bool,
  }),
  'strato.network.v1.GetNetworkRequest': z.object({ network: ref('network') }),
  'strato.network.v1.ListNetworksRequest': z.object({ pageSize, pageToken, allProjects: bool }),
  'strato.network.v1.DeleteNetworkRequest': z.object({ network: ref('network') }),
};
