// Helpers for the NetworkDriver conformance suite. Only the NetworkDriver interface is
// used: "the host has it" is the driver's own plan for it being empty, so the suite
// runs unchanged against the real Linux driver and the fake.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { TestContext } from 'node:test';
import type {
  DesiredHostNetwork,
  NetworkDriver,
  NetworkSpec,
  PortBinding,
  SecurityRule,
} from '../../../agent/network/network-driver.ts';
import { isStratoError } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';

// Drivers log every apply; keep the test output to failures.
log.level = process.env.STRATO_LOG_LEVEL ?? 'error';

/** What the states need to know of the subject's host. */
export interface HostFacts {
  /** The host's own underlay address (its VXLAN `local`). */
  underlayIp: string;
  /** An existing operator bridge, MTU 1500, for flat networks. */
  flatBridge: string;
}

export interface DriverSubject {
  driver: NetworkDriver;
  host: HostFacts;
  /** Removes everything the factory and the driver made; called even when a test fails. */
  close(): Promise<void>;
}

export type SubjectFactory = () => Promise<DriverSubject>;

/** A fresh subject for one test, closed after it whatever happens. */
export async function useSubject(t: TestContext, factory: SubjectFactory): Promise<DriverSubject> {
  const subject = await factory();
  t.after(() => subject.close());
  return subject;
}

export const EMPTY: DesiredHostNetwork = { networks: [], ports: [] };

export const egressAll: SecurityRule = { direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] };
export const sshFrom = (cidr: string): SecurityRule => ({
  direction: 'ingress',
  protocol: 'tcp',
  portMin: 22,
  portMax: 22,
  remoteCidrs: [cidr],
});

/**
 * Ids and states for one test: fresh UUIDs (DHCP namespaces are named after network
 * ids machine-wide) and private addresses that exist only inside the subject's host.
 */
export function world(host: HostFacts) {
  const third = randomBytes(1)[0]! % 200;
  const netA = randomUUID();
  const netB = randomUUID();
  const netFlat = randomUUID();
  const [p1, p2, p3, p4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const mac = (n: number): string =>
    `fa:16:3e:4e:${third.toString(16).padStart(2, '0')}:${n.toString(16).padStart(2, '0')}`;
  const ip = (n: number): string => `10.${third}.0.${n}`;
  const peers = ['10.255.0.2', '10.255.0.3'];
  const port = (portId: string, networkId: string, n: number, rules: SecurityRule[] = [egressAll]): PortBinding => ({
    portId,
    networkId,
    mac: mac(n),
    ips: [ip(n)],
    securityGroups: rules,
  });
  const vxlanA = (o: Partial<NetworkSpec> = {}): NetworkSpec => ({
    networkId: netA,
    type: 'vxlan',
    vni: 5000 + third,
    vxlanPeers: peers,
    dhcp: {
      mac: mac(2),
      subnets: [{ cidr: `10.${third}.0.0/24`, serverIp: ip(2), dns: [] }],
      hosts: [
        { mac: mac(11), ip: ip(11) },
        { mac: mac(12), ip: ip(12) },
      ],
    },
    ...o,
  });
  const vxlanB = (o: Partial<NetworkSpec> = {}): NetworkSpec => ({
    networkId: netB,
    type: 'vxlan',
    vni: 6000 + third,
    vxlanPeers: peers.slice(0, 1),
    ...o,
  });
  const flat = (): NetworkSpec => ({
    networkId: netFlat,
    type: 'flat',
    physicalBridge: host.flatBridge,
    vxlanPeers: [],
  });
  return {
    netA,
    netB,
    netFlat,
    p1,
    p2,
    p3,
    p4,
    port,
    vxlanA,
    vxlanB,
    flat,
    /** Network A (DHCP here, two peers) with ports 1 and 2; network B with port 3. */
    full(): DesiredHostNetwork {
      return {
        networks: [vxlanA(), vxlanB()],
        ports: [port(p1, netA, 11, [egressAll, sshFrom(ip(0) + '/24')]), port(p2, netA, 12), port(p3, netB, 13)],
        underlayPeers: [host.underlayIp, ...peers, '10.255.0.9'],
      };
    },
  };
}

/** The driver's own verdict: the host holds `state` exactly when its plan for it is empty. */
export async function assertHolds(driver: NetworkDriver, state: DesiredHostNetwork, what = 'the state'): Promise<void> {
  assert.deepEqual(await driver.plan(state), [], `${what} holds: the driver plans nothing for it`);
}

export async function assertLacks(driver: NetworkDriver, state: DesiredHostNetwork, what: string): Promise<void> {
  assert.notDeepEqual(await driver.plan(state), [], `${what} is gone: the driver would have work to do`);
}

/** Asserts `p` rejects with a StratoError of `code` (and `reason` when given). */
export async function refused(p: Promise<unknown>, code: string, reason?: string): Promise<void> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  assert.ok(caught !== undefined, `expected ${code}, but the call succeeded`);
  assert.ok(isStratoError(caught), `expected a StratoError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (reason !== undefined) assert.equal(caught.reason, reason, caught.message);
}
