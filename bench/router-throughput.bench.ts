// TCP throughput from a guest to "the outside" through a strato router (tenant VXLAN
// bridge → qrouter namespace with forwarding and SNAT → external flat bridge) against
// the same guest traffic on the external flat network itself (the floor: the same
// port plumbing and security-group chains, no router hop, no NAT), same run, same host.
// Everything is built by the agent's network driver (production code): the guests are
// network namespaces plugged as ports (PortBinding.attach), as the agent plugs
// containers and as the network tests simulate guests; a VM's virtio/tap hop would add
// the same cost to both sides. The figure is the time to move 256 MiB over one TCP
// connection (lower is better), median of 5 alternating runs. `--smoke`: 8 MiB, 1 run.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinuxNetworkDriver } from '../agent/network/linux/linux-network-driver.ts';
import { openNetlink } from '../agent/network/netlink/netlink-client.ts';
import type { DesiredHostNetwork, SecurityRule } from '../agent/network/network-driver.ts';
import { guestIfName, routerNamespaceName } from '../common/network-names.ts';
import { report, smoke } from './lib/measure.ts';

const MIB = smoke ? 8 : 256;
const RUNS = smoke ? 1 : 5;
const tag = randomBytes(3).toString('hex');
const host = `strato-bench-rx-${tag}`;
const outside = `strato-bench-ro-${tag}`;
const routed = `strato-bench-rg-${tag}`;
const flat = `strato-bench-rf-${tag}`;
const NET = `bench${tag}-0000-0000-0000-000000000011`;
const EXT = `bench${tag}-0000-0000-0000-000000000012`;
const ROUTER = `bench-${tag}-tp`;
const EXT_BRIDGE = 'br-ext';
const OUTSIDE_IP = '10.98.0.1';
const PORT = 5201;
const allowAll: SecurityRule[] = [
  { direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] },
  { direction: 'ingress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] },
];
const ports = {
  routed: { portId: `a${tag}00-0000-0000-0000-000000000001`, ip: '10.0.0.10', mac: 'fa:16:3e:98:00:10' },
  flat: { portId: `b${tag}00-0000-0000-0000-000000000002`, ip: '10.98.0.20', mac: 'fa:16:3e:98:00:20' },
};

const desired: DesiredHostNetwork = {
  networks: [
    { networkId: NET, type: 'vxlan', vni: 4200, vxlanPeers: [] },
    { networkId: EXT, type: 'flat', physicalBridge: EXT_BRIDGE, vxlanPeers: [] },
  ],
  ports: [
    {
      ...ports.routed,
      networkId: NET,
      ips: [ports.routed.ip],
      securityGroups: allowAll,
      attach: { namespace: routed },
    },
    { ...ports.flat, networkId: EXT, ips: [ports.flat.ip], securityGroups: allowAll, attach: { namespace: flat } },
  ],
  routers: [
    {
      routerId: ROUTER,
      interfaces: [
        {
          portId: `c${tag}00-0000-0000-0000-000000000003`,
          networkId: NET,
          mac: 'fa:16:3e:98:00:01',
          ipCidr: '10.0.0.1/24',
        },
      ],
      gateway: {
        portId: `d${tag}00-0000-0000-0000-000000000004`,
        networkId: EXT,
        mac: 'fa:16:3e:98:00:02',
        ipCidr: '10.98.0.2/24',
        gatewayIp: OUTSIDE_IP,
        enableSnat: true,
      },
      floatingIps: [],
    },
  ],
};

/** Receives one connection and prints the ms from its first byte to its end. */
const SINK = `
const s = require('node:net').createServer((c) => {
  let t0 = 0, n = 0;
  c.on('data', (d) => { if (n === 0) t0 = performance.now(); n += d.length; });
  c.on('end', () => { console.log(JSON.stringify({ bytes: n, ms: performance.now() - t0 })); process.exit(0); });
}).listen(${PORT}, '0.0.0.0', () => console.log('READY'));
`;
/** Sends `MIB` MiB as fast as the socket takes them. */
const SOURCE = `
const c = require('node:net').connect(${PORT}, process.argv[1], () => {
  const chunk = Buffer.alloc(1 << 20, 7);
  let left = Number(process.argv[2]);
  const more = () => { while (left > 0) { left--; if (!c.write(chunk)) return c.once('drain', more); } c.end(); };
  more();
});
`;

const inNs = (ns: string, argv: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile('ip', ['netns', 'exec', ns, ...argv], { maxBuffer: 1 << 20 }, (err, out, errOut) =>
      err ? reject(new Error(`${argv.join(' ')}: ${errOut || err.message}`)) : resolve(out),
    ),
  );

/** One transfer from `guest` to the outside: the receiver's ms for MIB MiB. */
async function transfer(guest: string): Promise<number> {
  const sink = execFile('ip', ['netns', 'exec', outside, process.execPath, '-e', SINK]);
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    sink.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('READY')) resolve();
    });
    sink.once('exit', (code) => reject(new Error(`sink exited ${code}`)));
  });
  await ready;
  const done = new Promise<void>((resolve) => sink.once('exit', () => resolve()));
  await inNs(guest, [process.execPath, '-e', SOURCE, OUTSIDE_IP, String(MIB)]);
  await done;
  const r = JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as { bytes: number; ms: number };
  if (r.bytes !== MIB << 20) throw new Error(`received ${r.bytes} bytes, sent ${MIB << 20}`);
  return r.ms;
}

const nl = await openNetlink();
const stateDir = await mkdtemp(join(tmpdir(), 'strato-bench-rx-'));
const driver = new LinuxNetworkDriver({
  netlink: nl.inNamespace(host),
  facts: { underlayDevice: 'u0', underlayIp: '192.0.2.1' },
  stateDir,
});
try {
  for (const ns of [host, outside, routed, flat]) await nl.createNamespace(ns);
  const h = nl.inNamespace(host);
  await h.createBridge('u0', { up: true, mtu: 1500 });
  await h.addAddress('u0', '192.0.2.1/24');
  await h.createBridge(EXT_BRIDGE, { up: true, mtu: 1500 });
  await h.createVeth(`xo${tag}`, 'eth0', { peerNamespace: outside });
  await h.setMaster(`xo${tag}`, EXT_BRIDGE);
  await h.setUp(`xo${tag}`, true);
  const o = nl.inNamespace(outside);
  await o.setUp('eth0', true);
  await o.addAddress('eth0', `${OUTSIDE_IP}/24`);
  await driver.apply(desired);
  for (const [ns, p, via] of [
    [routed, ports.routed, '10.0.0.1'],
    [flat, ports.flat, OUTSIDE_IP],
  ] as const) {
    await nl.inNamespace(ns).addAddress(guestIfName(p.portId), `${p.ip}/24`);
    await inNs(ns, ['ip', 'route', 'replace', 'default', 'via', via, 'dev', guestIfName(p.portId)]);
  }
  // Warm both paths (ARP, conntrack, the JIT of the sender and the sink).
  await transfer(routed);
  await transfer(flat);
  const viaRouter: number[] = [];
  const onFlat: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const order =
      i % 2 === 0 ? ([viaRouter, routed, onFlat, flat] as const) : ([onFlat, flat, viaRouter, routed] as const);
    order[0].push(await transfer(order[1]));
    order[2].push(await transfer(order[3]));
  }
  report('router-throughput', [
    {
      figure: `guest → outside, ${MIB} MiB TCP`,
      strato: viaRouter,
      baseline: onFlat,
      baselineName: 'flat net',
    },
  ]);
  const mibs = (ms: number[]) => ((MIB * 1000) / [...ms].sort((a, b) => a - b)[ms.length >> 1]!).toFixed(0);
  console.log(
    `router-throughput  through the router ${mibs(viaRouter)} MiB/s, on the flat network ${mibs(onFlat)} MiB/s`,
  );
} finally {
  await driver.teardown().catch(() => undefined);
  await nl.deleteNamespace(routerNamespaceName(ROUTER), { ignoreMissing: true }).catch(() => undefined);
  for (const ns of [routed, flat, outside, host])
    await nl.deleteNamespace(ns, { ignoreMissing: true }).catch(() => undefined);
  await nl.close();
  await rm(stateDir, { recursive: true, force: true });
}
