// Named network namespaces made by the client itself (no `ip netns`), and the
// per-namespace workers: lazy start, NOT_FOUND for missing namespaces, release on delete.
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { netlinkErrnoCode } from '../../../agent/network/netlink/netlink-errors.ts';
import { isStratoError } from '../../../common/errors.ts';
import { waitFor } from '../../harness/wait.ts';
import { buildNativeAddon, type ToolTraps, trapTools, uniqueName } from './helpers.ts';

const ns = uniqueName('strato-nlt-n-');
const other = uniqueName('strato-nlt-o-');

describe('netlink named namespaces (real kernel)', () => {
  let traps: ToolTraps;
  let root: Netlink;

  before(async () => {
    traps = await trapTools();
    await buildNativeAddon();
    root = await openNetlink({ idleMs: 200 });
  });

  after(async () => {
    await root?.deleteNamespace(ns, { ignoreMissing: true });
    await root?.deleteNamespace(other, { ignoreMissing: true });
    await root?.close();
    await traps?.restore();
  });

  it('creates a namespace the way ip netns add does', async () => {
    assert.equal(await root.namespaceExists(ns), false);
    await root.createNamespace(ns);
    assert.equal(await root.namespaceExists(ns), true);
    assert.ok((await root.listNamespaces()).includes(ns));
    assert.ok((await stat(`/run/netns/${ns}`)).isFile());
    const links = await root.inNamespace(ns).listLinks();
    assert.deepEqual(
      links.map((l) => l.name),
      ['lo'],
      'a fresh namespace holds only lo',
    );
  });

  it('refuses to create it twice', async () => {
    await assert.rejects(root.createNamespace(ns), (e: unknown) => {
      assert.ok(isStratoError(e, 'ALREADY_EXISTS'), String(e));
      assert.equal(netlinkErrnoCode(e), 'EEXIST');
      return true;
    });
  });

  it('answers NOT_FOUND for work in a namespace that does not exist', async () => {
    await assert.rejects(root.inNamespace('strato-nlt-none').listLinks(), (e: unknown) => {
      assert.ok(isStratoError(e, 'NOT_FOUND'), String(e));
      assert.equal(netlinkErrnoCode(e), 'ENOENT');
      return true;
    });
  });

  it('opens a client bound to a namespace directly', async () => {
    const direct = await openNetlink({ namespace: ns });
    try {
      await direct.createBridge('brdirect');
      assert.equal((await root.inNamespace(ns).getLink('brdirect')).kind, 'bridge');
      assert.equal(await root.findLink('brdirect'), undefined);
    } finally {
      await direct.close();
    }
  });

  it('keeps working after an idle namespace worker was closed', async () => {
    const inNs = root.inNamespace(ns);
    await inNs.createBridge('bridle');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await inNs.getLink('bridle')).kind, 'bridge');
  });

  it('deletes a namespace, and the veth ends it held with it', async () => {
    await root.createNamespace(other);
    const inNs = root.inNamespace(ns);
    await inNs.createVeth('gone0', 'gone1', { peerNamespace: other });
    assert.ok(await root.inNamespace(other).findLink('gone1'));
    await root.deleteNamespace(ns);
    assert.equal(await root.namespaceExists(ns), false);
    assert.ok(!(await root.listNamespaces()).includes(ns));
    // The kernel frees the namespace asynchronously; its veth pair goes with it.
    await waitFor(
      () => root.inNamespace(other).findLink('gone1'),
      (link) => link === undefined,
      { what: 'the veth end to go with the namespace (nothing pinned it)', timeoutMs: 5000, intervalMs: 50 },
    );
    await assert.rejects(root.deleteNamespace(ns), (e: unknown) => isStratoError(e, 'NOT_FOUND'));
    await root.deleteNamespace(ns, { ignoreMissing: true });
  });

  it('never ran ip or virsh', () => {
    assert.equal(traps.spawned(), false, `a tool was spawned: see ${traps.marker}`);
  });
});
