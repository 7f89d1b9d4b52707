// The firewall's host side: apply a planned script in one `nft -f -` transaction and
// read the `strato` tables back (`nft -j`) into the ObservedFirewall the planner needs.
import { canonicalIp } from './addr.ts';
import { BASE_VERSION, TABLE } from './firewall-render.ts';
import { emptyFirewall, type ObservedFirewall } from './observed.ts';
import { inNetns, runChecked, runCommand } from './run-command.ts';

export async function nftApply(script: string, namespace: string | undefined): Promise<void> {
  await runChecked([...inNetns(namespace), 'nft', '-f', '-'], 'NFT_APPLY_FAILED', `${script}\n`);
}

type Json = Record<string, unknown>;

async function listTable(family: 'inet' | 'bridge', namespace: string | undefined): Promise<Json[] | undefined> {
  const r = await runCommand([...inNetns(namespace), 'nft', '-j', 'list', 'table', family, TABLE]);
  if (r.code !== 0) {
    if (/No such file or directory/.test(r.stderr)) return undefined;
    await runChecked([...inNetns(namespace), 'nft', '-j', 'list', 'table', family, TABLE], 'NFT_LIST_FAILED');
  }
  const doc = JSON.parse(r.stdout) as { nftables?: Json[] };
  return doc.nftables ?? [];
}

const jumpTarget = (v: unknown): string | undefined => {
  const j = (v as { jump?: { target?: unknown } } | null)?.jump?.target;
  return typeof j === 'string' ? j : undefined;
};

/** Map elements come as `[key, value]` pairs (keys may be wrapped in `{elem: {val}}`). */
function elements(map: Json): [unknown, unknown][] {
  const elem = (map.elem ?? []) as unknown[];
  return elem.map((e) => {
    const pair = Array.isArray(e) ? e : [e, undefined];
    const key = pair[0] as { elem?: { val?: unknown } } | unknown;
    const k =
      typeof key === 'object' && key !== null && 'elem' in key ? (key as { elem: { val: unknown } }).elem.val : key;
    return [k, pair[1]];
  });
}

function firstRuleComments(items: Json[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items) {
    const rule = item.rule as Json | undefined;
    if (rule === undefined) continue;
    const chain = String(rule.chain);
    if (out.has(chain)) continue;
    out.set(chain, typeof rule.comment === 'string' ? rule.comment : '');
  }
  return out;
}

const BASE_CHAINS = new Set(['raw', 'forward', 'prerouting', 'raw_out', 'output', 'input']);

/** A `bridge . ip` key as nft prints it in JSON, back to script text (`"br-ex" . 10.0.0.5`). */
function concatKey(k: unknown): string {
  const parts = (k as { concat?: unknown[] } | null)?.concat;
  if (!Array.isArray(parts) || parts.length !== 2) return String(k);
  return `${JSON.stringify(String(parts[0]))} . ${String(parts[1])}`;
}

function push(m: Map<string, string[]>, tap: string, key: string): void {
  const list = m.get(tap) ?? [];
  list.push(key);
  m.set(tap, list);
}

export async function nftObserve(namespace: string | undefined): Promise<ObservedFirewall> {
  const [inet, bridge] = await Promise.all([listTable('inet', namespace), listTable('bridge', namespace)]);
  const obs = emptyFirewall();
  obs.inetTable = inet !== undefined;
  obs.bridgeTable = bridge !== undefined;
  const inetComments = firstRuleComments(inet ?? []);
  const bridgeComments = firstRuleComments(bridge ?? []);
  obs.baseOk =
    inetComments.get('raw') === BASE_VERSION &&
    inetComments.get('forward') === BASE_VERSION &&
    inetComments.get('raw_out') === BASE_VERSION &&
    inetComments.get('output') === BASE_VERSION &&
    inetComments.get('input') === BASE_VERSION &&
    bridgeComments.get('prerouting') === BASE_VERSION;
  for (const [family, items] of [
    ['inet', inet ?? []],
    ['bridge', bridge ?? []],
  ] as const) {
    for (const item of items) {
      const chain = item.chain as Json | undefined;
      if (chain !== undefined && !BASE_CHAINS.has(String(chain.name)))
        obs.chains.push({ family, name: String(chain.name) });
      const map = (item.map ?? item.set) as Json | undefined;
      if (map === undefined) continue;
      for (const [k, v] of elements(map)) {
        const target = jumpTarget(v);
        const tapOf = (prefix: string): string | undefined =>
          target?.startsWith(prefix) ? target.slice(prefix.length) : undefined;
        switch (`${family}/${String(map.name)}`) {
          case 'inet/zones':
            obs.zones.set(String(k), Number(v));
            break;
          case 'inet/egress': {
            const tap = tapOf('out-');
            if (tap !== undefined) obs.egress.set(tap, Number(k));
            break;
          }
          case 'inet/ingress': {
            const tap = tapOf('in-');
            if (tap !== undefined) obs.ingress.set(tap, Number(k) / 0x10000);
            break;
          }
          case 'inet/host_in': {
            const tap = tapOf('in-');
            if (tap !== undefined) push(obs.hostIn, tap, concatKey(k));
            break;
          }
          case 'inet/host_out': {
            const tap = tapOf('out-');
            if (tap !== undefined) push(obs.hostOut, tap, concatKey(k));
            break;
          }
          case 'bridge/from_port':
            obs.fromPort.add(String(k));
            break;
          case 'bridge/to_port':
            obs.toPort.add(String(k));
            break;
          case 'bridge/bridges':
            obs.bridges.add(String(k));
            break;
          case 'inet/vxlan_sources4':
          case 'inet/vxlan_sources6':
            obs.vxlanSources.add(canonicalIp(String(k), 'nft vxlan source'));
            break;
        }
      }
    }
  }
  for (const [chain, comment] of bridgeComments) {
    if (chain.startsWith('from-') && comment !== '') obs.portHashes.set(chain.slice('from-'.length), comment);
  }
  return obs;
}
