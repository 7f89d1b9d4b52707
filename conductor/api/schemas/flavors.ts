// strato.compute.v1.Flavors' requests.
import { z } from 'zod';
import { FLAVOR_LIMITS } from '../../flavors/model.ts';
import { int, name, pageSize, pageToken, type RequestSchemas, ref } from './fields.ts';

export const flavorsRequests: RequestSchemas = {
  'strato.compute.v1.CreateFlavorRequest': z.object({
    name,
    vcpus: int('FLAVOR_INVALID', 1, FLAVOR_LIMITS.vcpus),
    ramMib: int('FLAVOR_INVALID', 1, FLAVOR_LIMITS.ramMib),
    diskGib: int('FLAVOR_INVALID', 1, FLAVOR_LIMITS.diskGib),
  }),
  'strato.compute.v1.GetFlavorRequest': z.object({ flavor: ref('flavor') }),
  'strato.compute.v1.ListFlavorsRequest': z.object({ pageSize, pageToken }),
  'strato.compute.v1.DeleteFlavorRequest': z.object({ flavor: ref('flavor') }),
};
