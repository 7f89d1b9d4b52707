// One dnsmasq per network served here: state files, namespace, veth to the bridge,
// addresses, process. Hosts/options changes become a file write plus a reload (SIGHUP);
// only an argv change (subnets, upstream resolvers) restarts dnsmasq. Pure.
import type { ObservedDhcp, ObservedHost } from './observed.ts';
import type { ResolvedNetwork, ResolvedState } from './resolve.ts';
import type { Step } from './steps.ts';

export interface DhcpPlan {
  create: Step[];
  remove: Step[];
}

const sameArgv = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function planServe(n: ResolvedNetwork, obs: ObservedHost, out: Step[]): void {
  const d = n.dhcp!;
  const seen: ObservedDhcp | undefined = obs.dhcp.get(n.networkId);
  const filesChanged = seen?.hostsFile !== d.config.hostsFile || seen?.optsFile !== d.config.optsFile;
  // The state directory is written first: it is what marks the namespace as ours.
  if (filesChanged) {
    out.push({
      kind: 'write-dhcp-files',
      networkId: n.networkId,
      dir: d.paths.dir,
      hostsPath: d.paths.hostsFile,
      hosts: d.config.hostsFile,
      optsPath: d.paths.optsFile,
      opts: d.config.optsFile,
    });
  }
  const nsExists = seen?.namespaceExists === true;
  if (!nsExists) out.push({ kind: 'create-namespace', name: d.namespace });
  const hostEnd = obs.links.get(d.hostEnd);
  const nsEnd = nsExists ? seen?.nsLinks.get(d.nsEnd) : undefined;
  const vethOk = hostEnd !== undefined && nsEnd !== undefined && nsEnd.mac === d.mac;
  if (!vethOk) {
    if (hostEnd !== undefined) out.push({ kind: 'delete-link', name: d.hostEnd });
    out.push({
      kind: 'create-dhcp-veth',
      namespace: d.namespace,
      hostEnd: d.hostEnd,
      nsEnd: d.nsEnd,
      mac: d.mac,
      mtu: n.mtu,
      bridge: n.bridge,
    });
  } else {
    if (hostEnd.mtu !== n.mtu) out.push({ kind: 'set-mtu', link: d.hostEnd, mtu: n.mtu });
    if (hostEnd.master !== n.bridge) out.push({ kind: 'set-master', link: d.hostEnd, master: n.bridge });
    if (!hostEnd.up) out.push({ kind: 'set-up', link: d.hostEnd });
    if (nsEnd.mtu !== n.mtu) out.push({ kind: 'set-mtu', link: d.nsEnd, mtu: n.mtu, namespace: d.namespace });
    if (!nsEnd.up) out.push({ kind: 'set-up', link: d.nsEnd, namespace: d.namespace });
  }
  const have = new Set(vethOk ? (seen?.nsAddresses.get(d.nsEnd) ?? []) : []);
  for (const cidr of d.config.addresses) {
    if (!have.has(cidr)) out.push({ kind: 'add-address', namespace: d.namespace, link: d.nsEnd, cidr });
  }
  for (const cidr of [...have].sort()) {
    if (!d.config.addresses.includes(cidr) && !cidr.startsWith('fe80:')) {
      out.push({ kind: 'delete-address', namespace: d.namespace, link: d.nsEnd, cidr });
    }
  }
  const running = seen?.dnsmasq;
  // A new veth means a new interface: dnsmasq bound to the old one must start again.
  if (running !== undefined && sameArgv(running.argv, d.config.argv) && vethOk && nsExists) {
    if (filesChanged) out.push({ kind: 'reload-dnsmasq', networkId: n.networkId, pid: running.pid });
    return;
  }
  if (running !== undefined) out.push({ kind: 'stop-dnsmasq', networkId: n.networkId, pid: running.pid });
  out.push({
    kind: 'start-dnsmasq',
    networkId: n.networkId,
    namespace: d.namespace,
    argv: d.config.argv,
    pidFile: d.paths.pidFile,
  });
}

/** Deleting the namespace also destroys the veth pair; the host end is plan-links' business. */
export function planDhcp(
  desired: ResolvedState,
  obs: ObservedHost,
  namespaceOf: (networkId: string) => string,
  dirOf: (networkId: string) => string,
): DhcpPlan {
  const create: Step[] = [];
  const served = new Set<string>();
  for (const n of desired.networks) {
    if (n.dhcp === undefined) continue;
    served.add(n.networkId);
    planServe(n, obs, create);
  }
  const remove: Step[] = [];
  for (const [networkId, seen] of [...obs.dhcp].sort(([a], [b]) => a.localeCompare(b))) {
    if (served.has(networkId)) continue;
    if (seen.dnsmasq !== undefined) remove.push({ kind: 'stop-dnsmasq', networkId, pid: seen.dnsmasq.pid });
    if (seen.namespaceExists) remove.push({ kind: 'delete-namespace', name: namespaceOf(networkId) });
    remove.push({ kind: 'remove-dhcp-state', networkId, dir: dirOf(networkId) });
  }
  return { create, remove };
}
