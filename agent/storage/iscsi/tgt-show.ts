// tgtadm's `show` output → plain data. tgt has no machine-readable output, so this is
// the one place that reads its text (format: tgt's usr/target.c, tgt_target_show_all),
// tested against output captured from the real tgtd. Lines it does not know are
// skipped; a target header is the only structure it insists on.
import { isIP } from 'node:net';

export interface TgtLun {
  lun: number;
  type: string;
  /** As tgt prints it ("1074 MB"): tgt's own rounding, see tgtSizeLabel. */
  size: string;
  backingStoreType: string;
  /** "None" for the controller LUN. */
  backingStorePath: string;
}

export interface TgtSession {
  initiator: string;
  addresses: string[];
}

export interface TgtTarget {
  tid: number;
  iqn: string;
  luns: TgtLun[];
  sessions: TgtSession[];
  /** Incoming CHAP accounts bound to the target. */
  accounts: string[];
  outgoingAccount?: string;
  /** Initiator-address ACL entries (addresses, CIDRs, ALL). */
  aclAddresses: string[];
  /** Initiator-name ACL entries. */
  aclNames: string[];
}

type Section = 'system' | 'nexus' | 'lun' | 'account' | 'acl' | 'other';

const SECTIONS: Record<string, Section> = {
  'System information:': 'system',
  'I_T nexus information:': 'nexus',
  'LUN information:': 'lun',
  'Account information:': 'account',
  'ACL information:': 'acl',
};

/** tgt lists both ACL kinds under one heading; an address-like entry is an address ACL. */
function isAddressAcl(entry: string): boolean {
  if (entry === 'ALL') return true;
  const bare = entry.replace(/^\[(.*)\]$/, '$1').split('/')[0]!;
  return isIP(bare) !== 0;
}

const indent = (line: string): number => line.length - line.trimStart().length;

/** `tgtadm --lld iscsi --op show --mode target`. */
export function parseTargets(text: string): TgtTarget[] {
  const targets: TgtTarget[] = [];
  let t: TgtTarget | undefined;
  let section: Section = 'other';
  let lun: TgtLun | undefined;
  let session: TgtSession | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const head = /^Target (\d+): (\S+)$/.exec(line);
    if (head) {
      t = { tid: Number(head[1]), iqn: head[2]!, luns: [], sessions: [], accounts: [], aclAddresses: [], aclNames: [] };
      targets.push(t);
      section = 'other';
      continue;
    }
    if (t === undefined || line.trim() === '') continue;
    const text = line.trim();
    const depth = indent(line);
    if (depth === 4) {
      section = SECTIONS[text] ?? 'other';
      continue;
    }
    switch (section) {
      case 'lun': {
        const n = /^LUN: (\d+)$/.exec(text);
        if (n && depth === 8) {
          lun = { lun: Number(n[1]), type: '', size: '', backingStoreType: '', backingStorePath: '' };
          t.luns.push(lun);
          break;
        }
        if (lun === undefined) break;
        const kv = /^([^:]+): ?(.*)$/.exec(text);
        if (kv?.[1] === 'Type') lun.type = kv[2]!;
        if (kv?.[1] === 'Size') lun.size = kv[2]!.split(',')[0]!;
        if (kv?.[1] === 'Backing store type') lun.backingStoreType = kv[2]!;
        if (kv?.[1] === 'Backing store path') lun.backingStorePath = kv[2]!;
        break;
      }
      case 'nexus': {
        if (/^I_T nexus: \d+$/.test(text)) {
          session = { initiator: '', addresses: [] };
          t.sessions.push(session);
          break;
        }
        const who = /^Initiator: (\S+)/.exec(text);
        if (who && session) session.initiator = who[1]!;
        const ip = /^IP Address: (\S+)$/.exec(text);
        if (ip && session) session.addresses.push(ip[1]!);
        break;
      }
      case 'account': {
        const out = /^(\S+) \(outgoing\)$/.exec(text);
        if (out) t.outgoingAccount = out[1]!;
        else t.accounts.push(text);
        break;
      }
      case 'acl':
        (isAddressAcl(text) ? t.aclAddresses : t.aclNames).push(text);
        break;
      default:
        break;
    }
  }
  return targets;
}

/** `tgtadm --lld iscsi --op show --mode account`: every account's user name. */
export function parseAccounts(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /^\s+\S+$/.test(l))
    .map((l) => l.trim());
}

/** `tgtadm --lld iscsi --op show --mode portal`: `address:port` of each portal (IPv6 in brackets). */
export function parsePortals(text: string): { address: string; port: number }[] {
  const out: { address: string; port: number }[] = [];
  for (const line of text.split('\n')) {
    const m = /^Portal: (?:\[([^\]]+)\]|([^:]+)):(\d+),\d+$/.exec(line.trim());
    if (m) out.push({ address: m[1] ?? m[2]!, port: Number(m[3]) });
  }
  return out;
}

/**
 * The size tgt prints for a LUN of `bytes` (its print_disksize: a rounding of bytes
 * to decimal megabytes). tgt reports sizes only this way, so a LUN's size is checked
 * by comparing labels; volumes grow in whole MiB (more than 1 MB), so a grown volume
 * always has a different label.
 */
export function tgtSizeLabel(bytes: number): string {
  const sectors = Math.floor(bytes / 512);
  const mb = Math.floor((sectors - (Math.floor(sectors / 625) - 974)) / 1950);
  return `${mb} MB`;
}
