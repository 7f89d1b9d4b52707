// A throw-away network namespace holding a bridge, tap devices for guests and a
// dnsmasq serving DHCP on the bridge: guests get real leases, and no packet can leave
// the namespace.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { run } from '../../harness/exec.ts';

export interface DhcpNetnsOptions {
  dir: string;
  /** e.g. '10.99.7' → bridge 10.99.7.1/24, pool .100-.150. */
  prefix: string;
  taps: string[];
  /** Static leases, MAC → host part of the address. */
  hosts?: { mac: string; ip: string }[];
  mtu?: number;
  /** More `--dhcp-option` values for dnsmasq, e.g. `option:classless-static-route,…`. */
  dhcpOptions?: string[];
  /** Also put 169.254.169.254/32 on the bridge (a metadata service can listen there). */
  metadataAddress?: boolean;
}

export interface DhcpNetns {
  name: string;
  gateway: string;
  /** Kills dnsmasq and deletes the namespace (with its bridge and taps). */
  destroy(): Promise<void>;
}

export async function createDhcpNetns(opts: DhcpNetnsOptions): Promise<DhcpNetns> {
  const name = `strato-img-${randomBytes(4).toString('hex')}`;
  const gateway = `${opts.prefix}.1`;
  let dnsmasq: ChildProcess | undefined;
  const destroy = async (): Promise<void> => {
    if (dnsmasq && dnsmasq.exitCode === null && dnsmasq.signalCode === null) {
      const gone = new Promise((r) => dnsmasq?.once('close', r));
      dnsmasq.kill('SIGKILL');
      await gone;
    }
    await run('ip', ['netns', 'delete', name]).catch(() => undefined);
  };
  try {
    await run('ip', ['netns', 'add', name]);
    const ns = (...args: string[]) => run('ip', ['-n', name, ...args]);
    await ns('link', 'set', 'lo', 'up');
    await ns('link', 'add', 'br0', 'type', 'bridge');
    await ns('addr', 'add', `${gateway}/24`, 'dev', 'br0');
    if (opts.metadataAddress) await ns('addr', 'add', '169.254.169.254/32', 'dev', 'br0');
    await ns('link', 'set', 'br0', 'up');
    for (const tap of opts.taps) {
      await ns('tuntap', 'add', 'dev', tap, 'mode', 'tap');
      await ns('link', 'set', tap, 'master', 'br0', 'up');
    }
    const args = [
      ...['netns', 'exec', name, 'dnsmasq', '--keep-in-foreground', '--conf-file=/dev/null', '--port=0'],
      ...['--interface=br0', '--bind-interfaces', '--user=root', '--group=root', '--log-dhcp'],
      `--log-facility=${join(opts.dir, 'dnsmasq.log')}`,
      `--dhcp-range=${opts.prefix}.100,${opts.prefix}.150,255.255.255.0,1h`,
      `--dhcp-leasefile=${join(opts.dir, 'dnsmasq.leases')}`,
      `--pid-file=${join(opts.dir, 'dnsmasq.pid')}`,
      `--dhcp-option=option:router,${gateway}`,
      ...(opts.mtu ? [`--dhcp-option=option:mtu,${opts.mtu}`] : []),
      ...(opts.dhcpOptions ?? []).map((o) => `--dhcp-option=${o}`),
      ...(opts.hosts ?? []).map((h) => `--dhcp-host=${h.mac},${h.ip}`),
    ];
    dnsmasq = spawn('ip', args, { stdio: ['ignore', 'ignore', 'ignore'] });
    await new Promise<void>((resolve, reject) => {
      dnsmasq?.once('spawn', resolve);
      dnsmasq?.once('error', reject);
    });
    return { name, gateway, destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}
