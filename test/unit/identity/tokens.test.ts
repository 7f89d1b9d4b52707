// Token minting, hashing and expiry with an injected clock, against an in-memory
// SQLite store (conductor/identity/tokens.ts, sessions.ts, identity.ts).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createIdentity, type Identity } from '../../../conductor/identity/identity.ts';
import { hashToken, isExpired, looksLikeToken, newToken } from '../../../conductor/identity/tokens.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { isCode } from '../../harness/errors.ts';
import { waitFor } from '../../harness/wait.ts';

describe('tokens (pure)', () => {
  it('are 32 random bytes in base64url, stored as their sha256', () => {
    const t = newToken();
    assert.ok(looksLikeToken(t.token));
    assert.equal(Buffer.from(t.token, 'base64url').length, 32);
    assert.equal(t.hash, createHash('sha256').update(t.token).digest('hex'));
    assert.equal(hashToken(t.token), t.hash);
    assert.notEqual(newToken().token, t.token);
  });

  it('expire at expiresAtMs exactly', () => {
    assert.equal(isExpired({ expiresAtMs: 1000 }, 999), false);
    assert.equal(isExpired({ expiresAtMs: 1000 }, 1000), true);
  });

  it('refuses shapes that cannot be tokens', () => {
    for (const s of ['', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}+`]) {
      assert.equal(looksLikeToken(s), false, s);
    }
  });
});

describe('identity with an injected clock', () => {
  let store: SqliteStore;
  let identity: Identity;
  let now = 1_000_000;

  before(async () => {
    store = new SqliteStore({ path: ':memory:' });
    identity = createIdentity({ store, clock: () => now, tokenTtlMs: 60_000, log: pino({ level: 'silent' }) });
    await identity.createProject('admin');
    await identity.createProject('p1');
    await identity.createUser({ name: 'root', password: 'root-password', project: 'admin', role: 'admin' });
    await identity.createUser({ name: 'u1', password: 'u1-password', project: 'p1', role: '' });
  });
  after(() => store?.close());

  it('mints a token valid until the TTL passes, then TOKEN_EXPIRED and gone', async () => {
    const r = await identity.login({ username: 'u1', password: 'u1-password' });
    assert.equal(r.expiresAtMs, now + 60_000);
    const p = await identity.authenticate(r.token);
    assert.deepEqual(
      { user: p.userName, project: p.projectName, role: p.role, hash: p.tokenHash },
      { user: 'u1', project: 'p1', role: 'member', hash: hashToken(r.token) },
    );
    now += 59_999;
    assert.ok(await identity.authenticate(r.token));
    now += 1;
    await assert.rejects(identity.authenticate(r.token), isCode('UNAUTHENTICATED', 'TOKEN_EXPIRED'));
    await assert.rejects(identity.authenticate(r.token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
  });

  it('stores only the hash of a token', async () => {
    const r = await identity.login({ username: 'root', password: 'root-password', project: 'admin' });
    const page = await store.list('/identity/tokens/');
    const dump = JSON.stringify(page.entries);
    assert.ok(!dump.includes(r.token), 'the token itself is nowhere in the store');
    assert.ok(page.entries.some((e) => e.key.endsWith(hashToken(r.token))));
    assert.equal((await identity.authenticate(r.token)).role, 'admin');
    await identity.revokeToken(hashToken(r.token));
  });

  it('sweeps only expired tokens', async () => {
    await identity.sweepExpiredTokens();
    const old = await identity.login({ username: 'u1', password: 'u1-password' });
    now += 30_000;
    const fresh = await identity.login({ username: 'u1', password: 'u1-password' });
    now += 30_000;
    assert.equal(await identity.sweepExpiredTokens(), 1);
    await assert.rejects(identity.authenticate(old.token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    assert.ok(await identity.authenticate(fresh.token));
  });

  it('sweeps periodically once started, and stops', async () => {
    const r = await identity.login({ username: 'u1', password: 'u1-password' });
    now += 60_000;
    const stop = identity.startTokenSweeper(10);
    try {
      await waitFor(
        async () => (await store.list('/identity/tokens/')).entries.some((e) => e.key.endsWith(hashToken(r.token))),
        (stored) => !stored,
        { what: 'the sweeper to remove the expired token', timeoutMs: 2000, intervalMs: 10 },
      );
    } finally {
      stop();
    }
  });

  it('revokes idempotently', async () => {
    const r = await identity.login({ username: 'u1', password: 'u1-password' });
    await identity.revokeToken(hashToken(r.token));
    await identity.revokeToken(hashToken(r.token));
    await assert.rejects(identity.authenticate(r.token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
  });

  it('refuses too short passwords and unknown roles', async () => {
    await assert.rejects(identity.createUser({ name: 'x', password: 'short', project: 'p1', role: '' }), /password/);
    await assert.rejects(
      identity.createUser({ name: 'x', password: 'long-enough', project: 'p1', role: 'root' }),
      /role/,
    );
  });
});
