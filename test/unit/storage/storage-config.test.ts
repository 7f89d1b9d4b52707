// The storage role's flags on strato-agent's command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAgentConfig } from '../../../agent/config.ts';
import { isStratoError } from '../../../common/errors.ts';

const base = ['--conductor', 'ctl:7443', '--tls-dir', '/t'];

test('without --roles the agent is compute only, with no storage settings', () => {
  const c = parseAgentConfig(base, 'hv');
  assert.deepEqual(c.roles, ['compute']);
  assert.equal(c.storage, undefined);
});

test('compute,storage: file backend under the state dir, wipe zero, the host tgtd, portal from the underlay', () => {
  const c = parseAgentConfig([...base, '--roles', 'compute,storage', '--state-dir', '/s'], 'hv');
  assert.deepEqual(c.roles, ['compute', 'storage']);
  assert.deepEqual(c.storage, {
    backend: 'file',
    dir: '/s/volumes',
    wipe: 'zero',
    tgtControlPort: 0,
    lvmTestLoopStandIn: false,
  });
});

test('lvm with every storage flag', () => {
  const c = parseAgentConfig(
    [
      ...base,
      ...['--roles', 'compute,storage', '--storage-backend', 'lvm', '--volume-group', 'cinder-volumes'],
      ...['--storage-wipe', 'none', '--iscsi-portal', '10.0.0.5:3261', '--tgt-control-port', '7'],
      '--lvm-test-loop-stand-in',
    ],
    'hv',
  );
  assert.deepEqual(c.storage, {
    backend: 'lvm',
    dir: '/var/lib/strato/agent/volumes',
    volumeGroup: 'cinder-volumes',
    wipe: 'none',
    portal: { address: '10.0.0.5', port: 3261 },
    tgtControlPort: 7,
    lvmTestLoopStandIn: true,
  });
  const f = parseAgentConfig([...base, '--roles', 'compute,storage', '--storage-capacity-gib', '100'], 'hv');
  assert.equal(f.storage?.capacityBytes, 100 * 1024 ** 3);
});

test('--roles takes network (routers run there)', () => {
  assert.deepEqual(parseAgentConfig([...base, '--roles', 'compute,network'], 'hv').roles, ['compute', 'network']);
});

const bad: [string[], string][] = [
  [['--roles', 'storage'], 'roles'],
  [['--roles', 'compute,router'], 'roles'],
  [['--storage-backend', 'file'], 'storage-backend'],
  [['--roles', 'compute,storage', '--storage-backend', 'zfs'], 'storage-backend'],
  [['--roles', 'compute,storage', '--storage-backend', 'lvm'], 'volume-group'],
  [['--roles', 'compute,storage', '--storage-backend', 'lvm', '--volume-group=-x'], 'volume-group'],
  [['--roles', 'compute,storage', '--volume-group', 'vg'], 'volume-group'],
  [['--roles', 'compute,storage', '--lvm-test-loop-stand-in'], 'lvm-test-loop-stand-in'],
  [['--roles', 'compute,storage', '--storage-dir', 'rel/dir'], 'storage-dir'],
  [['--roles', 'compute,storage', '--storage-dir', '/a,b'], 'storage-dir'],
  [['--roles', 'compute,storage', '--storage-wipe', 'shred'], 'storage-wipe'],
  [['--roles', 'compute,storage', '--storage-capacity-gib', '0'], 'storage-capacity-gib'],
  [['--roles', 'compute,storage', '--iscsi-portal', '0.0.0.0:3260'], 'iscsi-portal'],
  [['--roles', 'compute,storage', '--tgt-control-port', '70000'], 'tgt-control-port'],
];

for (const [argv, flag] of bad) {
  test(`refused: ${argv.join(' ')}`, () => {
    assert.throws(
      () => parseAgentConfig([...base, ...argv], 'hv'),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.details.flag === flag,
    );
  });
}
