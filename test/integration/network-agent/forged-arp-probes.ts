// ARP probes for the forged-ARP test: busybox arping inside a guest namespace, and a
// poll of another guest's neighbour table through strato's netlink client.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { inNs } from './lab.ts';

/**
 * Lets a guest send ARP naming an address it does not hold (busybox binds to -s),
 * and makes a victim create entries from unsolicited ARP (arp_accept), so a forged
 * announcement that reaches it WOULD be learned: the test can only pass because the
 * bridge dropped it.
 */
export async function sysctl(netns: string, key: string, value: string): Promise<void> {
  const r = await inNs(netns, ['busybox', 'sysctl', '-w', `${key}=${value}`]);
  if (r.code !== 0) throw new Error(`sysctl ${key} in ${netns}: ${r.stderr}`);
}

/** Gratuitous request (-U), gratuitous reply (-A) and a request to `target`, all claiming `claim`. */
export async function announce(netns: string, ifname: string, claim: string, target: string): Promise<string[]> {
  const base = ['busybox', 'arping', '-c', '2', '-w', '1', '-I', ifname];
  const runs = [
    [...base, '-U', '-s', claim, claim],
    [...base, '-A', '-s', claim, claim],
    [...base, '-s', claim, target],
  ].map(async (argv) => {
    const r = await inNs(netns, argv);
    // arping exits 1 when nobody answers, which is expected here; a usage or bind error is not.
    if (!/^ARPING /m.test(r.stdout)) throw new Error(`arping failed: ${argv.join(' ')}: ${r.stdout} ${r.stderr}`);
    return r.stdout.trim();
  });
  return Promise.all(runs);
}

/** The MAC `victim` holds for `ip`, polled until `want` shows up or `ms` pass. */
export async function neighbourMac(
  victim: Netlink,
  dev: string,
  ip: string,
  ms: number,
  want?: (mac: string | undefined) => boolean,
): Promise<string | undefined> {
  let mac: string | undefined;
  for (let waited = 0; ; waited += 100) {
    mac = (await victim.listNeighbours(dev)).find((n) => n.ip === ip)?.mac;
    if (want?.(mac) || waited >= ms) return mac;
    await sleep(100);
  }
}
