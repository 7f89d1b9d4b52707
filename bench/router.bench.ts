// Router and floating-IP set-up time on the agent (issue 13): strato's network driver
// (observe host and router namespaces, plan, netlink, sysctl, route, one nft
// transaction) against the same plumbing as `ip`, `sysctl` and `nft` commands (the
// floor: no observation, no planning), in one throw-away host namespace, same run.
// Figures: a router with one tenant leg, a gateway leg, SNAT and a default route made;
// a floating IP added to it; the router removed. `--smoke`: 2 samples each.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LinuxNetworkDriver } from '../agent/network/linux/linux-network-driver.ts';
import { renderRouterNat } from '../agent/network/linux/router-nft.ts';
import { openNetlink } from '../agent/network/netlink/netlink-client.ts';
import type { DesiredHostNetwork, FloatingIp, RouterSpec } from '../agent/network/network-driver.ts';
import { bridgeName } from '../common/network-names.ts';
import { run } from '../test/harness/exec.ts';
import { report, smoke } from './lib/measure.ts';

const SAMPLES = smoke ? 2 : 15;
const tag = randomBytes(3).toString('hex');
const host = `strato-bench-rt-${tag}`;
const NET = `bench${tag}-0000-0000-0000-000000000001`;
const EXT = `bench${tag}-0000-0000-0000-000000000002`;
const EXT_BRIDGE = 'br-ext';
const FIP: FloatingIp = { floatingIp: '10.99.0.10', fixedIp: '10.0.0.10' };

const legId = (i: number, kind: string): string => `${kind}${i.toString(16).padStart(6, '0')}${tag}`;

function router(i: number, floatingIps: FloatingIp[]): RouterSpec {
  return {
    routerId: `bench-${tag}-${i}`,
    interfaces: [{ portId: legId(i, 'a'), networkId: NET, mac: 'fa:16:3e:99:00:01', ipCidr: '10.0.0.1/24' }],
    gateway: {
      portId: legId(i, 'b'),
      networkId: EXT,
      mac: 'fa:16:3e:99:00:02',
      ipCidr: '10.99.0.2/24',
      gatewayIp: '10.99.0.1',
      enableSnat: true,
    },
    floatingIps,
  };
}

function state(routers: RouterSpec[]): DesiredHostNetwork {
  return {
    networks: [
      { networkId: NET, type: 'vxlan', vni: 4100, vxlanPeers: [] },
      { networkId: EXT, type: 'flat', physicalBridge: EXT_BRIDGE, vxlanPeers: [] },
    ],
    ports: [],
    routers,
  };
}

const ip = (...args: string[]) => run('ip', args);
const inNs = (ns: string, argv: string[], input?: string) =>
  new Promise<void>((resolve, reject) => {
    const child = execFile('nsenter', [`--net=/run/netns/${ns}`, '--', ...argv], (err) =>
      err ? reject(err) : resolve(),
    );
    // A tool that exits without reading its input (sysctl) must not fail the write.
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input ?? '');
  });

/** The floor's router: the same namespace, legs, addresses, forwarding, route and NAT table. */
async function floorRouter(i: number): Promise<void> {
  const ns = `qrouter-floor-${tag}-${i}`;
  await ip('netns', 'add', ns);
  await ip('-n', ns, 'link', 'set', 'lo', 'up');
  const legs = [
    { host: `fa${i}${tag}`, inner: `fqr${i}${tag}`, bridge: bridgeName(NET), mtu: '1450', cidrs: ['10.0.0.1/24'] },
    { host: `fb${i}${tag}`, inner: `fqg${i}${tag}`, bridge: EXT_BRIDGE, mtu: '1500', cidrs: ['10.99.0.2/24'] },
  ];
  for (const l of legs) {
    await ip('-n', host, 'link', 'add', l.host, 'type', 'veth', 'peer', 'name', l.inner);
    await ip('-n', host, 'link', 'set', l.inner, 'mtu', l.mtu, 'netns', ns);
    await ip('-n', host, 'link', 'set', l.host, 'mtu', l.mtu, 'master', l.bridge, 'up');
    await ip('-n', ns, 'link', 'set', l.inner, 'up');
    for (const c of l.cidrs) await ip('-n', ns, 'addr', 'add', c, 'dev', l.inner);
  }
  await inNs(ns, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
  await ip('-n', ns, 'route', 'replace', 'default', 'via', '10.99.0.1', 'dev', legs[1]!.inner);
  const nat = renderRouterNat({
    gatewayIf: legs[1]!.inner,
    snatTo: '10.99.0.2',
    subnets: ['10.0.0.0/24'],
    floatingIps: [],
  });
  await inNs(ns, ['nft', '-f', '-'], `${nat.script}\n`);
}

async function floorFip(i: number): Promise<void> {
  const ns = `qrouter-floor-${tag}-${i}`;
  await ip('-n', ns, 'addr', 'add', `${FIP.floatingIp}/32`, 'dev', `fqg${i}${tag}`);
  const nat = renderRouterNat({
    gatewayIf: `fqg${i}${tag}`,
    snatTo: '10.99.0.2',
    subnets: ['10.0.0.0/24'],
    floatingIps: [FIP],
  });
  await inNs(ns, ['nft', '-f', '-'], `${nat.script}\n`);
}

async function floorRemove(i: number): Promise<void> {
  await ip('-n', host, 'link', 'del', `fa${i}${tag}`);
  await ip('-n', host, 'link', 'del', `fb${i}${tag}`);
  await ip('netns', 'del', `qrouter-floor-${tag}-${i}`);
}

const nl = await openNetlink();
const stateDir = await mkdtemp(join(tmpdir(), 'strato-bench-rt-'));
const driver = new LinuxNetworkDriver({
  netlink: nl.inNamespace(host),
  facts: { underlayDevice: 'u0', underlayIp: '192.0.2.1' },
  stateDir,
});
try {
  await nl.createNamespace(host);
  const h = nl.inNamespace(host);
  await h.createBridge('u0', { up: true, mtu: 1500 });
  await h.addAddress('u0', '192.0.2.1/24');
  await h.createBridge(EXT_BRIDGE, { up: true, mtu: 1500 });
  // A standing router keeps the networks (bridge, VXLAN, base tables) on the host for
  // both sides: the figures are one more router, not the networks under it.
  const standing = router(0, []);
  await driver.apply(state([standing]));

  const make = { strato: [] as number[], floor: [] as number[] };
  const fip = { strato: [] as number[], floor: [] as number[] };
  const remove = { strato: [] as number[], floor: [] as number[] };
  const timed = async (into: number[], fn: () => Promise<unknown>): Promise<void> => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  for (let i = 1; i <= SAMPLES; i++) {
    await timed(make.strato, () => driver.apply(state([standing, router(i, [])])));
    await timed(fip.strato, () => driver.apply(state([standing, router(i, [FIP])])));
    await timed(remove.strato, () => driver.apply(state([standing])));
    await timed(make.floor, () => floorRouter(i));
    await timed(fip.floor, () => floorFip(i));
    await timed(remove.floor, () => floorRemove(i));
  }
  report('router', [
    { figure: 'router made (2 legs, SNAT, route)', strato: make.strato, baseline: make.floor, baselineName: 'ip+nft' },
    { figure: 'floating IP added', strato: fip.strato, baseline: fip.floor, baselineName: 'ip+nft' },
    { figure: 'router removed', strato: remove.strato, baseline: remove.floor, baselineName: 'ip' },
  ]);
} finally {
  await driver.teardown().catch(() => undefined);
  for (let i = 0; i <= SAMPLES; i++) {
    await nl.deleteNamespace(`qrouter-bench-${tag}-${i}`, { ignoreMissing: true }).catch(() => undefined);
    await nl.deleteNamespace(`qrouter-floor-${tag}-${i}`, { ignoreMissing: true }).catch(() => undefined);
  }
  await nl.deleteNamespace(host, { ignoreMissing: true });
  await nl.close();
  await rm(stateDir, { recursive: true, force: true });
}
