// Completion scripts and the man page, generated from the command tree;
// "did you mean" for mistyped commands at every level; errors that say the
// next step.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ctx } from '../../../cli/context.ts';
import { EXIT } from '../../../cli/errors.ts';
import { commandTree } from '../../../cli/help/command-tree.ts';
import { completionScript } from '../../../cli/help/completion.ts';
import { stratoManPage } from '../../../cli/help/man.ts';
import { buildProgram } from '../../../cli/program.ts';
import { StratoError } from '../../../common/errors.ts';
import { assertUsageError, cli, fakeSession, noSession } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const exec = promisify(execFile);

async function script(which: string): Promise<string> {
  const r = await cli(['completion', which], noSession());
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

/** What bash's completion offers for `line` (a trailing space: a new, empty word). */
async function complete(bashScript: string, line: string): Promise<string[]> {
  const program = [
    // As a user loads it: source <(strato completion bash).
    'source <(printf "%s" "$STRATO_COMPLETION")',
    `read -ra COMP_WORDS <<<${JSON.stringify(line)}`,
    `[[ ${JSON.stringify(line)} == *" " ]] && COMP_WORDS+=("")`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's expansion, not a template
    'COMP_CWORD=$((${#COMP_WORDS[@]} - 1))',
    '_strato',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's expansion, not a template
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const { stdout, stderr } = await exec('bash', ['--norc', '--noprofile', '-c', program], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', STRATO_COMPLETION: bashScript },
  });
  assert.equal(stderr, '');
  return stdout.split('\n').filter(Boolean);
}

describe('strato completion', () => {
  it('bash: sources without error and completes commands, subcommands, options and choices', async () => {
    const bash = await script('bash');
    assert.deepEqual(await complete(bash, 'strato ser'), ['server']);
    assert.deepEqual(await complete(bash, 'strato server li'), ['list']);
    assert.deepEqual(await complete(bash, 'strato server add '), ['port', 'network', 'volume', 'floating']);
    assert.deepEqual(await complete(bash, 'strato volume snapshot cr'), ['create']);
    assert.deepEqual(await complete(bash, 'strato -f '), ['table', 'json', 'yaml', 'csv', 'value']);
    // An option's value is not taken for a command: `-f json` then `fl`.
    assert.deepEqual(await complete(bash, 'strato -f json fla'), ['flavor']);
    assert.deepEqual(await complete(bash, 'strato server list --l'), ['--long']);
    const listOpts = await complete(bash, 'strato server list --');
    for (const o of ['--all-projects', '--name', '--status', '--host', '--format', '--column']) {
      assert.ok(listOpts.includes(o), `${o} in ${listOpts}`);
    }
  });

  it('bash: a command added to the tree completes (the script is generated, not kept)', async () => {
    const program = buildProgram(
      new Ctx({ stdout: process.stdout, stderr: process.stderr, env: {} }, noSession(), 'r'),
    );
    program.command('zzz-extra').description('added by the test').command('deeper').option('--knob <k>', 'k');
    const bash = completionScript('bash', commandTree(program));
    assert.deepEqual(await complete(bash, 'strato zzz'), ['zzz-extra']);
    assert.deepEqual(await complete(bash, 'strato zzz-extra d'), ['deeper']);
    assert.deepEqual(await complete(bash, 'strato zzz-extra deeper --k'), ['--knob']);
    assert.deepEqual(await complete(await script('bash'), 'strato comp'), ['completion']);
  });

  it('zsh loads the bash completion through bashcompinit; fish names every level', async () => {
    const zsh = await script('zsh');
    assert.match(zsh, /^#compdef strato\n/);
    assert.match(zsh, /bashcompinit/);
    assert.match(zsh, /complete -F _strato strato/);
    const fish = await script('fish');
    assert.match(fish, /case 'server add'\n\s+echo port network volume/);
    assert.match(fish, /complete -c strato -f -n '__strato_at '\\''server'\\''' -a 'list' -d 'list servers/);
    assert.match(fish, /complete -c strato -l format -s f -r -f -a 'table json yaml csv value'/);
  });

  it('an unknown shell is a usage error naming the choices', async () => {
    await assertUsageError(['completion', 'tcsh'], /Allowed choices are bash, zsh, fish/);
  });
});

describe('man page', () => {
  it('docs/strato.1 is generated from the current command tree (run scripts/gen-man)', async () => {
    const page = stratoManPage();
    assert.equal(await readFile(`${ROOT}docs/strato.1`, 'utf8'), page, 'docs/strato.1 is stale: run scripts/gen-man');
    assert.match(page, /^\.TH STRATO 1 /m);
    assert.match(page, /^\.SS "strato server list \[options\]"$/m);
    assert.match(page, /^\.SS "strato completion <shell>"$/m);
    assert.match(page, /\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fI<format>\\fR/);
    assert.match(page, /Exit codes: 0 ok/);
  });
});

describe('did you mean', () => {
  it('suggests commands and subcommands at every level', async () => {
    await assertUsageError(['sever', 'list'], /unknown command 'sever' \(Did you mean server\?\)/);
    await assertUsageError(['server', 'lst'], /unknown command 'lst' \(Did you mean list\?\)/);
    await assertUsageError(['volume', 'snapshot', 'lisst'], /unknown command 'lisst' \(Did you mean list\?\)/);
    await assertUsageError(['server', 'list', '--hots', 'hv1'], /unknown option '--hots' \(Did you mean --host\?\)/);
  });
});

describe('errors that say the next step', () => {
  const unavailable = (message: string) => ({
    ListFlavors: async () => {
      throw new StratoError('UNAVAILABLE', 'UNAVAILABLE', message);
    },
  });

  it('an unreachable API: the endpoint, the daemon to check and where to read on', async () => {
    const r = await cli(
      ['flavor', 'list'],
      fakeSession({ flavors: unavailable('No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1') }),
    );
    assert.equal(r.code, EXIT.UNAVAILABLE);
    assert.match(
      r.stderr,
      /^strato: error: cannot reach the API at fake:1: connect ECONNREFUSED 127\.0\.0\.1:1: is strato-conductor running and listening there\? see docs\/cli-output\.md#errors-and-what-to-do-next \(code UNAVAILABLE/,
    );
  });

  it('a TLS failure: the CA to check, and the TLS guide', async () => {
    const r = await cli(
      ['flavor', 'list'],
      fakeSession({
        flavors: unavailable(
          'No connection established. Last error: Error: self-signed certificate in certificate chain',
        ),
      }),
    );
    assert.match(
      r.stderr,
      /TLS: self-signed certificate in certificate chain; is the system's CA store the CA .*see docs\/tls\.md/,
    );
  });

  it('the documented anchor exists', async () => {
    const doc = await readFile(`${ROOT}docs/cli-output.md`, 'utf8');
    assert.match(doc, /^## Errors and what to do next$/m);
  });
});
