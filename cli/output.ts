// What commands print: a table for people (default), JSON for scripts (the
// API objects as the proto defines them, camelCase fields, 64-bit numbers as
// strings), or bare values (one row per line, columns separated by a space).
// Tables are drawn here rather than with a library: it is a few lines and
// keeps the CLI's start-up short.
import { usageError } from './errors.ts';

export const FORMATS = ['table', 'json', 'value'] as const;
export type Format = (typeof FORMATS)[number];

export interface Column<T> {
  header: string;
  get: (row: T) => unknown;
}

export interface OutputOptions {
  format: Format;
  /** Headers (case-insensitive) to keep, in this order; empty = all. Table and value only. */
  columns?: readonly string[];
}

/** A cell's text: empty for absent values, JSON for objects. */
export function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('\n');
  return JSON.stringify(v);
}

function selectColumns<T>(columns: readonly Column<T>[], wanted: readonly string[] | undefined): Column<T>[] {
  if (!wanted || wanted.length === 0) return [...columns];
  return wanted.map((name) => {
    const c = columns.find((col) => col.header.toLowerCase() === name.toLowerCase());
    if (!c)
      throw usageError(`no column ${JSON.stringify(name)} (columns: ${columns.map((col) => col.header).join(', ')})`);
    return c;
  });
}

/** An ASCII table; multi-line cells span several lines. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h) => h.length);
  const split = rows.map((r) => r.map((cell) => cell.split('\n')));
  for (const r of split) {
    r.forEach((lines, i) => {
      for (const l of lines) widths[i] = Math.max(widths[i] ?? 0, l.length);
    });
  }
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [rule, line(headers), rule];
  for (const r of split) {
    const height = Math.max(1, ...r.map((lines) => lines.length));
    for (let k = 0; k < height; k++) out.push(line(r.map((lines) => lines[k] ?? '')));
  }
  if (rows.length > 0) out.push(rule);
  return `${out.join('\n')}\n`;
}

/** A fault (a server's, a volume's …) as one cell: `message (code, reason)`; '' without one. */
export function faultCell(f: { code: string; reason: string; message: string } | null | undefined): string {
  return f?.message ? `${f.message} (${[f.code, f.reason].filter(Boolean).join(', ')})` : '';
}

/** A list of API objects. */
export function renderList<T>(items: readonly T[], columns: readonly Column<T>[], opts: OutputOptions): string {
  if (opts.format === 'json') return `${JSON.stringify(items, jsonReplacer, 2)}\n`;
  const cols = selectColumns(columns, opts.columns);
  const rows = items.map((item) => cols.map((c) => cellText(c.get(item))));
  if (opts.format === 'value') return rows.map((r) => `${r.join(' ')}\n`).join('');
  return renderTable(
    cols.map((c) => c.header),
    rows,
  );
}

/** One API object as Field | Value rows. */
export function renderShow<T>(item: T, fields: readonly Column<T>[], opts: OutputOptions): string {
  if (opts.format === 'json') return `${JSON.stringify(item, jsonReplacer, 2)}\n`;
  const cols = selectColumns(fields, opts.columns);
  if (opts.format === 'value') return cols.map((c) => `${cellText(c.get(item))}\n`).join('');
  return renderTable(
    ['Field', 'Value'],
    cols.map((c) => [c.header, cellText(c.get(item))]),
  );
}

// Bytes (user data) as base64, as protobuf's JSON mapping does.
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  return value;
}
