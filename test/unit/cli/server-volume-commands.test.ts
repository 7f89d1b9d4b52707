// strato server add/remove volume, server create's boot-from-volume flags and server
// show's volumes, in-process against a fake API; and settleStatus, what --wait
// decides from each status it reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXIT } from '../../../cli/errors.ts';
import { type StatusResource, type StatusTarget, settleStatus } from '../../../cli/volume-wait.ts';
import { StratoError } from '../../../common/errors.ts';
import { cli, fakeSession } from './helpers.ts';

import { attached, SERVER_ID, VOL_ID, volume, volumesApi } from './volume-fixture.ts';

describe('server volume commands against a fake API', () => {
  const server = {
    id: SERVER_ID,
    name: 'demo-1',
    vmState: 'ACTIVE',
    taskState: '',
    metadata: {},
    volumes: [{ volumeId: VOL_ID, device: 'vdd', boot: false, deleteOnTermination: false }],
  };

  it('add volume sends names as typed and the device without /dev/; --wait until in-use, then the server', async () => {
    const calls: [string, unknown][] = [];
    const serverVolumes = {
      AddServerVolume: async (q: unknown) => {
        calls.push(['AddServerVolume', q]);
        return { ...server, taskState: 'attaching-volume' };
      },
    };
    const servers = {
      GetServer: async (q: unknown) => {
        calls.push(['GetServer', q]);
        return server;
      },
    };
    const { api, calls: volCalls } = volumesApi([
      volume({ status: 'attaching' }),
      volume({ status: 'attaching' }),
      volume({ status: 'in-use', attachments: [attached('vdd')] }),
    ]);
    const f = fakeSession({ serverVolumes, servers, volumes: api });
    const r = await cli(['server', 'add', 'volume', 'demo-1', 'data', '--device', '/dev/vdd', '--wait'], f);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(calls, [
      ['AddServerVolume', { server: 'demo-1', volume: 'data', device: 'vdd' }],
      ['GetServer', { server: 'demo-1' }],
    ]);
    assert.deepEqual(
      volCalls.map(([, q]) => q),
      [{ volume: 'data' }, { volume: VOL_ID }, { volume: VOL_ID }],
      'the name is resolved once, then polled by id',
    );
    assert.match(r.stdout, new RegExp(`\\| Volumes +\\| vdd ${VOL_ID} +\\|`));

    calls.length = 0;
    const quiet = await cli(['server', 'add', 'volume', SERVER_ID, VOL_ID], f);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.equal(quiet.stdout, '');
    assert.deepEqual(calls, [['AddServerVolume', { server: SERVER_ID, volume: VOL_ID, device: '' }]]);
  });

  it('add volume --wait fails with the fault when the attach was undone', async () => {
    const serverVolumes = { AddServerVolume: async () => ({ ...server, taskState: 'attaching-volume' }) };
    const fault = { code: 'UNAVAILABLE', reason: 'TGTD_UNAVAILABLE', message: 'storage host hv-2: tgtd down', at: '' };
    const { api } = volumesApi([volume({ status: 'attaching' }), volume({ status: 'available', fault })]);
    const f = fakeSession({ serverVolumes, volumes: api, servers: {} });
    const r = await cli(['server', 'add', 'volume', 'demo-1', 'data', '--wait'], f);
    assert.equal(r.code, EXIT.ERROR);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'strato: error: volume data is available, not in-use: storage host hv-2: tgtd down ' +
        '(code UNAVAILABLE, reason TGTD_UNAVAILABLE)\n',
    );
  });

  it('remove volume sends the references; a volume not attached there is NOT_FOUND (exit 5)', async () => {
    const calls: unknown[] = [];
    const serverVolumes = {
      RemoveServerVolume: async (q: { volume: string }) => {
        calls.push(q);
        if (q.volume === 'other') {
          throw new StratoError('NOT_FOUND', 'VOLUME_NOT_ATTACHED', 'volume other is not attached to server demo-1');
        }
        return { ...server, taskState: 'detaching-volume' };
      },
    };
    const f = fakeSession({ serverVolumes });
    assert.equal((await cli(['server', 'remove', 'volume', 'demo-1', 'data'], f)).code, 0);
    const r = await cli(['server', 'remove', 'volume', 'demo-1', 'other'], f);
    assert.equal(r.code, EXIT.NOT_FOUND);
    assert.match(r.stderr, /not attached to server demo-1 \(code NOT_FOUND, reason VOLUME_NOT_ATTACHED/);
    assert.deepEqual(calls, [
      { server: 'demo-1', volume: 'data' },
      { server: 'demo-1', volume: 'other' },
    ]);
  });

  it('server create: boot from a volume, or from a new volume made from an image', async () => {
    const reqs: unknown[] = [];
    const servers = {
      CreateServer: async (q: unknown) => {
        reqs.push(q);
        return { ...server, vmState: 'BUILD', taskState: 'block-device-mapping' };
      },
    };
    const f = fakeSession({ servers });
    const a = await cli(['server', 'create', 'vm', '--flavor', 'm1.tiny', '--boot-volume', 'data'], f);
    assert.equal(a.code, 0, a.stderr);
    const argv = ['server', 'create', 'vm', '--flavor', 'm1.tiny', '--image', 'cirros'];
    const b = await cli([...argv, '--boot-from-image-volume', '2', '--delete-volume-on-termination'], f);
    assert.equal(b.code, 0, b.stderr);
    const common = { name: 'vm', flavor: 'm1.tiny', host: '', metadata: {}, networks: [] };
    assert.deepEqual(reqs, [
      { ...common, image: '', bootVolume: 'data' },
      { ...common, image: 'cirros', bootFromImageVolumeGib: 2, deleteVolumeOnTermination: true },
    ]);
    assert.match(b.stdout, /\| Status +\| BUILD +\|/);
  });

  it('server show lists its volumes with the boot volume marked', async () => {
    const servers = {
      GetServer: async () => ({
        ...server,
        volumes: [
          { volumeId: 'b00t', device: 'vda', boot: true, deleteOnTermination: true },
          { volumeId: VOL_ID, device: 'vdc', boot: false, deleteOnTermination: false },
        ],
      }),
    };
    const r = await cli(['server', 'show', 'demo-1'], fakeSession({ servers }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\| Volumes +\| vda b00t \(boot, delete on termination\) +\|\n\| +\| vdc 7d3c1f2a-/);
  });
});

describe('settleStatus', () => {
  const v = (status: string, sizeGib = 10): StatusResource => ({
    id: 'v1',
    name: 'data',
    status,
    sizeGib,
    fault: null,
  });
  const avail: StatusTarget = { statuses: ['available'] };
  const grown: StatusTarget = { statuses: ['available', 'in-use'], sizeGib: 20 };
  const cases: [string, StatusResource | undefined, StatusTarget, string][] = [
    ['creating', v('creating'), avail, 'pending'],
    ['downloading', v('downloading'), avail, 'pending'],
    ['available', v('available'), avail, 'done'],
    ['error', v('error'), avail, 'failed'],
    ['gone while creating', undefined, avail, 'failed'],
    ['attach undone', v('available'), { statuses: ['in-use'] }, 'failed'],
    ['detach refused (still in-use)', v('in-use'), avail, 'failed'],
    ['extending', v('extending'), grown, 'pending'],
    ['extended while attached', v('in-use', 20), grown, 'done'],
    ['extend failed', v('available', 10), grown, 'failed'],
    ['deleting', v('deleting'), { gone: true }, 'pending'],
    ['deleted', undefined, { gone: true }, 'done'],
    ['delete failed', v('error'), { gone: true }, 'failed'],
  ];
  for (const [name, item, target, want] of cases) {
    it(name, () => assert.equal(settleStatus('volume', item, target).kind, want));
  }
});
