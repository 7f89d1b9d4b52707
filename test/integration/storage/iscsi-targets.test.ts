// The iSCSI target manager against a real tgtd (a private one in the lab's storage
// namespace) and QEMU's own initiator with CHAP: access control, idempotency,
// reconcile after tgtd lost its state (targets deleted by hand, and tgtd killed and
// restarted), the orphan targets it reports, and a LUN resized while an initiator stays logged in.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BackedVolumeDriver } from '../../../agent/storage/backed-volume-driver.ts';
import { FileBackend } from '../../../agent/storage/file/file-backend.ts';
import type { DesiredExport } from '../../../agent/storage/iscsi/export-plan.ts';
import { observeFilter } from '../../../agent/storage/iscsi/initiator-filter.ts';
import { chapUser, targetIqn } from '../../../agent/storage/iscsi/iscsi-names.ts';
import { TgtTargetManager } from '../../../agent/storage/iscsi/target-manager.ts';
import { log } from '../../../common/log.ts';
import { writeAt } from '../../conformance/volume-driver/path-io.ts';
import { type Login, TgtLab } from './tgt-lab.ts';

log.level = process.env.STRATO_LOG_LEVEL ?? 'error';

const MiB = 1024 * 1024;
const HOST_A = 'iqn.2026-01.io.strato:host:a';
const HOST_B = 'iqn.2026-01.io.strato:host:b';

let lab: TgtLab;
let manager: TgtTargetManager;
let driver: BackedVolumeDriver;
let dir: string;

before(async () => {
  lab = await new TgtLab().open();
  dir = await mkdtemp(join(tmpdir(), 'strato-iscsi-vols-'));
  driver = new BackedVolumeDriver(new FileBackend({ dir: join(dir, 'volumes'), wipe: 'zero' }));
  await driver.init();
  manager = new TgtTargetManager({
    tgtadm: lab.tgtadm,
    portal: { address: lab.targetIp, port: 3260 },
    netns: lab.targetNs,
  });
  await manager.init();
});

after(async () => {
  await lab?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const secret = (): string => randomBytes(18).toString('base64url');

/** A volume of `mib` MiB whose first 4 KiB hold `byte`, and the export of it to host A. */
async function volumeExport(mib = 8, byte = 0x5a): Promise<DesiredExport> {
  const volumeId = randomUUID();
  await driver.create({ volumeId, sizeBytes: mib * MiB, source: { kind: 'empty' } });
  const backingPath = await driver.localPath(volumeId);
  await writeAt(backingPath, 0, Buffer.alloc(4096, byte));
  return {
    volumeId,
    backingPath,
    sizeBytes: mib * MiB,
    initiatorName: HOST_A,
    initiatorAddress: lab.initiatorIp,
    chapSecret: secret(),
  };
}

const login = (d: DesiredExport, over: Partial<Login> = {}): Login => ({
  iqn: targetIqn(d.volumeId),
  user: chapUser(d.volumeId),
  secret: d.chapSecret,
  initiatorName: d.initiatorName,
  ...over,
});

const readsPattern = (out: string, byte: number): boolean =>
  out.includes('read 4096/4096 bytes') && !out.includes('Pattern verification failed') && byte >= 0;

test('init: the portal is on the storage address only (wildcards removed) and the filter guards it', async () => {
  assert.deepEqual(await lab.tgtadm.portals(), [{ address: lab.targetIp, port: 3260 }]);
  assert.deepEqual(await observeFilter(lab.targetNs), { portal: `${lab.targetIp}:3260`, rules: [] });
  await manager.init();
  assert.deepEqual(await lab.tgtadm.portals(), [{ address: lab.targetIp, port: 3260 }]);
});

test('right CHAP, name and address read what the backend wrote, and writes reach the volume', async () => {
  const d = await volumeExport();
  const info = await manager.export(d);
  assert.deepEqual(
    { ...info, sessions: 0 },
    {
      volumeId: d.volumeId,
      targetIqn: targetIqn(d.volumeId),
      lun: 1,
      portal: `${lab.targetIp}:3260`,
      chapUser: chapUser(d.volumeId),
      initiatorName: HOST_A,
      initiatorAddress: lab.initiatorIp,
      alsoAdmitted: [],
      backingPath: d.backingPath,
      sessions: 0,
    },
  );
  const r = await lab.qemuIo(login(d), ['read -P 0x5a 0 4096', 'write -P 0xc3 8192 4096']);
  assert.ok(readsPattern(r.out, 0x5a), r.out);
  const { readAt } = await import('../../conformance/volume-driver/path-io.ts');
  assert.deepEqual(await readAt(d.backingPath, 8192, 4096), Buffer.alloc(4096, 0xc3));
  await manager.unexport(d.volumeId);
});

test('refused: wrong CHAP secret, another initiator name, another source address', async () => {
  const d = await volumeExport();
  await manager.export(d);
  const right = await lab.qemuIo(login(d), ['read -P 0x5a 0 4096']);
  assert.ok(readsPattern(right.out, 0x5a), right.out);

  const wrongChap = await lab.qemuIo(login(d, { secret: secret() }), ['read 0 4096']);
  assert.notEqual(wrongChap.code, 0);
  assert.match(wrongChap.out, /Authentication failure/);

  const otherName = await lab.qemuIo(login(d, { initiatorName: HOST_B }), ['read 0 4096']);
  assert.notEqual(otherName.code, 0);
  assert.match(otherName.out, /Target not found|not found/i);

  const otherAddress = await lab.qemuIo(login(d, { from: lab.otherIp }), ['read 0 4096']);
  assert.notEqual(otherAddress.code, 0);
  assert.doesNotMatch(otherAddress.out, /read 4096\/4096/);
  await manager.unexport(d.volumeId);
});

test("a move: the destination is admitted too (name and address), then alone; the source's logins are refused", async () => {
  const d = await volumeExport();
  await manager.export(d);
  // B (another initiator name, logging in from another address) is refused before the move.
  const dest = login(d, { initiatorName: HOST_B, from: lab.otherIp });
  assert.notEqual((await lab.qemuIo(dest, ['read 0 4096'])).code, 0);
  const both = await manager.export({ ...d, alsoAdmit: [{ name: HOST_B, address: lab.otherIp }] });
  assert.deepEqual(both.alsoAdmitted, [{ name: HOST_B, address: lab.otherIp }]);
  for (const l of [login(d), dest]) {
    const r = await lab.qemuIo(l, ['read -P 0x5a 0 4096']);
    assert.ok(readsPattern(r.out, 0x5a), r.out);
  }
  // Arrived on B: B alone, same CHAP account.
  const moved = { ...d, initiatorName: HOST_B, initiatorAddress: lab.otherIp };
  const one = await manager.export(moved);
  assert.deepEqual([one.initiatorName, one.initiatorAddress, one.alsoAdmitted], [HOST_B, lab.otherIp, []]);
  const onB = await lab.qemuIo(dest, ['read -P 0x5a 0 4096']);
  assert.ok(readsPattern(onB.out, 0x5a), onB.out);
  assert.notEqual((await lab.qemuIo(login(d), ['read 0 4096'])).code, 0, "the source's name is refused");
  assert.notEqual(
    (await lab.qemuIo(login(moved, { from: lab.initiatorIp }), ['read 0 4096'])).code,
    0,
    "the source's address is refused",
  );
  await manager.unexport(d.volumeId);
});

test('export and unexport are idempotent; unexport leaves no target, account or filter rule', async () => {
  const d = await volumeExport();
  const first = await manager.export(d);
  const targetsBefore = await lab.tgtadm.targets();
  const again = await manager.export(d);
  assert.deepEqual(again, first);
  assert.deepEqual(await lab.tgtadm.targets(), targetsBefore);
  assert.equal(await manager.resync(), 0, 'nothing left to do');
  const r = await lab.qemuIo(login(d), ['read -P 0x5a 0 4096']);
  assert.ok(readsPattern(r.out, 0x5a), r.out);

  await manager.unexport(d.volumeId);
  await manager.unexport(d.volumeId);
  assert.ok(!(await lab.tgtadm.targets()).some((t) => t.iqn === targetIqn(d.volumeId)));
  assert.ok(!(await lab.tgtadm.accounts()).includes(chapUser(d.volumeId)));
  assert.ok(!(await observeFilter(lab.targetNs)).rules.some((x) => x.volumeId === d.volumeId));
  const gone = await lab.qemuIo(login(d), ['read 0 4096']);
  assert.notEqual(gone.code, 0);
});

test('reconcile: re-creates lost targets, removes strato leftovers, never touches foreign ones', async () => {
  const keep = await volumeExport(8, 0x11);
  const lost = await volumeExport(8, 0x22);
  const stray = await volumeExport(8, 0x33);
  for (const d of [keep, lost, stray]) await manager.export(d);
  // State loss by hand: one target deleted, plus a foreign target and account that must survive.
  const lostTid = (await lab.tgtadm.targets()).find((t) => t.iqn === targetIqn(lost.volumeId))!.tid;
  await lab.tgtadm.run(['--op', 'delete', '--mode', 'target', '--tid', String(lostTid)]);
  await lab.tgtadm.run([
    '--op',
    'new',
    '--mode',
    'target',
    '--tid',
    '90',
    '--targetname',
    'iqn.2001-04.com.example:foreign',
  ]);
  await lab.tgtadm.run([
    '--op',
    'new',
    '--mode',
    'account',
    '--user',
    'foreign-user',
    '--password',
    'foreign-pass-123',
  ]);

  assert.deepEqual(await manager.orphanTargets(), [], 'before the conductor reconciled once, nothing is judged');
  assert.ok((await manager.reconcile([keep, lost])) > 0);
  const iqns = (await lab.tgtadm.targets()).map((t) => t.iqn).sort();
  assert.deepEqual(
    iqns,
    [targetIqn(keep.volumeId), targetIqn(lost.volumeId), 'iqn.2001-04.com.example:foreign'].sort(),
  );
  const accounts = (await lab.tgtadm.accounts()).sort();
  assert.deepEqual(accounts, [chapUser(keep.volumeId), chapUser(lost.volumeId), 'foreign-user'].sort());
  for (const [d, byte] of [
    [keep, 0x11],
    [lost, 0x22],
  ] as const) {
    const r = await lab.qemuIo(login(d), [`read -P 0x${byte.toString(16)} 0 4096`]);
    assert.ok(readsPattern(r.out, byte), r.out);
  }
  assert.equal(await manager.reconcile([keep, lost]), 0, 'a second reconcile has nothing to do');
  // A strato target the conductor's reconcile did not name (made behind its back): an orphan
  // the agent's reconciler counts; the foreign target is none. The next reconcile removes it.
  const leftover = randomUUID();
  await lab.tgtadm.run(['--op', 'new', '--mode', 'target', '--tid', '91', '--targetname', targetIqn(leftover)]);
  assert.deepEqual(await manager.orphanTargets(), [leftover]);
  await manager.reconcile([]);
  assert.deepEqual(
    (await lab.tgtadm.targets()).map((t) => t.iqn),
    ['iqn.2001-04.com.example:foreign'],
  );
  assert.deepEqual(await lab.tgtadm.accounts(), ['foreign-user']);
  await lab.tgtadm.run(['--op', 'delete', '--mode', 'target', '--tid', '90']);
  await lab.tgtadm.run(['--op', 'delete', '--mode', 'account', '--user', 'foreign-user']);
});

test('a killed and restarted tgtd gets its portal and every known export back on resync', async () => {
  const d = await volumeExport(8, 0x44);
  await manager.export(d);
  await lab.killTgtd();
  await lab.startTgtd();
  assert.deepEqual(await lab.tgtadm.targets(), [], 'the restarted tgtd knows nothing');
  assert.ok((await manager.resync()) > 0);
  assert.deepEqual(await lab.tgtadm.portals(), [{ address: lab.targetIp, port: 3260 }]);
  const r = await lab.qemuIo(login(d), ['read -P 0x44 0 4096']);
  assert.ok(readsPattern(r.out, 0x44), r.out);
  await manager.unexport(d.volumeId);
});

test('resize while logged in: the LUN is re-created, the open session keeps working, new logins see the size', async () => {
  const d = await volumeExport(8, 0x55);
  await manager.export(d);
  assert.equal(await lab.lunSize(login(d)), 8 * MiB);
  const session = await lab.session(login(d));
  assert.match(await session.command('read -P 0x55 0 4096'), /read 4096\/4096/);
  assert.equal((await manager.list()).find((e) => e.volumeId === d.volumeId)?.sessions, 1);

  await driver.extend(d.volumeId, 24 * MiB);
  assert.equal(await manager.refreshLun(d.volumeId, d.backingPath, 24 * MiB), true);
  assert.equal(await manager.refreshLun(d.volumeId, d.backingPath, 24 * MiB), false, 'already the right size');
  const afterResize = await session.command('read -P 0x55 0 4096');
  assert.match(afterResize, /read 4096\/4096/);
  assert.doesNotMatch(afterResize, /error|failed/i);
  assert.equal(await lab.lunSize(login(d)), 24 * MiB);
  await session.close();
  await manager.unexport(d.volumeId);
});

test('tgt ORs its ACLs: an address ACL admits any name, so a re-export removes it (names in tgt, addresses in the filter)', async () => {
  const d = await volumeExport(8, 0x66);
  await manager.export(d);
  const tid = (await lab.tgtadm.targets()).find((t) => t.iqn === targetIqn(d.volumeId))!.tid;
  await lab.tgtadm.run([
    '--op',
    'bind',
    '--mode',
    'target',
    '--tid',
    String(tid),
    '--initiator-address',
    lab.initiatorIp,
  ]);
  const openedByAddress = await lab.qemuIo(login(d, { initiatorName: HOST_B }), ['read -P 0x66 0 4096']);
  assert.ok(
    readsPattern(openedByAddress.out, 0x66),
    `tgt admitted another name through the address ACL: ${openedByAddress.out}`,
  );

  await manager.export(d);
  const t = (await lab.tgtadm.targets()).find((x) => x.tid === tid)!;
  assert.deepEqual([t.aclAddresses, t.aclNames], [[], [HOST_A]]);
  const refused = await lab.qemuIo(login(d, { initiatorName: HOST_B }), ['read 0 4096']);
  assert.notEqual(refused.code, 0);
  await manager.unexport(d.volumeId);
});

test('an LVM volume made from an image is exported and read over iSCSI (device-mapper, or the test stand-in here)', async (t) => {
  const { makeLoopVg } = await import('../../conformance/volume-driver/lvm-vg.ts');
  const { LvmBackend } = await import('../../../agent/storage/lvm/lvm-backend.ts');
  const { DeviceMapperActivator, hasDeviceMapper } = await import('../../../agent/storage/lvm/lv-activator.ts');
  const { TestOnlyLoopStandIn } = await import('../../../agent/storage/lvm/loop-stand-in.ts');
  const { writeFile } = await import('node:fs/promises');
  const vg = await makeLoopVg(64 * MiB);
  const volumeId = randomUUID();
  // The export goes before the VG: tgt holds the LV's device open.
  t.after(async () => {
    await manager.unexport(volumeId);
    await vg.close();
  });
  const activator = hasDeviceMapper() ? new DeviceMapperActivator(vg.runner) : new TestOnlyLoopStandIn(vg.runner);
  t.diagnostic(`LVM data path: ${activator.description}`);
  const lvm = new BackedVolumeDriver(
    new LvmBackend({ volumeGroup: vg.vg, wipe: 'zero', runner: vg.runner, activator }),
  );
  await lvm.init();
  const image = join(dir, 'pattern.raw');
  await writeFile(image, Buffer.alloc(MiB, 0x77));
  await lvm.create({ volumeId, sizeBytes: 8 * MiB, source: { kind: 'image', path: image, format: 'raw' } });
  const d: DesiredExport = {
    volumeId,
    backingPath: await lvm.localPath(volumeId),
    sizeBytes: 8 * MiB,
    initiatorName: HOST_A,
    initiatorAddress: lab.initiatorIp,
    chapSecret: secret(),
  };
  await manager.export(d);
  const r = await lab.qemuIo(login(d), ['read -P 0x77 0 4096', 'read -P 0x77 1044480 4096', 'read -P 0 1048576 4096']);
  assert.equal(r.out.match(/read 4096\/4096/g)?.length, 3, r.out);
  assert.doesNotMatch(r.out, /Pattern verification failed/);
});

test('a restarted agent (a new manager) finds every export on the host, sessions and addresses included', async () => {
  const d = await volumeExport(8, 0x12);
  await manager.export(d);
  const session = await lab.session(login(d));
  const fresh = new TgtTargetManager({
    tgtadm: lab.tgtadm,
    portal: { address: lab.targetIp, port: 3260 },
    netns: lab.targetNs,
  });
  await fresh.init();
  const found = (await fresh.list()).find((e) => e.volumeId === d.volumeId);
  assert.deepEqual(found && [found.initiatorName, found.initiatorAddress, found.backingPath, found.sessions], [
    HOST_A,
    lab.initiatorIp,
    d.backingPath,
    1,
  ]);
  assert.equal(await fresh.resync(), 0, 'it knows no exports yet, so it changes nothing');
  // The conductor's reconcile tells it the secret again: only the account is set anew; the session lives on.
  assert.equal(await fresh.reconcile([d]), 3);
  assert.match(await session.command('read -P 0x12 0 4096'), /read 4096\/4096/);
  await session.close();
  await fresh.unexport(d.volumeId);
});

test('a tgtd that does not answer is UNAVAILABLE (retry), not a failed export', async () => {
  const { Tgtadm } = await import('../../../agent/storage/iscsi/tgtadm.ts');
  const { isStratoError } = await import('../../../common/errors.ts');
  const absent = new TgtTargetManager({
    tgtadm: new Tgtadm({ controlPort: lab.controlPort + 1 }),
    portal: { address: lab.targetIp, port: 3260 },
    netns: lab.targetNs,
  });
  await assert.rejects(
    absent.export(await volumeExport()),
    (e) => isStratoError(e, 'UNAVAILABLE') && e.reason === 'TGTD_UNAVAILABLE',
  );
});
