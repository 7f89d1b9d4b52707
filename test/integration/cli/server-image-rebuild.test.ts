// strato server image create, server rebuild, server rename/set/unset against the
// real conductor (spawned) with one FAKE host (test/harness/fake-agent.ts: the
// real agent service over fake drivers): --wait follows the image to active and
// the server back to ACTIVE; -f/-c select what is printed; bad input is refused
// with the API's words and a non-zero exit.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeCert } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { FakeAgent } from '../../harness/fake-agent.ts';
import { type CliFixture, type CliResult, startCliFixture } from './fixture.ts';

function ok(r: CliResult): string {
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

describe('strato server image/rebuild/rename/set against the conductor (one fake host)', () => {
  let fx: CliFixture;
  let agent: FakeAgent | undefined;
  let serverId = '';

  before(async () => {
    fx = await startCliFixture();
    await makeCert(fx.pki, 'hv-snap', ['127.0.0.1']);
    agent = await FakeAgent.start({ hostId: 'hv-snap', tlsDir: fx.pki, registry: fx.registryAddress });
    const img = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M']);
    ok(await fx.strato(['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny']));
    ok(await fx.strato(['image', 'create', '--file', img, 'testvm']));
    const created = await fx.strato([
      ...['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny'],
      ...['--wait', '--wait-timeout', '60', '-f', 'value', '-c', 'ID', 'snap-vm'],
    ]);
    serverId = ok(created).trim();
  });
  after(async () => {
    await agent?.stop();
    await fx?.close();
  });

  it('server image create --wait prints the active private image', async () => {
    const out = ok(
      await fx.strato([
        ...['server', 'image', 'create', 'snap-vm', '--name', 'snap-img', '--wait', '--wait-timeout', '60'],
        ...['-f', 'json'],
      ]),
    );
    const image = JSON.parse(out) as { name: string; status: string; public: boolean; diskFormat: string };
    assert.equal(image.name, 'snap-img');
    assert.equal(image.status, 'active');
    assert.equal(image.public, false);
    assert.equal(image.diskFormat, 'qcow2');
    assert.equal(ok(await fx.strato(['image', 'show', 'snap-img', '-f', 'value', '-c', 'Status'])), 'active\n');
  });

  it('server rebuild --image --wait ends ACTIVE with the same id on the new image', async () => {
    const out = ok(
      await fx.strato([
        'server',
        'rebuild',
        'snap-vm',
        '--image',
        'snap-img',
        '--wait',
        '--wait-timeout',
        '60',
        '-f',
        'json',
      ]),
    );
    const s = JSON.parse(out) as { id: string; vmState: string; taskState: string; imageId: string };
    assert.equal(s.id, serverId);
    assert.equal(s.vmState, 'ACTIVE');
    assert.equal(s.taskState, '');
    const snapId = ok(await fx.strato(['image', 'show', 'snap-img', '-f', 'value', '-c', 'ID'])).trim();
    assert.equal(s.imageId, snapId);
  });

  it('rename, set --property and unset --property show in server show', async () => {
    ok(await fx.strato(['server', 'rename', 'snap-vm', 'snap-renamed']));
    ok(await fx.strato(['server', 'set', 'snap-renamed', '--property', 'a=1', '--property', 'b=2']));
    ok(await fx.strato(['server', 'unset', 'snap-renamed', '--property', 'a']));
    const s = JSON.parse(ok(await fx.strato(['server', 'show', serverId, '-f', 'json']))) as {
      name: string;
      metadata: Record<string, string>;
    };
    assert.equal(s.name, 'snap-renamed');
    assert.deepEqual(s.metadata, { b: '2' });
  });

  it('refuses bad input with the API’s reason and exit 1, changing nothing', async () => {
    const r = await fx.strato(['server', 'set', 'snap-renamed', '--property', `k=${'v'.repeat(300)}`]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /METADATA_INVALID|255/);
    const bad = await fx.strato(['server', 'set', 'snap-renamed', '--property', 'novalue']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /expected key=value/);
    const none = await fx.strato(['server', 'set', 'snap-renamed']);
    assert.notEqual(none.code, 0);
    const s = JSON.parse(ok(await fx.strato(['server', 'show', serverId, '-f', 'json']))) as {
      metadata: Record<string, string>;
    };
    assert.deepEqual(s.metadata, { b: '2' });
  });
});
