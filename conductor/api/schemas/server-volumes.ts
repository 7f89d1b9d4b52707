// strato.compute.v1.ServerVolumes' requests.
import { z } from 'zod';
import { type RequestSchemas, ref, volumeDevice } from './fields.ts';

export const serverVolumesRequests: RequestSchemas = {
  'strato.compute.v1.AddServerVolumeRequest': z.object({
    server: ref('server'),
    volume: ref('volume'),
    device: volumeDevice,
  }),
  'strato.compute.v1.RemoveServerVolumeRequest': z.object({ server: ref('server'), volume: ref('volume') }),
};
