// define → start → destroy → undefine of a small TCG domain (no disk), N times, with
// strato's libvirt client and with the floor: the same four steps as `virsh` commands,
// measured in the same run. Run: node bench/libvirt-lifecycle.bench.ts [--smoke]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LibvirtClient } from '../agent/hypervisor/libvirt/libvirt-client.ts';
import { log } from '../common/log.ts';
import { domainXml, testDomainName } from '../test/harness/domain-xml-fixture.ts';
import { run } from '../test/harness/exec.ts';
import { type Comparison, report, smoke } from './lib/measure.ts';

const RUNS = smoke ? 2 : 10;
const STEPS = ['define', 'start', 'destroy', 'undefine'] as const;
type Step = (typeof STEPS)[number];
type Timings = Record<Step | 'cycle', number[]>;

const virsh = (...args: string[]) => run('virsh', ['-q', '-c', 'qemu:///system', ...args]);
const empty = (): Timings => ({ define: [], start: [], destroy: [], undefine: [], cycle: [] });

async function timed(into: number[], fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await fn();
  into.push(performance.now() - t0);
}

async function cycle(t: Timings, steps: Record<Step, () => Promise<unknown>>): Promise<void> {
  const t0 = performance.now();
  for (const s of STEPS) await timed(t[s], steps[s]);
  t.cycle.push(performance.now() - t0);
}

const dir = await mkdtemp(join(tmpdir(), 'strato-bench-'));
const client = await LibvirtClient.connect({ log: log.child({ bench: 'libvirt' }, { level: 'warn' }) });
const strato = empty();
const floor = empty();
const leftovers = new Set<string>();
try {
  for (let i = 0; i < RUNS; i++) {
    // Alternate who goes first so neither side always meets a warmer daemon.
    const order = i % 2 === 0 ? ['strato', 'virsh'] : ['virsh', 'strato'];
    for (const who of order) {
      const name = testDomainName();
      const xml = domainXml({ name, memoryMiB: 64 });
      leftovers.add(name);
      if (who === 'strato') {
        await cycle(strato, {
          define: () => client.defineDomain(xml),
          start: () => client.startDomain(name),
          destroy: () => client.destroyDomain(name),
          undefine: () => client.undefineDomain(name),
        });
      } else {
        const file = join(dir, `${name}.xml`);
        await writeFile(file, xml);
        await cycle(floor, {
          define: () => virsh('define', file),
          start: () => virsh('start', name),
          destroy: () => virsh('destroy', name),
          undefine: () => virsh('undefine', name),
        });
      }
      leftovers.delete(name);
    }
  }
  const rows: Comparison[] = (['define', 'start', 'destroy', 'undefine', 'cycle'] as const).map((s) => ({
    figure: s === 'cycle' ? 'define+start+destroy+undefine' : s,
    strato: strato[s],
    baseline: floor[s],
    baselineName: 'virsh',
  }));
  report('libvirt-lifecycle', rows);
} finally {
  for (const name of leftovers) {
    await client.destroyDomain(name).catch(() => {});
    await client.undefineDomain(name).catch(() => {});
  }
  await client.close();
  await rm(dir, { recursive: true, force: true });
}
