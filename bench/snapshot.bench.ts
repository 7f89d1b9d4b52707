// Server snapshot through the whole stack (real conductor, real agent in a simulated
// host, a running TCG guest that wrote WRITE_MIB MiB of random data into its 1 GiB
// root disk) against the floor: `qemu-img convert` of the same overlay (with its
// base) into one flattened qcow2 on the same host, in the same run — the work no
// snapshot can skip. strato's figure is CreateServerImage until the image is active:
// the agent's pause + overlay copy + convert + sha256, the stream to the conductor,
// its write, hash and qemu-img inspection. Also printed: how long the guest was
// paused (the agent's log), which is what a running guest feels.
// Run: node bench/snapshot.bench.ts [--smoke]
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '../common/log.ts';
import { type Cloud, startCloud } from '../test/e2e/lib/cloud.ts';
import { run } from '../test/harness/exec.ts';
import { findLogEvent } from './lib/log-lines.ts';
import { median, report, smoke } from './lib/measure.ts';

const RUNS = smoke ? 1 : 5;
const WRITE_MIB = smoke ? 8 : 128;
const TIMEOUT_MS = 300_000;

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A running guest whose root disk has WRITE_MIB MiB of random data beyond the image. */
async function bootWriter(cloud: Cloud): Promise<string> {
  const userData = Buffer.from(
    [
      '#!/bin/sh',
      `root=$(for b in /sys/block/vd*; do echo "$(cat $b/size) \${b##*/}"; done | sort -n | tail -1 | cut -d' ' -f2)`,
      `dd if=/dev/urandom of=/dev/$root bs=1M seek=256 count=${WRITE_MIB} conv=fsync 2>/dev/null && echo BENCH-WRITTEN`,
      '',
    ].join('\n'),
  );
  const s = await cloud.admin.servers.CreateServer({
    name: 'snap-bench',
    image: cloud.image.id,
    flavor: 'm1.tiny',
    userData,
  });
  await until('the guest to write its data', async () => {
    const lines = (await cloud.admin.servers.GetConsoleLog({ server: s.id, lines: 1000 }).catch(() => ({ lines: [] })))
      .lines;
    return lines.some((l) => l.includes('BENCH-WRITTEN')) ? true : undefined;
  });
  return s.id;
}

async function stratoSnapshot(cloud: Cloud, id: string, i: number): Promise<{ ms: number; pausedMs: number }> {
  const t0 = performance.now();
  const { imageId } = await cloud.admin.servers.CreateServerImage({ server: id, name: `bench-snap-${i}` });
  const image = await until('the snapshot image to settle', async () => {
    const img = await cloud.admin.images.GetImage({ image: imageId });
    return img.status === 'active' || img.status === 'killed' ? img : undefined;
  });
  const ms = performance.now() - t0;
  if (image.status !== 'active') throw new Error(`snapshot ${imageId} was killed`);
  const exported = await findLogEvent(cloud.hosts[0]!.agent.logFile, 'root disk exported', id);
  await until('the server to be idle', async () => {
    const s = await cloud.admin.servers.GetServer({ server: id });
    return s.taskState === '' ? s : undefined;
  });
  await cloud.admin.images.DeleteImage({ image: imageId });
  return { ms, pausedMs: Number(exported.fields.pausedMs) };
}

/** The floor: the same overlay flattened by hand (-U: the guest holds it open). */
async function floorConvert(cloud: Cloud, id: string, i: number): Promise<number> {
  const host = cloud.hosts[0]!;
  const overlay = join(host.stateDir, 'instances', id, 'disk.qcow2');
  const out = join(cloud.dir, `floor-${i}.qcow2`);
  const t0 = performance.now();
  await run('qemu-img', ['convert', '-U', '-q', '-f', 'qcow2', '-O', 'qcow2', overlay, out]);
  const ms = performance.now() - t0;
  await rm(out, { force: true });
  return ms;
}

async function main(): Promise<void> {
  log.level = 'warn';
  const cloud = await startCloud({ hosts: 1 });
  try {
    const id = await bootWriter(cloud);
    const strato: number[] = [];
    const floor: number[] = [];
    const paused: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await stratoSnapshot(cloud, id, i);
      strato.push(r.ms);
      paused.push(r.pausedMs);
      floor.push(await floorConvert(cloud, id, i));
    }
    report('snapshot', [
      {
        figure: `snapshot → active (${WRITE_MIB} MiB written)`,
        strato,
        baseline: floor,
        baselineName: 'qemu-img convert',
      },
    ]);
    console.log(`snapshot           guest paused (overlay copy) median ${median(paused)} ms over ${RUNS} runs`);
  } finally {
    await cloud.stop();
  }
}

await main();
