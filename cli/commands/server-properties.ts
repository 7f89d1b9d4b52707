// --property key=value, as `server create` and `server set` take it (one place,
// so both parse it alike).
import { usageError } from '../errors.ts';

/** key=value pairs for --property. */
export function parseProperties(pairs: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw usageError(`--property ${JSON.stringify(p)}: expected key=value`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}
