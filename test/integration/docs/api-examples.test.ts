// docs/api.md's examples, run: every shell line of the page, in order, by bash, against
// a real conductor (its own process, certificates from make-certs, a temp data dir),
// with the page's paths and address rewritten to the test's. `grpcurl` on the PATH is
// test/harness/grpcurl-lite.ts (Debian 12 has no grpcurl: the page says so) and
// `strato` is the CLI with a clouds.yaml like the one install-host writes. Each line
// must succeed, except those of the page's "Errors" section, which must fail as shown;
// the answers the page describes are checked, and a line nobody checks fails the test
// (a new example needs its expectation here).
import assert from 'node:assert/strict';
import { chmod, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runExit } from '../../harness/exec.ts';
import { type ChildEnv, startChildEnv } from '../conductor/child-env.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
const NODE = join(REPO, 'node_modules/.bin/node');

/**
 * What the public port should list: every service in proto/strato/ but the agents'
 * (strato.agent.v1, served on each agent's port) and the registry (its own port).
 */
async function publicServices(): Promise<string[]> {
  const out: string[] = [];
  for (const file of await readdir(join(REPO, 'proto/strato'), { recursive: true })) {
    if (!file.endsWith('.proto')) continue;
    const text = await readFile(join(REPO, 'proto/strato', file), 'utf8');
    const pkg = /^package ([\w.]+);/m.exec(text)?.[1] ?? '';
    for (const m of text.matchAll(/^service (\w+)/gm)) out.push(`${pkg}.${m[1]}`);
  }
  return out.filter((s) => !s.startsWith('strato.agent.') && s !== 'strato.host.v1.Registry').sort();
}

interface Example {
  section: string;
  command: string;
}

/** The page's shell lines (continuations joined), with the section each is under. */
function examples(page: string): Example[] {
  const out: Example[] = [];
  let section = '';
  let inShell = false;
  let pending = '';
  for (const line of page.split('\n')) {
    if (!inShell && line.startsWith('## ')) section = line.slice(3).trim();
    if (line.startsWith('```')) {
      inShell = !inShell && line.trim() === '```sh';
      continue;
    }
    if (!inShell || line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    out.push({ section, command: (pending + line.trim()).trim() });
    pending = '';
  }
  return out;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

type Check = (r: Result, env: ChildEnv) => void | Promise<void>;

const json = (r: Result) => JSON.parse(r.stdout) as Record<string, unknown>;

/** What the page says each kind of line answers, by the command's text. */
const CHECKS: [RegExp, Check][] = [
  [
    / list$/,
    async (r) => assert.deepEqual(r.stdout.trim().split('\n'), await publicServices(), 'the public services only'),
  ],
  [
    / list strato\.compute\.v1\.Servers$/,
    (r) => assert.match(r.stdout, /^strato\.compute\.v1\.Servers\.CreateServer$/m),
  ],
  [
    / describe strato\.compute\.v1\.CreateServerRequest$/,
    (r) => {
      assert.match(r.stdout, /^strato\.compute\.v1\.CreateServerRequest is a message:/);
      assert.match(r.stdout, /^ {2}string name = 1;$/m);
    },
  ],
  [/grpc\.health\.v1\.Health\/Check$/, (r) => assert.equal(json(r).status, 'SERVING')],
  [/^TOKEN=\$\(strato login --print-token\)$/, () => undefined],
  [/Identity\/Login$/, (r) => assert.match(String(json(r).token), /\S{20,}/)],
  [/Identity\/WhoAmI$/, (r) => assert.equal((json(r).user as { name: string }).name, 'admin')],
  [/Flavors\/CreateFlavor$/, (r) => assert.deepEqual([json(r).name, json(r).ramMib], ['m1.small', 512])],
  [
    /x-request-id: ops-check-0001'.*Flavors\/ListFlavors$/,
    (r, env) => {
      assert.equal(r.code, 0);
      assert.match(env.child.output(), /"requestId":"ops-check-0001"/, 'the conductor logged the given request id');
    },
  ],
  [/Bearer \$TOKEN.*Flavors\/ListFlavors$/, (r) => assert.ok(JSON.stringify(json(r)).includes('"m1.small"'))],
  [/Servers\/ListServers$/, (r) => assert.ok(Array.isArray(json(r).servers ?? []))],
  [/Hosts\/ListHosts$/, (r) => assert.ok(Array.isArray(json(r).hosts ?? []))],
];

describe('docs/api.md: every grpcurl example against a real conductor', () => {
  let env: ChildEnv | undefined;
  let bin = '';
  let home = '';

  before(async () => {
    env = await startChildEnv();
    bin = join(env.dir, 'bin');
    home = join(env.dir, 'home');
    await mkdir(bin);
    await mkdir(join(home, '.config/strato'), { recursive: true, mode: 0o700 });
    await writeFile(
      join(bin, 'grpcurl'),
      `#!/bin/sh\nexec ${NODE} ${join(REPO, 'test/harness/grpcurl-lite.ts')} "$@"\n`,
    );
    await chmod(join(bin, 'grpcurl'), 0o755);
    await symlink(join(REPO, 'bin/strato'), join(bin, 'strato'));
    // What install-host writes for root on the conductor host, pointed at this conductor.
    await writeFile(
      join(home, '.config/strato/clouds.yaml'),
      [
        'clouds:',
        '  default:',
        `    endpoint: "${env.address}"`,
        `    ca_file: "${join(env.tls, 'ca.crt')}"`,
        '    auth:',
        '      username: admin',
        `      password_file: "${join(env.dataDir, 'admin-password')}"`,
        '      project: admin',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
  });

  after(async () => {
    await env?.close();
  });

  it('runs each line of the page as shown', async () => {
    const page = await readFile(join(REPO, 'docs/api.md'), 'utf8');
    const lines = examples(page);
    assert.ok(lines.filter((l) => l.command.startsWith('grpcurl')).length >= 10, 'the page has its examples');
    const rewrite = (command: string) =>
      command
        .replaceAll('/etc/strato/tls/ca.crt', join(env!.tls, 'ca.crt'))
        .replaceAll('/var/lib/strato/conductor/admin-password', join(env!.dataDir, 'admin-password'))
        .replaceAll('127.0.0.1:8774', env!.address)
        .replaceAll('/opt/strato/', `${REPO}/`);
    const vars: Record<string, string> = {};
    for (const { section, command } of lines) {
      // `NAME=$(…)` sets a variable for the lines after it, as in the operator's shell.
      const assignment = /^([A-Z_]+)=\$\((.*)\)$/.exec(command);
      const r = await runExit('bash', ['-c', rewrite(assignment ? assignment[2]! : command)], {
        env: { PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`, HOME: home, ...vars },
        timeout: 60_000,
      });
      if (assignment) vars[assignment[1]!] = r.stdout.trim();
      const shown = `${command}\n${r.stdout}${r.stderr}`;
      if (section === 'Errors') {
        assert.equal(r.code, 64 + 16, `fails as UNAUTHENTICATED: ${shown}`);
        assert.match(r.stderr, /Code: Unauthenticated/);
        assert.match(r.stderr, /this call needs "authorization: Bearer <token>"; log in first/);
        continue;
      }
      assert.equal(r.code, 0, shown);
      const check = CHECKS.find(([pattern]) => pattern.test(command));
      assert.ok(check, `no expectation for this example; add one: ${command}`);
      await check[1](r, env!);
    }
    assert.match(vars.TOKEN ?? '', /\S{20,}/, 'strato login --print-token gave a token');
  });
});
