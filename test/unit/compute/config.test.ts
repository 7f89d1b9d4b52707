// The conductor's configuration: defaults, file < environment < flags, and
// early refusal of nonsense.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, loadConfig, resolveConfig } from '../../../conductor/config.ts';

describe('conductor config', () => {
  it('has the documented defaults', async () => {
    const c = await loadConfig([], {});
    assert.deepEqual(c, DEFAULT_CONFIG);
    assert.equal(c?.dataDir, '/var/lib/strato/conductor');
    assert.equal(c?.listen, '127.0.0.1:8774');
    assert.equal(c?.registryListen, '0.0.0.0:8775');
    assert.equal(c?.heartbeatIntervalS, 10);
    assert.equal(c?.downTimeS, 60);
    assert.equal(c?.buildTimeoutS, 600);
  });

  it('layers file < environment < flags', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strato-config-test-'));
    try {
      const file = join(dir, 'c.json');
      await writeFile(file, JSON.stringify({ dataDir: '/from/file', listen: '127.0.0.1:1', acpiTimeoutS: 7 }));
      const c = await loadConfig(['--config', file, '--listen', '127.0.0.1:3'], {
        STRATO_CONDUCTOR_LISTEN: '127.0.0.1:2',
        STRATO_CONDUCTOR_DATA_DIR: '/from/env',
      });
      assert.equal(c?.dataDir, '/from/env');
      assert.equal(c?.listen, '127.0.0.1:3');
      assert.equal(c?.acpiTimeoutS, 7);
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
    await assert.rejects(loadConfig(['--down-time', 'soon'], {}), { reason: 'CONFIG_INVALID' });
    await assert.rejects(loadConfig(['--bogus'], {}));
    assert.equal(await loadConfig(['--help'], {}), undefined);
  });
});
