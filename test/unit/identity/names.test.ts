// The public API's naming rules (conductor/api/names.ts), table-tested.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { isUuid, nameProblem, validateName } from '../../../conductor/api/names.ts';

describe('names', () => {
  const good = ['a', 'A', '0', 'm1.tiny', 'web_01', 'test-vm', 'x'.repeat(63), 'a..b', 'Z9-._'];
  const bad = ['', '-a', '.a', '_a', 'a b', 'a/b', 'é', 'x'.repeat(64), 'a\n', '6f1c0b2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e'];
  for (const n of good) it(`accepts ${JSON.stringify(n)}`, () => assert.equal(nameProblem(n), undefined));
  for (const n of bad) it(`refuses ${JSON.stringify(n)}`, () => assert.notEqual(nameProblem(n), undefined));

  it('names the field in the error', () => {
    assert.throws(
      () => validateName('flavor.name', 'bad name'),
      (e: unknown) =>
        e instanceof StratoError &&
        e.code === 'INVALID_ARGUMENT' &&
        e.reason === 'NAME_INVALID' &&
        e.details.field === 'flavor.name' &&
        e.message.includes('flavor.name'),
    );
    assert.throws(() => validateName('name', undefined), /name "" must not be empty/);
  });

  it('recognises UUIDs in either case', () => {
    assert.ok(isUuid('6F1C0B2E-3D4A-4B5C-8D9E-0F1A2B3C4D5E'));
    assert.ok(!isUuid('6f1c0b2e3d4a4b5c8d9e0f1a2b3c4d5e'));
  });
});
