// The file backend's names: ownership and relations are visible from a directory
// listing alone, so a restarted agent rebuilds everything from `readdir`.
//   volume-<volume id>.raw
//   snapshot-<snapshot id>.volume-<volume id>.raw
//   .creating-<one of the above>  (a create in progress, or one a crash interrupted)
const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const VOLUME = new RegExp(`^volume-(${ID})\\.raw$`);
const SNAPSHOT = new RegExp(`^snapshot-(${ID})\\.volume-(${ID})\\.raw$`);
export const IN_PROGRESS_PREFIX = '.creating-';

export const volumeFileName = (volumeId: string): string => `volume-${volumeId}.raw`;
export const snapshotFileName = (snapshotId: string, volumeId: string): string =>
  `snapshot-${snapshotId}.volume-${volumeId}.raw`;
export const inProgressName = (finalName: string): string => `${IN_PROGRESS_PREFIX}${finalName}`;

export type ParsedName =
  | { kind: 'volume'; volumeId: string }
  | { kind: 'snapshot'; snapshotId: string; volumeId: string }
  | { kind: 'in-progress'; of: ParsedName & { kind: 'volume' | 'snapshot' } };

/** What a directory entry is to the backend; undefined for anything it does not own. */
export function parseFileName(name: string): ParsedName | undefined {
  if (name.startsWith(IN_PROGRESS_PREFIX)) {
    const of = parseFileName(name.slice(IN_PROGRESS_PREFIX.length));
    return of === undefined || of.kind === 'in-progress' ? undefined : { kind: 'in-progress', of };
  }
  const v = VOLUME.exec(name);
  if (v) return { kind: 'volume', volumeId: v[1]! };
  const s = SNAPSHOT.exec(name);
  if (s) return { kind: 'snapshot', snapshotId: s[1]!, volumeId: s[2]! };
  return undefined;
}
