// The address half of an export's access control. tgt checks a login against its two
// ACL lists with OR (usr/iscsi/iscsid.c: refused only if the address list AND the name
// list both fail), so binding an initiator's name and its address on one target would
// admit anyone who matches either. strato therefore binds only the initiator NAME in
// tgt, per target, and enforces ADDRESSES here: an nftables table on the storage host
// that admits connections to the portal only from the underlay addresses of hosts it
// exports to, one rule per export (its comment names the volume, so the host
// remembers which export allowed which address), and resets every other new
// connection. Established connections pass: changing the rules never cuts a live
// session (removing a target does that, in tgt). The table is rewritten whole in one
// nft transaction and guards only the portal's address and port.
import { isIP } from 'node:net';
import { inNetns } from '../../network/linux/run-command.ts';
import { runChecked, runProcess } from '../run-process.ts';
import { formatPortal } from './iscsi-names.ts';

export const FILTER_TABLE = 'strato_iscsi';
const RULE_PREFIX = 'strato-vol:';
const DEFAULT_COMMENT = 'strato-iscsi-default';

export interface FilterRule {
  volumeId: string;
  address: string;
}

export interface ObservedFilter {
  /** The portal the table guards, `address:port`; undefined when there is no (valid) table. */
  portal: string | undefined;
  rules: FilterRule[];
}

const family = (address: string): 'ip' | 'ip6' => (isIP(address) === 6 ? 'ip6' : 'ip');

/** Rules in one stable order, so equal sets compare equal. */
export const sortRules = (rules: readonly FilterRule[]): FilterRule[] =>
  [...rules].sort((a, b) => a.volumeId.localeCompare(b.volumeId) || a.address.localeCompare(b.address));

/** The nft script that makes the table exactly this (idempotent: declare, delete, define). */
export function renderFilter(portal: { address: string; port: number }, rules: readonly FilterRule[]): string {
  const to = `${family(portal.address)} daddr ${portal.address} tcp dport ${portal.port}`;
  const lines = sortRules(rules).map(
    (r) => `    ${to} ${family(r.address)} saddr ${r.address} accept comment "${RULE_PREFIX}${r.volumeId}"`,
  );
  return [
    `table inet ${FILTER_TABLE} {}`,
    `delete table inet ${FILTER_TABLE}`,
    `table inet ${FILTER_TABLE} {`,
    '  chain input {',
    '    type filter hook input priority filter; policy accept;',
    `    ${to} ct state established,related accept`,
    ...lines,
    `    ${to} reject with tcp reset comment "${DEFAULT_COMMENT}"`,
    '  }',
    '}',
  ].join('\n');
}

type Json = Record<string, unknown>;

/** The right-hand value of the rule's match on `<proto> <field>`. */
function matchValue(expr: unknown[], field: string): unknown {
  for (const e of expr) {
    const m = (e as { match?: { left?: { payload?: { field?: string } }; right?: unknown } }).match;
    if (m?.left?.payload?.field === field) return m.right;
  }
  return undefined;
}

/** `nft -j list table inet strato_iscsi` → what the table allows. */
export function parseFilter(doc: unknown): ObservedFilter {
  const items = ((doc as { nftables?: Json[] } | null)?.nftables ?? []) as Json[];
  const out: ObservedFilter = { portal: undefined, rules: [] };
  for (const item of items) {
    const rule = item.rule as { chain?: string; comment?: string; expr?: unknown[] } | undefined;
    if (rule?.chain !== 'input' || !Array.isArray(rule.expr)) continue;
    const daddr = matchValue(rule.expr, 'daddr');
    const dport = matchValue(rule.expr, 'dport');
    if (rule.comment === DEFAULT_COMMENT && typeof daddr === 'string' && typeof dport === 'number') {
      out.portal = formatPortal({ address: daddr, port: dport });
    }
    const saddr = matchValue(rule.expr, 'saddr');
    if (rule.comment?.startsWith(RULE_PREFIX) && typeof saddr === 'string') {
      out.rules.push({ volumeId: rule.comment.slice(RULE_PREFIX.length), address: saddr });
    }
  }
  out.rules = sortRules(out.rules);
  return out;
}

const NFT = { timeoutMs: 30_000 };

export async function observeFilter(netns: string | undefined): Promise<ObservedFilter> {
  const argv = [...inNetns(netns), 'nft', '-j', 'list', 'table', 'inet', FILTER_TABLE];
  const r = await runProcess(argv, NFT);
  if (r.code !== 0) {
    if (/No such file or directory/.test(r.stderr)) return { portal: undefined, rules: [] };
    await runChecked(argv, 'NFT_LIST_FAILED', NFT);
  }
  return parseFilter(JSON.parse(r.stdout));
}

export async function applyFilter(script: string, netns: string | undefined): Promise<void> {
  await runChecked([...inNetns(netns), 'nft', '-f', '-'], 'NFT_APPLY_FAILED', { ...NFT, stdin: `${script}\n` });
}

export async function removeFilter(netns: string | undefined): Promise<void> {
  await applyFilter(`table inet ${FILTER_TABLE} {}\ndelete table inet ${FILTER_TABLE}`, netns);
}
