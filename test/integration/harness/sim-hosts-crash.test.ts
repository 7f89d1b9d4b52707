// A test process that dies without teardown leaves a simulated host running; the next
// start of the harness (or an explicit sweep) must remove all of it, and must not touch
// clusters whose owner is alive.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { listLinks, listNetns, netnsIdByName } from '../../harness/host-plumbing.ts';
import { processAlive } from '../../harness/processes.ts';
import { pidsInNamespaces } from '../../harness/sim-host-processes.ts';
import { readRecords } from '../../harness/sim-host-registry.ts';
import { sweepLeftovers } from '../../harness/sim-host-teardown.ts';
import { startSimHosts } from '../../harness/sim-hosts.ts';

interface Held {
  id: string;
  dir: string;
  netns: string;
  holderPid: number;
  pids: { libvirtd?: number; virtlogd?: number };
}

async function startHolder(): Promise<{ held: Held; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'fixtures', 'hold-sim-host.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([once(lines, 'line'), exited.then(() => [undefined])])) as [string | undefined];
  if (line === undefined) throw new Error('hold-sim-host exited before reporting its cluster');
  return {
    held: JSON.parse(line) as Held,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

test('a crashed run is cleaned up by the next one; a live cluster is left alone', { timeout: 120_000 }, async (t) => {
  const { held, kill } = await startHolder();
  t.after(kill);
  // Our own cluster, alive during the sweep: it must survive it.
  const live = await startSimHosts({ count: 1 });
  t.after(() => live.teardown());

  const nsId = await netnsIdByName(held.netns);
  assert.ok(nsId !== undefined, 'the crashed host exists before the sweep');
  await sweepLeftovers();
  assert.ok(await processAlive(held.holderPid), 'a cluster whose owner lives is not swept');

  await kill();
  assert.ok(await processAlive(held.holderPid), 'SIGKILL of the owner leaves the host running');
  const pids = [held.holderPid, held.pids.libvirtd, held.pids.virtlogd].filter((p) => p !== undefined);
  assert.equal(pids.length, 3);

  await sweepLeftovers('/tmp/strato-sim');

  for (const p of pids) assert.equal(await processAlive(p), false, `process ${p} is gone`);
  assert.deepEqual(await pidsInNamespaces([nsId]), []);
  const marker = (s: string): boolean => s.includes(held.id);
  assert.deepEqual((await listNetns()).filter(marker), []);
  assert.deepEqual((await listLinks()).map((l) => l.ifname).filter(marker), []);
  assert.deepEqual((await readFile('/proc/self/mountinfo', 'utf8')).split('\n').filter(marker), []);
  await assert.rejects(access(held.dir));
  assert.ok(!(await readRecords()).some((r) => r.id === held.id));

  // The live cluster went through the sweep untouched.
  assert.ok(await processAlive(live.hosts[0]!.holderPid));
  assert.ok((await listNetns()).includes(live.hosts[0]!.netns));
});
