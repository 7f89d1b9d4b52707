import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configDriveTree, hostnameFor, MAX_USER_DATA_BYTES } from '../../../agent/config-drive/config-drive-tree.ts';
import { isStratoError } from '../../../common/errors.ts';

const ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const base = {
  instanceId: ID,
  name: 'Web One',
  projectId: 'proj-1',
  availabilityZone: 'nova',
  metadata: { role: 'web' },
  userData: new Uint8Array(),
  networkDataJson: '',
};

const file = (files: ReturnType<typeof configDriveTree>, path: string) => files.find((f) => f.path === path);

test('meta_data.json carries the OpenStack fields', () => {
  const files = configDriveTree(base);
  const meta = JSON.parse(file(files, 'openstack/latest/meta_data.json')!.content.toString());
  assert.equal(meta.uuid, ID);
  assert.equal(meta.name, 'Web One');
  assert.equal(meta.hostname, 'web-one');
  assert.equal(meta.project_id, 'proj-1');
  assert.equal(meta.availability_zone, 'nova');
  assert.deepEqual(meta.meta, { role: 'web' });
});

test('user_data only when given, byte for byte', () => {
  assert.equal(file(configDriveTree(base), 'openstack/latest/user_data'), undefined);
  const ud = Buffer.from([0x23, 0x21, 0xff, 0x00, 0x0a]);
  assert.deepEqual(file(configDriveTree({ ...base, userData: ud }), 'openstack/latest/user_data')!.content, ud);
});

test('network_data.json: empty means no networks; given JSON is kept', () => {
  const empty = JSON.parse(file(configDriveTree(base), 'openstack/latest/network_data.json')!.content.toString());
  assert.deepEqual(empty, { links: [], networks: [], services: [] });
  const nd = {
    links: [{ id: 'tap1', type: 'phy', ethernet_mac_address: 'fa:16:3e:00:00:01' }],
    networks: [],
    services: [],
  };
  const got = configDriveTree({ ...base, networkDataJson: JSON.stringify(nd) });
  assert.deepEqual(JSON.parse(file(got, 'openstack/latest/network_data.json')!.content.toString()), nd);
});

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host';

test('SSH keys go into meta_data.json as Nova writes them: public_keys and keys', () => {
  const none = JSON.parse(file(configDriveTree(base), 'openstack/latest/meta_data.json')!.content.toString());
  assert.deepEqual([none.public_keys, none.keys], [{}, []]);
  const files = configDriveTree({ ...base, publicKeys: [{ name: 'mykey', key: KEY }] });
  const meta = JSON.parse(file(files, 'openstack/latest/meta_data.json')!.content.toString());
  assert.deepEqual(meta.public_keys, { mykey: KEY });
  assert.deepEqual(meta.keys, [{ name: 'mykey', type: 'ssh', data: KEY }]);
});

type Input = Partial<Parameters<typeof configDriveTree>[0]>;
const invalid: [string, Input, string][] = [
  [
    'a key with a newline (a second authorized_keys line)',
    { publicKeys: [{ name: 'k', key: `${KEY}\nssh-rsa AAAA x` }] },
    'INVALID_SPAWN_REQUEST',
  ],
  ['a key of 8193 characters', { publicKeys: [{ name: 'k', key: 'k'.repeat(8193) }] }, 'INVALID_SPAWN_REQUEST'],
  ['an empty key name', { publicKeys: [{ name: '', key: KEY }] }, 'INVALID_SPAWN_REQUEST'],
  [
    'two keys of one name',
    {
      publicKeys: [
        { name: 'k', key: KEY },
        { name: 'k', key: KEY },
      ],
    },
    'INVALID_SPAWN_REQUEST',
  ],
  [
    '17 keys',
    { publicKeys: Array.from({ length: 17 }, (_, i) => ({ name: `k${i}`, key: KEY })) },
    'INVALID_SPAWN_REQUEST',
  ],
  ['network data not JSON', { networkDataJson: '{' }, 'INVALID_NETWORK_DATA'],
  ['network data an array', { networkDataJson: '[]' }, 'INVALID_NETWORK_DATA'],
  ['user data too large', { userData: new Uint8Array(MAX_USER_DATA_BYTES + 1) }, 'USER_DATA_TOO_LARGE'],
];
for (const [name, patch, reason] of invalid) {
  test(`rejects ${name}`, () => {
    assert.throws(
      () => configDriveTree({ ...base, ...patch }),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === reason,
    );
  });
}

const hostnames: [string, string][] = [
  ['web-1', 'web-1'],
  ['Web One', 'web-one'],
  ['db & "cache" <primary>', 'db-cache-primary'],
  ['ü', `instance-${ID.slice(0, 8)}`],
  ['--x--', 'x'],
  ['a'.repeat(80), 'a'.repeat(63)],
];
for (const [name, want] of hostnames) {
  test(`hostname for ${JSON.stringify(name.slice(0, 20))} is ${want.slice(0, 20)}`, () =>
    assert.equal(hostnameFor(name, ID), want));
}

test('every path is relative and plain', () => {
  for (const f of configDriveTree({ ...base, userData: Buffer.from('x') })) {
    assert.match(f.path, /^openstack\/latest\/[a-z_]+(\.json)?$/);
  }
});
