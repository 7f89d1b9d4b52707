// Agent restarts under traffic: guest A (host 0) pings guest B (host 1) across the
// VXLAN tunnel twice a second with a sequence number; each host's agent is restarted
// in turn (SIGTERM on host 0, SIGKILL on host 1) while it runs. At most one ping may
// be lost per restart, and no strato link (by ifindex) nor nft rule changes on either
// host: a restarted agent adopts the plumbing it finds instead of rebuilding it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CloudHost } from './lib/cloud.ts';
import { snapshotHost } from './lib/extra-host-snapshot.ts';
import { useCloud } from './lib/fixture.ts';
import { script, waitReachable } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const CIDR = '10.81.0.0/24';
const IP_A = '10.81.0.10';
const IP_B = '10.81.0.11';
const SEQ = 'E2E-SEQ';
/** Longer than the agents' resync interval (5 s), so a resync after the restart is inside it. */
const SETTLE_MS = 12_000;

/** `E2E-SEQ <n> ok|fail` twice a second (a lost ping takes its 1 s timeout). */
function seqPing(target: string): string {
  return [
    '(i=0; while :; do i=$((i+1))',
    `  if ping -c 1 -W 1 ${target} >/dev/null 2>&1; then r=ok; else r=fail; fi`,
    `  echo ${SEQ} $i $r; sleep 0.5`,
    'done) &',
  ].join('\n');
}

interface Seq {
  n: number;
  ok: boolean;
}

function seqs(lines: readonly string[]): Seq[] {
  return lines.flatMap((l) => {
    const m = new RegExp(`${SEQ} (\\d+) (ok|fail)`).exec(l);
    return m ? [{ n: Number(m[1]), ok: m[2] === 'ok' }] : [];
  });
}

describe('network resilience (e2e: agent restart under a continuous cross-host ping)', { timeout: 600_000 }, () => {
  const cloud = useCloud({ hosts: 2 });
  const world = new NetWorld(cloud);
  cloud.beforeStop(() => world.cleanUp());
  let a: NetGuest;

  it('boots two guests on one VXLAN network on two hosts; A pings B steadily', async () => {
    const cl = cloud();
    const net = await world.network('res-net', CIDR);
    const [pa, pb] = [await world.port('res-a', net.id, IP_A), await world.port('res-b', net.id, IP_B)];
    [a] = await Promise.all([
      world.boot('res-a', cl.hosts[0]!.id, pa, script([waitReachable(IP_B), seqPing(IP_B)])),
      world.boot('res-b', cl.hosts[1]!.id, pb, script(['echo E2E-B-UP'])),
    ]);
    const lines = await world.untilConsole(
      a,
      (ls) => seqs(ls).filter((s) => s.ok).length >= 5,
      180_000,
      '5 answered pings A → B',
    );
    assert.ok(seqs(lines).length > 0);
  });

  for (const [idx, signal] of [
    [0, 'SIGTERM'],
    [1, 'SIGKILL'],
  ] as const) {
    it(`restarting host ${idx}'s agent (${signal}) loses at most one ping and changes no link or rule`, async () => {
      const cl = cloud();
      const host: CloudHost = cl.hosts[idx]!;
      const before = await Promise.all(cl.hosts.map(snapshotHost));
      for (const s of before) {
        assert.ok(
          s.links.some((l) => l.startsWith('vxlan-')),
          `no vxlan link: ${s.links}`,
        );
        assert.ok(
          s.links.some((l) => l.startsWith('tap')),
          `no tap link: ${s.links}`,
        );
        assert.match(s.ruleset, /table (inet|bridge) strato/, 'no strato nft table to compare');
      }
      const startSeq = seqs(await cl.servers.consoleLines(a.id)).at(-1)?.n ?? 0;
      await host.agent.kill(signal);
      await sleep(1000);
      await host.agent.start();
      await cl.waitForHostsUp(60_000);
      await sleep(SETTLE_MS);
      const lines = await world.untilConsole(
        a,
        (ls) => (seqs(ls).at(-1)?.n ?? 0) >= startSeq + 10,
        60_000,
        'pings after the restart',
      );
      const window = seqs(lines).filter((s) => s.n > startSeq);
      const lost = window.filter((s) => !s.ok).map((s) => s.n);
      assert.ok(window.length >= 10, `${window.length} pings in the window`);
      assert.ok(lost.length <= 1, `lost pings ${lost.join(',')} of ${window.length} across the ${signal} restart`);
      const after = await Promise.all(cl.hosts.map(snapshotHost));
      for (const [i, h] of cl.hosts.entries()) {
        assert.deepEqual(after[i]!.links, before[i]!.links, `links (name#ifindex) on ${h.id}`);
        assert.equal(after[i]!.ruleset, before[i]!.ruleset, `nft ruleset on ${h.id}`);
        assert.deepEqual(after[i]!.handles, before[i]!.handles, `nft rule handles on ${h.id} (rules re-added)`);
      }
    });
  }
});
