// What commands print (docs/cli-output.md is the reference):
// - table (default): for people;
// - json, yaml: for scripts: the API objects as the proto defines them
//   (camelCase fields, 64-bit numbers as strings, bytes as base64); with
//   -c, objects keyed by the chosen column headers instead (as openstack
//   prints them);
// - csv: a header row, then one row per object (RFC 4180 quoting);
// - value: bare values, one row per line, columns separated by a space.
// Tables are drawn here rather than with a library: it is a few lines and
// keeps the CLI's start-up short.
import { createRequire } from 'node:module';
import { usageError } from './errors.ts';

export const FORMATS = ['table', 'json', 'yaml', 'csv', 'value'] as const;
export type Format = (typeof FORMATS)[number];

export interface Column<T> {
  header: string;
  get: (row: T) => unknown;
}

export interface OutputOptions {
  format: Format;
  /** Headers (case-insensitive) to keep, in this order; empty = all. */
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

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV with a header row, CRLF-free (one `\n` per record, as openstack prints it). */
export function renderCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((r) => `${r.map(csvField).join(',')}\n`).join('');
}

/** A fault (a server's, a volume's …) as one cell: `message (code, reason)`; '' without one. */
export function faultCell(f: { code: string; reason: string; message: string } | null | undefined): string {
  return f?.message ? `${f.message} (${[f.code, f.reason].filter(Boolean).join(', ')})` : '';
}

/** The chosen columns of one object, keyed by header (json/yaml with -c). */
function pick<T>(item: T, cols: readonly Column<T>[]): Record<string, unknown> {
  return Object.fromEntries(cols.map((c) => [c.header, c.get(item)]));
}

/**
 * A whole document as JSON or YAML (a format that is neither prints JSON:
 * callers only pass documents for the structured formats).
 */
export function renderDocument(doc: unknown, format: Format): string {
  const plain = JSON.parse(JSON.stringify(doc, jsonReplacer)) as unknown;
  if (format === 'yaml') return yamlText(plain);
  return `${JSON.stringify(plain, null, 2)}\n`;
}

/** Whether the format prints documents (the API objects) rather than rows. */
export function isStructured(format: Format): format is 'json' | 'yaml' {
  return format === 'json' || format === 'yaml';
}

/** A list of API objects. */
export function renderList<T>(items: readonly T[], columns: readonly Column<T>[], opts: OutputOptions): string {
  const cols = selectColumns(columns, opts.columns);
  if (isStructured(opts.format)) {
    const chosen = opts.columns && opts.columns.length > 0;
    return renderDocument(chosen ? items.map((i) => pick(i, cols)) : items, opts.format);
  }
  const rows = items.map((item) => cols.map((c) => cellText(c.get(item))));
  const headers = cols.map((c) => c.header);
  if (opts.format === 'value') return rows.map((r) => `${r.join(' ')}\n`).join('');
  if (opts.format === 'csv') return renderCsv(headers, rows);
  return renderTable(headers, rows);
}

/** One API object as Field | Value rows. */
export function renderShow<T>(item: T, fields: readonly Column<T>[], opts: OutputOptions): string {
  const cols = selectColumns(fields, opts.columns);
  if (isStructured(opts.format)) {
    return renderDocument(opts.columns && opts.columns.length > 0 ? pick(item, cols) : item, opts.format);
  }
  if (opts.format === 'value') return cols.map((c) => `${cellText(c.get(item))}\n`).join('');
  const rows = cols.map((c) => [c.header, cellText(c.get(item))]);
  if (opts.format === 'csv') return renderCsv(['Field', 'Value'], rows);
  return renderTable(['Field', 'Value'], rows);
}

// The yaml package (already a dependency, for clouds.yaml) is loaded only
// when -f yaml asks for it: most commands never pay for it at start-up.
function yamlText(doc: unknown): string {
  const { stringify } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return stringify(doc, { lineWidth: 0 });
}

// Bytes (user data) as base64, as protobuf's JSON mapping does.
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  return value;
}
