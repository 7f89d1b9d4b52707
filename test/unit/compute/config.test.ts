// The conductor's configuration: defaults, file < environment < flags, early
// refusal of nonsense, --help/--version before any check, and the old
// spellings of the duration flags (and their environment variables) kept as
// deprecated aliases of the unit-suffixed names.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AGENT_FLAGS } from '../../../agent/config.ts';
import type { Deprecation } from '../../../common/daemon-flags.ts';
import {
  CONDUCTOR_FLAGS,
  type ConductorConfig,
  DEFAULT_CONFIG,
  HELP,
  loadCommand,
  publicTlsFiles,
  resolveConfig,
} from '../../../conductor/config.ts';

async function load(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ config: ConductorConfig; deprecated: Deprecation[] }> {
  const c = await loadCommand(argv, env);
  assert.equal(c.kind, 'run');
  return c as { config: ConductorConfig; deprecated: Deprecation[] };
}

describe('conductor config', () => {
  it('has the documented defaults', async () => {
    const { config: c, deprecated } = await load([]);
    assert.deepEqual(c, DEFAULT_CONFIG);
    assert.deepEqual(deprecated, []);
    assert.equal(c.dataDir, '/var/lib/strato/conductor');
    assert.equal(c.listen, '127.0.0.1:8774');
    assert.equal(c.registryListen, '0.0.0.0:8775');
    assert.equal(c.heartbeatIntervalS, 10);
    assert.equal(c.downTimeS, 60);
    assert.equal(c.buildTimeoutS, 600);
    assert.equal(c.metricsListen, '127.0.0.1:9180');
  });

  it('--metrics-listen: an address, or off; from the environment too; nonsense refused naming it', async () => {
    assert.equal((await load(['--metrics-listen', 'off'])).config.metricsListen, 'off');
    assert.equal(
      (await load([], { STRATO_CONDUCTOR_METRICS_LISTEN: '[::1]:9100' })).config.metricsListen,
      '[::1]:9100',
    );
    await assert.rejects(loadCommand(['--metrics-listen', '0.0.0.0'], {}), {
      reason: 'CONFIG_INVALID',
      message: /^metricsListen must be IP:PORT/,
    });
  });

  it('layers file < environment < flags', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strato-config-test-'));
    try {
      const file = join(dir, 'c.json');
      await writeFile(file, JSON.stringify({ dataDir: '/from/file', listen: '127.0.0.1:1', acpiTimeoutS: 7 }));
      const { config: c } = await load(['--config', file, '--listen', '127.0.0.1:3'], {
        STRATO_CONDUCTOR_LISTEN: '127.0.0.1:2',
        STRATO_CONDUCTOR_DATA_DIR: '/from/env',
      });
      assert.equal(c.dataDir, '/from/env');
      assert.equal(c.listen, '127.0.0.1:3');
      assert.equal(c.acpiTimeoutS, 7);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses nonsense early', async () => {
    assert.throws(() => resolveConfig({ heartbeatIntervalS: 10, downTimeS: 5 }), { reason: 'CONFIG_INVALID' });
    assert.throws(() => resolveConfig({ acpiTimeoutS: 0 }), { reason: 'CONFIG_INVALID' });
    // A build must outlast one spawn call, or a slow spawn would time the build out at once.
    assert.throws(() => resolveConfig({ spawnTimeoutS: 300, buildTimeoutS: 299 }), { reason: 'CONFIG_INVALID' });
    assert.throws(() => resolveConfig({ allocationRatio: { cpu: -1, ram: 1, disk: 1 } }), { reason: 'CONFIG_INVALID' });
    await assert.rejects(loadCommand(['--down-time-s', 'soon'], {}), {
      reason: 'CONFIG_INVALID',
      message: /--down-time-s must be a number/,
    });
    await assert.rejects(loadCommand(['--bogus'], {}), { reason: 'CONFIG_INVALID', message: /--bogus/ });
  });

  it('takes quota defaults over the built-in ones, each checked', () => {
    const c = resolveConfig({ quotaDefaults: { instances: 5, floatingIps: -1 } });
    assert.deepEqual(
      [c.quotaDefaults.instances, c.quotaDefaults.floatingIps, c.quotaDefaults.cores, c.quotaDefaults.ramMib],
      [5, -1, 20, 51_200],
    );
    for (const bad of [{ instances: -2 }, { cores: 1.5 }, { widgets: 1 }, 'all']) {
      assert.throws(() => resolveConfig({ quotaDefaults: bad as never }), {
        reason: 'CONFIG_INVALID',
        message: /^quotaDefaults/,
      });
    }
  });

  it('answers --help and --version before checking anything else', async () => {
    for (const argv of [['--help'], ['-h'], ['--down-time-s', 'soon', '--help']]) {
      assert.deepEqual(await loadCommand(argv, { STRATO_CONDUCTOR_DOWN_TIME_S: 'x' }), { kind: 'help' }, `${argv}`);
    }
    for (const argv of [['--version'], ['-V']]) assert.deepEqual(await loadCommand(argv, {}), { kind: 'version' });
    // The help lists every flag, its unit and default, and the old spellings.
    for (const flag of Object.keys(CONDUCTOR_FLAGS)) assert.match(HELP, new RegExp(`--${flag}\\b`));
    assert.match(HELP, /--acpi-timeout-s S +soft stop.*\(default: 60; --acpi-timeout is a deprecated alias\)/);
  });

  it('durations are named with their unit; the old flags and variables still work, reported as deprecated', async () => {
    const durations = ['heartbeat-interval-s', 'down-time-s', 'acpi-timeout-s', 'network-resync-s'];
    for (const flag of durations) assert.ok(CONDUCTOR_FLAGS[flag], flag);
    const neu = await load(['--heartbeat-interval-s', '2', '--down-time-s', '9', '--acpi-timeout-s', '3']);
    assert.deepEqual([neu.config.heartbeatIntervalS, neu.config.downTimeS, neu.config.acpiTimeoutS], [2, 9, 3]);
    assert.deepEqual(neu.deprecated, []);

    const old = await load(['--heartbeat-interval', '2', '--down-time', '9', '--acpi-timeout', '3'], {
      STRATO_CONDUCTOR_NETWORK_RESYNC: '7',
    });
    assert.deepEqual(
      [old.config.heartbeatIntervalS, old.config.downTimeS, old.config.acpiTimeoutS, old.config.networkResyncS],
      [2, 9, 3, 7],
    );
    assert.deepEqual(old.deprecated, [
      { given: 'STRATO_CONDUCTOR_NETWORK_RESYNC', use: 'STRATO_CONDUCTOR_NETWORK_RESYNC_S' },
      { given: '--heartbeat-interval', use: '--heartbeat-interval-s' },
      { given: '--down-time', use: '--down-time-s' },
      { given: '--acpi-timeout', use: '--acpi-timeout-s' },
    ]);
    const env = await load([], { STRATO_CONDUCTOR_ACPI_TIMEOUT_S: '4' });
    assert.equal(env.config.acpiTimeoutS, 4);

    await assert.rejects(loadCommand(['--acpi-timeout', '3', '--acpi-timeout-s', '4'], {}), {
      reason: 'CONFIG_INVALID',
      message: /--acpi-timeout-s and --acpi-timeout are the same setting; give --acpi-timeout-s only/,
    });
    await assert.rejects(loadCommand([], { STRATO_CONDUCTOR_DOWN_TIME: '5', STRATO_CONDUCTOR_DOWN_TIME_S: '6' }), {
      reason: 'CONFIG_INVALID',
      message: /STRATO_CONDUCTOR_DOWN_TIME_S and STRATO_CONDUCTOR_DOWN_TIME/,
    });
  });

  it('one rule across both daemons: every duration flag ends in -s, and a flag both have is spelled alike', () => {
    const durations = /interval|time|timeout|grace|wait|resync|ttl/;
    for (const table of [CONDUCTOR_FLAGS, AGENT_FLAGS]) {
      for (const flag of Object.keys(table)) if (durations.test(flag)) assert.match(flag, /-s$/, flag);
    }
    assert.ok(CONDUCTOR_FLAGS['acpi-timeout-s'] && AGENT_FLAGS['acpi-timeout-s']);
  });

  it('tokens last 1 h unless --token-ttl-s says otherwise', async () => {
    assert.equal(DEFAULT_CONFIG.tokenTtlS, 3600);
    assert.equal((await load(['--token-ttl-s', '90'])).config.tokenTtlS, 90);
    assert.equal((await load([], { STRATO_CONDUCTOR_TOKEN_TTL_S: '30' })).config.tokenTtlS, 30);
    await assert.rejects(loadCommand(['--token-ttl-s', '0'], {}), { reason: 'CONFIG_INVALID' });
  });

  it('the public API: its own certificate (both files or neither), plain text only on loopback', async () => {
    const tls = await load(['--tls-cert', '/etc/strato/tls/api.crt', '--tls-key', '/etc/strato/tls/api.key']);
    assert.deepEqual([tls.config.tlsCert, tls.config.tlsKey], ['/etc/strato/tls/api.crt', '/etc/strato/tls/api.key']);
    assert.deepEqual(publicTlsFiles(tls.config), {
      certFile: '/etc/strato/tls/api.crt',
      keyFile: '/etc/strato/tls/api.key',
    });
    assert.deepEqual(publicTlsFiles(DEFAULT_CONFIG), {
      certFile: '/etc/strato/tls/conductor.crt',
      keyFile: '/etc/strato/tls/conductor.key',
    });
    await assert.rejects(loadCommand(['--tls-cert', '/x.crt'], {}), {
      reason: 'CONFIG_INVALID',
      message: /both or neither/,
    });
    for (const listen of ['127.0.0.1:8774', '[::1]:8774', 'localhost:8774']) {
      const c = await load(['--listen-plaintext', '--listen', listen]);
      assert.equal(c.config.listenPlaintext, true, listen);
    }
    assert.equal((await load([], { STRATO_CONDUCTOR_LISTEN_PLAINTEXT: '1' })).config.listenPlaintext, true);
    for (const listen of ['0.0.0.0:8774', '[::]:8774', '10.0.0.5:8774', 'api.example:8774']) {
      await assert.rejects(loadCommand(['--listen-plaintext', '--listen', listen], {}), {
        reason: 'CONFIG_INVALID',
        message: /only on a loopback address/,
      });
    }
    assert.throws(() => resolveConfig({ listenPlaintext: true, tlsCert: '/a', tlsKey: '/b' }), /serves no certificate/);
  });
});
