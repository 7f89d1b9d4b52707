// strato.compute.v1.ServerMoves' requests.
import { z } from 'zod';
import { idRef, int, optionalHostId, optionalRef, type RequestSchemas, ref } from './fields.ts';

export const serverMovesRequests: RequestSchemas = {
  'strato.compute.v1.MigrateServerRequest': z.object({
    server: ref('server'),
    live: z.boolean(),
    host: optionalHostId('HOST_INVALID'),
    // Up to 1 TiB/s: a number no link reaches, so anything bigger is a mistake.
    bandwidthMibS: int('BANDWIDTH_INVALID', 0, 1_048_576),
  }),
  // An empty flavor is the domain's FLAVOR_REQUIRED (named field).
  'strato.compute.v1.ResizeServerRequest': z.object({ server: ref('server'), flavor: optionalRef('flavor') }),
  'strato.compute.v1.ConfirmResizeRequest': z.object({ server: ref('server') }),
  'strato.compute.v1.RevertResizeRequest': z.object({ server: ref('server') }),
  'strato.compute.v1.ListMigrationsRequest': z.object({
    server: optionalRef('server'),
    host: optionalHostId('HOST_INVALID'),
  }),
  'strato.compute.v1.GetMigrationRequest': z.object({ migration: idRef('migration') }),
  'strato.compute.v1.AbortMigrationRequest': z.object({ migration: idRef('migration') }),
};
