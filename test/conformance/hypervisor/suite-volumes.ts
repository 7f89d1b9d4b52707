// Volume disks and their secrets. A volume's CHAP password lives in a secret keyed by
// the volume id; its disk is hot-plugged (live and definition, or the definition only
// when stopped), recorded in the metadata, block-resized when the storage host grew
// it, and unplugged once the guest released it. All idempotent (the conductor
// retries), and a refused login leaves nothing behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import type { TestContext } from 'node:test';
import { cleanSecret, freshId, rejectsWith, type SubjectVolume, type SuiteContext } from './suite-helpers.ts';

const MiB = 1024 * 1024;

interface Setup {
  /** Start the domain. */
  running?: boolean;
  /** Wait for the guest's OS (it answers unplug requests). */
  guestUp?: boolean;
  /** The secret's value. @default the right CHAP password */
  password?: string;
}

/** A defined domain (started, if asked) and a volume whose secret is set, all removed when the test ends. */
async function domainAndVolume(
  t: TestContext,
  c: SuiteContext,
  o: Setup = {},
): Promise<{ id: string; v: SubjectVolume }> {
  const { hv } = c.s;
  const id = freshId(t, c.s);
  await hv.define(await c.s.spec(id));
  if (o.running) await hv.start(id);
  const v = await c.s.volume();
  cleanSecret(t, c.s, v.spec.id);
  await hv.setVolumeSecret(v.spec.id, o.password ?? v.chapSecret);
  if (o.guestUp) await c.s.guestUp(id);
  return { id, v };
}

export function volumeTests(c: SuiteContext): void {
  test('secrets: set, replace, list, remove; repeats are no-ops', async (t) => {
    const { hv } = c.s;
    const v = await c.s.volume();
    cleanSecret(t, c.s, v.spec.id);
    await hv.setVolumeSecret(v.spec.id, 'first-password-000');
    await hv.setVolumeSecret(v.spec.id, v.chapSecret);
    assert.ok((await hv.volumeSecrets()).includes(v.spec.id));
    await hv.removeVolumeSecret(v.spec.id);
    await hv.removeVolumeSecret(v.spec.id);
    assert.ok(!(await hv.volumeSecrets()).includes(v.spec.id));
  });

  test('a stopped domain: attach and detach change the definition and the metadata; targets are guarded', async (t) => {
    const { hv } = c.s;
    const { id, v } = await domainAndVolume(t, c);
    const w = await c.s.volume();
    await hv.attachVolume(id, v.spec);
    await hv.attachVolume(id, v.spec);
    assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.spec.id, target: 'vdc' }]);

    const refused = async (p: Promise<void>, reason: string): Promise<void> =>
      assert.rejects(p, (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === reason, reason);
    await refused(hv.attachVolume(id, w.spec), 'DEVICE_IN_USE');
    await refused(hv.attachVolume(id, { ...w.spec, target: 'vda' }), 'DEVICE_IN_USE');
    await refused(hv.attachVolume(id, { ...v.spec, target: 'vdd' }), 'VOLUME_ATTACHED_ELSEWHERE');
    assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.spec.id, target: 'vdc' }], 'refusals changed nothing');

    await hv.resizeVolume(id, v.spec.id, v.sizeBytes * 2);
    await rejectsWith(hv.resizeVolume(id, w.spec.id, w.sizeBytes), 'NOT_FOUND', 'resize of a volume not attached');
    await hv.detachVolume(id, v.spec.id);
    await hv.detachVolume(id, v.spec.id);
    await hv.detachVolume(id, w.spec.id);
    assert.deepEqual((await hv.metadata(id))?.volumes, []);
    assert.equal(await hv.powerState(id), 'shutdown');
  });

  test('a running guest: attach, resize after the storage host grew it, shrink refused, detach once released', async (t) => {
    const { hv } = c.s;
    const { id, v } = await domainAndVolume(t, c, { running: true, guestUp: true });
    await hv.attachVolume(id, v.spec);
    await hv.attachVolume(id, v.spec);
    assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.spec.id, target: 'vdc' }]);

    await hv.resizeVolume(id, v.spec.id, v.sizeBytes);
    const grown = v.sizeBytes + 16 * MiB;
    await c.s.growVolume(v, grown);
    await hv.resizeVolume(id, v.spec.id, grown);
    await hv.resizeVolume(id, v.spec.id, grown);
    await assert.rejects(
      hv.resizeVolume(id, v.spec.id, v.sizeBytes),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'VOLUME_SHRINK_REFUSED',
    );

    await hv.detachVolume(id, v.spec.id, { timeoutMs: 120_000 });
    await hv.detachVolume(id, v.spec.id);
    assert.deepEqual((await hv.metadata(id))?.volumes, []);
    await rejectsWith(hv.resizeVolume(id, v.spec.id, grown), 'NOT_FOUND', 'resize after detach');
    assert.equal(await hv.powerState(id), 'running');
  });

  test('a refused login (wrong CHAP) is UNAVAILABLE and leaves nothing; without its secret, NOT_FOUND', async (t) => {
    const { hv } = c.s;
    const { id, v } = await domainAndVolume(t, c, { running: true, password: 'not-the-password-0' });
    await assert.rejects(
      hv.attachVolume(id, v.spec),
      (e) => isStratoError(e, 'UNAVAILABLE') && e.reason === 'VOLUME_UNREACHABLE' && /iSCSI/.test(e.message),
    );
    assert.deepEqual((await hv.metadata(id))?.volumes, []);
    await hv.removeVolumeSecret(v.spec.id);
    await rejectsWith(hv.attachVolume(id, v.spec), 'NOT_FOUND', 'attach without the secret');
    // Nothing holds vdc: the right password attaches there now.
    await hv.setVolumeSecret(v.spec.id, v.chapSecret);
    await hv.attachVolume(id, v.spec);
    assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.spec.id, target: 'vdc' }]);
  });

  test('a domain whose volume secret is missing does not start (VOLUME_SECRET_MISSING), and does once it is back', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    const v = await c.s.volume();
    cleanSecret(t, c.s, v.spec.id);
    await hv.define({ ...(await c.s.spec(id)), volumes: [v.spec] });
    await assert.rejects(
      hv.start(id),
      (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'VOLUME_SECRET_MISSING',
    );
    assert.equal(await hv.powerState(id), 'shutdown');
    await hv.setVolumeSecret(v.spec.id, v.chapSecret);
    await hv.start(id);
    assert.equal(await hv.powerState(id), 'running');
  });

  test('boot from volume: the root disk is the volume, recorded as vda', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    const v = await c.s.volume();
    cleanSecret(t, c.s, v.spec.id);
    await hv.setVolumeSecret(v.spec.id, v.chapSecret);
    const spec = {
      ...(await c.s.spec(id)),
      imageId: '',
      rootDisk: { kind: 'volume' as const, volume: { ...v.spec, target: 'vda' } },
    };
    await hv.define(spec);
    assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.spec.id, target: 'vda' }]);
    await hv.start(id);
    assert.equal(await hv.powerState(id), 'running');
    const w = await c.s.volume();
    await assert.rejects(
      hv.attachVolume(id, { ...w.spec, target: 'vda' }),
      (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'DEVICE_IN_USE',
    );
  });

  test('a paused guest does not release a volume: DETACH_TIMEOUT, then a repeat once it runs again', async (t) => {
    const { hv } = c.s;
    const { id, v } = await domainAndVolume(t, c, { running: true, guestUp: true });
    await hv.attachVolume(id, v.spec);
    await hv.pause(id);
    await assert.rejects(
      hv.detachVolume(id, v.spec.id, { timeoutMs: 1500 }),
      (e) => isStratoError(e, 'DEADLINE_EXCEEDED') && e.reason === 'DETACH_TIMEOUT',
    );
    assert.deepEqual((await hv.metadata(id))?.volumes, [{ id: v.spec.id, target: 'vdc' }], 'still attached');
    await hv.unpause(id);
    await hv.detachVolume(id, v.spec.id, { timeoutMs: 120_000 });
    assert.deepEqual((await hv.metadata(id))?.volumes, []);
  });
}
