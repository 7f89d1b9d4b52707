// lvm2's JSON reports (`--reportformat json --units b --nosuffix`) → plain data. Never
// parsed text: every value is read from its named field and checked; a report that
// does not have the expected shape is an error, not a guess.
import { internal } from '../../../common/errors.ts';

type Row = Record<string, unknown>;

function bad(what: string): never {
  throw internal('LVM_REPORT_INVALID', `lvm report: ${what}`);
}

/** The rows of the report's one section (`lv`, `seg`, `vg`, `pv`). */
export function reportRows(json: unknown, section: string): Row[] {
  const report = (json as { report?: unknown } | null)?.report;
  if (!Array.isArray(report)) bad('no "report" array');
  const rows: Row[] = [];
  for (const part of report) {
    const list = (part as Record<string, unknown> | null)?.[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) bad(`"${section}" is not an array`);
    rows.push(...(list as Row[]));
  }
  return rows;
}

function str(row: Row, field: string): string {
  const v = row[field];
  if (typeof v !== 'string') bad(`field ${field} missing`);
  return v;
}

function bytes(row: Row, field: string): number {
  const v = str(row, field);
  if (!/^\d{1,16}$/.test(v) || !Number.isSafeInteger(Number(v)))
    bad(`field ${field} is not a byte count: ${v.slice(0, 40)}`);
  return Number(v);
}

export interface PeRange {
  pv: string;
  first: number;
  last: number;
}

/** `seg_pe_ranges`: space-separated `PV:first-last` (empty for virtual segments). */
export function parsePeRanges(value: string): PeRange[] {
  if (value.trim() === '') return [];
  return value
    .trim()
    .split(/\s+/)
    .map((part) => {
      const m = /^(.+):(\d+)-(\d+)$/.exec(part);
      if (!m) bad(`seg_pe_ranges entry ${part.slice(0, 80)}`);
      return { pv: m[1]!, first: Number(m[2]), last: Number(m[3]) };
    });
}

export interface LvSegment {
  lvName: string;
  sizeBytes: number;
  /** Origin LV of a snapshot, '' otherwise. */
  origin: string;
  ranges: PeRange[];
}

/** `lvs --segments -o lv_name,lv_size,origin,seg_pe_ranges`. */
export function parseLvSegments(json: unknown): LvSegment[] {
  return reportRows(json, 'seg').map((r) => ({
    lvName: str(r, 'lv_name'),
    sizeBytes: bytes(r, 'lv_size'),
    origin: str(r, 'origin'),
    ranges: parsePeRanges(str(r, 'seg_pe_ranges')),
  }));
}

export interface LvInfo {
  name: string;
  sizeBytes: number;
  origin: string;
  /** Physical extent ranges, in the LV's order. */
  ranges: PeRange[];
}

/** One LV per name, its segments' ranges joined in order. */
export function groupLvs(segments: readonly LvSegment[]): Map<string, LvInfo> {
  const out = new Map<string, LvInfo>();
  for (const s of segments) {
    const lv = out.get(s.lvName);
    if (lv === undefined)
      out.set(s.lvName, { name: s.lvName, sizeBytes: s.sizeBytes, origin: s.origin, ranges: [...s.ranges] });
    else lv.ranges.push(...s.ranges);
  }
  return out;
}

export interface VgInfo {
  name: string;
  sizeBytes: number;
  freeBytes: number;
  extentSizeBytes: number;
}

/** `vgs -o vg_name,vg_size,vg_free,vg_extent_size`. */
export function parseVgs(json: unknown): VgInfo[] {
  return reportRows(json, 'vg').map((r) => ({
    name: str(r, 'vg_name'),
    sizeBytes: bytes(r, 'vg_size'),
    freeBytes: bytes(r, 'vg_free'),
    extentSizeBytes: bytes(r, 'vg_extent_size'),
  }));
}

export interface PvInfo {
  name: string;
  vg: string;
  /** Offset of the first physical extent on the PV. */
  peStartBytes: number;
}

/** `pvs -o pv_name,vg_name,pe_start`. */
export function parsePvs(json: unknown): PvInfo[] {
  return reportRows(json, 'pv').map((r) => ({
    name: str(r, 'pv_name'),
    vg: str(r, 'vg_name'),
    peStartBytes: bytes(r, 'pe_start'),
  }));
}
