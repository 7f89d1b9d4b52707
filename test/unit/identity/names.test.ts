// The public API's naming rules (conductor/naming/names.ts), table-tested.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import {
  hasControlChars,
  isPossibleRef,
  isUuid,
  nameProblem,
  textProblem,
  validateName,
  validateText,
} from '../../../conductor/naming/names.ts';
import { possibleHostRef, possibleRef, resolveRef } from '../../../conductor/naming/resolve.ts';

describe('names', () => {
  // Almost anything printable, as in Nova: any script, punctuation and symbols
  // (strato never puts a name in a shell, a path or unescaped markup).
  const good = [
    'a',
    'A',
    '0',
    'm1.tiny',
    'web_01',
    'test-vm',
    'x'.repeat(63),
    'a..b',
    'Z9-._',
    '.a',
    '_a',
    'a/b',
    'é',
    `<a&b>'"`,
    '$(id)',
    '../../etc/passwd',
    'サーバー',
    '😀'.repeat(63),
    'e\u0301',
  ];
  // Whitespace, control, format (bidirectional overrides), private-use and
  // lone surrogates; a leading '-'; too long (in characters); UUID-shaped.
  const bad = [
    '',
    '-a',
    'a b',
    'a\u00a0b',
    'x'.repeat(64),
    '😀'.repeat(64),
    'a\n',
    'a\u0000',
    'a\u202eb',
    'a\u200bb',
    '\ue000',
    '\ud800',
    '6f1c0b2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e',
  ];
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

  it('quotes at most a bound of a bad name', () => {
    assert.throws(
      () => validateName('name', 'x'.repeat(60_000)),
      (e: unknown) => e instanceof StratoError && e.message.length < 200 && e.message.includes('(60000 characters)'),
    );
  });
});

describe('references at the edge', () => {
  it('takes ids and valid names as possible references, nothing else', () => {
    for (const r of ['web-1', '6F1C0B2E-3D4A-4B5C-8D9E-0F1A2B3C4D5E']) assert.ok(isPossibleRef(r), r);
    for (const r of ['x'.repeat(64), 'a\u0001b', 'a b', '']) assert.ok(!isPossibleRef(r), JSON.stringify(r));
  });

  it('answers NOT_FOUND for a reference that can name nothing, without a lookup', async () => {
    let looked = false;
    const resolver = {
      kind: 'image',
      async byId() {
        looked = true;
        return undefined;
      },
      async byName() {
        looked = true;
        return [];
      },
      idOf: () => '',
    };
    for (const ref of ['x'.repeat(2000), 'edge\u0000ctl']) {
      await assert.rejects(
        resolveRef('image', ref, resolver),
        (e: unknown) =>
          e instanceof StratoError &&
          e.code === 'NOT_FOUND' &&
          e.reason === 'IMAGE_NOT_FOUND' &&
          e.message.length < 120 &&
          !hasControlChars(e.message) &&
          (e.details.image ?? '').length <= 49,
      );
    }
    assert.equal(looked, false);
    assert.throws(() => possibleRef('server', 'server', ''), /server is required/);
    assert.throws(
      () => possibleHostRef('host', 'h'.repeat(254)),
      (e: unknown) => (e as StratoError).reason === 'HOST_NOT_FOUND',
    );
    assert.equal(possibleHostRef('host', 'hv-1.example.org'), 'hv-1.example.org');
  });
});

describe('free text', () => {
  it('limits length and refuses control characters, naming the field and the limit', () => {
    assert.equal(textProblem('', 10), undefined);
    assert.equal(textProblem('compute:nova', 255), undefined);
    assert.match(textProblem('x'.repeat(11), 10) ?? '', /at most 10 characters/);
    for (const c of ['\u0000', '\n', '\u001b', '\u007f', '\u0085'])
      assert.match(textProblem(`a${c}b`, 10) ?? '', /control/);
    assert.throws(
      () => validateText('device_id', 'x'.repeat(300), 255),
      (e: unknown) =>
        e instanceof StratoError &&
        e.reason === 'DEVICE_ID_INVALID' &&
        e.details.field === 'device_id' &&
        e.message === 'device_id must be at most 255 characters',
    );
  });
});
