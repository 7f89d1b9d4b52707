// What `server list` and `server show` print: the columns and fields of a
// Server, shared by the server commands and the volume attach commands.
import type { Server__Output } from '../../common/gen/strato/compute/v1/Server.ts';
import type { ServerVolume__Output } from '../../common/gen/strato/compute/v1/ServerVolume.ts';
import { type Column, faultCell } from '../output.ts';

/** Nova's status (VERIFY_RESIZE, MIGRATING …); the vm_state from a conductor that does not send it. */
export function serverStatus(s: Pick<Server__Output, 'status' | 'vmState'>): string {
  return s.status || s.vmState;
}

export const SERVER_COLUMNS: Column<Server__Output>[] = [
  { header: 'ID', get: (s) => s.id },
  { header: 'Name', get: (s) => s.name },
  { header: 'Status', get: serverStatus },
  { header: 'Task State', get: (s) => s.taskState },
  { header: 'Power State', get: (s) => s.powerState },
  { header: 'Flavor', get: (s) => s.flavor?.name },
  { header: 'Host', get: (s) => s.host },
];

/**
 * `server list`'s columns: the above, then the image (its name when
 * `names.images` knows it: the server carries only the id) and the addresses
 * per network (openstack's Networks column); `--long` adds who owns the
 * server (names where `names` has them) and when it was made. `-c` chooses from all of them.
 */
export function serverListColumns(
  names: {
    images?: ReadonlyMap<string, string>;
    projects?: ReadonlyMap<string, string>;
    users?: ReadonlyMap<string, string>;
  },
  long: boolean,
): { shown: Column<Server__Output>[]; all: Column<Server__Output>[] } {
  const shown: Column<Server__Output>[] = [
    ...SERVER_COLUMNS,
    { header: 'Image', get: (s) => names.images?.get(s.imageId) || s.imageId },
    { header: 'Networks', get: addressesText },
  ];
  const all: Column<Server__Output>[] = [
    ...shown,
    { header: 'Key Name', get: (s) => s.keyName },
    { header: 'Project', get: (s) => names.projects?.get(s.projectId) || s.projectId },
    { header: 'User', get: (s) => names.users?.get(s.userId) || s.userId },
    { header: 'Created', get: (s) => s.createdAt },
    { header: 'Launched', get: (s) => s.launchedAt },
  ];
  return { shown: long ? all : shown, all };
}

/**
 * `net1=10.0.0.5, 10.0.0.6, 203.0.113.7` per network, one line each: fixed
 * addresses, then floating ones (as openstack server show prints addresses).
 */
export function addressesText(s: Pick<Server__Output, 'addresses'>): string {
  return Object.entries(s.addresses ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([net, a]) => `${net}=${[...(a?.ips ?? []), ...(a?.floatingIps ?? [])].join(', ')}`)
    .join('\n');
}

export const SERVER_FIELDS: Column<Server__Output>[] = [
  ...SERVER_COLUMNS.slice(0, 3),
  // Status is derived from it (and the task state): RESIZED shows as VERIFY_RESIZE.
  { header: 'VM State', get: (s) => s.vmState },
  ...SERVER_COLUMNS.slice(3),
  { header: 'Addresses', get: addressesText },
  {
    header: 'Ports',
    get: (s) =>
      (s.ports ?? [])
        .map((p) => `${p.portId || '(pending)'} ${p.networkName || p.networkId} ${p.mac} ${p.ips.join(',')}`.trim())
        .join('\n'),
  },
  {
    header: 'Volumes',
    get: (s) => (s.volumes ?? []).map((v) => `${v.device} ${v.volumeId}${volumeFlags(v)}`),
  },
  { header: 'Image', get: (s) => s.imageId },
  { header: 'Key Name', get: (s) => s.keyName },
  { header: 'Config Drive', get: (s) => (s.configDrive ? 'True' : 'False') },
  { header: 'Project', get: (s) => s.projectId },
  { header: 'User', get: (s) => s.userId },
  { header: 'Fault', get: (s) => faultCell(s.fault) },
  { header: 'Created', get: (s) => s.createdAt },
  { header: 'Updated', get: (s) => s.updatedAt },
  { header: 'Launched', get: (s) => s.launchedAt },
  {
    header: 'Properties',
    get: (s) =>
      Object.entries(s.metadata ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
  },
];

/** ` (boot, delete on termination)` for `server show`'s volume lines. */
function volumeFlags(v: ServerVolume__Output): string {
  const flags = [v.boot && 'boot', v.deleteOnTermination && 'delete on termination'].filter(Boolean);
  return flags.length ? ` (${flags.join(', ')})` : '';
}
