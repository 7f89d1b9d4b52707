// tgtadm's text output, parsed from output captured from tgt 1.0.85 (Debian 12): a
// strato target with a logged-in initiator, an empty strato target, and a foreign
// target with an outgoing account and the ALL address ACL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseAccounts, parsePortals, parseTargets, tgtSizeLabel } from '../../../agent/storage/iscsi/tgt-show.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('targets: tids, names, LUNs with backing store and size, sessions, accounts and both ACL kinds', () => {
  const targets = parseTargets(fixture('tgt-1.0.85-show-target.txt'));
  assert.deepEqual(
    targets.map((t) => [t.tid, t.iqn]),
    [
      [1, 'iqn.2026-01.io.strato:11111111-1111-1111-1111-111111111111'],
      [2, 'iqn.2026-01.io.strato:22222222-2222-2222-2222-222222222222'],
      [5, 'iqn.2001-04.com.example:foreign'],
    ],
  );
  const [one, two, foreign] = targets as [(typeof targets)[0], (typeof targets)[0], (typeof targets)[0]];
  assert.deepEqual(one.luns, [
    { lun: 0, type: 'controller', size: '0 MB', backingStoreType: 'null', backingStorePath: 'None' },
    { lun: 1, type: 'disk', size: '67 MB', backingStoreType: 'rdwr', backingStorePath: '/tmp/stx-vol.raw' },
  ]);
  assert.deepEqual(one.sessions, [{ initiator: 'iqn.2026-01.io.strato:host:h1', addresses: ['127.0.0.1'] }]);
  assert.deepEqual(one.accounts, ['strato-1111']);
  assert.equal(one.outgoingAccount, undefined);
  assert.deepEqual(one.aclAddresses, ['127.0.0.1']);
  assert.deepEqual(one.aclNames, ['iqn.2026-01.io.strato:host:h1']);
  assert.deepEqual([two.luns.length, two.sessions, two.accounts, two.aclAddresses, two.aclNames], [1, [], [], [], []]);
  assert.deepEqual(foreign.accounts, []);
  assert.equal(foreign.outgoingAccount, 'out1');
  assert.deepEqual(foreign.aclAddresses, ['ALL']);
});

test('targets: no output is no targets; unknown lines are skipped', () => {
  assert.deepEqual(parseTargets(''), []);
  const t = parseTargets(
    'Target 3: iqn.x:y\n    Something new:\n        whatever: 1\n    ACL information:\n        10.0.0.0/8\n        [fd00::1]\n',
  );
  assert.deepEqual(t[0]?.aclAddresses, ['10.0.0.0/8', '[fd00::1]']);
  assert.deepEqual(t[0]?.aclNames, []);
});

test('accounts and portals', () => {
  assert.deepEqual(parseAccounts(fixture('tgt-1.0.85-show-account.txt')), [
    'foreignacct',
    'strato-11111111-1111-1111-1111-111111111111',
  ]);
  assert.deepEqual(parseAccounts(''), []);
  assert.deepEqual(parsePortals(fixture('tgt-1.0.85-show-portal.txt')), [
    { address: '::', port: 3260 },
    { address: '0.0.0.0', port: 3260 },
    { address: '::1', port: 3260 },
    { address: '127.0.0.1', port: 3260 },
  ]);
});

test('size labels follow tgt print_disksize (64 MiB prints as 67 MB) and change with every MiB', () => {
  assert.equal(tgtSizeLabel(0), '0 MB');
  assert.equal(tgtSizeLabel(64 * 1024 * 1024), '67 MB');
  assert.equal(tgtSizeLabel(1024 ** 3), '1074 MB');
  for (let mib = 1; mib < 5000; mib++) {
    assert.notEqual(tgtSizeLabel(mib * 1024 * 1024), tgtSizeLabel((mib + 1) * 1024 * 1024), `${mib} MiB`);
  }
});
