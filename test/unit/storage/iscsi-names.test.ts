// Names strato owns on tgtd, and the checks on what the conductor sends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chapUser,
  formatPortal,
  parsePortal,
  requireAddress,
  requireChapSecret,
  requireInitiatorName,
  targetIqn,
  volumeOfAccount,
  volumeOfTarget,
} from '../../../agent/storage/iscsi/iscsi-names.ts';
import { invalidField } from '../../harness/errors.ts';

const V = '0a1b2c3d-0000-4000-8000-00000000abcd';

test('target and account names carry the volume id; foreign names are not ours', () => {
  assert.equal(targetIqn(V), `iqn.2026-01.io.strato:${V}`);
  assert.equal(volumeOfTarget(targetIqn(V)), V);
  assert.equal(volumeOfTarget('iqn.2026-01.io.strato:not-a-uuid'), undefined);
  assert.equal(volumeOfTarget('iqn.2001-04.com.example:disk'), undefined);
  assert.equal(volumeOfAccount(chapUser(V)), V);
  assert.equal(volumeOfAccount('strato-admin'), undefined);
});

test('initiator names, addresses and CHAP secrets are checked, naming the field', () => {
  requireInitiatorName('initiator_name', 'iqn.2026-01.io.strato:host:compute-1');
  requireInitiatorName('initiator_name', 'iqn.1994-05.com.redhat:a1b2c3');
  for (const bad of ['IQN.2026-01.io.strato:x', 'iqn.2026-01.io.strato:a,b', 'eui.1234', '', 'iqn.2026-01.io strato']) {
    assert.equal(
      invalidField(() => requireInitiatorName('initiator_name', bad)),
      'initiator_name',
      bad,
    );
  }
  requireAddress('initiator_address', '10.0.0.2');
  requireAddress('initiator_address', 'fd00::2');
  assert.equal(
    invalidField(() => requireAddress('initiator_address', '10.0.0.0/8')),
    'initiator_address',
  );
  requireChapSecret('chap_secret', 'Abcdefgh-1234_xyz');
  for (const bad of ['short', 'has,comma-123456', 'has space 123456', 'x'.repeat(129)]) {
    assert.equal(
      invalidField(() => requireChapSecret('chap_secret', bad)),
      'chap_secret',
      bad,
    );
  }
});

test('portals: a specific address, port 3260 by default, IPv6 in brackets; wildcards refused', () => {
  assert.deepEqual(parsePortal('10.0.0.1'), { address: '10.0.0.1', port: 3260 });
  assert.deepEqual(parsePortal('10.0.0.1:3261'), { address: '10.0.0.1', port: 3261 });
  assert.deepEqual(parsePortal('[fd00::1]:3260'), { address: 'fd00::1', port: 3260 });
  assert.equal(formatPortal({ address: 'fd00::1', port: 3260 }), '[fd00::1]:3260');
  for (const bad of ['0.0.0.0', '[::]:3260', 'host:3260', '10.0.0.1:0', '10.0.0.1:99999', 'fd00::1']) {
    assert.equal(
      invalidField(() => parsePortal(bad)),
      'iscsi_portal',
      bad,
    );
  }
});
