// strato.compute.v1.Servers' requests.
import { z } from 'zod';
import { ACTIONS } from '../../compute/state-machine.ts';
import {
  MAX_METADATA_ITEMS,
  MAX_METADATA_KEY,
  MAX_METADATA_VALUE,
  MAX_NICS,
  MAX_USER_DATA_BYTES,
} from '../../compute/validate.ts';
import { textProblem } from '../../naming/names.ts';
import { MAX_SIZE_GIB } from '../../volumes/model.ts';
import {
  bool,
  bytes,
  int,
  intOrZero,
  labels,
  list,
  name,
  oneOf,
  optionalHostId,
  optionalIpv4,
  optionalName,
  optionalRef,
  pageSize,
  pageToken,
  type RequestSchemas,
  ref,
  required,
} from './fields.ts';

/** One NIC: a network or a port (which one, the domain checks), and an address on the network. */
const nic = z.object({
  network: optionalRef('network'),
  port: optionalRef('port'),
  fixedIp: optionalIpv4('IP_ADDRESS_INVALID'),
});

/** A metadata key to remove: bounded like the keys it names (1 to 255 characters, no control characters). */
const metadataKey = required('METADATA_INVALID', (k: string) => textProblem(k, MAX_METADATA_KEY));

export const serversRequests: RequestSchemas = {
  'strato.compute.v1.CreateServerRequest': z.object({
    name,
    // '' with boot_volume: exactly one boot source is the domain's rule (BOOT_SOURCE_INVALID).
    image: optionalRef('image'),
    flavor: ref('flavor'),
    userData: bytes('USER_DATA_TOO_LARGE', MAX_USER_DATA_BYTES),
    host: optionalHostId('HOST_INVALID'),
    metadata: labels('METADATA_INVALID', {
      items: MAX_METADATA_ITEMS,
      keyMax: MAX_METADATA_KEY,
      valueMax: MAX_METADATA_VALUE,
    }),
    networks: list(nic, 'TOO_MANY_NETWORKS', MAX_NICS),
    bootVolume: optionalRef('volume'),
    bootFromImageVolumeGib: intOrZero('SIZE_INVALID', 1, MAX_SIZE_GIB),
    deleteVolumeOnTermination: bool,
    keyName: optionalRef('keypair'),
    configDrive: z.boolean().optional(),
  }),
  'strato.compute.v1.GetServerRequest': z.object({ server: ref('server') }),
  'strato.compute.v1.ListServersRequest': z.object({ pageSize, pageToken, allProjects: bool }),
  'strato.compute.v1.DeleteServerRequest': z.object({ server: ref('server') }),
  'strato.compute.v1.ServerActionRequest': z.object({
    server: ref('server'),
    action: oneOf('ACTION_INVALID', ACTIONS),
    hard: bool,
  }),
  // Any count of lines: 0 is the default, more than the maximum is capped.
  'strato.compute.v1.GetConsoleLogRequest': z.object({
    server: ref('server'),
    lines: int('LINES_INVALID', 0, 0xffffffff),
  }),
  'strato.compute.v1.ListServerEventsRequest': z.object({ server: ref('server') }),
  'strato.compute.v1.AddServerPortRequest': z.object({
    server: ref('server'),
    network: optionalRef('network'),
    port: optionalRef('port'),
    fixedIp: optionalIpv4('IP_ADDRESS_INVALID'),
  }),
  'strato.compute.v1.RemoveServerPortRequest': z.object({ server: ref('server'), port: ref('port') }),
  'strato.compute.v1.CreateServerImageRequest': z.object({ server: ref('server'), name }),
  'strato.compute.v1.RebuildServerRequest': z.object({ server: ref('server'), image: optionalRef('image') }),
  // Each item's bounds here; the merged metadata's count is the domain's (rebuild-rules.ts).
  'strato.compute.v1.UpdateServerRequest': z.object({
    server: ref('server'),
    name: optionalName,
    setMetadata: labels('METADATA_INVALID', {
      items: MAX_METADATA_ITEMS,
      keyMax: MAX_METADATA_KEY,
      valueMax: MAX_METADATA_VALUE,
    }),
    unsetMetadata: list(metadataKey, 'METADATA_INVALID', MAX_METADATA_ITEMS),
  }),
};
