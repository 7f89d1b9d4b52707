// Conformance: a guest-written qcow2 header inside a raw volume stays data. The header
// names a FIFO on the host as its backing file; the canary reports any process that
// opens the FIFO. Cloning, snapshotting, extending and converting such a volume must
// never open it — and a probing qemu-img call (the positive control) does, which
// proves the canary would have seen it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fifoCanary, hostileHeader } from './fixtures.ts';
import { id, type SubjectFactory, unit, useSubject } from './suite-helpers.ts';

/** Runs a command to its end (or 20 s), ignoring how it ends: only the canary's view matters. */
function runLoose(argv: string[]): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore', timeout: 20_000, killSignal: 'SIGKILL' });
    child.on('error', () => resolve());
    child.on('close', () => resolve());
  });
}

export function hostileTests(factory: SubjectFactory): void {
  test('a qcow2 header inside a raw volume is never interpreted: clone, snapshot, extend, convert', async (t) => {
    const s = await useSubject(t, factory);
    const dir = await mkdtemp(join(tmpdir(), 'strato-vd-hostile-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const header = await hostileHeader(dir);
    const canary = await fifoCanary(dir);
    t.after(() => canary.stop());

    const u = unit(s.driver);
    const size = Math.ceil(header.length / u) * u;
    const v = id();
    await s.driver.create({ volumeId: v, sizeBytes: size, source: { kind: 'empty' } });
    await s.write(v, 0, header);
    // Extended first: the LVM test stand-in grows an LV only into the extents right after it.
    const grown = size + u;
    await s.driver.extend(v, grown);
    await s.driver.localPath(v);

    const clone = id();
    await s.driver.create({ volumeId: clone, sizeBytes: grown, source: { kind: 'volume', volumeId: v } });
    assert.deepEqual(await s.read(clone, 0, header.length), header, 'the clone holds the header as data');
    if (s.driver.capabilities().snapshots.supported) {
      const snap = id();
      await s.driver.createSnapshot(snap, v);
      const fromSnap = id();
      await s.driver.create({ volumeId: fromSnap, sizeBytes: grown, source: { kind: 'snapshot', snapshotId: snap } });
      assert.deepEqual(await s.read(fromSnap, 0, header.length), header);
    }
    // The same bytes as a raw image file (what an uploaded raw image could hold), converted into a volume.
    const image = join(dir, 'image.raw');
    await writeFile(image, await s.read(v, 0, size));
    const converted = id();
    await s.driver.create({
      volumeId: converted,
      sizeBytes: size,
      source: { kind: 'image', path: image, format: 'raw' },
    });
    assert.deepEqual(await s.read(converted, 0, header.length), header);
    assert.equal(canary.opens(), 0, 'no operation opened the file the header names');

    // Positive control: qemu-img left to probe the format follows the header to the canary.
    await runLoose(['qemu-img', 'convert', '-O', 'raw', image, join(dir, 'probed.raw')]);
    assert.ok(canary.opens() > 0, 'the canary sees a tool that probes');
  });
}
