// The daemons' settings through the environment, as the units' EnvironmentFiles give
// them: STRATO_AGENT_* read from the one flag table (lists comma-separated, switches
// 1/0), flags winning over variables, errors naming the variable that was wrong, and
// the generated EnvironmentFile listing every flag with its default.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AGENT_FLAGS, parseAgentCommand, parseAgentConfig } from '../../../agent/config.ts';
import { envFileText, envSettings, envVarName } from '../../../common/daemon-flags.ts';
import { isStratoError } from '../../../common/errors.ts';
import { CONDUCTOR_FLAGS } from '../../../conductor/config.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENV = { STRATO_AGENT_CONDUCTOR: 'c1:8775, c2:8775', STRATO_AGENT_TLS_DIR: '/etc/strato/tls' };

describe('the agent from its environment', () => {
  test('every flag has a variable; a list is comma-separated; empty means unset', () => {
    const c = parseAgentConfig([], 'hv-1', {
      ...ENV,
      STRATO_AGENT_ACPI_TIMEOUT_S: '7',
      STRATO_AGENT_HOST_ID: '',
      STRATO_AGENT_ROLES: 'compute,storage',
    });
    assert.deepEqual(c.conductors, ['c1:8775', 'c2:8775']);
    assert.equal(c.certFile, '/etc/strato/tls/hv-1.crt');
    assert.equal(c.acpiTimeoutS, 7);
    assert.equal(c.hostId, 'hv-1');
    assert.deepEqual(c.roles, ['compute', 'storage']);
  });

  test('a flag wins over its variable', () => {
    const c = parseAgentConfig(['--acpi-timeout-s', '9', '--conductor', 'c3:1'], 'hv', {
      ...ENV,
      STRATO_AGENT_ACPI_TIMEOUT_S: '7',
    });
    assert.equal(c.acpiTimeoutS, 9);
    assert.deepEqual(c.conductors, ['c3:1']);
  });

  test('a bad value from the environment is INVALID_ARGUMENT naming the variable, not a flag', () => {
    assert.throws(
      () => parseAgentConfig([], 'hv', { ...ENV, STRATO_AGENT_ACPI_TIMEOUT_S: 'soon' }),
      (e) =>
        isStratoError(e, 'INVALID_ARGUMENT') &&
        e.message.startsWith('STRATO_AGENT_ACPI_TIMEOUT_S: must be an integer') &&
        e.details.variable === 'STRATO_AGENT_ACPI_TIMEOUT_S',
    );
    // The same value as a flag is reported as the flag.
    assert.throws(
      () => parseAgentConfig(['--acpi-timeout-s', 'soon'], 'hv', ENV),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.message.startsWith('--acpi-timeout-s:'),
    );
    assert.throws(
      () => parseAgentConfig([], 'hv', { ...ENV, STRATO_AGENT_LVM_TEST_LOOP_STAND_IN: 'maybe' }),
      (e) =>
        isStratoError(e, 'INVALID_ARGUMENT') && /STRATO_AGENT_LVM_TEST_LOOP_STAND_IN must be 1 or 0/.test(e.message),
    );
  });

  test('--help still answers whatever the environment holds', () => {
    assert.deepEqual(parseAgentCommand(['--help'], 'hv', { STRATO_AGENT_ACPI_TIMEOUT_S: 'soon' }), { kind: 'help' });
  });

  test('switches: 1/true/yes and 0/false/no', () => {
    const table = { x: { help: 'a switch' } };
    assert.equal(envSettings(table, 'P', { P_X: 'yes' }).values.x, true);
    assert.equal(envSettings(table, 'P', { P_X: '0' }).values.x, false);
  });
});

describe('the EnvironmentFile', () => {
  test('lists every flag with its help and default, sets what was given, names what the unit sets', () => {
    const text = envFileText(AGENT_FLAGS, 'STRATO_AGENT', {
      header: ['hello'],
      set: { conductor: 'c1:8775' },
    });
    assert.ok(text.startsWith('# hello\n'));
    for (const flag of Object.keys(AGENT_FLAGS))
      assert.match(text, new RegExp(`^#?${envVarName('STRATO_AGENT', flag)}=`, 'm'));
    assert.match(text, /^STRATO_AGENT_CONDUCTOR=c1:8775$/m);
    assert.match(text, /^# seconds between full state reports.*\(default: 30\)\n#STRATO_AGENT_RESYNC_INTERVAL_S=30$/m);
    // A described default is not written as a value.
    assert.match(text, /^#STRATO_AGENT_HOST_ID=$/m);
    const managed = envFileText(CONDUCTOR_FLAGS, 'STRATO_CONDUCTOR', {
      header: [],
      managed: { 'tls-dir': 'by systemd' },
    });
    assert.doesNotMatch(managed, /STRATO_CONDUCTOR_TLS_DIR=/);
    assert.match(managed, /STRATO_CONDUCTOR_TLS_DIR is set by the unit \(by systemd\)/);
    assert.throws(
      () => envFileText(AGENT_FLAGS, 'STRATO_AGENT', { header: [], set: { bogus: '1' } }),
      /unknown setting/,
    );
  });

  /** systemd's EnvironmentFile= syntax: comments and VAR=value lines. */
  const envOf = (text: string): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = {};
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      env[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return env;
  };

  test('what install-host writes parses back to what it asked for', () => {
    const r = spawnSync(
      process.execPath,
      ['scripts/lib/env-file.ts', 'agent', 'conductor=10.0.0.1:8775', 'tls-dir=/etc/strato/tls', 'host-id=hv-7'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const c = parseAgentConfig([], 'ignored', envOf(r.stdout));
    assert.deepEqual([c.hostId, c.conductors, c.tlsDir], ['hv-7', ['10.0.0.1:8775'], '/etc/strato/tls']);
    // install-host --storage --volume-group vg0: the storage role on LVM.
    const storage = spawnSync(
      process.execPath,
      [
        'scripts/lib/env-file.ts',
        'agent',
        'tls-dir=/etc/strato/tls',
        'roles=compute,storage',
        'storage-backend=lvm',
        'volume-group=vg0',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(storage.status, 0, storage.stderr);
    const s = parseAgentConfig([], 'ignored', { ...envOf(storage.stdout), STRATO_AGENT_CONDUCTOR: '10.0.0.1:8775' });
    assert.deepEqual([s.roles, s.storage?.backend, s.storage?.volumeGroup], [['compute', 'storage'], 'lvm', 'vg0']);
    const bad = spawnSync(process.execPath, ['scripts/lib/env-file.ts', 'agent', 'bogus=1'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown setting bogus/);
  });
});
