// strato.volume.v1.Volumes' requests.
import { z } from 'zod';
import { BACKENDS, MAX_SIZE_GIB } from '../../volumes/model.ts';
import { bool, description, int, name, oneOf, pageSize, pageToken, type RequestSchemas, ref } from './fields.ts';

export const volumesRequests: RequestSchemas = {
  'strato.volume.v1.CreateVolumeRequest': z.object({
    name,
    description,
    // 0 takes the source's size: whether there is a source is the domain's to say.
    sizeGib: int('SIZE_INVALID', 0, MAX_SIZE_GIB),
    // The `source` oneof: at most one is present.
    image: ref('image').optional(),
    snapshot: ref('snapshot').optional(),
    sourceVolume: ref('volume').optional(),
    backend: oneOf('BACKEND_INVALID', BACKENDS, { empty: true }),
  }),
  'strato.volume.v1.GetVolumeRequest': z.object({ volume: ref('volume') }),
  'strato.volume.v1.ListVolumesRequest': z.object({ pageSize, pageToken, allProjects: bool }),
  // Absent fields are kept.
  'strato.volume.v1.UpdateVolumeRequest': z.object({
    volume: ref('volume'),
    name: name.optional(),
    description: description.optional(),
  }),
  'strato.volume.v1.ExtendVolumeRequest': z.object({
    volume: ref('volume'),
    newSizeGib: int('SIZE_INVALID', 1, MAX_SIZE_GIB),
  }),
  'strato.volume.v1.DeleteVolumeRequest': z.object({ volume: ref('volume') }),
  'strato.volume.v1.ListVolumeBackendsRequest': z.object({ pageSize, pageToken }),
};
