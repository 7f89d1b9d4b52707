// Block storage across simulated hosts, all real: two compute hosts (h0, h1) and a
// third, h2, that is the storage host (file backend, its own tgtd, the portal on its
// underlay address). Guests reach their volumes over iSCSI from their host's QEMU.
// In order: a guest on h0 writes a pattern to a volume (the checksum is the
// pattern's), sees it grow while attached with no I/O error, lets it go; a guest on
// h1 reads the same checksum; the target refuses a wrong CHAP password, another
// initiator name, and the right name and password from another host's address;
// tgtd restarted while a guest writes has its targets back within 10 s and the
// guest's writes complete with no I/O error. Last, bad input through the API and the
// CLI: precise errors naming the field, and nothing changes (not the store's revision,
// not what the hosts hold).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../common/errors.ts';
import { waitFor } from '../harness/wait.ts';
import { volumePatternSha256 } from '../integration/image/volume-pattern.ts';
import type { CloudHost } from './lib/cloud.ts';
import { strato, stratoOk } from './lib/cli.ts';
import { useCloud } from './lib/fixture.ts';
import { iscsiProbe, tcpConnect } from './lib/iscsi-probe.ts';
import { BOOT_TIMEOUT_MS } from './lib/servers.ts';
import { attachmentRecords, changesSince, quietRevision } from './lib/store-view.ts';
import { exportMismatches } from './lib/volume-hosts.ts';
import {
  attach,
  createVolume,
  deleteVolume,
  detach,
  GiB,
  lastChecksum,
  type Volume,
  vol,
  volumeErrors,
  waitStatus,
} from './lib/volumes.ts';

const GUEST_MS = 240_000;
/** Writes in a row through the tgtd restart, 2 MiB each (a few seconds each under TCG). */
const WRITES = 20;

describe('volumes across hosts (e2e: 2 compute hosts, a storage host with tgtd, TCG guests)', {
  timeout: 900_000,
}, () => {
  const cloud = useCloud({ hosts: 3, storage: { 2: { backend: 'file' } } });
  const made = { servers: [] as string[], volumes: [] as string[] };
  cloud.beforeStop(async (c) => {
    await Promise.all(made.servers.map((id) => c.servers.deleteAndWait(id, 90_000).catch(() => undefined)));
    for (const id of made.volumes) await deleteVolume(c.admin, id);
    assert.deepEqual(await exportMismatches(c), [], 'the hosts hold nothing of the deleted volumes');
  });
  let v: Volume;
  let w: Volume;
  let a: string;
  let b: string;
  const lines = (id: string) => cloud().servers.consoleLines(id);
  const noVolumeErrors = async (id: string) => assert.deepEqual(volumeErrors(await lines(id)), [], `guest ${id}`);

  it('makes two volumes on the storage host and boots a guest on each compute host', async () => {
    const c = cloud();
    const [h0, h1, h2] = c.hosts.map((h) => h.id);
    v = await createVolume(c.admin, { name: 'travels', sizeGib: 1 });
    w = await createVolume(c.admin, { name: 'busy', sizeGib: 1 });
    made.volumes.push(v.id, w.id);
    assert.deepEqual([v.host, w.host], [h2, h2], 'the only storage host holds them');
    // A writes V and watches its size; B reads V once it comes, and writes W in a loop
    // (each write flushed) once that comes, then reads back what it wrote last.
    const userDataA = [vol(`watch-size ${v.id} 1800 &`), vol(`write ${v.id} 4 seedA`)];
    const loop = [
      vol(`wait ${w.id}`),
      `i=0; while [ $i -lt ${WRITES} ]; do i=$((i+1)); echo E2E-W-T $(cut -d' ' -f1 /proc/uptime); ${vol(`write ${w.id} 2 w$i`, 60)} || break; done`,
      "echo E2E-W-T $(cut -d' ' -f1 /proc/uptime)",
      `echo E2E-LOOP-END $i`,
      vol(`read ${w.id} 2`, 60),
    ];
    const userDataB = [`${vol(`read ${v.id} 4`)} &`, `(${loop.join('; ')}) &`];
    const boot = async (name: string, host: string, script: string[]) => {
      const s = await c.servers.create({
        name,
        image: 'testvm',
        flavor: 'm1.tiny',
        host,
        userData: Buffer.from(`#!/bin/sh\n${script.join('\n')}\n`),
      });
      made.servers.push(s.id);
      await c.servers.waitForState(s.id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
      await c.servers.waitForConsole(s.id, 'STRATO-USERDATA-BEGIN', GUEST_MS);
      return s.id;
    };
    [a, b] = await Promise.all([boot('vol-a', h0!, userDataA), boot('vol-b', h1!, userDataB)]);
  });

  it('a guest on h0 writes a pattern to its volume (on h2); the checksum it prints is the pattern’s', async () => {
    const c = cloud();
    const attached = await attach(c.admin, a, v.id);
    assert.deepEqual(
      attached.attachments.map((x) => [x.serverId, x.device]),
      [[a, 'vdc']],
    );
    await c.servers.waitForConsole(a, `E2E-VOL-WRITE ${v.id} `, GUEST_MS);
    assert.equal(lastChecksum(await lines(a), 'E2E-VOL-WRITE', v.id), volumePatternSha256('seedA', 4));
    assert.deepEqual(await exportMismatches(c), []);
  });

  it('extended while attached (strato volume set --size): the guest sees the new size, no I/O error', async () => {
    const c = cloud();
    await stratoOk(c, ['volume', 'set', '--size', '2', '--wait', v.id]);
    const grown = await waitStatus(c.admin, v.id, 'in-use');
    assert.equal(grown.sizeGib, 2);
    await c.servers.waitForConsole(a, `E2E-VOL-SIZE ${v.id} ${2 * GiB}`, 60_000);
    await noVolumeErrors(a);
  });

  it('detached from h0 and attached on h1 (strato server add volume): the guest there reads the same checksum', async () => {
    const c = cloud();
    await detach(c.admin, a, v.id);
    await c.servers.waitForConsole(a, `E2E-VOL-GONE ${v.id}`, 60_000);
    await stratoOk(c, ['server', 'add', 'volume', '--wait', b, v.id]);
    await c.servers.waitForConsole(b, `E2E-VOL-READ ${v.id} `, GUEST_MS);
    assert.equal(lastChecksum(await lines(b), 'E2E-VOL-READ', v.id), volumePatternSha256('seedA', 4));
    await noVolumeErrors(b);
    assert.deepEqual(await exportMismatches(c), []);
  });

  it('the target admits only its attachment: wrong CHAP, another initiator name, another host are refused', async () => {
    const c = cloud();
    const [h0, h1, h2] = c.hosts as [CloudHost, CloudHost, CloudHost];
    const rec = attachmentRecords(c).find((r) => r.volumeId === v.id);
    assert.ok(rec, 'the attachment is recorded');
    assert.equal(rec.computeHost, h1.id);
    const right = {
      portal: `${h2.sim.underlayIp}:3260`,
      volumeId: v.id,
      initiatorName: `iqn.2026-01.io.strato:host:${h1.id}`,
      chapSecret: rec.chapSecret,
    };
    // The right name, CHAP and address open it (so the refusals below are the target's).
    const ok = await iscsiProbe(h1, right);
    assert.equal(ok.ok, true, ok.output);
    assert.equal(ok.virtualSize, 2 * GiB);
    const refused: [string, CloudHost, typeof right, RegExp][] = [
      // tgt's answers (HOST-FACTS): a bad password fails CHAP, a name not in the ACL sees no target.
      [
        'a wrong CHAP password',
        h1,
        { ...right, chapSecret: `${rec.chapSecret.slice(0, -4)}XXXX` },
        /Authentication failure/,
      ],
      [
        'the right CHAP with another initiator name',
        h1,
        { ...right, initiatorName: `iqn.2026-01.io.strato:host:${h0.id}` },
        /Target not found/,
      ],
      // The address filter resets the connection before any login (libiscsi's words for it).
      ["the right name and CHAP from another host's address", h0, right, /Can not reconnect/],
    ];
    for (const [what, from, probe, why] of refused) {
      const r = await iscsiProbe(from, probe);
      assert.equal(r.ok, false, `${what}: admitted`);
      assert.match(r.output, why, `${what}: ${r.output.slice(-300)}`);
    }
    assert.match(await tcpConnect(h0, right.portal), /Connection refused/, 'another host cannot even connect');
    assert.equal(await tcpConnect(h1, right.portal), '', 'the attachment’s host connects');
    // The guest's own session never noticed.
    await noVolumeErrors(b);
  });

  it('tgtd restarted while a guest writes: its targets are back within 10 s, the writes complete without I/O error', async () => {
    const c = cloud();
    const storage = c.hosts[2]!;
    const tgtd = storage.sim.tgtd!;
    await attach(c.admin, b, w.id);
    await c.servers.waitForConsole(b, `E2E-VOL-WRITE ${w.id} `, GUEST_MS);
    const targetsBefore = (await tgtd.targets()).map((t) => t.iqn).sort();
    assert.equal(targetsBefore.length, 2, 'V and W are exported');
    const doneBeforeKill = (await lines(b)).filter((l) => l.includes(`E2E-VOL-WRITE ${w.id} `)).length;
    await tgtd.kill();
    const restartedAt = Date.now();
    await tgtd.start();
    await waitFor(
      async () => (await tgtd.targets()).map((t) => t.iqn).sort(),
      (t) => t.join() === targetsBefore.join(),
      {
        what: 'the targets back in the restarted tgtd',
        timeoutMs: 10_000,
        intervalMs: 100,
      },
    );
    process.stderr.write(`targets back ${Date.now() - restartedAt} ms after tgtd restarted\n`);
    await c.servers.waitForConsole(b, 'E2E-LOOP-END', GUEST_MS);
    await c.servers.waitForConsole(b, `E2E-VOL-READ ${w.id} `, 60_000);
    const out = await lines(b);
    assert.match(out.find((l) => l.includes('E2E-LOOP-END')) ?? '', new RegExp(`E2E-LOOP-END ${WRITES}\\b`));
    const starts = out.filter((l) => l.includes('E2E-W-T')).map((l) => Number(l.split(' ').at(-1)));
    const took = starts.slice(1).map((t, i) => (t - starts[i]!).toFixed(1));
    process.stderr.write(`${doneBeforeKill} writes done before the kill; each took (guest s): ${took.join(' ')}\n`);
    assert.ok(doneBeforeKill <= WRITES - 2, 'writes were still coming when tgtd went down');
    const written = out.filter((l) => l.includes(`E2E-VOL-WRITE ${w.id} `)).map((l) => l.split(' ').at(-1));
    assert.deepEqual(
      written,
      Array.from({ length: WRITES }, (_, i) => volumePatternSha256(`w${i + 1}`, 2)),
      'every write completed with its own data',
    );
    assert.equal(
      lastChecksum(out, 'E2E-VOL-READ', w.id),
      volumePatternSha256(`w${WRITES}`, 2),
      'the last write is on the volume',
    );
    await noVolumeErrors(b);
    assert.deepEqual(await exportMismatches(c), []);
  });

  it('bad input gets a precise error naming the field, and changes nothing', async () => {
    const c = cloud();
    await c.admin.identity.CreateProject({ name: 'others' });
    await c.admin.identity.CreateUser({ name: 'olga', password: 'olga-secret-pw', project: 'others', role: 'member' });
    const olga = await c.api();
    await olga.login('olga', 'olga-secret-pw', 'others');
    const theirs = await createVolume(olga, { name: 'theirs', sizeGib: 1 });
    made.volumes.push(theirs.id);
    const spare = await createVolume(c.admin, { name: 'spare', sizeGib: 1 });
    made.volumes.push(spare.id);
    // A server in ERROR: the scheduler finds no host called so.
    const broken = await c.servers.create({ name: 'broken', image: 'testvm', flavor: 'm1.tiny', host: 'nowhere' });
    made.servers.push(broken.id);
    await c.servers.waitForState(broken.id, 'ERROR', undefined, 60_000);

    const before = { revision: await quietRevision(c), hosts: await exportMismatches(c) };
    const volumesBefore = (await c.admin.volumes.ListVolumes({ allProjects: true })).volumes;
    const free = (await c.admin.volumes.ListVolumeBackends({})).backends[0]!.freeBytes;
    const cases: [string, () => Promise<unknown>, string, string, string][] = [
      [
        'size 0',
        () => c.admin.volumes.CreateVolume({ name: 'x', sizeGib: 0 }),
        'INVALID_ARGUMENT',
        'SIZE_INVALID',
        'size_gib',
      ],
      // uint32 on the wire: -1 arrives as 4294967295.
      [
        'size -1',
        () => c.admin.volumes.CreateVolume({ name: 'x', sizeGib: -1 }),
        'INVALID_ARGUMENT',
        'SIZE_INVALID',
        'size_gib',
      ],
      [
        'beyond any host’s capacity',
        () => c.admin.volumes.CreateVolume({ name: 'x', sizeGib: 19 }),
        'RESOURCE_EXHAUSTED',
        'INSUFFICIENT_CAPACITY',
        '',
      ],
      [
        'a shrink',
        () => c.admin.volumes.ExtendVolume({ volume: v.id, newSizeGib: 1 }),
        'INVALID_ARGUMENT',
        'VOLUME_SHRINK_REFUSED',
        'new_size_gib',
      ],
      [
        'growing beyond the host’s capacity',
        () => c.admin.volumes.ExtendVolume({ volume: v.id, newSizeGib: 30 }),
        'RESOURCE_EXHAUSTED',
        'INSUFFICIENT_CAPACITY',
        '',
      ],
      [
        'attaching a volume in use by another server',
        () => c.admin.serverVolumes.AddServerVolume({ server: a, volume: v.id, device: '' }),
        'FAILED_PRECONDITION',
        'VOLUME_IN_USE',
        '',
      ],
      [
        'attaching to a server in ERROR',
        () => c.admin.serverVolumes.AddServerVolume({ server: broken.id, volume: spare.id, device: '' }),
        'FAILED_PRECONDITION',
        'INVALID_STATE',
        '',
      ],
      [
        "attaching another project's volume",
        () => c.admin.serverVolumes.AddServerVolume({ server: a, volume: theirs.id, device: '' }),
        'NOT_FOUND',
        'VOLUME_NOT_FOUND',
        '',
      ],
      [
        "another project's volume: show",
        () => olga.volumes.GetVolume({ volume: v.id }),
        'NOT_FOUND',
        'VOLUME_NOT_FOUND',
        '',
      ],
      [
        "another project's volume: extend",
        () => olga.volumes.ExtendVolume({ volume: v.id, newSizeGib: 3 }),
        'NOT_FOUND',
        'VOLUME_NOT_FOUND',
        '',
      ],
      [
        "another project's volume: delete",
        () => olga.volumes.DeleteVolume({ volume: v.id }),
        'NOT_FOUND',
        'VOLUME_NOT_FOUND',
        '',
      ],
      [
        "another project's volume: copy",
        () => olga.volumes.CreateVolume({ name: 'copy', sizeGib: 0, sourceVolume: v.id }),
        'NOT_FOUND',
        'VOLUME_NOT_FOUND',
        '',
      ],
      [
        "another project's volume: detach",
        () => olga.serverVolumes.RemoveServerVolume({ server: b, volume: v.id }),
        'NOT_FOUND',
        'SERVER_NOT_FOUND',
        '',
      ],
    ];
    for (const [what, call, code, reason, field] of cases) {
      const err = await call().then(
        () => assert.fail(`${what}: accepted`),
        (e: unknown) => e,
      );
      assert.ok(err instanceof StratoError, `${what}: ${String(err)}`);
      assert.deepEqual(
        [err.code, err.reason, err.details.field ?? ''],
        [code, reason, field],
        `${what}: ${err.message}`,
      );
      assert.ok(err.message.length < 400, `${what}: a short message`);
    }
    // The user's path: the CLI refuses sizes ≤ 0 itself (usage, exit 2) and shows the API's refusals (exit 1).
    for (const size of ['0', '-1']) {
      const r = await strato(c, ['volume', 'create', '--size', size, 'x']);
      assert.equal(r.code, 2, `--size ${size}: ${r.stderr}`);
      assert.match(r.stderr, /--size/);
    }
    const shrink = await strato(c, ['volume', 'set', '--size', '1', v.id]);
    assert.equal(shrink.code, 1, shrink.stderr);
    assert.match(shrink.stderr, /VOLUME_SHRINK_REFUSED|shrink/i);
    const inUse = await strato(c, ['server', 'add', 'volume', a, v.id]);
    assert.equal(inUse.code, 1, inUse.stderr);
    assert.match(inUse.stderr, new RegExp(b));

    assert.deepEqual(changesSince(c, before.revision), [], 'a refused call changes nothing in the store');
    assert.deepEqual(await exportMismatches(c), before.hosts);
    assert.deepEqual((await c.admin.volumes.ListVolumes({ allProjects: true })).volumes, volumesBefore);
    assert.equal((await c.admin.volumes.ListVolumeBackends({})).backends[0]!.freeBytes, free, 'nothing claimed');
  });
});
