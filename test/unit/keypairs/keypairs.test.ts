// Key pairs: the conductor's Ed25519 generation checked by OpenSSH itself
// (ssh-keygen derives the same public key from the private key we hand out
// and prints the same fingerprint), imports of keys ssh-keygen made (Ed25519,
// RSA, ECDSA P-256) and of malformed or weak ones (refused, naming the field,
// changing nothing), comment sanitising, and isolation: a key pair is its
// user's only, every other user gets NOT_FOUND.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { KeyPairs } from '../../../conductor/keypairs/keypairs.ts';
import { parsePublicKey, sanitizeComment } from '../../../conductor/keypairs/public-key.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { principal } from '../quotas/compute-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'strato-keypairs-'));
const sshKeygen = (args: string[]) => execFileSync('ssh-keygen', args, { encoding: 'utf8' });

let made = 0;

/** A new key ssh-keygen made: its public line. */
function keygen(type: string, bits?: number): string {
  const file = join(dir, `${type}-${bits ?? 0}-${made++}`);
  sshKeygen(['-q', '-t', type, ...(bits ? ['-b', String(bits)] : []), '-N', '', '-C', 'me@host', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8');
}

const fingerprintOf = (pubLine: string) => {
  const f = join(dir, 'fp.pub');
  writeFileSync(f, pubLine);
  return sshKeygen(['-l', '-E', 'sha256', '-f', f]).split(' ')[1];
};

const invalidKey = (e: unknown) => {
  assert.ok(isStratoError(e, 'INVALID_ARGUMENT'), String(e));
  assert.equal(e.reason, 'PUBLIC_KEY_INVALID');
  assert.equal(e.details.field, 'public_key');
  assert.ok(e.message.length < 200, 'the message does not quote the input');
  return true;
};

describe('key pairs', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const keyPairs = new KeyPairs({ store, log: quiet });
  const alice = principal('p1');
  const bob = { ...principal('p1'), userId: 'u-bob', userName: 'bob' };
  const carol = principal('p2');
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates an Ed25519 key pair whose private key OpenSSH reads back to the same public key', async () => {
    const { keyPair, privateKey } = await keyPairs.create(alice, 'gen');
    assert.match(privateKey, /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/);
    const file = join(dir, 'gen');
    writeFileSync(file, privateKey, { mode: 0o600 });
    const derived = sshKeygen(['-y', '-f', file]).trim();
    assert.equal(derived, keyPair.publicKey, 'ssh-keygen -y gives the stored public key (comment = the name)');
    assert.equal(keyPair.type, 'ssh-ed25519');
    assert.equal(keyPair.bits, 256);
    assert.equal(keyPair.fingerprint, fingerprintOf(keyPair.publicKey));
    const stored = JSON.stringify((await store.list('/keypairs/')).entries);
    assert.doesNotMatch(stored, /PRIVATE/, 'the private key is not kept');
  });

  it('imports keys ssh-keygen made: Ed25519, RSA 2048 and 3072, ECDSA P-256', async () => {
    for (const [type, bits] of [['ed25519'], ['rsa', 2048], ['rsa', 3072], ['ecdsa', 256]] as const) {
      const line = keygen(type, bits);
      const k = await keyPairs.import(alice, `imp-${type}-${bits ?? 0}`, line);
      assert.equal(k.publicKey, line.trim());
      assert.equal(k.fingerprint, fingerprintOf(line));
      assert.equal(k.bits, bits ?? 256);
    }
  });

  it('refuses what is not a usable key, changing nothing', async () => {
    const ed = keygen('ed25519').trim();
    const [type, b64] = ed.split(' ') as [string, string];
    const blob = Buffer.from(b64, 'base64');
    const p256 = keygen('ecdsa', 256).trim().split(' ');
    const offCurve = Buffer.from(p256[1]!, 'base64');
    offCurve[offCurve.length - 1]! ^= 1;
    const before = (await store.status()).revision;
    const bad = [
      '',
      'not a key',
      keygen('rsa', 1024),
      keygen('ecdsa', 384),
      `ssh-dss ${b64}`,
      `ssh-rsa ${b64}`,
      `${type} ${blob.subarray(0, blob.length - 3).toString('base64')}`,
      `${type} ${Buffer.concat([blob, Buffer.from([0])]).toString('base64')}`,
      `${p256[0]} ${offCurve.toString('base64')}`,
      `${ed}\nssh-ed25519 ${b64} second`,
      `${type} ${b64} ${'x'.repeat(9000)}`,
      `${type} !!!${b64}`,
    ];
    for (const line of bad) await assert.rejects(keyPairs.import(alice, 'bad', line), invalidKey);
    assert.equal((await store.status()).revision, before);
  });

  it('keeps a comment only as harmless text: no control characters, one line, bounded', () => {
    assert.equal(sanitizeComment(' a\tb\u0000c\u001b[31m  d\u2028e '), 'a b c [31m d e');
    assert.equal(sanitizeComment('é'.repeat(300)).length, 255);
    const k = parsePublicKey(`${keygen('ed25519').trim().split(' ').slice(0, 2).join(' ')} evil\u0085\u007fcomment`);
    assert.equal(k.comment, 'evil comment');
  });

  it('names are unique per user, and each user sees only their own', async () => {
    await assert.rejects(keyPairs.create(alice, 'gen'), { code: 'ALREADY_EXISTS', reason: 'KEYPAIR_EXISTS' });
    await keyPairs.create(bob, 'gen');
    for (const other of [bob, carol]) {
      const names = (await keyPairs.list(other, {})).items.map((k) => k.name);
      assert.ok(!names.includes('imp-ed25519-0'), 'not listed for another user');
    }
    for (const other of [carol, { ...carol, role: 'admin' as const }]) {
      await assert.rejects(keyPairs.get(other, 'imp-ed25519-0'), { code: 'NOT_FOUND', reason: 'KEYPAIR_NOT_FOUND' });
      await assert.rejects(keyPairs.delete(other, 'imp-ed25519-0'), { code: 'NOT_FOUND', reason: 'KEYPAIR_NOT_FOUND' });
    }
    assert.equal((await keyPairs.get(alice, 'imp-ed25519-0')).userId, alice.userId, 'still there for its user');
    await assert.rejects(keyPairs.create(alice, 'a b'), { code: 'INVALID_ARGUMENT', reason: 'NAME_INVALID' });
    await keyPairs.delete(alice, 'gen');
    await assert.rejects(keyPairs.get(alice, 'gen'), { code: 'NOT_FOUND' });
    assert.equal((await keyPairs.get(bob, 'gen')).userId, 'u-bob', "bob's own key of that name is untouched");
  });
});
