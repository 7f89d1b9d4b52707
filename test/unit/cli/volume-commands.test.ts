// strato volume|volume snapshot|volume backend and server add/remove volume,
// server create's boot-from-volume flags, in-process against a fake API:
// usage errors make no call, flags become the right requests, names and ids go
// to the API as typed, output formats, API errors, --wait and the progress bar.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXIT } from '../../../cli/errors.ts';
import { StratoError } from '../../../common/errors.ts';
import { assertUsageError, cli, fakeSession } from './helpers.ts';

import { attached, MiB, SERVER_ID, VOL_ID, volume, volumesApi } from './volume-fixture.ts';

describe('volume usage errors: exit 2, one line, no call', () => {
  const create = ['volume', 'create', 'data'];
  const boot = ['server', 'create', 'vm', '--flavor', 'f'];
  const bad: [string, string[], RegExp][] = [
    ['create without a size', create, /--size is required/],
    ['size 0', [...create, '--size', '0'], /--size.*positive integer/],
    ['negative size', [...create, '--size', '-1'], /--size/],
    ['fractional size', [...create, '--size', '1.5'], /--size.*positive integer/],
    ['image and snapshot', [...create, '--size', '1', '--image', 'i', '--snapshot', 's'], /cannot be used with/],
    ['image and source volume', [...create, '--size', '1', '--image', 'i', '--source-volume', 'v'], /cannot/],
    ['snapshot and source volume', [...create, '--snapshot', 's', '--source-volume', 'v'], /cannot be used with/],
    ['unknown backend', [...create, '--size', '1', '--backend', 'ceph'], /Allowed choices are lvm, file/],
    ['empty image', [...create, '--size', '1', '--image', ' '], /must not be empty/],
    ['set nothing', ['volume', 'set', 'data'], /nothing to set: give --size, --name or --description/],
    ['set --wait without --size', ['volume', 'set', 'data', '--name', 'x', '--wait'], /--wait goes with --size/],
    ['set size 0', ['volume', 'set', 'data', '--size', '0'], /--size.*positive integer/],
    ['show without volume', ['volume', 'show'], /missing required argument 'volume'/],
    ['snapshot without --volume', ['volume', 'snapshot', 'create', 's'], /required option '--volume <volume>'/],
    ['device vdb (config drive)', ['server', 'add', 'volume', 'vm', 'data', '--device', 'vdb'], /vdc … vdz/],
    ['device vda (root disk)', ['server', 'add', 'volume', 'vm', 'data', '--device', '/dev/vda'], /not a volume/],
    ['device sdc', ['server', 'add', 'volume', 'vm', 'data', '--device', 'sdc'], /"sdc" is not a volume device/],
    ['remove without volume', ['server', 'remove', 'volume', 'vm'], /missing required argument 'volume'/],
    ['no boot source', boot, /give --image or --boot-volume/],
    ['image and boot volume', [...boot, '--image', 'i', '--boot-volume', 'v'], /cannot be used with option '--image/],
    [
      'image volume without image',
      [...boot, '--boot-volume', 'v', '--boot-from-image-volume', '5'],
      /--boot-from-image-volume needs --image/,
    ],
    ['image volume of 0 GiB', [...boot, '--image', 'i', '--boot-from-image-volume', '0'], /positive integer/],
    [
      'delete on termination without a volume',
      [...boot, '--image', 'i', '--delete-volume-on-termination'],
      /--delete-volume-on-termination goes with --boot-volume or --boot-from-image-volume/,
    ],
  ];
  for (const [name, argv, pattern] of bad) it(name, () => assertUsageError(argv, pattern));
});

describe('volume commands against a fake API', () => {
  it('create from an image sends size, source, backend and description, and shows the volume', async () => {
    const { api, calls } = volumesApi([], {
      CreateVolume: () => volume({ status: 'downloading', progressPercent: 0, imageId: 'img-1', backend: 'lvm' }),
    });
    const argv = ['volume', 'create', 'data', '--size', '10', '--image', 'cirros', '--backend', 'lvm'];
    const r = await cli([...argv, '--description', 'logs'], fakeSession({ volumes: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(calls, [
      ['CreateVolume', { name: 'data', description: 'logs', sizeGib: 10, backend: 'lvm', image: 'cirros' }],
    ]);
    assert.match(r.stdout, /\| Status +\| downloading +\|/);
    assert.match(r.stdout, /\| Progress +\| 0% +\|/);
    assert.match(r.stdout, /\| Source +\| image img-1 +\|/);
    assert.equal(r.stderr, '');
  });

  it('create from a snapshot or a volume may leave the size to the source (size_gib 0)', async () => {
    const { api, calls } = volumesApi([], { CreateVolume: () => volume() });
    const f = fakeSession({ volumes: api });
    assert.equal((await cli(['volume', 'create', 'a', '--snapshot', 'snap-1'], f)).code, 0);
    assert.equal((await cli(['volume', 'create', 'b', '--source-volume', VOL_ID, '--size', '20'], f)).code, 0);
    assert.equal((await cli(['volume', 'create', 'c', '--size', '1'], f)).code, 0);
    assert.deepEqual(
      calls.map(([, q]) => q),
      [
        { name: 'a', description: '', sizeGib: 0, backend: '', snapshot: 'snap-1' },
        { name: 'b', description: '', sizeGib: 20, backend: '', sourceVolume: VOL_ID },
        { name: 'c', description: '', sizeGib: 1, backend: '' },
      ],
    );
  });

  it('list follows pages and shows status and attachments; -f value and -f json', async () => {
    const vols = [volume({ status: 'in-use', attachments: [attached()] }), volume({ id: 'v2', name: 'scratch' })];
    const { api, calls } = volumesApi([], {
      ListVolumes: (q: { pageToken: string }) =>
        q.pageToken ? { volumes: [vols[1]], nextPageToken: '' } : { volumes: [vols[0]], nextPageToken: 'n' },
    });
    const f = fakeSession({ volumes: api });
    const table = await cli(['volume', 'list', '--all-projects'], f);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /\| ID +\| Name +\| Status +\| Size \(GiB\) \| Attached to +\|/);
    assert.match(table.stdout, new RegExp(`\\| ${VOL_ID} \\| data +\\| in-use +\\| 10 +\\| demo-1 on vdc \\|`));
    assert.match(table.stdout, /\| v2 +\| scratch +\| available +\| 10 +\| +\|/);
    assert.deepEqual(calls.slice(0, 2), [
      ['ListVolumes', { pageToken: '', allProjects: true }],
      ['ListVolumes', { pageToken: 'n', allProjects: true }],
    ]);
    const value = await cli(['volume', 'list', '-f', 'value', '-c', 'Name', '-c', 'Attached to'], f);
    assert.equal(value.stdout, 'data demo-1 on vdc\nscratch \n');
    const json = await cli(['volume', 'list', '-f', 'json'], f);
    assert.deepEqual(JSON.parse(json.stdout), vols);
  });

  it('show: attachment, source and fault in words', async () => {
    const v = volume({
      status: 'in-use',
      attachments: [{ ...attached('vda'), boot: true, deleteOnTermination: true }],
      snapshotId: 'snap-1',
      fault: { code: 'DEADLINE_EXCEEDED', reason: 'DETACH_TIMEOUT', message: 'the guest did not release vdc', at: '' },
    });
    const { api, calls } = volumesApi([v]);
    const r = await cli(['volume', 'show', 'data'], fakeSession({ volumes: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(calls, [['GetVolume', { volume: 'data' }]]);
    assert.match(
      r.stdout,
      new RegExp(`\\| Attachments +\\| server demo-1 \\(${SERVER_ID}\\) on vda, boot, delete on termination +\\|`),
    );
    assert.match(r.stdout, /\| Source +\| snapshot snap-1 +\|/);
    assert.match(r.stdout, /\| Fault +\| the guest did not release vdc \(DEADLINE_EXCEEDED, DETACH_TIMEOUT\) +\|/);
  });

  it('create --image --wait on a terminal: a progress bar while the image is copied, then the volume', async () => {
    const seq = [
      volume({ status: 'downloading', progressPercent: 10, imageId: 'img-1' }),
      volume({ status: 'downloading', progressPercent: 50, imageId: 'img-1' }),
      volume({ status: 'available', imageId: 'img-1' }),
    ];
    const { api, calls } = volumesApi(seq, { CreateVolume: () => ({ ...seq[0], progressPercent: 0 }) });
    const images = { GetImage: async () => ({ id: 'img-1', virtualSizeBytes: String(100 * MiB) }) };
    const argv = ['volume', 'create', 'data', '--size', '1', '--image', 'cirros', '--wait', '-f', 'json'];
    const r = await cli(argv, fakeSession({ volumes: api, images }), { tty: true });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).status, 'available');
    assert.deepEqual(
      calls.filter(([m]) => m === 'GetVolume').map(([, q]) => q),
      [{ volume: VOL_ID }, { volume: VOL_ID }, { volume: VOL_ID }],
      'polls by id',
    );
    const err = r.stderr;
    assert.ok(err.startsWith('volume data: downloading\n'), err);
    assert.match(err, /\r\[#+\.+\] +10% +10\.0\/100\.0 MiB/);
    assert.match(err, /\r\[#+\.+\] +50% +50\.0\/100\.0 MiB/);
    assert.ok(err.endsWith('\nvolume data: available\n'), err);
  });

  it('--wait without a terminal draws nothing and asks for no image', async () => {
    const seq = [volume({ status: 'downloading', progressPercent: 40, imageId: 'img-1' }), volume({ imageId: 'x' })];
    const { api } = volumesApi(seq, { CreateVolume: () => seq[0] });
    const images = {
      GetImage: async () => assert.fail('no GetImage without a progress bar'),
    };
    const r = await cli(
      ['volume', 'create', 'data', '--size', '1', '--image', 'i', '--wait'],
      fakeSession({ volumes: api, images }),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
  });

  it('create --wait fails with the fault when the volume ends in error', async () => {
    const fault = { code: 'DATA_LOSS', reason: 'IMAGE_CHECKSUM_MISMATCH', message: 'image bytes do not match', at: '' };
    const { api } = volumesApi([volume({ status: 'error', fault })], {
      CreateVolume: () => volume({ status: 'creating' }),
    });
    const r = await cli(['volume', 'create', 'data', '--size', '1', '--wait'], fakeSession({ volumes: api }));
    assert.equal(r.code, EXIT.ERROR);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'strato: error: volume data is in error: image bytes do not match ' +
        '(code DATA_LOSS, reason IMAGE_CHECKSUM_MISMATCH)\n',
    );
  });

  it('set: extend first, then rename by the id it returned; --wait until the new size', async () => {
    const { api, calls } = volumesApi(
      [volume({ status: 'extending', attachments: [attached()] }), volume({ status: 'in-use', sizeGib: 20 })],
      {
        ExtendVolume: () => volume({ status: 'extending', attachments: [attached()] }),
        UpdateVolume: () => volume({ status: 'extending', name: 'logs', attachments: [attached()] }),
      },
    );
    const argv = ['volume', 'set', 'data', '--size', '20', '--name', 'logs', '--description', '', '--wait'];
    const r = await cli([...argv, '-f', 'value', '-c', 'Size (GiB)'], fakeSession({ volumes: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(calls.slice(0, 2), [
      ['ExtendVolume', { volume: 'data', newSizeGib: 20 }],
      ['UpdateVolume', { volume: VOL_ID, name: 'logs', description: '' }],
    ]);
    assert.equal(r.stdout, '20\n');
  });

  it('set --size --wait reports an extend that failed (the volume rests at its old size)', async () => {
    const fault = { code: 'RESOURCE_EXHAUSTED', reason: 'INSUFFICIENT_CAPACITY', message: 'host full', at: '' };
    const { api, calls } = volumesApi([volume({ status: 'in-use', fault })], {
      ExtendVolume: () => volume({ status: 'extending' }),
    });
    const r = await cli(['volume', 'set', VOL_ID, '--size', '20', '--wait'], fakeSession({ volumes: api }));
    assert.equal(r.code, EXIT.ERROR);
    assert.match(r.stderr, /^strato: error: volume data is still 10 GiB: host full \(code RESOURCE_EXHAUSTED, /);
    assert.equal(calls.filter(([m]) => m === 'UpdateVolume').length, 0, 'no rename was asked for');
  });

  it('set --name alone renames without an extend and prints nothing', async () => {
    const { api, calls } = volumesApi([], { UpdateVolume: () => volume({ name: 'logs' }) });
    const r = await cli(['volume', 'set', 'data', '--name', 'logs'], fakeSession({ volumes: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.deepEqual(calls, [['UpdateVolume', { volume: 'data', name: 'logs' }]]);
  });

  it('delete goes one by one, stops at the first refusal, and --wait waits until NOT_FOUND', async () => {
    const { api, calls } = volumesApi(['gone'], {
      DeleteVolume: (q: { volume: string }) => {
        if (q.volume === 'busy') {
          throw new StratoError('FAILED_PRECONDITION', 'VOLUME_IN_USE', 'volume busy is attached to server demo-1');
        }
        return volume({ status: 'deleting', name: q.volume });
      },
    });
    const f = fakeSession({ volumes: api });
    const ok = await cli(['volume', 'delete', 'data', '--wait'], f);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(calls, [
      ['DeleteVolume', { volume: 'data' }],
      ['GetVolume', { volume: VOL_ID }],
    ]);
    calls.length = 0;
    const refused = await cli(['volume', 'delete', 'a', 'busy', 'c'], f);
    assert.equal(refused.code, EXIT.ERROR);
    assert.deepEqual(
      calls.map(([, q]) => q),
      [{ volume: 'a' }, { volume: 'busy' }],
    );
    assert.equal(
      refused.stderr,
      'strato: error: volume busy is attached to server demo-1 ' +
        `(code FAILED_PRECONDITION, reason VOLUME_IN_USE, request id ${f.requestIds[1]})\n`,
    );
  });

  it('backend list: capacity, allocated and free in GiB; why snapshots are unsupported', async () => {
    const backends = [
      {
        host: 'hv-1',
        backend: 'lvm',
        state: 'up',
        enabled: true,
        capacityBytes: String(20 * 1024 * MiB),
        allocatedBytes: String(5 * 1024 * MiB),
        freeBytes: String(15 * 1024 * MiB),
        volumeCount: 3,
        snapshotCount: 0,
        snapshotsSupported: false,
        snapshotsUnsupportedReason: 'no device-mapper',
        wipePolicy: 'zero',
      },
    ];
    const { api } = volumesApi([], { ListVolumeBackends: () => ({ backends, nextPageToken: '' }) });
    const r = await cli(['volume', 'backend', 'list'], fakeSession({ volumes: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /\| hv-1 \| lvm +\| up +\| true +\| 20\.0 +\| 5\.0 +\| 15\.0 +\| 3 +\| unsupported: no device-mapper \| zero \|/,
    );
    const json = await cli(['volume', 'backend', 'list', '-f', 'json'], fakeSession({ volumes: api }));
    assert.equal(JSON.parse(json.stdout)[0].freeBytes, String(15 * 1024 * MiB));
  });

  it('an admin-only call refused is one line with exit code 4', async () => {
    const { api } = volumesApi([], {
      ListVolumeBackends: () => {
        throw new StratoError('PERMISSION_DENIED', 'ADMIN_REQUIRED', 'listing volume backends needs the admin role');
      },
    });
    const r = await cli(['volume', 'backend', 'list'], fakeSession({ volumes: api }));
    assert.equal(r.code, EXIT.AUTH);
    assert.match(r.stderr, /^strato: error: listing volume backends needs the admin role \(code PERMISSION_DENIED, /);
  });
});

describe('volume snapshot commands against a fake API', () => {
  const snap = {
    id: 's1',
    name: 'before-upgrade',
    projectId: 'p1',
    description: '',
    volumeId: VOL_ID,
    sizeGib: 10,
    status: 'creating',
    fault: null,
    createdAt: 't',
    updatedAt: 't',
  };

  it('create sends the volume reference and --force; --wait until available; list filters by volume', async () => {
    const calls: [string, unknown][] = [];
    let polls = 0;
    const api = {
      CreateVolumeSnapshot: async (q: unknown) => {
        calls.push(['CreateVolumeSnapshot', q]);
        return snap;
      },
      GetVolumeSnapshot: async (q: unknown) => {
        calls.push(['GetVolumeSnapshot', q]);
        return { ...snap, status: polls++ === 0 ? 'creating' : 'available' };
      },
      ListVolumeSnapshots: async (q: unknown) => {
        calls.push(['ListVolumeSnapshots', q]);
        return { snapshots: [{ ...snap, status: 'available' }], nextPageToken: '' };
      },
    };
    const f = fakeSession({ volumeSnapshots: api });
    const argv = ['volume', 'snapshot', 'create', 'before-upgrade', '--volume', 'data', '--force', '--wait'];
    const r = await cli([...argv, '-f', 'value', '-c', 'Status'], f);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'available\n');
    const list = await cli(['volume', 'snapshot', 'list', '--volume', 'data'], f);
    assert.match(list.stdout, new RegExp(`\\| s1 +\\| before-upgrade \\| available \\| 10 +\\| ${VOL_ID} \\|`));
    assert.deepEqual(calls, [
      ['CreateVolumeSnapshot', { name: 'before-upgrade', volume: 'data', force: true, description: '' }],
      ['GetVolumeSnapshot', { snapshot: 's1' }],
      ['GetVolumeSnapshot', { snapshot: 's1' }],
      ['ListVolumeSnapshots', { pageToken: '', volume: 'data', allProjects: false }],
    ]);
  });

  it('an unsupported snapshot is one precise line', async () => {
    const api = {
      CreateVolumeSnapshot: async () => {
        throw new StratoError(
          'FAILED_PRECONDITION',
          'SNAPSHOTS_UNSUPPORTED',
          'the lvm backend of host hv-1 cannot snapshot: no device-mapper',
        );
      },
    };
    const r = await cli(['volume', 'snapshot', 'create', 's', '--volume', 'v'], fakeSession({ volumeSnapshots: api }));
    assert.equal(r.code, EXIT.ERROR);
    assert.match(
      r.stderr,
      /cannot snapshot: no device-mapper \(code FAILED_PRECONDITION, reason SNAPSHOTS_UNSUPPORTED/,
    );
  });
});
