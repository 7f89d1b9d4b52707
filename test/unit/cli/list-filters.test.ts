// --name (a regular expression), --status and --long on the lists whose API
// has no such filter (image, network, volume): applied by the CLI to every
// page it lists; bad values are usage errors before any call.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertUsageError, cli, fakeSession } from './helpers.ts';

const volume = (id: string, name: string, status: string) => ({
  id,
  name,
  description: 'd',
  status,
  progressPercent: 0,
  sizeGib: 1,
  backend: 'file',
  host: 'hv1',
  attachments: [],
  imageId: '',
  snapshotId: '',
  sourceVolumeId: '',
  fault: null,
  projectId: 'p1',
  userId: 'u1',
  createdAt: 'c',
  updatedAt: 'u',
});

const apis = () =>
  fakeSession({
    images: {
      ListImages: async (q: { pageToken: string }) =>
        q.pageToken === ''
          ? { images: [{ id: 'i1', name: 'cirros-0.6' }], nextPageToken: 'p2' }
          : { images: [{ id: 'i2', name: 'debian-12' }], nextPageToken: '' },
    },
    networks: {
      ListNetworks: async () => ({
        networks: [
          { id: 'n1', name: 'web' },
          { id: 'n2', name: 'db' },
        ],
        nextPageToken: '',
      }),
    },
    volumes: {
      ListVolumes: async () => ({
        volumes: [volume('v1', 'data-1', 'available'), volume('v2', 'data-2', 'in-use'), volume('v3', 'logs', 'error')],
        nextPageToken: '',
      }),
    },
  });

const ids = async (argv: string[]) => {
  const r = await cli([...argv, '-f', 'value', '-c', 'ID'], apis());
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
};

describe('list filters', () => {
  it('--name matches a regular expression on every page', async () => {
    assert.deepEqual(await ids(['image', 'list', '--name', '^deb']), ['i2']);
    assert.deepEqual(await ids(['image', 'list']), ['i1', 'i2']);
    assert.deepEqual(await ids(['network', 'list', '--name', 'b$']), ['n1', 'n2']);
    assert.deepEqual(await ids(['network', 'list', '--name', '^d']), ['n2']);
    assert.deepEqual(await ids(['volume', 'list', '--name', 'data']), ['v1', 'v2']);
  });

  it('volume list --status (any case) and --name together', async () => {
    assert.deepEqual(await ids(['volume', 'list', '--status', 'IN-USE']), ['v2']);
    assert.deepEqual(await ids(['volume', 'list', '--status', 'error', '--name', 'data']), []);
  });

  it('volume list --long adds the show fields but the long texts; -c reaches every field', async () => {
    const short = await cli(['volume', 'list'], apis());
    assert.doesNotMatch(short.stdout, /Backend/);
    const long = await cli(['volume', 'list', '--long'], apis());
    assert.match(
      long.stdout,
      /\| Attached to \| Progress \| Backend \| Host \| Source \| Fault \| Project \| User \| Created \| Updated \|/,
    );
    assert.doesNotMatch(long.stdout, /Description/);
    const desc = await cli(['volume', 'list', '-f', 'csv', '-c', 'Name', '-c', 'Description'], apis());
    assert.equal(desc.stdout, 'Name,Description\ndata-1,d\ndata-2,d\nlogs,d\n');
  });

  it('bad filter values are usage errors naming the option', async () => {
    await assertUsageError(['volume', 'list', '--status', 'gone'], /--status.*creating, downloading, available/);
    await assertUsageError(['image', 'list', '--name', '*'], /--name.*regular expression/);
  });
});
