// The CLI loads what a command line needs: --help, --version, completion
// scripts and usage errors run without gRPC, protobuf, TLS or the token code
// (start-up is most of a command's time), and the root help built from the
// top-level summaries (commands/top-level.ts) is the full tree's. Checked from the
// sources (every module a file the probe sees) and in the bundle that ships
// (dist/strato.mjs through bin/strato: one file, so the probe sees Node's built-in
// modules only — grpc-js is what loads tls and http2).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TOP_LEVEL } from '../../../cli/commands/top-level.ts';
import { Ctx } from '../../../cli/context.ts';
import { buildProgram } from '../../../cli/program.ts';
import { distEntry } from '../../harness/dist.ts';
import { runExit } from '../../harness/exec.ts';
import { cli, noSession } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STRATO = join(ROOT, 'bin', 'strato');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const SOURCES = join(ROOT, 'cli', 'main.ts');
type Mode = 'sources' | 'bundle';
const MODES: Mode[] = ['sources', 'bundle'];
const PROBE = fileURLToPath(new URL('./load-probe.ts', import.meta.url));

interface Loaded {
  resolved: string[];
  cjs: string[];
  builtins: string[];
}

/** What a CLI talking to the API loads and a command line that does not must not. */
function heavy(l: Loaded): string[] {
  return [
    ...[...l.resolved, ...l.cjs].filter((u) =>
      /@grpc[/\\]grpc-js|protobufjs|cli[/\\](session|token-cache)\.ts$|common[/\\]grpc[/\\]/.test(u),
    ),
    ...l.builtins.filter((b) => /^NativeModule (tls|_tls_wrap|http2|internal\/http2\/core)$/.test(b)),
  ];
}

describe('lazy loading', () => {
  let dir = '';
  let n = 0;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), `strato-lazy-${process.pid}-`));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the CLI (its sources, or bin/strato and the bundle) with the probe; its exit code, stderr and what it loaded. */
  async function probe(mode: Mode, args: string[], env: Record<string, string> = {}) {
    const out = join(dir, `loaded-${n++}.json`);
    if (mode === 'bundle') await distEntry('strato');
    const [cmd, argv] =
      mode === 'bundle'
        ? [STRATO, args]
        : [NODE, ['--disable-warning=ExperimentalWarning', '--disable-warning=DEP0123', SOURCES, ...args]];
    const r = await runExit(cmd, argv, {
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: dir,
        STRATO_CONFIG: join(dir, 'none.yaml'),
        NODE_OPTIONS: `--import=${PROBE}`,
        STRATO_LOAD_PROBE_OUT: out,
        ...env,
      },
      timeout: 30_000,
    });
    return { ...r, loaded: JSON.parse(await readFile(out, 'utf8')) as Loaded };
  }

  it('help, version, completion and usage errors load no gRPC, protobuf, TLS or token code', async () => {
    const lines: [string[], number][] = [
      [['--help'], 0],
      [['server', '--help'], 0],
      [['server', 'list', '--help'], 0],
      // commander's `help <command>` ends as a group without its command does: exit 2.
      [['help', 'volume'], 2],
      [['--version'], 0],
      [['completion', 'bash'], 0],
      [['sevrer', 'list'], 2],
      [['server', 'lsit'], 2],
    ];
    for (const mode of MODES) {
      for (const [args, code] of lines) {
        const r = await probe(mode, args);
        assert.equal(r.code, code, `${mode}: ${args.join(' ')}: ${r.stderr}`);
        assert.deepEqual(heavy(r.loaded), [], `strato ${args.join(' ')} (${mode}) loaded these`);
      }
    }
  });

  it('the probe sees what a command talking to the API loads (the check above can fail)', async () => {
    // Nothing listens on port 1: the command fails, after loading its client.
    const env = { STRATO_URL: 'http://127.0.0.1:1', STRATO_TOKEN: 'x' };
    const r = await probe('sources', ['server', 'list'], env);
    assert.equal(r.code, 6, r.stderr);
    const seen = heavy(r.loaded).join('\n');
    assert.match(seen, /@grpc[/\\]grpc-js/);
    assert.match(seen, /protobufjs/);
    assert.match(seen, /cli[/\\]session\.ts/);
    const bundled = await probe('bundle', ['server', 'list'], env);
    assert.equal(bundled.code, 6, bundled.stderr);
    assert.match(heavy(bundled.loaded).join('\n'), /NativeModule http2/);
  });

  it('the root help from the top-level summaries is the full tree’s root help', async () => {
    let fullHelp = '';
    const sink = { write: (s: string) => (fullHelp += s) };
    const full = buildProgram(new Ctx({ stdout: sink, stderr: sink, env: {} }, noSession(), 'r'));
    full.outputHelp();
    const r = await cli(['--help'], noSession());
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, fullHelp);
    const summaries = TOP_LEVEL.flatMap((m) => m.commands.map((c) => [c.name, c.description]));
    const real = full.commands.filter((c) => c.name() !== 'completion').map((c) => [c.name(), c.description()]);
    assert.deepEqual(summaries, real);
  });

  it('a subcommand reached through a flag and its value loads its module and runs', async () => {
    const r = await cli(['-f', 'json', '-c', 'ID', 'server', 'list', '--bogus'], noSession());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option '--bogus'/);
  });
});
