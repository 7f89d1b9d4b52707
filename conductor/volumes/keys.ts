// Where block storage lives in the store:
//
//   /volumes/records/<id>                              VolumeRecord (model.ts)
//   /volumes/names/<projectId>/<name> <id>             { id }: a project's volumes by name
//   /volumes/snapshots/<id>                            SnapshotRecord
//   /volumes/snapshot-names/<projectId>/<name> <id>    { id }: a project's snapshots by name
//   /volumes/volume-snapshots/<volumeId>/<snapshotId>  {}: a volume's snapshots (VOLUME_HAS_SNAPSHOTS)
//   /volumes/attachments/<volumeId>                    AttachmentRecord: the one attachment of a
//                                                      volume, with its CHAP secret (never shown)
//   /volumes/usage/<hostId>                            StorageUsage: what the volume scheduler
//                                                      placed on a storage host (volume-scheduler.ts)
//
// A volume or snapshot record is its own capacity claim (host + claimedBytes):
// it is created in the transaction that adds to its host's usage and deleted in
// the one that takes it off, so a claim is given back exactly once.
//
// The name separator is a space: it sorts below every character a name may
// contain, so listings are in name order and `<name> ` lists exactly that name.

export const VOLUMES = '/volumes/';
export const VOLUME_RECORDS = `${VOLUMES}records/`;
export const SNAPSHOT_RECORDS = `${VOLUMES}snapshots/`;
export const ATTACHMENTS = `${VOLUMES}attachments/`;
export const USAGE = `${VOLUMES}usage/`;

export type NamedKind = 'names' | 'snapshot-names';

export const volumeKey = (id: string): string => VOLUME_RECORDS + id;
export const snapshotKey = (id: string): string => SNAPSHOT_RECORDS + id;
export const attachmentKey = (volumeId: string): string => ATTACHMENTS + volumeId;
export const usageKey = (hostId: string): string => USAGE + encodeURIComponent(hostId);
export const hostIdOfUsageKey = (key: string): string => decodeURIComponent(key.slice(USAGE.length));

export const namesPrefix = (kind: NamedKind, projectId: string): string => `${VOLUMES}${kind}/${projectId}/`;
export const namePrefix = (kind: NamedKind, projectId: string, name: string): string =>
  `${namesPrefix(kind, projectId)}${name} `;
export const nameKey = (kind: NamedKind, projectId: string, name: string, id: string): string =>
  namePrefix(kind, projectId, name) + id;

export const volumeSnapshotsPrefix = (volumeId: string): string => `${VOLUMES}volume-snapshots/${volumeId}/`;
export const volumeSnapshotKey = (volumeId: string, snapshotId: string): string =>
  volumeSnapshotsPrefix(volumeId) + snapshotId;

export interface NameIndex {
  id: string;
}
