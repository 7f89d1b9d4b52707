// scrypt password hashing (conductor/identity/password.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from '../../../conductor/identity/password.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const h = await hashPassword('correct horse');
    assert.match(h, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('correct horse', h), true);
    assert.equal(await verifyPassword('correct horse ', h), false);
    assert.equal(await verifyPassword('', h), false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    assert.notEqual(a, b);
    assert.ok(await verifyPassword('same', a));
    assert.ok(await verifyPassword('same', b));
  });

  it('treats unparsable or hostile hashes as a mismatch', async () => {
    for (const h of [
      '',
      'plain',
      'scrypt$x$8$1$aa$bb',
      'bcrypt$1$2$3$4$5',
      `scrypt$${2 ** 30}$8$1$AAAA$${'A'.repeat(43)}`,
    ]) {
      assert.equal(await verifyPassword('pw', h), false, h);
    }
  });

  it('normalises Unicode so the same visible password matches', async () => {
    const h = await hashPassword('caf\u00e9-pass');
    assert.ok(await verifyPassword('cafe\u0301-pass', h));
  });
});
