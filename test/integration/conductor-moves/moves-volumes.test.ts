// Moves of servers with volumes through the conductor's real workflow driver,
// claimer, store and block storage (conductor/volumes: attachment records, export
// locks, server-volumes), with FAKE agents (test/harness/fake-move-agents.ts for
// the compute hosts, test/unit/volumes/fake-volume-agents.ts for the storage host,
// which keeps the export each call asks for). For each verb: while the server
// moves, its volume's export admits both hosts (and the destination gets the
// volume under its own initiator name); at the end exactly one host is admitted —
// the destination after a success, the source after an abort, a failure or a
// revert — and the attachment names it. A conductor restarted mid-move finishes it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InstanceRecord } from '../../../conductor/compute/instance-record.ts';
import type { InstanceVolume, ServerVolumes } from '../../../conductor/compute/volumes.ts';
import { attachmentKey } from '../../../conductor/volumes/keys.ts';
import type { AttachmentRecord } from '../../../conductor/volumes/model.ts';
import { serverVolumes } from '../../../conductor/volumes/server-volumes.ts';
import { alice, type Fixture, fixture, until } from '../../unit/volumes/fixture.ts';
import { admin, MoveLab, member } from './move-fixture.ts';

const IP = { 'hv-a': '192.0.2.10', 'hv-b': '192.0.2.11' } as const;
type Host = keyof typeof IP;
const iqn = (h: string) => `iqn.2026-01.io.strato:host:${h}`;
const hostOf = (name: string) => name.replace('iqn.2026-01.io.strato:host:', '');

describe('conductor moves of servers with volumes (fake agents, real block storage records)', () => {
  let f: Fixture;
  let volumes: ServerVolumes;
  let lab: MoveLab;
  let seq = 0;

  before(async () => {
    f = await fixture();
    await f.storageHost('st-1', 100);
    for (const h of ['hv-a', 'hv-b'] as const) await f.computeHost(h, IP[h]);
    volumes = serverVolumes({ storage: f.bs, hosts: f.hosts, agents: f.agents, detachTimeoutS: 1 });
    lab = await MoveLab.start(['hv-a', 'hv-b'], { volumes });
  });
  after(async () => {
    await lab?.close();
    await f?.close();
  });

  /** A server at rest on `host` with a volume attached (exported to `host`, in-use), as an attach leaves it. */
  async function serverWithVolume(
    host: Host,
    o: { power?: 'running' | 'shutdown'; boot?: boolean } = {},
  ): Promise<{ id: string; volumeId: string }> {
    const id = await lab.server(host, { power: o.power ?? 'running' });
    const empty = { kind: 'empty' as const };
    const v = await f.bs.volumes.create(
      alice,
      { name: `mv-${++seq}`, description: '', sizeGib: 1, source: empty, backend: '' },
      `r-v${seq}`,
    );
    await until(
      'available',
      () => f.bs.volumes.get(alice, v.id),
      (x) => x.volume.status === 'available',
    );
    const rec = await lab.record(id);
    const boot = o.boot ?? false;
    const iv: InstanceVolume = { volumeId: v.id, device: boot ? 'vda' : 'vdc', boot, deleteOnTermination: false };
    const w = await volumes.attachWrite({ id, name: rec.name, projectId: rec.projectId, host }, iv);
    assert.ok((await f.store.txn(w.compares, w.ops)).succeeded);
    await volumes.export(v.id, host, new AbortController().signal);
    await volumes.attached(v.id, id);
    await lab.store.update(`/instances/${id}`, { ...rec, volumes: [iv] } satisfies InstanceRecord);
    return { id, volumeId: v.id };
  }

  /** The hosts the storage host admits for the volume (by initiator name), and their addresses. */
  function admitted(volumeId: string): { hosts: string[]; addresses: string[] } {
    const e = f.agents.host('st-1').exports.get(volumeId);
    if (!e) return { hosts: [], addresses: [] };
    const all = [
      { name: e.initiatorName ?? '', address: e.initiatorAddress ?? '' },
      ...(e.alsoAdmit ?? []).map((a) => ({ name: a.name ?? '', address: a.address ?? '' })),
    ];
    return { hosts: all.map((a) => hostOf(a.name)).sort(), addresses: all.map((a) => a.address).sort() };
  }

  async function attachment(volumeId: string): Promise<AttachmentRecord> {
    return (await f.store.get<AttachmentRecord>(attachmentKey(volumeId))).value;
  }

  /** At rest on `host`: the attachment names it alone, and only it is admitted. */
  async function restsOn(volumeId: string, host: Host): Promise<void> {
    const a = await attachment(volumeId);
    assert.equal(a.computeHost, host, 'the attachment names the host the server is on');
    assert.equal(a.incomingHost, undefined, 'no move destination left on the attachment');
    assert.deepEqual(admitted(volumeId), { hosts: [host], addresses: [IP[host]] }, 'exactly one host admitted');
  }

  /** While moving from `src` to `dest`: both admitted, with the same CHAP secret; the destination recorded. */
  async function admitsBoth(volumeId: string, src: Host, dest: Host): Promise<void> {
    const a = await attachment(volumeId);
    assert.deepEqual([a.computeHost, a.incomingHost], [src, dest]);
    assert.deepEqual(admitted(volumeId), { hosts: [src, dest].sort(), addresses: [IP[src], IP[dest]].sort() });
    assert.equal(f.agents.host('st-1').exports.get(volumeId)?.chapSecret, a.chapSecret);
  }

  /** The destination was prepared with the volume under its own initiator name. */
  function preparedWith(id: string, dest: Host, volumeId: string, boot = false) {
    const spec = lab.agents.incomingSpecs.get(`${dest}/${id}`);
    const v = boot ? spec?.bootVolume : spec?.volumes?.[0];
    assert.equal(v?.volumeId, volumeId);
    assert.equal(v?.initiatorName, iqn(dest), 'the destination opens the volume under its own name');
    assert.equal(v?.chapSecret, f.agents.host('st-1').exports.get(volumeId)?.chapSecret);
  }

  it('live migration: both hosts admitted while it runs; the destination alone afterwards', async () => {
    const { id, volumeId } = await serverWithVolume('hv-a');
    await restsOn(volumeId, 'hv-a');
    lab.agents.gated = true;
    try {
      const m = await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-vlive');
      await lab.atStep(id, 'move-wait');
      await admitsBoth(volumeId, 'hv-a', 'hv-b');
      preparedWith(id, 'hv-b', volumeId);
      // The export reconcile (periodic, or a storage agent's re-registration) calls for both too.
      await f.bs.exports.pass('st-1');
      await admitsBoth(volumeId, 'hv-a', 'hv-b');
      lab.agents.finish(id);
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-b');
      assert.equal(r.vmState, 'ACTIVE');
      assert.equal((await lab.migration(m.id)).status, 'finished');
    } finally {
      lab.agents.gated = false;
    }
    await restsOn(volumeId, 'hv-b');
    await f.bs.exports.pass('st-1');
    await restsOn(volumeId, 'hv-b');
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-b']);
    assert.equal((await f.bs.volumes.get(alice, volumeId)).volume.status, 'in-use');
    assert.deepEqual(await lab.usageMatchesClaims(), []);
  });

  it('cold migration of a stopped server: it arrives stopped, the volume admits the destination alone', async () => {
    const { id, volumeId } = await serverWithVolume('hv-b', { power: 'shutdown' });
    await lab.moves.migrate({ server: id, live: false, host: '', bandwidthMibS: 0 }, admin, 'r-vcold');
    const r = await lab.settled(id);
    assert.deepEqual([r.host, r.vmState], ['hv-a', 'SHUTOFF']);
    preparedWith(id, 'hv-a', volumeId);
    await restsOn(volumeId, 'hv-a');
  });

  it('abort: the destination loses its access, the source keeps the volume', async () => {
    const { id, volumeId } = await serverWithVolume('hv-a');
    lab.agents.gated = true;
    try {
      const m = await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-vabort');
      await lab.atStep(id, 'move-wait');
      await admitsBoth(volumeId, 'hv-a', 'hv-b');
      await lab.moves.abort(m.id, admin, 'r-vabort2');
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-a');
      assert.equal((await lab.migration(m.id)).status, 'cancelled');
    } finally {
      lab.agents.gated = false;
    }
    await restsOn(volumeId, 'hv-a');
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-a'], 'nothing left on the destination');
  });

  it('a failed copy: rolled back, the source alone admitted', async () => {
    const { id, volumeId } = await serverWithVolume('hv-a');
    lab.agents.gated = true;
    try {
      const m = await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-vfail');
      await lab.atStep(id, 'move-wait');
      lab.agents.finish(id, 'FAILED');
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-a');
      assert.equal((await lab.migration(m.id)).status, 'error');
    } finally {
      lab.agents.gated = false;
    }
    await restsOn(volumeId, 'hv-a');
  });

  it('resize: both admitted while it waits for confirm; confirm leaves the destination, revert the source', async () => {
    const p = member('p1');
    const kept = await serverWithVolume('hv-a');
    await lab.moves.resize(kept.id, 'big', p, 'r-vresize');
    const waiting = await lab.settled(kept.id);
    assert.deepEqual([waiting.vmState, waiting.host], ['RESIZED', 'hv-b']);
    // The source keeps its stopped copy for a revert: it keeps its access too.
    await admitsBoth(kept.volumeId, 'hv-a', 'hv-b');
    await lab.moves.confirm(kept.id, p, 'r-vconfirm');
    assert.equal((await lab.settled(kept.id)).host, 'hv-b');
    await restsOn(kept.volumeId, 'hv-b');

    const back = await serverWithVolume('hv-a');
    await lab.moves.resize(back.id, 'big', p, 'r-vresize2');
    await lab.settled(back.id);
    await admitsBoth(back.volumeId, 'hv-a', 'hv-b');
    await lab.moves.revert(back.id, p, 'r-vrevert');
    const reverted = await lab.settled(back.id);
    assert.deepEqual([reverted.host, reverted.vmState], ['hv-a', 'ACTIVE']);
    await restsOn(back.volumeId, 'hv-a');
    assert.deepEqual(lab.agents.hostsOf(back.id), ['hv-a']);
    assert.deepEqual(await lab.usageMatchesClaims(), []);
  });

  it('boot from volume: the root volume is handed to the destination as its boot volume, then follows it', async () => {
    const { id, volumeId } = await serverWithVolume('hv-b', { boot: true });
    await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-vbfv');
    const r = await lab.settled(id);
    assert.equal(r.host, 'hv-a');
    preparedWith(id, 'hv-a', volumeId, true);
    await restsOn(volumeId, 'hv-a');
  });

  it('drain moves a server with a volume; a conductor restarted mid-move finishes it', async () => {
    const { id, volumeId } = await serverWithVolume('hv-b');
    lab.agents.gated = true;
    try {
      const out = await lab.moves.drain('hv-b', admin, 'r-vdrain');
      const mine = out.find((x) => x.serverId === id);
      assert.equal(mine?.kind, 'live', mine?.error);
      await lab.atStep(id, 'move-wait');
      await admitsBoth(volumeId, 'hv-b', 'hv-a');
      await lab.stop();
      lab.open();
      await lab.driver.resumeAll();
      lab.agents.finish(id);
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-a');
    } finally {
      lab.agents.gated = false;
    }
    await restsOn(volumeId, 'hv-a');
  });

  it('a storage host that does not answer holds the move back; it goes on once the host answers', async () => {
    const { id, volumeId } = await serverWithVolume('hv-a');
    f.agents.silent.add('st-1');
    try {
      await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-vsilent');
      await lab.atStep(id, 'move-volumes');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal((await lab.record(id)).workflow?.step, 'move-volumes', 'waits before preparing the destination');
      assert.equal(lab.agents.incomingSpecs.has(`hv-b/${id}`), false);
    } finally {
      f.agents.silent.delete('st-1');
    }
    const r = await lab.settled(id, 20_000);
    assert.equal(r.host, 'hv-b');
    await restsOn(volumeId, 'hv-b');
  });
});
