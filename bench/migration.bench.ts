// Moving a 256 MiB guest with a 1 GiB disk between two simulated hosts whose libvirtds
// are TLS migration peers (test/integration/agent-migration/migration-lab.ts), through
// the agents as the conductor drives them, against libvirt driven by hand between the
// same two libvirtds in the same run:
//   live: PrepareIncoming on B + StartMigration on A, polled with GetMigration until
//         COMPLETED   vs   qemu-img create of the target overlay + config drive copy +
//         `virsh migrate --live --p2p --copy-storage-all --persistent` (rewritten paths)
//   cold: the same for a stopped guest (started paused, copied, stopped)   vs
//         `virsh start --paused` + `virsh migrate --p2p --copy-storage-all --paused`
//   downtime: GetMigration's downtime_ms   vs   `virsh domjobinfo --completed`
// Run: node bench/migration.bench.ts [--smoke]   (smoke: one live run of each side)
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rewritePaths } from '../agent/hypervisor/libvirt/libvirt-migration.ts';
import { run } from '../test/harness/exec.ts';
import { waitFor } from '../test/harness/wait.ts';
import {
  type LabHost,
  type MigrationLab,
  openMigrationLab,
} from '../test/integration/agent-migration/migration-lab.ts';
import { type Comparison, report, smoke } from './lib/measure.ts';

const RUNS = smoke ? 1 : 3;

interface Figures {
  ms: number;
  downtimeMs: number;
}

const lab: MigrationLab = await openMigrationLab();
const [A, B] = lab.hosts;
const domain = (id: string) => `strato-${id}`;
const virshOn = (h: LabHost, ...args: string[]) => h.sim.exec('virsh', ['-q', ...args]);

async function booted(h: LabHost, id: string): Promise<void> {
  await waitFor(
    () => lab.consoleLines(h, id),
    (l) => l.some((x) => x.includes('STRATO-BOOT-OK')),
    { timeoutMs: 180_000, intervalMs: 250, what: `${id} booted` },
  );
}

/** A guest on A, running (booted) or stopped. */
async function guest(running: boolean): Promise<string> {
  const id = randomUUID();
  await A.api.SpawnInstance(lab.spawnRequest(id));
  await booted(A, id);
  if (!running) await A.api.InstanceAction({ instanceId: id, action: 'stop', hard: true });
  return id;
}

async function cleanup(id: string): Promise<void> {
  for (const h of lab.hosts) await h.api.DeleteInstance({ instanceId: id }).catch(() => {});
  await virshOn(B, 'destroy', domain(id)).catch(() => {});
  await virshOn(B, 'undefine', domain(id)).catch(() => {});
  await rm(join(lab.dir, 'by-hand', id), { recursive: true, force: true });
}

async function viaAgents(id: string, live: boolean): Promise<Figures> {
  const migrationId = randomUUID();
  const t0 = performance.now();
  const destination = await B.api.PrepareIncoming({ migrationId, spec: lab.spawnRequest(id) });
  await A.api.StartMigration({ instanceId: id, migrationId, live, destination });
  const done = await waitFor(
    () => A.api.GetMigration({ instanceId: id, migrationId }),
    (s) => s.state !== 'RUNNING',
    { timeoutMs: 300_000, intervalMs: 50, what: 'the migration' },
  );
  const ms = performance.now() - t0;
  if (done.state !== 'COMPLETED') throw new Error(`migration ${done.state}: ${done.error}`);
  return { ms, downtimeMs: done.downtimeMs };
}

/** The same move by hand: target files made with qemu-img and cp, then virsh between the same libvirtds. */
async function byHand(id: string, live: boolean): Promise<Figures> {
  const src = join(A.stateDir, 'instances', id);
  const dest = join(lab.dir, 'by-hand', id);
  const t0 = performance.now();
  if (!live) await virshOn(A, 'start', '--paused', domain(id));
  const xml = (await virshOn(A, 'dumpxml', '--migratable', domain(id))).stdout;
  const destXml = rewritePaths(xml, [{ from: `${src}/`, to: `${dest}/` }]);
  await mkdir(dest, { recursive: true, mode: 0o755 });
  const xmlFile = join(dest, 'domain.xml');
  await writeFile(xmlFile, destXml);
  const info = JSON.parse((await run('qemu-img', ['info', '-U', '--output=json', join(src, 'disk.qcow2')])).stdout) as {
    'virtual-size': number;
    'backing-filename': string;
  };
  await run('qemu-img', [
    ...['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', info['backing-filename']],
    ...[join(dest, 'disk.qcow2'), String(info['virtual-size'])],
  ]);
  await copyFile(join(src, 'disk.config'), join(dest, 'disk.config'));
  const uri = `qemu+tls://${B.sim.underlayIp}/system?pkipath=${join(A.stateDir, 'libvirt-pki')}`;
  await virshOn(
    A,
    ...['migrate', ...(live ? ['--live'] : ['--suspend']), '--p2p', '--copy-storage-all', '--persistent'],
    ...['--xml', xmlFile, '--persistent-xml', xmlFile, '--migrate-disks', 'vda'],
    ...[domain(id), uri, '--migrateuri', `tcp://${B.sim.underlayIp}`, '--listen-address', B.sim.underlayIp],
  );
  if (!live) await virshOn(A, 'destroy', domain(id)).catch(() => {});
  const ms = performance.now() - t0;
  const job = (await virshOn(A, 'domjobinfo', '--completed', domain(id))).stdout;
  const downtimeMs = Number(/Total downtime:\s+(\d+)/.exec(job)?.[1] ?? Number.NaN);
  return { ms, downtimeMs };
}

const rows = { live: [] as Figures[], liveHand: [] as Figures[], cold: [] as Figures[], coldHand: [] as Figures[] };
try {
  // The agent's client PKI (the one `byHand` uses too) is written at its first migration:
  // one untimed warm-up move makes both sides start equal (smoke: run 0 goes agents first).
  if (!smoke) {
    const warm = await guest(true);
    await viaAgents(warm, true);
    await cleanup(warm);
  }
  for (let i = 0; i < RUNS; i++) {
    for (const [live, agents, hand] of [
      [true, rows.live, rows.liveHand],
      ...(smoke ? [] : [[false, rows.cold, rows.coldHand] as const]),
    ] as const) {
      const a = await guest(live);
      const h = await guest(live);
      try {
        // Alternate who goes first so neither always meets a warmer host.
        if (i % 2 === 0) {
          agents.push(await viaAgents(a, live));
          hand.push(await byHand(h, live));
        } else {
          hand.push(await byHand(h, live));
          agents.push(await viaAgents(a, live));
        }
      } finally {
        await cleanup(a);
        await cleanup(h);
      }
    }
  }
  const ms = (f: Figures[]) => f.map((x) => x.ms);
  const down = (f: Figures[]) => f.map((x) => x.downtimeMs);
  const out: Comparison[] = [
    {
      figure: 'live migration (256 MiB, 1 GiB disk)',
      strato: ms(rows.live),
      baseline: ms(rows.liveHand),
      baselineName: 'virsh',
    },
    { figure: 'live downtime', strato: down(rows.live), baseline: down(rows.liveHand), baselineName: 'virsh' },
  ];
  if (!smoke) {
    out.push({
      figure: 'cold migration (stopped guest)',
      strato: ms(rows.cold),
      baseline: ms(rows.coldHand),
      baselineName: 'virsh',
    });
  }
  report('migration', out);
} finally {
  await lab.close();
}
