// A two-host lab for the network driver: host namespaces h1 and h2 joined by a veth
// underlay, each with its own LinuxNetworkDriver (netlink handle in the host's namespace,
// nft and dnsmasq through nsenter), and "guest" namespaces plugged into ports through
// the driver's veth attachment. Guests speak through busybox (udhcpc, ping, nc, arping).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dnsmasqPaths } from '../../../agent/network/linux/dnsmasq-config.ts';
import { findDnsmasq } from '../../../agent/network/linux/dnsmasq-process.ts';
import { LinuxNetworkDriver } from '../../../agent/network/linux/linux-network-driver.ts';
import { type CommandResult, inNetns, runCommand } from '../../../agent/network/linux/run-command.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { dhcpNamespaceName, routerNamespaceName } from '../../../common/network-names.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { buildNativeAddon } from '../netlink/helpers.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';

export interface LabHost {
  name: string;
  netns: string;
  underlayIp: string;
  stateDir: string;
  netlink: Netlink;
  driver: LinuxNetworkDriver;
}

export interface Lab {
  tag: string;
  root: Netlink;
  dir: string;
  hosts: [LabHost, LabHost];
  guests: string[];
  newGuest(): Promise<string>;
  close(): Promise<void>;
}

export const uuid = (): string => randomUUID();

export async function makeLab(): Promise<Lab> {
  const tag = randomBytes(3).toString('hex');
  await buildNativeAddon(); // a no-op when the addon is already built
  const root = await openNetlink();
  const dir = await mkdtemp(join(tmpdir(), 'strato-netlab-'));
  // dnsmasq drops to nobody and re-reads its files as nobody.
  await chmod(dir, 0o755);
  const third = 100 + (randomBytes(1)[0]! % 100);
  const names = ['h1', 'h2'] as const;
  const created: string[] = [];
  const guests: string[] = [];
  const mkns = async (name: string): Promise<void> => {
    await root.createNamespace(name);
    created.push(name);
    await root.inNamespace(name).setUp('lo', true);
  };
  const hosts = [] as unknown as [LabHost, LabHost];
  try {
    for (const [i, h] of names.entries()) {
      const netns = `strato-nlab-${tag}-${h}`;
      await mkns(netns);
      const netlink = root.inNamespace(netns);
      const underlayIp = `10.250.${third}.${i + 1}`;
      const stateDir = join(dir, h);
      hosts.push({
        name: h,
        netns,
        underlayIp,
        stateDir,
        netlink,
        driver: new LinuxNetworkDriver({ netlink, facts: { underlayDevice: 'u0', underlayIp }, stateDir }),
      });
    }
    const [h1, h2] = hosts;
    await h1.netlink.createVeth('u0', 'u0', { peerNamespace: h2.netns, mtu: 1500, up: true });
    for (const h of hosts) {
      await h.netlink.setUp('u0', true);
      await h.netlink.addAddress('u0', `${h.underlayIp}/24`);
    }
  } catch (err) {
    for (const n of created) await root.deleteNamespace(n, { ignoreMissing: true });
    await root.close();
    throw err;
  }
  const lab: Lab = {
    tag,
    root,
    dir,
    hosts,
    guests,
    async newGuest() {
      const name = `strato-nlab-${tag}-g${guests.length + 1}`;
      await mkns(name);
      guests.push(name);
      return name;
    },
    async close() {
      for (const h of hosts) await h.driver.teardown().catch(() => undefined);
      // Should teardown have failed: DHCP and router namespaces and dnsmasq are not inside the host namespaces.
      for (const h of hosts) {
        for (const id of await readdir(join(h.stateDir, 'dhcp')).catch(() => [] as string[])) {
          const found = await findDnsmasq(dnsmasqPaths(h.stateDir, id).pidFile);
          if (found !== undefined) process.kill(found.pid, 'SIGKILL');
          await root.deleteNamespace(dhcpNamespaceName(id), { ignoreMissing: true }).catch(() => undefined);
        }
        for (const id of await readdir(join(h.stateDir, 'routers')).catch(() => [] as string[])) {
          await root.deleteNamespace(routerNamespaceName(id), { ignoreMissing: true }).catch(() => undefined);
        }
      }
      for (const n of created) await root.deleteNamespace(n, { ignoreMissing: true }).catch(() => undefined);
      await root.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return lab;
}

export function inNs(netns: string, argv: readonly string[], stdin?: string): Promise<CommandResult> {
  return runCommand([...inNetns(netns), ...argv], stdin);
}

/** True when at least `min` of `count` echo requests were answered. */
export async function ping(
  netns: string,
  ip: string,
  opts: { count?: number; size?: number; min?: number; source?: string } = {},
): Promise<boolean> {
  const count = opts.count ?? 2;
  const argv = ['busybox', 'ping', '-c', String(count), '-W', '1', '-w', String(count + 1)];
  if (opts.size !== undefined) argv.push('-s', String(opts.size));
  if (opts.source !== undefined) argv.push('-I', opts.source);
  const r = await inNs(netns, [...argv, ip]);
  const m = /(\d+) packets received/.exec(r.stdout);
  return Number(m?.[1] ?? 0) >= (opts.min ?? 1);
}

export interface Lease {
  ip: string;
  mask: string;
  router?: string;
  dns?: string;
  mtu?: string;
  /** Option 121 as udhcpc gives it: `dest/prefix router` pairs, space separated. */
  staticroutes?: string;
}

/**
 * One DHCP exchange by busybox udhcpc; the lease's options, or undefined when none came.
 * `apply`: also install the address and the option-121 routes, as the test image does.
 */
export async function dhcpLease(
  lab: Lab,
  netns: string,
  ifname: string,
  o: { apply?: boolean } = {},
): Promise<Lease | undefined> {
  const out = join(lab.dir, `lease-${ifname}`);
  const script = join(lab.dir, `udhcpc-${ifname}.sh`);
  const apply = [
    'ip addr replace "$ip/$mask" dev "$interface"',
    'set -- $staticroutes',
    'while [ $# -ge 2 ]; do ip route replace "$1" via "$2" dev "$interface"; shift 2; done',
  ];
  await writeFile(
    script,
    [
      '#!/bin/sh',
      '[ "$1" = bound ] || exit 0',
      `printf '%s\\n' "ip=$ip" "mask=$subnet" "router=$router" "dns=$dns" "mtu=$mtu" "staticroutes=$staticroutes" > ${out}`,
      ...(o.apply ? apply : []),
      'exit 0',
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  await rm(out, { force: true });
  await inNs(netns, [
    'busybox',
    'udhcpc',
    '-f',
    '-q',
    '-n',
    '-t',
    '4',
    '-T',
    '1',
    '-O',
    'mtu',
    '-O',
    'staticroutes',
    '-i',
    ifname,
    '-s',
    script,
  ]);
  let text: string;
  try {
    text = await readFile(out, 'utf8');
  } catch {
    return undefined;
  }
  const kv = Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const lease: Lease = { ip: kv.ip ?? '', mask: kv.mask ?? '' };
  if (kv.router) lease.router = kv.router;
  if (kv.dns) lease.dns = kv.dns.trim();
  if (kv.mtu) lease.mtu = kv.mtu;
  if (kv.staticroutes) lease.staticroutes = kv.staticroutes;
  return lease;
}

/** A long-running process inside a namespace (ping stream, nc server); killed by the caller. */
export function spawnInNs(netns: string, argv: readonly string[]): ReturnType<typeof spawn> {
  const all = [...inNetns(netns), ...argv];
  return spawn(all[0]!, all.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
}

export type { DesiredHostNetwork };
