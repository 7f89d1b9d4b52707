// What an agent restart must leave untouched on a simulated host: the ifindex of
// every strato link (a link deleted and re-created gets a new index even under the
// same name) and the host's nft ruleset (with counters and timeouts blanked, which
// move with traffic, not with the agent).
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { CloudHost } from './cloud.ts';

const STRATO_LINK = /^(brq|tap|vxlan-|dh-)/;

export interface HostSnapshot {
  /** "name#ifindex", sorted. */
  links: string[];
  /** `nft list ruleset`, counters and expiries blanked. */
  ruleset: string;
  /** `nft -a list ruleset` handles, to tell a rule re-added identically. */
  handles: string[];
}

export function normalizeRuleset(text: string): string {
  return text
    .replace(/counter packets \d+ bytes \d+/g, 'counter')
    .replace(/ expires [0-9hms.]+/g, '')
    .replace(/ # handle \d+/g, '');
}

export async function snapshotHost(host: CloudHost): Promise<HostSnapshot> {
  const nl = await openNetlink({ namespace: host.sim.netns });
  let links: string[];
  try {
    links = (await nl.listLinks())
      .filter((l) => STRATO_LINK.test(l.name))
      .map((l) => `${l.name}#${l.index}`)
      .sort();
  } finally {
    await nl.close();
  }
  const r = await host.sim.exec('nft', ['-a', 'list', 'ruleset']);
  const handles = [...r.stdout.matchAll(/# handle (\d+)/g)].map((m) => m[1] ?? '');
  return { links, ruleset: normalizeRuleset(r.stdout), handles };
}
