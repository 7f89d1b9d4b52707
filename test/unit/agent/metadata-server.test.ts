// The metadata service's HTTP side over a real socket on loopback, with an in-process
// lookup: what a guest reads at each path cloud-init uses, the same meta_data.json as
// its config drive, and the refusals (methods, bodies, odd paths, unknown guests,
// conductor down).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { configDriveTree, type ConfigDriveInput } from '../../../agent/config-drive/config-drive-tree.ts';
import { cachedLookup, type MetadataLookup } from '../../../agent/metadata/metadata-lookup.ts';
import { cleanPath, routeFor } from '../../../agent/metadata/metadata-routes.ts';
import { MetadataServer } from '../../../agent/metadata/metadata-server.ts';
import { StratoError } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';

const NET = 'net-meta-1';
const guest: ConfigDriveInput = {
  instanceId: '0b5f7c1e-0000-4000-8000-00000000abcd',
  name: 'Web Server 1',
  projectId: 'p1',
  availabilityZone: 'nova',
  metadata: { role: 'web' },
  userData: Buffer.from('#!/bin/sh\necho hi\n'),
  networkDataJson: '{"links":[],"networks":[],"services":[]}',
  publicKeys: [
    { name: 'alice', key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAlice alice@x' },
    { name: 'bob', key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBob bob@x' },
  ],
};

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, o: { method?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = o.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(o.body)) };
    const req = request({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('metadata service over HTTP', () => {
  const asked: string[] = [];
  let mode: 'ok' | 'down' | 'unknown' = 'ok';
  const lookup: MetadataLookup = {
    async lookup(networkId, ip) {
      asked.push(`${networkId} ${ip}`);
      if (mode === 'down') throw new StratoError('UNAVAILABLE', 'CONDUCTOR_UNAVAILABLE', 'no conductor');
      if (mode === 'unknown' || ip !== '127.0.0.1') throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', 'none');
      return guest;
    },
  };
  let networkOf = (ip: string): string | undefined => (ip === '127.0.0.1' ? NET : undefined);
  const server = new MetadataServer((ip) => networkOf(ip), { lookup, log });
  let port = 0;
  before(async () => {
    port = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  after(() => server.close());

  it('serves meta_data.json byte for byte as the config drive has it, asking by network and source address', async () => {
    asked.length = 0;
    const r = await get(port, '/openstack/latest/meta_data.json');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/json');
    const drive = configDriveTree(guest).find((f) => f.path === 'openstack/latest/meta_data.json')!;
    assert.equal(r.body, drive.content.toString('utf8'));
    const doc = JSON.parse(r.body) as { uuid: string; hostname: string; public_keys: Record<string, string> };
    assert.equal(doc.uuid, guest.instanceId);
    assert.equal(doc.hostname, 'web-server-1');
    assert.deepEqual(Object.keys(doc.public_keys), ['alice', 'bob']);
    assert.deepEqual(asked, [`${NET} 127.0.0.1`]);
  });

  it('serves user data, network data and the version lists', async () => {
    assert.equal((await get(port, '/openstack/latest/user_data')).body, '#!/bin/sh\necho hi\n');
    assert.deepEqual(JSON.parse((await get(port, '/openstack/2018-08-27/network_data.json')).body), {
      links: [],
      networks: [],
      services: [],
    });
    const versions = (await get(port, '/openstack')).body.split('\n');
    assert.ok(versions.includes('latest') && versions.includes('2012-08-10'), versions.join(','));
    assert.deepEqual((await get(port, '/openstack/latest/')).body.split('\n'), [
      'meta_data.json',
      'network_data.json',
      'vendor_data.json',
      'user_data',
    ]);
  });

  it('serves the EC2 keys cloud-init reads', async () => {
    const ec2 = async (p: string): Promise<string> => {
      const r = await get(port, p);
      assert.equal(r.status, 200, p);
      return r.body;
    };
    assert.deepEqual((await ec2('/latest/meta-data/')).split('\n'), [
      'hostname',
      'instance-id',
      'local-hostname',
      'local-ipv4',
      'public-keys/',
    ]);
    assert.equal(await ec2('/latest/meta-data/instance-id'), guest.instanceId);
    assert.equal(await ec2('/2009-04-04/meta-data/hostname'), 'web-server-1');
    assert.equal(await ec2('/latest/meta-data/local-hostname'), 'web-server-1');
    assert.equal(await ec2('/latest/meta-data/local-ipv4'), '127.0.0.1');
    assert.equal(await ec2('/latest/meta-data/public-keys'), '0=alice\n1=bob');
    assert.equal(await ec2('/latest/meta-data/public-keys/1/'), 'openssh-key');
    assert.equal(await ec2('/latest/meta-data/public-keys/1/openssh-key'), guest.publicKeys![1]!.key);
    assert.equal(await ec2('/latest/user-data'), '#!/bin/sh\necho hi\n');
    assert.equal((await get(port, '/latest/meta-data/public-keys/2/openssh-key')).status, 404);
  });

  it('HEAD answers like GET without a body; other methods and bodies are refused', async () => {
    const head = await get(port, '/latest/meta-data/instance-id', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(guest.instanceId.length));
    assert.equal(head.body, '');
    const post = await get(port, '/latest/meta-data/instance-id', { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
    const withBody = await get(port, '/latest/meta-data/instance-id', { method: 'GET', body: 'x' });
    assert.equal(withBody.status, 413);
  });

  it('refuses odd paths before any lookup and 404s unknown ones', async () => {
    asked.length = 0;
    for (const p of ['/openstack/latest/../latest/meta_data.json', '/openstack/latest/%6deta_data.json', '//latest']) {
      assert.equal((await get(port, p)).status, 400, p);
    }
    for (const p of ['/openstack/9999-01-01/meta_data.json', '/latest/meta-data/ami-id', '/etc/passwd']) {
      assert.equal((await get(port, p)).status, 404, p);
    }
    assert.equal((await get(port, `/latest/${'a'.repeat(600)}`)).status, 400);
    assert.deepEqual(asked, []);
  });

  it('404 for a guest the conductor does not know or a source outside the served networks; 503 while the conductor is away', async () => {
    mode = 'unknown';
    assert.equal((await get(port, '/openstack/latest/meta_data.json')).status, 404);
    mode = 'down';
    const down = await get(port, '/openstack/latest/meta_data.json');
    assert.equal(down.status, 503);
    assert.equal(down.headers['retry-after'], '2');
    mode = 'ok';
    networkOf = () => undefined;
    asked.length = 0;
    assert.equal((await get(port, '/openstack/latest/meta_data.json')).status, 404);
    assert.deepEqual(asked, [], 'no lookup for a source on no served network');
    networkOf = (ip) => (ip === '127.0.0.1' ? NET : undefined);
    assert.equal((await get(port, '/openstack/latest/meta_data.json')).status, 200);
  });

  it('404 for user data when the guest has none', async () => {
    const r = routeFor('/openstack/latest/user_data');
    assert.ok(r !== undefined && 'render' in r);
    assert.equal(r.render({ input: { ...guest, userData: Buffer.alloc(0) }, localIpv4: '10.0.0.5' }), undefined);
  });
});

describe('cleanPath', () => {
  it('accepts plain absolute paths (query ignored) and refuses the rest', () => {
    assert.equal(cleanPath('/latest/meta-data/?x=1'), '/latest/meta-data/');
    assert.equal(cleanPath('/'), '/');
    for (const bad of ['latest', '/a/./b', '/a/../b', '/a//b', '/a%2fb', '/a\\b', '/a\u0000b', `/${'x'.repeat(600)}`]) {
      assert.equal(cleanPath(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('cachedLookup', () => {
  it('reuses an answer for a few seconds, never an error, and shares concurrent calls', async () => {
    let now = 0;
    let calls = 0;
    let fail = false;
    const l = cachedLookup({
      now: () => now,
      ttlMs: 5000,
      fetch: async () => {
        calls++;
        if (fail) throw new StratoError('UNAVAILABLE', 'X', 'down');
        return guest;
      },
    });
    await Promise.all([l.lookup('n', '10.0.0.5'), l.lookup('n', '10.0.0.5')]);
    assert.equal(calls, 1);
    await l.lookup('n', '10.0.0.6');
    assert.equal(calls, 2, 'another address is another guest');
    now = 4999;
    await l.lookup('n', '10.0.0.5');
    assert.equal(calls, 2);
    now = 5000;
    fail = true;
    await assert.rejects(l.lookup('n', '10.0.0.5'));
    fail = false;
    await l.lookup('n', '10.0.0.5');
    assert.equal(calls, 4, 'the failure was not kept');
  });
});
