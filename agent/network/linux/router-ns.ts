// What a router changes inside its namespace that the netlink seam does not offer:
// gratuitous ARP, the forwarding switch (a per-namespace sysctl: /proc/sys/net is
// resolved against the namespace of the process that opens it, hence sysctl run under
// nsenter), the default route, and the NAT table (nft, also read back here). Each runs
// as one short process in the namespace (run-command.ts); reading the switch and the
// routes is the netlink worker's (observe-routers.ts).
import { ROUTER_TABLE } from './router-nft.ts';
import { inNetns, runChecked, runCommand } from './run-command.ts';

export async function enableForwarding(namespace: string): Promise<void> {
  await runChecked([...inNetns(namespace), 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], 'SYSCTL_FAILED');
}

export async function replaceDefaultRoute(namespace: string, via: string, dev: string): Promise<void> {
  await runChecked(
    [...inNetns(namespace), 'ip', '-4', 'route', 'replace', 'default', 'via', via, 'dev', dev],
    'ROUTE_REPLACE_FAILED',
  );
}

export async function deleteDefaultRoute(namespace: string): Promise<void> {
  const r = await runCommand([...inNetns(namespace), 'ip', '-4', 'route', 'del', 'default']);
  // Already gone is done.
  if (r.code !== 0 && !/No such process|not found/i.test(r.stderr)) {
    await runChecked([...inNetns(namespace), 'ip', '-4', 'route', 'del', 'default'], 'ROUTE_DELETE_FAILED');
  }
}

/** The comment of the first rule of chain `forward` (the table's hash), or undefined without the table. */
export async function readNatHash(namespace: string): Promise<string | undefined> {
  const argv = [...inNetns(namespace), 'nft', '-j', 'list', 'table', 'ip', ROUTER_TABLE];
  const r = await runCommand(argv);
  if (r.code !== 0) {
    if (/No such file or directory/.test(r.stderr)) return undefined;
    await runChecked(argv, 'NFT_LIST_FAILED');
  }
  const doc = JSON.parse(r.stdout) as { nftables?: { rule?: { chain?: string; comment?: string } }[] };
  const first = (doc.nftables ?? []).find((i) => i.rule?.chain === 'forward')?.rule;
  return typeof first?.comment === 'string' ? first.comment : '';
}

/**
 * Best effort, in the background: one gratuitous ARP for `ip` out of `dev`, so that
 * neighbours holding a stale entry for an address that moved here (a floating IP given
 * to another router, a router rebuilt with another MAC) update it now instead of after
 * their entry times out. iputils' arping where installed, else busybox's; neither
 * present, or either failing, changes nothing: the kernel still answers ARP for it.
 */
export function announceAddress(namespace: string, dev: string, ip: string): void {
  const args = ['-U', '-c', '1', '-I', dev, ip];
  void runCommand([...inNetns(namespace), 'arping', ...args])
    .then((r) => (r.code === 0 ? r : runCommand([...inNetns(namespace), 'busybox', 'arping', ...args])))
    .catch(() => runCommand([...inNetns(namespace), 'busybox', 'arping', ...args]))
    .catch(() => undefined);
}
