// The test image's volume helpers (strato-vol, scripts/test-image/README.md) on a real
// guest under TCG with plain QEMU: a raw file as a second virtio disk whose serial is a
// volume id, as strato attaches volumes. The guest finds it by the serial's first 20
// bytes (all virtio-blk carries), writes the seeded pattern, reads it back in a second
// boot with the same checksum, and reports a resize made through QMP. A disk that fails
// writes is reported as an I/O error, both by the helper and from the kernel's log.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLines, waitForLine } from '../../harness/console-log.ts';
import { makeConfigDrive, type TestImage, testImage } from '../../harness/test-image.ts';
import { type GuestDisk, rawFileDisk, startGuest } from './qemu-guest.ts';
import { fileSha256, volumePatternSha256 } from './volume-pattern.ts';

const BOOT_TIMEOUT = 90_000;
const STEP_TIMEOUT = 60_000;
const MiB = 1024 * 1024;

async function scratchDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-image-vol-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function sparseFile(path: string, bytes: number): Promise<void> {
  await writeFile(path, '');
  await truncate(path, bytes);
}

/** Boots the image directly (PVH kernel) with `disks` and a config drive holding `userData`. */
async function boot(
  t: { after: (fn: () => Promise<void>) => void },
  image: TestImage,
  dir: string,
  disks: GuestDisk[],
  userData: string[],
) {
  const bootDir = await mkdtemp(join(dir, 'boot-'));
  const configDrive = await makeConfigDrive(bootDir, { userData: `${userData.join('\n')}\n` });
  const directBoot = { kernel: image.pvhKernel, initrd: image.initrd, cmdline: image.cmdline };
  const guest = await startGuest({ dir: bootDir, disk: image.disk, disks, configDrive, directBoot });
  t.after(() => guest.stop());
  await waitForLine(guest.consoleLog, /^STRATO-BOOT-OK$/, BOOT_TIMEOUT);
  return guest;
}

const markers = async (log: string, prefix: string) => (await readLines(log)).filter((l) => l.startsWith(prefix));

test('a disk found by its volume-id serial keeps what was written across boots and reports its resize', async (t) => {
  const image = await testImage();
  const dir = await scratchDir(t);
  const volumeId = randomUUID();
  const seen = volumeId.slice(0, 20); // virtio-blk's serial is at most 20 bytes
  const seed = `s${randomUUID().slice(0, 8)}`;
  const expected = volumePatternSha256(seed, 4);
  const file = join(dir, 'volume.raw');
  await sparseFile(file, 16 * MiB);
  const disk = rawFileDisk('vol1', file, volumeId);

  const first = await boot(
    t,
    image,
    dir,
    [disk],
    [
      '#!/bin/sh',
      'for d in /sys/block/vd*; do echo "GUEST-SERIAL $(basename $d) $(cat $d/serial)"; done',
      `strato-vol write ${volumeId} 4 ${seed} || exit 1`,
      `strato-vol read ${volumeId} 4 || exit 1`,
      `strato-vol watch-size ${volumeId} 300 &`,
    ],
  );
  const log = first.consoleLog;
  const write = await waitForLine(log, new RegExp(`^E2E-VOL-(WRITE|ERROR|IOERR) ${volumeId} `), STEP_TIMEOUT);
  assert.equal(
    write,
    `E2E-VOL-WRITE ${volumeId} ${expected}`,
    'the seeded pattern, checksummed as the test computes it',
  );
  assert.equal(await waitForLine(log, /^E2E-VOL-READ /, STEP_TIMEOUT), `E2E-VOL-READ ${volumeId} ${expected}`);
  await waitForLine(log, /^STRATO-USERDATA-END rc=0$/, STEP_TIMEOUT);
  const serials = await markers(log, 'GUEST-SERIAL ');
  assert.equal(serials.filter((l) => l.endsWith(` ${seen}`)).length, 1, `the guest sees ${seen}: ${serials}`);
  assert.ok(!serials.some((l) => l.includes(volumeId)), 'no more than 20 bytes of serial reach the guest');
  assert.equal(await fileSha256(file, 4 * MiB), expected, 'the bytes are in the backing file');

  await waitForLine(log, `E2E-VOL-SIZE ${volumeId} ${16 * MiB}`, STEP_TIMEOUT);
  await first.qmp.execute('block_resize', { 'node-name': 'vol1', size: 32 * MiB });
  await waitForLine(log, `E2E-VOL-SIZE ${volumeId} ${32 * MiB}`, STEP_TIMEOUT);
  assert.deepEqual(await markers(log, 'E2E-VOL-IOERR'), [], 'no I/O error');
  await first.stop();

  const second = await boot(
    t,
    image,
    dir,
    [disk],
    ['#!/bin/sh', `strato-vol size ${volumeId}`, `strato-vol read ${volumeId} 4`],
  );
  assert.equal(
    await waitForLine(second.consoleLog, /^E2E-VOL-SIZE /, STEP_TIMEOUT),
    `E2E-VOL-SIZE ${volumeId} ${32 * MiB}`,
  );
  assert.equal(
    await waitForLine(second.consoleLog, /^E2E-VOL-(READ|ERROR|IOERR) /, STEP_TIMEOUT),
    `E2E-VOL-READ ${volumeId} ${expected}`,
    'the second boot reads what the first wrote',
  );
  await waitForLine(second.consoleLog, /^STRATO-USERDATA-END rc=0$/, STEP_TIMEOUT);
  assert.deepEqual(await markers(second.consoleLog, 'E2E-VOL-IOERR'), [], 'no I/O error');
});

test('a disk that fails writes is reported as an I/O error; an absent serial as an error', async (t) => {
  const image = await testImage();
  const dir = await scratchDir(t);
  const file = join(dir, 'failing.raw');
  await sparseFile(file, 8 * MiB);
  // blkdebug fails every write with EIO once the first one is seen; reads still work,
  // so the guest's partition scan finds the disk as a real failing disk would be found.
  const failing: GuestDisk = {
    serial: 'failing-disk',
    blockdev: {
      driver: 'raw',
      'node-name': 'bad',
      file: {
        driver: 'blkdebug',
        'inject-error': [{ event: 'write_aio', errno: 5, iotype: 'write' }],
        image: { driver: 'file', filename: file },
      },
    },
  };
  const guest = await boot(
    t,
    image,
    dir,
    [failing],
    [
      '#!/bin/sh',
      'strato-vol write failing-disk 1 x; echo "WRITE-RC $?"',
      'strato-vol -w 1 read no-such-serial 1; echo "READ-RC $?"',
    ],
  );
  const log = guest.consoleLog;
  await waitForLine(log, /^STRATO-USERDATA-END rc=0$/, STEP_TIMEOUT);
  const lines = await readLines(log);
  const own = lines.filter((l) => /^E2E-VOL-IOERR failing-disk vd[a-z] write: /.test(l));
  assert.equal(own.length, 1, `the helper reports its failed write:\n${lines.slice(-20).join('\n')}`);
  assert.match(own[0] ?? '', /Input\/output error$/);
  assert.ok(lines.includes('WRITE-RC 1'), 'and fails');
  // From the kernel's log: "<serial> <dev> I/O error, dev <dev>, sector … (WRITE) …".
  await waitForLine(log, /^E2E-VOL-IOERR failing-disk vd[a-z] (Buffer )?I\/O error.* dev vd[a-z]/, STEP_TIMEOUT);
  assert.ok(lines.includes('E2E-VOL-ERROR no-such-serial no disk with serial no-such-serial after 1 s'));
  assert.ok(lines.includes('READ-RC 2'));
});
