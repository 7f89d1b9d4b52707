// CLI round trip: wall time of one `strato flavor list` (spawned bin/strato,
// cached token, TLS to a conductor's flavor service on loopback) against the
// floor of any Node CLI, `node -e ''`. Target: ≤ 0.2 s per command.
//   node bench/cli-roundtrip.bench.ts [--smoke]
import { fileURLToPath } from 'node:url';
import { run } from '../test/harness/exec.ts';
import { type Comparison, report, sample, smoke } from './lib/measure.ts';

process.env.STRATO_LOG_LEVEL ??= 'warn';
const { startCliFixture } = await import('../test/integration/cli/fixture.ts');

const NODE = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
const RUNS = smoke ? 3 : 20;

const fx = await startCliFixture();
try {
  // Warm up: log in once (the token is cached), fill V8's compile cache.
  for (const args of [['login'], ['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny']]) {
    const r = await fx.strato(args);
    if (r.code !== 0) throw new Error(`strato ${args.join(' ')} failed: ${r.stderr}`);
  }
  await fx.strato(['flavor', 'list']);
  const strato = await sample(RUNS, async () => {
    const r = await fx.strato(['flavor', 'list']);
    if (r.code !== 0 || !r.stdout.includes('m1.tiny')) throw new Error(`flavor list failed: ${r.stderr}`);
  });
  const baseline = await sample(RUNS, async () => {
    await run(NODE, ['-e', '']);
  });
  const rows: Comparison[] = [{ figure: 'flavor list round trip', strato, baseline, baselineName: "node -e ''" }];
  report('cli-roundtrip', rows);
} finally {
  await fx.close();
}
