// The units as install-host installs them (scripts/systemd/ with this checkout's paths):
// systemd accepts them (`systemd-analyze verify`, which runs without systemd as PID 1),
// their hardening stays within the exposure each unit's comment promises
// (`systemd-analyze security --offline=yes --threshold=N`: the conductor "OK" or better),
// and what the service contract needs is there: notify, watchdog, restart, the agent
// after libvirtd, virtlogd and tgtd.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const UNITS = ['strato-conductor.service', 'strato-agent.service'] as const;
/** Exposure ceilings (systemd's 0-100 scale; it prints a tenth): must match the units' comments. */
const THRESHOLD = { 'strato-conductor.service': 15, 'strato-agent.service': 55 } as const;

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strato-units-'));
  for (const u of UNITS) {
    // The same rendering install-host does.
    const r = spawnSync(
      'bash',
      ['-c', `source scripts/lib/common.sh && source scripts/lib/units.sh && render_unit ${u}`],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    await writeFile(join(dir, u), r.stdout);
  }
});
after(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

const analyze = (args: string[]) => spawnSync('systemd-analyze', args, { cwd: dir, encoding: 'utf8' });
const directives = async (u: string): Promise<string[]> =>
  (await readFile(join(dir, u), 'utf8')).split('\n').filter((l) => /^[A-Z]\w*=/.test(l));

describe('strato units', () => {
  for (const u of UNITS) {
    test(`${u}: systemd-analyze verify finds nothing to say`, () => {
      const r = analyze(['verify', `./${u}`]);
      assert.equal(r.status, 0, r.stderr + r.stdout);
      assert.equal((r.stderr + r.stdout).trim(), '', 'verify warned');
    });

    test(`${u}: exposure within --threshold=${THRESHOLD[u]}, as its comment says`, async () => {
      const text = await readFile(join(dir, u), 'utf8');
      assert.match(text, new RegExp(`--threshold=${THRESHOLD[u]}\\b`), 'the unit documents the threshold tested here');
      const r = analyze(['security', '--offline=yes', `--threshold=${THRESHOLD[u]}`, `./${u}`]);
      const overall = /Overall exposure level for \S+: ([\d.]+) (\w+)/.exec(r.stdout);
      assert.ok(overall, r.stdout + r.stderr);
      assert.equal(r.status, 0, `exposure ${overall[1]} ${overall[2]} is above ${THRESHOLD[u] / 10}`);
      if (u === 'strato-conductor.service') assert.ok(['OK', 'SAFE', 'PERFECT'].includes(overall[2]!), overall[0]);
    });

    test(`${u}: notify with a watchdog, restarted on failure, configured by its EnvironmentFile`, async () => {
      const d = await directives(u);
      for (const want of ['Type=notify', 'NotifyAccess=main', 'Restart=on-failure', 'KillMode=mixed']) {
        assert.ok(d.includes(want), `${want} missing`);
      }
      assert.ok(d.some((l) => /^WatchdogSec=\d+s$/.test(l)));
      assert.ok(d.some((l) => /^TimeoutStopSec=\d+s$/.test(l)));
      const daemon = u.replace(/^strato-|\.service$/g, '');
      assert.ok(d.includes(`EnvironmentFile=/etc/strato/${daemon}.env`));
      const exec = d.find((l) => l.startsWith('ExecStart='))!;
      assert.equal(
        exec,
        `ExecStart=${ROOT}node_modules/.bin/node ${ROOT}dist/strato-${daemon}.mjs`,
        'no settings as flags',
      );
    });
  }

  test('the conductor runs unprivileged: its own account, no capabilities, its keys handed over by systemd', async () => {
    const d = await directives('strato-conductor.service');
    for (const want of ['User=strato', 'CapabilityBoundingSet=', 'NoNewPrivileges=yes', 'ProtectSystem=strict']) {
      assert.ok(d.includes(want), `${want} missing`);
    }
    assert.ok(d.includes('LoadCredential=conductor.key:/etc/strato/tls/conductor.key'));
    // The CA key it signs host certificates with, to the service alone.
    assert.ok(d.includes('LoadCredential=ca.key:/etc/strato/tls/ca.key'));
    assert.ok(d.includes('StateDirectory=strato/conductor'));
  });

  test('the agent comes after, and pulls in, libvirtd, virtlogd and tgtd', async () => {
    const d = await directives('strato-agent.service');
    for (const key of ['After', 'Wants']) {
      const units = d.filter((l) => l.startsWith(`${key}=`)).flatMap((l) => l.slice(key.length + 1).split(' '));
      for (const dep of ['libvirtd.service', 'virtlogd.socket', 'tgt.service'])
        assert.ok(units.includes(dep), `${key}=${dep}`);
    }
  });
});
