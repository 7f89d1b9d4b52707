// LV names in the volume group carry ownership (DESIGN.md: name everything so
// ownership is visible): only LVs named here are strato's; every other LV in the VG
// is left alone, and counted as nobody's in capacity.
//   strato-vol-<volume id>     a volume
//   strato-snap-<snapshot id>  a snapshot (its origin LV names the volume)
//   strato-new-<volume id>     a volume being created (or one a crash interrupted)
const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAME = new RegExp(`^strato-(vol|snap|new)-(${ID})$`);

export const volumeLvName = (volumeId: string): string => `strato-vol-${volumeId}`;
export const snapshotLvName = (snapshotId: string): string => `strato-snap-${snapshotId}`;
export const newVolumeLvName = (volumeId: string): string => `strato-new-${volumeId}`;

export type LvKind = 'volume' | 'snapshot' | 'in-progress';

export function parseLvName(name: string): { kind: LvKind; id: string } | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const kind = m[1] === 'vol' ? 'volume' : m[1] === 'snap' ? 'snapshot' : 'in-progress';
  return { kind, id: m[2]! };
}
