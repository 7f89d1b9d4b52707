// Planning of iSCSI exports: the exact tgtadm/nft steps, in order, for each situation
// a storage host can be in (fresh, unchanged, drifted, grown, restarted, foreign).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DesiredExport, ObservedExports } from '../../../agent/storage/iscsi/export-plan.ts';
import { planExports, planPortals } from '../../../agent/storage/iscsi/export-plan.ts';
import type { TgtTarget } from '../../../agent/storage/iscsi/tgt-show.ts';

const V1 = '11111111-1111-4111-8111-111111111111';
const V2 = '22222222-2222-4222-8222-222222222222';
const IQN1 = `iqn.2026-01.io.strato:${V1}`;
const IQN2 = `iqn.2026-01.io.strato:${V2}`;
const HOST_A = 'iqn.2026-01.io.strato:host:a';
const PORTAL = '10.0.0.1:3260';
const MiB = 1024 * 1024;

const desired = (volumeId: string, over: Partial<DesiredExport> = {}): DesiredExport => ({
  volumeId,
  backingPath: `/vols/volume-${volumeId}.raw`,
  sizeBytes: 64 * MiB,
  initiatorName: HOST_A,
  initiatorAddress: '10.0.0.2',
  chapSecret: 'secret-for-a-1234',
  ...over,
});

const target = (tid: number, iqn: string, over: Partial<TgtTarget> = {}): TgtTarget => ({
  tid,
  iqn,
  luns: [{ lun: 0, type: 'controller', size: '0 MB', backingStoreType: 'null', backingStorePath: 'None' }],
  sessions: [],
  accounts: [],
  aclAddresses: [],
  aclNames: [],
  ...over,
});

/** The target tgtd shows after `desired(V1)` was exported as tid `tid`. */
const exported = (tid: number, d = desired(V1)): TgtTarget =>
  target(tid, `iqn.2026-01.io.strato:${d.volumeId}`, {
    luns: [
      { lun: 0, type: 'controller', size: '0 MB', backingStoreType: 'null', backingStorePath: 'None' },
      { lun: 1, type: 'disk', size: '67 MB', backingStoreType: 'rdwr', backingStorePath: d.backingPath },
    ],
    accounts: [`strato-${d.volumeId}`],
    aclNames: [d.initiatorName],
  });

const observed = (over: Partial<ObservedExports> = {}): ObservedExports => ({
  targets: [],
  accounts: [],
  filter: { portal: PORTAL, rules: [] },
  ...over,
});

const plan = (d: DesiredExport[], o: ObservedExports, scope: 'all' | string[], known: [string, string][] = []) =>
  planExports({
    desired: d,
    observed: o,
    scope: scope === 'all' ? 'all' : new Set(scope),
    knownSecrets: new Map(known),
    portal: PORTAL,
  });

test('a new export: target, LUN 1, name ACL, CHAP account, filter rule — in that order', () => {
  assert.deepEqual(plan([desired(V1)], observed(), [V1]), [
    { kind: 'create-target', tid: 1, iqn: IQN1 },
    { kind: 'add-lun', tid: 1, path: `/vols/volume-${V1}.raw` },
    { kind: 'bind-name', tid: 1, name: HOST_A },
    { kind: 'create-account', user: `strato-${V1}`, secret: 'secret-for-a-1234' },
    { kind: 'bind-account', tid: 1, user: `strato-${V1}` },
    { kind: 'set-filter', portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.2' }] },
  ]);
});

test('tids: the lowest one no target (foreign or not) holds', () => {
  const o = observed({ targets: [target(1, 'iqn.2001-04.com.example:a'), target(3, 'iqn.2001-04.com.example:b')] });
  const steps = plan([desired(V1), desired(V2)], o, 'all');
  assert.deepEqual(
    steps.filter((s) => s.kind === 'create-target'),
    [
      { kind: 'create-target', tid: 2, iqn: IQN1 },
      { kind: 'create-target', tid: 4, iqn: IQN2 },
    ],
  );
});

test('an export that is already in place plans nothing (repeat export, resync)', () => {
  const o = observed({
    targets: [exported(7)],
    accounts: [`strato-${V1}`],
    filter: { portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.2' }] },
  });
  assert.deepEqual(plan([desired(V1)], o, [V1], [[`strato-${V1}`, 'secret-for-a-1234']]), []);
  assert.deepEqual(plan([desired(V1)], o, 'all', [[`strato-${V1}`, 'secret-for-a-1234']]), []);
});

test('after an agent restart the secret is unknown: only the account is set again', () => {
  const o = observed({
    targets: [exported(7)],
    accounts: [`strato-${V1}`],
    filter: { portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.2' }] },
  });
  assert.deepEqual(plan([desired(V1)], o, [V1]), [
    { kind: 'delete-account', user: `strato-${V1}` },
    { kind: 'create-account', user: `strato-${V1}`, secret: 'secret-for-a-1234' },
    { kind: 'bind-account', tid: 7, user: `strato-${V1}` },
  ]);
});

test('a grown volume, or one on another device, gets its LUN re-created', () => {
  const o = observed({
    targets: [exported(7)],
    accounts: [`strato-${V1}`],
    filter: { portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.2' }] },
  });
  const known: [string, string][] = [[`strato-${V1}`, 'secret-for-a-1234']];
  const relun = [
    { kind: 'delete-lun', tid: 7 },
    { kind: 'add-lun', tid: 7, path: `/vols/volume-${V1}.raw` },
  ];
  assert.deepEqual(plan([desired(V1, { sizeBytes: 65 * MiB })], o, [V1], known), relun);
  assert.deepEqual(plan([desired(V1, { backingPath: '/dev/loop9' })], o, [V1], known), [
    relun[0],
    { kind: 'add-lun', tid: 7, path: '/dev/loop9' },
  ]);
});

test('drift on a strato target: address ACLs (tgt ORs them with names), other names and accounts go', () => {
  const t = exported(4);
  t.aclAddresses = ['ALL', '10.0.0.9'];
  t.aclNames = ['iqn.2026-01.io.strato:host:b'];
  t.accounts = ['intruder'];
  const o = observed({ targets: [t], accounts: [`strato-${V1}`, 'intruder'] });
  assert.deepEqual(plan([desired(V1)], o, [V1], [[`strato-${V1}`, 'secret-for-a-1234']]), [
    { kind: 'unbind-address', tid: 4, address: 'ALL' },
    { kind: 'unbind-address', tid: 4, address: '10.0.0.9' },
    { kind: 'unbind-name', tid: 4, name: 'iqn.2026-01.io.strato:host:b' },
    { kind: 'bind-name', tid: 4, name: HOST_A },
    { kind: 'unbind-account', tid: 4, user: 'intruder' },
    { kind: 'bind-account', tid: 4, user: `strato-${V1}` },
    { kind: 'set-filter', portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.2' }] },
  ]);
});

test('a new target whose account outlived an earlier one gets a fresh account', () => {
  const steps = plan([desired(V1)], observed({ accounts: [`strato-${V1}`] }), [V1]);
  assert.deepEqual(
    steps.map((s) => s.kind),
    ['create-target', 'add-lun', 'bind-name', 'delete-account', 'create-account', 'bind-account', 'set-filter'],
  );
});

test('unexport removes only that volume: target, account, filter rule', () => {
  const o = observed({
    targets: [exported(1), exported(2, desired(V2)), target(3, 'iqn.2001-04.com.example:foreign')],
    accounts: [`strato-${V1}`, `strato-${V2}`, 'foreign'],
    filter: {
      portal: PORTAL,
      rules: [
        { volumeId: V1, address: '10.0.0.2' },
        { volumeId: V2, address: '10.0.0.3' },
      ],
    },
  });
  assert.deepEqual(plan([], o, [V1]), [
    { kind: 'delete-target', tid: 1, iqn: IQN1 },
    { kind: 'delete-account', user: `strato-${V1}` },
    { kind: 'set-filter', portal: PORTAL, rules: [{ volumeId: V2, address: '10.0.0.3' }] },
  ]);
  assert.deepEqual(plan([], observed(), [V1]), [], 'unexporting what is not exported does nothing');
});

test('reconcile makes strato state exactly the desired set and never touches foreign targets or accounts', () => {
  const o = observed({
    targets: [exported(1, desired(V2)), target(2, 'iqn.2001-04.com.example:foreign')],
    accounts: [`strato-${V2}`, 'foreign', `strato-${V1}`],
    filter: { portal: '10.0.0.1:3261', rules: [{ volumeId: V2, address: '10.0.0.3' }] },
  });
  assert.deepEqual(plan([desired(V1)], o, 'all'), [
    { kind: 'delete-target', tid: 1, iqn: IQN2 },
    { kind: 'create-target', tid: 3, iqn: IQN1 },
    { kind: 'add-lun', tid: 3, path: `/vols/volume-${V1}.raw` },
    { kind: 'bind-name', tid: 3, name: HOST_A },
    { kind: 'delete-account', user: `strato-${V1}` },
    { kind: 'create-account', user: `strato-${V1}`, secret: 'secret-for-a-1234' },
    { kind: 'bind-account', tid: 3, user: `strato-${V1}` },
    { kind: 'delete-account', user: `strato-${V2}` },
    { kind: 'set-filter', portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.2' }] },
  ]);
});

test('a missing filter table is put back, keeping out-of-scope rules', () => {
  assert.deepEqual(plan([], observed({ filter: { portal: undefined, rules: [] } }), []), [
    { kind: 'set-filter', portal: PORTAL, rules: [] },
  ]);
});

test('portals: wildcards go first, then the configured address is added once', () => {
  const p = { address: '10.0.0.1', port: 3260 };
  assert.deepEqual(
    planPortals(
      [
        { address: '::', port: 3260 },
        { address: '0.0.0.0', port: 3260 },
        { address: '127.0.0.1', port: 3260 },
      ],
      p,
    ),
    [
      { kind: 'delete-portal', portal: '[::]:3260' },
      { kind: 'delete-portal', portal: '0.0.0.0:3260' },
      { kind: 'add-portal', portal: '10.0.0.1:3260' },
    ],
  );
  assert.deepEqual(planPortals([p, { address: '127.0.0.1', port: 3260 }], p), []);
});

test('a move: the destination is admitted too (its name, its address), then the source is dropped', () => {
  const HOST_B = 'iqn.2026-01.io.strato:host:b';
  const known: [string, string][] = [[`strato-${V1}`, 'secret-for-a-1234']];
  const atRest = observed({
    targets: [exported(7)],
    accounts: [`strato-${V1}`],
    filter: { portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.2' }] },
  });
  const moving = desired(V1, { alsoAdmit: [{ name: HOST_B, address: '10.0.0.3' }] });
  assert.deepEqual(plan([moving], atRest, [V1], known), [
    { kind: 'bind-name', tid: 7, name: HOST_B },
    {
      kind: 'set-filter',
      portal: PORTAL,
      rules: [
        { volumeId: V1, address: '10.0.0.2' },
        { volumeId: V1, address: '10.0.0.3' },
      ],
    },
  ]);
  // Both admitted: a repeat (or a reconcile of the same records) plans nothing.
  const both = observed({
    targets: [{ ...exported(7), aclNames: [HOST_A, HOST_B] }],
    accounts: [`strato-${V1}`],
    filter: {
      portal: PORTAL,
      rules: [
        { volumeId: V1, address: '10.0.0.2' },
        { volumeId: V1, address: '10.0.0.3' },
      ],
    },
  });
  assert.deepEqual(plan([moving], both, 'all', known), []);
  // Arrived: B alone (the CHAP account is kept: the guest on B is logged in with it).
  const arrived = desired(V1, { initiatorName: HOST_B, initiatorAddress: '10.0.0.3' });
  assert.deepEqual(plan([arrived], both, [V1], known), [
    { kind: 'unbind-name', tid: 7, name: HOST_A },
    { kind: 'set-filter', portal: PORTAL, rules: [{ volumeId: V1, address: '10.0.0.3' }] },
  ]);
});
