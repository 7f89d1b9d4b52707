// strato volume … and server add|remove volume against the real conductor
// (spawned), with one storage host whose storage role is REAL (the file backend
// and the iSCSI target manager on a private tgtd in a namespace of this test,
// test/integration/storage/tgt-lab.ts) and one compute host: create --wait
// (empty, from an image, from a snapshot), list/show/-f json with the status,
// set --size --wait, snapshots, backend list, delete --wait, the errors a user
// acts on, and an attach the compute host refuses, which --wait reports.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { makeCert } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { FakeAgent } from '../../harness/fake-agent.ts';
import { TgtLab } from '../storage/tgt-lab.ts';
import { type CliFixture, type CliResult, startCliFixture } from './fixture.ts';

function ok(r: CliResult): string {
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

const json = <T>(r: CliResult): T => JSON.parse(ok(r)) as T;

interface VolumeJson {
  id: string;
  name: string;
  status: string;
  sizeGib: number;
  snapshotId: string;
  attachments: unknown[];
  fault: { reason: string } | null;
}

describe('strato volume commands against the conductor (a storage host on a private tgtd)', () => {
  let fx: CliFixture;
  let lab: TgtLab;
  const agents: FakeAgent[] = [];

  before(async () => {
    lab = await new TgtLab().open();
    fx = await startCliFixture();
    for (const h of ['st-cli', 'hv-cli']) await makeCert(fx.pki, h, ['127.0.0.1']);
    agents.push(
      await FakeAgent.start({
        hostId: 'st-cli',
        tlsDir: fx.pki,
        registry: fx.registryAddress,
        underlayIp: lab.targetIp,
        storage: { tgtadm: lab.tgtadm, portal: { address: lab.targetIp, port: 3260 }, netns: lab.targetNs },
      }),
    );
    agents.push(
      await FakeAgent.start({
        hostId: 'hv-cli',
        tlsDir: fx.pki,
        registry: fx.registryAddress,
        underlayIp: lab.initiatorIp,
      }),
    );
    const img = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M']);
    for (const args of [
      ['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny'],
      ['image', 'create', '--file', img, 'testvm'],
    ]) {
      ok(await fx.strato(args));
    }
  });
  after(async () => {
    for (const a of agents) await a.stop();
    await fx?.close();
    await lab?.close();
  });

  it('volume create --wait, list, show and -f json', async () => {
    const v = json<VolumeJson>(await fx.strato(['volume', 'create', '--size', '1', '--wait', '-f', 'json', 'data']));
    assert.deepEqual([v.name, v.status, v.sizeGib], ['data', 'available', 1]);
    assert.equal(
      ok(await fx.strato(['volume', 'list', '-f', 'value', '-c', 'Name', '-c', 'Status'])),
      'data available\n',
    );
    const shown = ok(await fx.strato(['volume', 'show', 'data']));
    assert.match(shown, /\| Backend +\| file +\|/);
    assert.match(shown, /\| Host +\| st-cli +\|/);
  });

  it('volume create --image --wait copies the image; set --size --wait grows it', async () => {
    const v = json<VolumeJson>(
      await fx.strato(['volume', 'create', '--size', '1', '--image', 'testvm', '--wait', '-f', 'json', 'os']),
    );
    assert.equal(v.status, 'available');
    const grown = json<VolumeJson>(await fx.strato(['volume', 'set', '--size', '2', '--wait', '-f', 'json', 'os']));
    assert.deepEqual([grown.status, grown.sizeGib], ['available', 2]);
    const r = await fx.strato(['volume', 'set', '--size', '1', 'os']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /VOLUME_SHRINK_REFUSED/);
  });

  it('snapshots: create --wait, a volume from it, list, and delete', async () => {
    ok(await fx.strato(['volume', 'snapshot', 'create', '--volume', 'data', '--wait', 'snap']));
    assert.match(ok(await fx.strato(['volume', 'snapshot', 'list', '--volume', 'data'])), /snap .*available/s);
    const copy = json<VolumeJson>(
      await fx.strato(['volume', 'create', '--snapshot', 'snap', '--wait', '-f', 'json', 'from-snap']),
    );
    assert.deepEqual([copy.status, copy.sizeGib], ['available', 1]);
    const held = await fx.strato(['volume', 'delete', 'data']);
    assert.equal(held.code, 1);
    assert.match(held.stderr, /VOLUME_HAS_SNAPSHOTS/);
    ok(await fx.strato(['volume', 'snapshot', 'delete', '--wait', 'snap']));
    ok(await fx.strato(['volume', 'delete', '--wait', 'from-snap']));
  });

  it('volume backend list shows what was placed on the storage host', async () => {
    const out = ok(await fx.strato(['volume', 'backend', 'list', '-f', 'json']));
    const [b] = JSON.parse(out) as { host: string; state: string; allocatedBytes: string; volumeCount: number }[];
    assert.deepEqual([b?.host, b?.state, b?.volumeCount], ['st-cli', 'up', 2]);
    assert.equal(b?.allocatedBytes, String(3 * 1024 ** 3));
  });

  it('server add volume --wait reports an attach the compute host refused; the volume is available again', async () => {
    ok(await fx.strato(['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny', '--wait', 'vm']));
    const compute = agents[1]!;
    compute.failVolumeCalls = new StratoError('UNAVAILABLE', 'ISCSI_LOGIN_FAILED', 'the target refused the login');
    try {
      const r = await fx.strato(['server', 'add', 'volume', '--wait', 'vm', 'data']);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /volume data is available, not in-use: .*ISCSI_LOGIN_FAILED/);
      const v = json<VolumeJson>(await fx.strato(['volume', 'show', '-f', 'json', 'data']));
      assert.deepEqual([v.status, v.attachments, v.fault?.reason], ['available', [], 'ISCSI_LOGIN_FAILED']);
      const detach = await fx.strato(['server', 'remove', 'volume', 'vm', 'data']);
      assert.equal(detach.code, 5, 'NOT_FOUND exits 5');
      assert.match(detach.stderr, /VOLUME_NOT_ATTACHED/);
    } finally {
      compute.failVolumeCalls = undefined;
    }
  });

  it('volume delete --wait removes the volumes', async () => {
    ok(await fx.strato(['volume', 'delete', '--wait', 'data', 'os']));
    assert.equal(ok(await fx.strato(['volume', 'list', '-f', 'value', '-c', 'Name'])), '');
  });
});
