// VXLAN network identifiers (pure). The conductor hands out VNIs from a
// configurable range; uniqueness is enforced by the store (keys.ts vniKey).

export interface VniRange {
  /** Inclusive. */
  min: number;
  max: number;
}

/** 24-bit VNIs; 0 is avoided because some tools treat it as "unset". */
export const VNI_LIMITS = { min: 1, max: 16_777_215 } as const;
export const DEFAULT_VNI_RANGE: VniRange = { min: 1000, max: 16_000_000 };

/** The problem with a configured range, or undefined. */
export function vniRangeProblem(r: VniRange): string | undefined {
  if (!Number.isInteger(r.min) || !Number.isInteger(r.max)) return 'bounds must be integers';
  if (r.min < VNI_LIMITS.min || r.max > VNI_LIMITS.max)
    return `bounds must be within ${VNI_LIMITS.min}..${VNI_LIMITS.max}`;
  if (r.min > r.max) return 'min must not exceed max';
  return undefined;
}

/** The lowest VNI of the range not in `used` (nor in `skip`), or undefined when all are taken. */
export function pickVni(
  range: VniRange,
  used: ReadonlySet<number>,
  skip: ReadonlySet<number> = new Set(),
): number | undefined {
  for (let v = range.min; v <= range.max; v++) {
    if (!used.has(v) && !skip.has(v)) return v;
  }
  return undefined;
}
