// Long libvirt calls (domain start, destroy) spread over the agent's links so that
// no link carries more of them than another while one is free: libvirtd queues a
// link's calls beyond max_client_requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { LongCallLinks } from '../../../agent/hypervisor/libvirt/long-call-links.ts';

/** Stand-ins for links: only their identity matters to the spreading. */
const links = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `link-${i}` }) as unknown as LibvirtClient);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

describe('long call links', () => {
  it('ten concurrent calls over three links: 4, 3, 3, each on the least busy link', async () => {
    const all = links(3);
    const spread = new LongCallLinks(all);
    const g = gate();
    const used: string[] = [];
    const calls = Array.from({ length: 10 }, () =>
      spread.run(async (link) => {
        used.push((link as unknown as { name: string }).name);
        await g.opened;
      }),
    );
    assert.deepEqual(spread.inFlight(), [4, 3, 3]);
    g.open();
    await Promise.all(calls);
    assert.deepEqual(spread.inFlight(), [0, 0, 0]);
    assert.deepEqual(used.slice(0, 3), ['link-0', 'link-1', 'link-2']);
  });

  it('a finished or failed call frees its link for the next one', async () => {
    const spread = new LongCallLinks(links(2));
    const g = gate();
    const held = spread.run(() => g.opened);
    await assert.rejects(
      spread.run(async () => {
        throw new Error('libvirt said no');
      }),
      /libvirt said no/,
    );
    assert.deepEqual(spread.inFlight(), [1, 0]);
    const next = await spread.run(async (link) => (link as unknown as { name: string }).name);
    assert.equal(next, 'link-1');
    g.open();
    await held;
    assert.deepEqual(spread.inFlight(), [0, 0]);
  });

  it('needs a link', () => {
    assert.throws(() => new LongCallLinks([]), /at least one link/);
  });
});
