// The kinds of orphans an agent counts and the conductor shows: the fields of
// strato.host.v1.Orphans, camelCase, in the proto's order. One list for both daemons.
import type { Orphans } from './gen/strato/host/v1/Orphans.ts';

export const ORPHAN_KINDS = [
  'domains',
  'taps',
  'bridges',
  'namespaces',
  'nftChains',
  'tgtTargets',
  'libvirtSecrets',
  'imageCacheFiles',
  'instanceDirs',
  'domainLogs',
] as const satisfies readonly (keyof Orphans)[];

export type OrphanKind = (typeof ORPHAN_KINDS)[number];
