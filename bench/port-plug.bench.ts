// Port plug time on the agent: strato's network driver (observe host, plan, create the
// tap on the bridge through netlink, the port's security-group chains in one nft
// transaction) against the same plumbing done by `ip` and `nft` commands (the floor:
// no observation, no planning), each in its own throw-away namespace, same run.
// `--smoke` plugs 3 ports.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type PortFirewallSpec, renderPort } from '../agent/network/linux/firewall-render.ts';
import { addPort, baseTables, zoneLines } from '../agent/network/linux/firewall-script.ts';
import { LinuxNetworkDriver } from '../agent/network/linux/linux-network-driver.ts';
import type { DesiredHostNetwork, PortBinding } from '../agent/network/network-driver.ts';
import { bridgeName, tapName } from '../common/network-names.ts';
import { openNetlink } from '../agent/network/netlink/netlink-client.ts';
import { run } from '../test/harness/exec.ts';
import { report, smoke } from './lib/measure.ts';

const PORTS = smoke ? 3 : 30;
const tag = randomBytes(3).toString('hex');
const nsStrato = `strato-bench-pp-${tag}`;
const nsFloor = `strato-bench-pf-${tag}`;
const NET = `bench${tag}-0000-0000-0000-000000000000`;
const rules = [
  { direction: 'egress' as const, protocol: 'any' as const, remoteCidrs: ['0.0.0.0/0'] },
  { direction: 'ingress' as const, protocol: 'icmp' as const, remoteCidrs: ['10.0.0.0/24'] },
  { direction: 'ingress' as const, protocol: 'tcp' as const, portMin: 22, remoteCidrs: ['0.0.0.0/0'] },
];

function port(i: number): PortBinding {
  const portId = `${i.toString(16).padStart(8, '0')}-${tag}-0000-0000-000000000000`;
  const mac = `fa:16:3e:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}`;
  return {
    portId,
    networkId: NET,
    mac,
    ips: [`10.0.${i >> 8}.${i & 0xff}`],
    securityGroups: rules,
  };
}

function state(n: number): DesiredHostNetwork {
  return {
    networks: [{ networkId: NET, type: 'vxlan', vni: 4000, vxlanPeers: ['192.0.2.2'] }],
    ports: Array.from({ length: n }, (_, i) => port(i + 1)),
  };
}

const nsenter = (ns: string) => ['nsenter', `--net=/run/netns/${ns}`, '--'];
async function nft(ns: string, script: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile(nsenter(ns)[0]!, [...nsenter(ns).slice(1), 'nft', '-f', '-'], (err) =>
      err ? reject(err) : resolve(),
    );
    child.stdin!.end(`${script}\n`);
  });
}

async function floorPlug(i: number): Promise<void> {
  const p = port(i);
  const bridge = bridgeName(NET);
  await run('ip', ['-n', nsFloor, 'tuntap', 'add', 'dev', tapName(p.portId), 'mode', 'tap']);
  await run('ip', [
    '-n',
    nsFloor,
    'link',
    'set',
    tapName(p.portId),
    'address',
    `fe${p.mac.slice(2)}`,
    'mtu',
    '1450',
    'master',
    bridge,
    'up',
  ]);
  const spec: PortFirewallSpec = { tap: tapName(p.portId), mac: p.mac, ips: p.ips, rules, portSecurity: true };
  await nft(nsFloor, addPort(renderPort(spec, i)).join('\n'));
}

const nl = await openNetlink();
const stateDir = await mkdtemp(join(tmpdir(), 'strato-bench-pp-'));
try {
  for (const ns of [nsStrato, nsFloor]) {
    await nl.createNamespace(ns);
    await nl.inNamespace(ns).createBridge('u0', { up: true, mtu: 1500 });
    await nl.inNamespace(ns).addAddress('u0', '192.0.2.1/24');
  }
  const driver = new LinuxNetworkDriver({
    netlink: nl.inNamespace(nsStrato),
    facts: { underlayDevice: 'u0', underlayIp: '192.0.2.1' },
    stateDir,
  });
  // The network (bridge, VXLAN, base tables) exists before the first plug on both sides.
  await driver.apply(state(0));
  await driver.apply(state(1));
  await run('ip', ['-n', nsFloor, 'link', 'add', bridgeName(NET), 'mtu', '1450', 'type', 'bridge']);
  await run('ip', ['-n', nsFloor, 'link', 'set', bridgeName(NET), 'up']);
  await nft(nsFloor, [...baseTables(), ...zoneLines(bridgeName(NET), 1, 'add')].join('\n'));
  await floorPlug(1);

  const strato: number[] = [];
  const floor: number[] = [];
  for (let n = 2; n <= PORTS + 1; n++) {
    let t0 = performance.now();
    const r = await driver.apply(state(n));
    strato.push(performance.now() - t0);
    if (r.steps.length !== 2) throw new Error(`expected nft + create-tap, got ${r.steps.map((s) => s.kind)}`);
    t0 = performance.now();
    await floorPlug(n);
    floor.push(performance.now() - t0);
  }
  report('port-plug', [
    {
      figure: `plug one port (${PORTS} samples, up to ${PORTS + 1} ports)`,
      strato,
      baseline: floor,
      baselineName: 'ip+nft',
    },
  ]);
  const t0 = performance.now();
  await driver.teardown();
  console.log(`port-plug          teardown of ${PORTS} ports + network: ${(performance.now() - t0).toFixed(1)} ms`);
} finally {
  for (const ns of [nsStrato, nsFloor]) await nl.deleteNamespace(ns, { ignoreMissing: true });
  await nl.close();
  await rm(stateDir, { recursive: true, force: true });
}
