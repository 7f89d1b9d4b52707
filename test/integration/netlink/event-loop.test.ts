// Netlink work must not block the agent's event loop: the kernel takes ~16 ms to
// delete each veth (an RCU grace period), which on the main thread would freeze it.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { buildNativeAddon, type ToolTraps, trapTools, uniqueName } from './helpers.ts';

const ns = uniqueName('strato-nlt-e-');
const PAIRS = 50;

describe('netlink keeps the event loop free', () => {
  let traps: ToolTraps;
  let root: Netlink;

  before(async () => {
    traps = await trapTools();
    await buildNativeAddon();
    root = await openNetlink();
    await root.createNamespace(ns);
  });

  after(async () => {
    await root?.deleteNamespace(ns, { ignoreMissing: true });
    await root?.close();
    await traps?.restore();
  });

  it(`creates and deletes ${PAIRS} veth pairs while a 1 ms timer keeps ticking`, async () => {
    const nl = root.inNamespace(ns);
    await nl.listLinks(); // start the worker before measuring
    let last = performance.now();
    let maxGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 1);
    const t0 = performance.now();
    try {
      const names = Array.from({ length: PAIRS }, (_, i) => `el${i}`);
      await Promise.all(names.map((n) => nl.createVeth(`${n}a`, `${n}b`)));
      assert.equal((await nl.listLinks()).filter((l) => l.kind === 'veth').length, PAIRS * 2);
      await Promise.all(names.map((n) => nl.deleteLink(`${n}a`)));
      assert.equal((await nl.listLinks()).filter((l) => l.kind === 'veth').length, 0);
    } finally {
      clearInterval(timer);
    }
    const total = performance.now() - t0;
    const message = `max gap ${maxGap.toFixed(1)} ms over ${total.toFixed(0)} ms (${ticks} ticks)`;
    assert.ok(maxGap < 100, message);
    assert.ok(maxGap < total / 2, message);
    assert.ok(ticks > 10, message);
  });

  it('never ran ip or virsh', () => {
    assert.equal(traps.spawned(), false, `a tool was spawned: see ${traps.marker}`);
  });
});
