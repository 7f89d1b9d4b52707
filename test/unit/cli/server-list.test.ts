// server list: the Networks and Image columns (image names resolved from
// one image listing), --long, -c, and the client-side filters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterServers } from '../../../cli/commands/server-filters.ts';
import { StratoError } from '../../../common/errors.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';
import { assertUsageError, cli, fakeSession } from './helpers.ts';

function server(id: string, name: string, vmState: string, host: string, addresses: Record<string, string[]>) {
  return {
    id,
    name,
    projectId: 'p1',
    imageId: 'img-1',
    flavor: { id: 'f1', name: 'm1.tiny' },
    vmState,
    taskState: '',
    powerState: vmState === 'ACTIVE' ? 'RUNNING' : 'NOSTATE',
    host,
    fault: null,
    createdAt: 'c',
    updatedAt: 'u',
    launchedAt: 'l',
    metadata: {},
    userId: 'u1',
    addresses: Object.fromEntries(Object.entries(addresses).map(([n, ips]) => [n, { ips }])),
    ports: [],
    volumes: [],
    keyName: 'k1',
  } as unknown as Server__Output;
}

const servers = [
  server('s1', 'web-1', 'ACTIVE', 'hv1', { web: ['10.0.0.5'], db: ['10.1.0.7', '10.1.0.8'] }),
  server('s2', 'web-2', 'ERROR', 'hv2', {}),
  server('s3', 'db-1', 'ACTIVE', 'hv2', { db: ['10.1.0.9'] }),
];

function apis(
  images: () => Promise<unknown> = async () => ({ images: [{ id: 'img-1', name: 'cirros' }], nextPageToken: '' }),
) {
  const calls = { images: 0 };
  return {
    calls,
    factory: fakeSession({
      servers: { ListServers: async () => ({ servers, nextPageToken: '' }) },
      images: {
        ListImages: async () => {
          calls.images++;
          return images();
        },
      },
      // A member: its projects are listed, users are for admins.
      identity: {
        ListProjects: async () => ({ projects: [{ id: 'p1', name: 'demo' }], nextPageToken: '' }),
        ListUsers: async () => {
          throw new StratoError('PERMISSION_DENIED', 'PERMISSION_DENIED', 'admins only');
        },
      },
    }),
  };
}

describe('server list', { timeout: 10_000 }, () => {
  it('shows image names and a Networks column (addresses per network, sorted)', async () => {
    const { factory } = apis();
    const r = await cli(['server', 'list'], factory);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /\| ID +\| Name +\| Status +\| Task State \| Power State \| Flavor +\| Host \| Image +\| Networks +\|/,
    );
    assert.match(
      r.stdout,
      /\| s1 +\| web-1 +\| ACTIVE +\| +\| RUNNING +\| m1\.tiny +\| hv1 +\| cirros +\| db=10\.1\.0\.7, 10\.1\.0\.8 +\|/,
    );
    assert.match(r.stdout, /\| +\| +\| +\| +\| +\| +\| +\| +\| web=10\.0\.0\.5 +\|/);
    assert.doesNotMatch(r.stdout, /Project|Key Name/);
  });

  it('--long adds key name, project and user (names where listable), created; -c picks any of them without --long', async () => {
    const long = await cli(['server', 'list', '--long'], apis().factory);
    assert.match(long.stdout, /\| Key Name \| Project \| User \| Created \| Launched \|/);
    assert.match(long.stdout, /\| k1 +\| demo +\| u1 +\| c +\| l +\|/);
    const csv = await cli(
      ['server', 'list', '-f', 'csv', '-c', 'Name', '-c', 'Project', '-c', 'Networks'],
      apis().factory,
    );
    assert.equal(
      csv.stdout,
      'Name,Project,Networks\nweb-1,demo,"db=10.1.0.7, 10.1.0.8\nweb=10.0.0.5"\nweb-2,demo,\ndb-1,demo,db=10.1.0.9\n',
    );
  });

  it('json without -c is the API objects (image ids; no image listing); with -c Image, the name', async () => {
    const a = apis();
    const json = await cli(['server', 'list', '-f', 'json'], a.factory);
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(servers)));
    assert.equal(a.calls.images, 0);
    const picked = await cli(['server', 'list', '-f', 'json', '-c', 'Name', '-c', 'Image'], a.factory);
    assert.deepEqual(JSON.parse(picked.stdout)[0], { Name: 'web-1', Image: 'cirros' });
    const value = await cli(['server', 'list', '-f', 'value', '-c', 'Name'], a.factory);
    assert.equal(a.calls.images, 1, 'no listing when the Image column is not printed');
    assert.equal(value.stdout, 'web-1\nweb-2\ndb-1\n');
  });

  it('an image listing the caller may not make leaves the ids', async () => {
    const { factory } = apis(async () => {
      throw new StratoError('PERMISSION_DENIED', 'PERMISSION_DENIED', 'no');
    });
    const r = await cli(['server', 'list', '-f', 'value', '-c', 'Image'], factory);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'img-1\nimg-1\nimg-1\n');
  });

  it('lists the image names beside the servers (one round trip, not two)', async () => {
    // ListServers answers only once ListImages has been asked: made one after
    // the other, the command would never finish (the test's timeout fails it).
    let imagesAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      imagesAsked = resolve;
    });
    const factory = fakeSession({
      servers: {
        ListServers: async () => {
          await asked;
          return { servers, nextPageToken: '' };
        },
      },
      images: {
        ListImages: async () => {
          imagesAsked();
          return { images: [{ id: 'img-1', name: 'cirros' }], nextPageToken: '' };
        },
      },
    });
    const r = await cli(['server', 'list', '-f', 'value', '-c', 'Name', '-c', 'Image'], factory);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'web-1 cirros\nweb-2 cirros\ndb-1 cirros\n');
  });

  it('no servers: a names listing made beside ListServers is dropped, even a failed one', async () => {
    const factory = fakeSession({
      servers: { ListServers: async () => ({ servers: [], nextPageToken: '' }) },
      images: {
        ListImages: async () => {
          throw new Error('the image service broke');
        },
      },
    });
    const r = await cli(['server', 'list'], factory);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
  });

  it('--name (regex), --status (any case) and --host filter the list', async () => {
    const names = async (...args: string[]) =>
      (await cli(['server', 'list', '-f', 'value', '-c', 'Name', ...args], apis().factory)).stdout;
    assert.equal(await names('--name', '^web'), 'web-1\nweb-2\n');
    assert.equal(await names('--status', 'active'), 'web-1\ndb-1\n');
    assert.equal(await names('--host', 'hv2', '--status', 'ACTIVE'), 'db-1\n');
    assert.equal(await names('--host', 'hv'), '');
  });

  it("Status is Nova's status: a resize waiting for its confirm lists as VERIFY_RESIZE and filters by it", async () => {
    const resized = { ...server('s4', 'big-1', 'RESIZED', 'hv1', {}), status: 'VERIFY_RESIZE' } as Server__Output;
    const factory = fakeSession({
      servers: { ListServers: async () => ({ servers: [...servers, resized], nextPageToken: '' }) },
    });
    const rows = await cli(['server', 'list', '-f', 'csv', '-c', 'Name', '-c', 'Status'], factory);
    assert.equal(rows.code, 0, rows.stderr);
    // The older servers carry no status: their vm_state shows.
    assert.equal(rows.stdout, 'Name,Status\nweb-1,ACTIVE\nweb-2,ERROR\ndb-1,ACTIVE\nbig-1,VERIFY_RESIZE\n');
    for (const status of ['verify_resize', 'RESIZED']) {
      const r = await cli(['server', 'list', '-f', 'value', '-c', 'Name', '--status', status], factory);
      assert.equal(r.stdout, 'big-1\n', `--status ${status}`);
    }
  });

  it('server show prints the status and, beside it, the vm_state', async () => {
    const resized = { ...server('s4', 'big-1', 'RESIZED', 'hv1', {}), status: 'VERIFY_RESIZE' } as Server__Output;
    const factory = fakeSession({ servers: { GetServer: async () => resized } });
    const r = await cli(['server', 'show', 'big-1', '-f', 'json', '-c', 'Status', '-c', 'VM State'], factory);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { Status: 'VERIFY_RESIZE', 'VM State': 'RESIZED' });
  });

  it('bad filters are usage errors naming the option, before any call', async () => {
    await assertUsageError(['server', 'list', '--status', 'running'], /--status.*BUILD, ACTIVE, SHUTOFF.*VERIFY_RESIZE/);
    await assertUsageError(['server', 'list', '--name', '(['], /--name.*regular expression/);
  });

  it('filterServers keeps the order and matches every given filter', () => {
    assert.deepEqual(
      filterServers(servers, { name: /-1$/, status: 'ACTIVE' }).map((s) => s.id),
      ['s1', 's3'],
    );
    assert.equal(filterServers(servers, {}).length, 3);
  });
});
