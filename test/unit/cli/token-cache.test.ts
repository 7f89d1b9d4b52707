import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Cloud } from '../../../cli/config.ts';
import {
  type CachedToken,
  EXPIRY_MARGIN_MS,
  isStaleExplicit,
  isUsable,
  readCachedToken,
  removeCachedToken,
  tokenCachePath,
  writeCachedToken,
} from '../../../cli/token-cache.ts';

const cloud: Cloud = { name: 'lab', endpoint: 'h:1', auth: { username: 'admin', project: 'admin' } };
const NOW = Date.parse('2026-01-01T12:00:00Z');
const entry = (expiresAt: string, over: Partial<CachedToken> = {}): CachedToken => ({
  token: 't',
  expiresAt,
  endpoint: 'h:1',
  username: 'admin',
  project: 'admin',
  ...over,
});

describe('isUsable', () => {
  it('accepts a token well before its expiry', () => {
    assert.equal(isUsable(entry('2026-01-01T13:00:00Z'), cloud, NOW), true);
  });
  it('refuses a token in its last minute, or expired', () => {
    const edge = new Date(NOW + EXPIRY_MARGIN_MS).toISOString();
    const justAfter = new Date(NOW + EXPIRY_MARGIN_MS + 1000).toISOString();
    assert.equal(isUsable(entry(edge), cloud, NOW), false);
    assert.equal(isUsable(entry(justAfter), cloud, NOW), true);
    assert.equal(isUsable(entry('2026-01-01T11:00:00Z'), cloud, NOW), false);
  });
  it('refuses a token for another endpoint, user or project, or with a bad date', () => {
    const later = '2026-01-01T13:00:00Z';
    assert.equal(isUsable(entry(later, { endpoint: 'other:1' }), cloud, NOW), false);
    assert.equal(isUsable(entry(later, { username: 'bob' }), cloud, NOW), false);
    assert.equal(isUsable(entry(later, { project: 'demo' }), cloud, NOW), false);
    assert.equal(isUsable(entry('soon'), cloud, NOW), false);
    assert.equal(isUsable(undefined, cloud, NOW), false);
  });
});

describe('a token from "strato login --user"', () => {
  const later = '2026-01-01T13:00:00Z';
  it('stands for the cloud whatever user and project it configures, until it expires', () => {
    const mine = entry(later, { username: 'alice', project: 'demo', explicit: true });
    assert.equal(isUsable(mine, cloud, NOW), true);
    assert.equal(isUsable(mine, { ...cloud, auth: {} }, NOW), true, 'also a cloud without credentials');
    assert.equal(isUsable({ ...mine, endpoint: 'other:1' }, cloud, NOW), false, 'never for another endpoint');
    assert.equal(isStaleExplicit(mine, cloud, NOW), false);
  });
  it('once expired, is stale (the CLI asks for a new login instead of switching users)', () => {
    const old = entry('2026-01-01T11:00:00Z', { username: 'alice', explicit: true });
    assert.equal(isUsable(old, cloud, NOW), false);
    assert.equal(isStaleExplicit(old, cloud, NOW), true);
    assert.equal(isStaleExplicit(entry('2026-01-01T11:00:00Z'), cloud, NOW), false, 'a configured login just renews');
  });
});

describe('tokenCachePath', () => {
  it('lives under XDG_CACHE_HOME or ~/.cache, one safe file per cloud', () => {
    assert.equal(tokenCachePath('lab', {}, '/home/u'), '/home/u/.cache/strato/tokens/lab.json');
    assert.equal(tokenCachePath('lab', { XDG_CACHE_HOME: '/c' }, '/home/u'), '/c/strato/tokens/lab.json');
    assert.equal(tokenCachePath('../x', {}, '/h'), '/h/.cache/strato/tokens/_%2fx.json');
  });
});

describe('cache files', () => {
  it('writes 0600 in a 0700 directory, reads back, treats garbage as a miss, removes', async () => {
    const home = await mkdtemp(join(tmpdir(), 'strato-cli-token-'));
    try {
      const path = tokenCachePath('lab', {}, home);
      assert.equal(await readCachedToken(path), undefined);
      const e = entry('2026-01-01T13:00:00Z');
      await writeCachedToken(path, e);
      assert.deepEqual(await readCachedToken(path), e);
      assert.equal((await stat(path)).mode & 0o777, 0o600);
      assert.equal((await stat(dirname(path))).mode & 0o777, 0o700);
      await writeFile(path, '{"token": 1}');
      assert.equal(await readCachedToken(path), undefined);
      await writeFile(path, 'not json');
      assert.equal(await readCachedToken(path), undefined);
      await removeCachedToken(path);
      await removeCachedToken(path); // absent is fine
      await assert.rejects(readFile(path), { code: 'ENOENT' });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
