// strato host list|show and the list filters that take a resource reference,
// against the real conductor (spawned) with one registered host. The host is
// test/harness/fake-agent.ts: it registers, heartbeats and answers spawns over
// mutual TLS as the real agent does, so servers land ACTIVE and the
// scheduler's claims are real; booting real guests is test/e2e's business.
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

describe('strato host commands and list filters against the conductor (one host)', () => {
  let fx: CliFixture;
  let agent: FakeAgent | undefined;
  let serverId = '';

  before(async () => {
    fx = await startCliFixture();
    await makeCert(fx.pki, 'hv-cli', ['127.0.0.1']);
    agent = await FakeAgent.start({
      hostId: 'hv-cli',
      tlsDir: fx.pki,
      registry: fx.registryAddress,
      capacity: { vcpus: 2, ramMib: 4096, diskGib: 20 },
    });
    const img = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M']);
    for (const args of [
      ['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny'],
      ['image', 'create', '--file', img, 'testvm'],
      ['network', 'create', 'net1'],
      ['subnet', 'create', '--network', 'net1', '--cidr', '10.9.0.0/24', 'sub1'],
    ]) {
      ok(await fx.strato(args));
    }
    const created = await fx.strato([
      ...['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny', '--network', 'net1'],
      ...['--wait', '--wait-timeout', '60', '-f', 'json', 'demo-1'],
    ]);
    const s = JSON.parse(ok(created)) as { id: string; vmState: string };
    assert.equal(s.vmState, 'ACTIVE');
    serverId = s.id;
  });
  after(async () => {
    await agent?.stop();
    await fx?.close();
  });

  it('host show: used / usable with the over-commit that gets there', async () => {
    const out = ok(await fx.strato(['host', 'show', 'hv-cli']));
    // 2 cores × the default CPU ratio 4.0 = 8 vCPUs the scheduler may place.
    assert.match(out, /\| vCPUs +\| 1 \/ 8 \(2 physical × 4\.0\) +\|/);
    assert.match(out, /\| RAM \(MiB\) +\| 256 \/ 4096 \(4096 physical × 1\.0\) +\|/);
    assert.match(out, /\| Disk \(GiB\) +\| 1 \/ 20 \(20 physical × 1\.0\) +\|/);
    assert.match(out, /\| Instances +\| 1 +\|/);
  });

  it('host list: used/usable; -f json has the API fields', async () => {
    assert.equal(ok(await fx.strato(['host', 'list', '-f', 'value', '-c', 'ID', '-c', 'vCPUs'])), 'hv-cli 1/8\n');
    const [h] = JSON.parse(ok(await fx.strato(['host', 'list', '-f', 'json']))) as Record<string, unknown>[];
    assert.deepEqual(h?.capacity, { vcpus: 2, ramMib: 4096, diskGib: 20 });
    assert.deepEqual(h?.usage, { vcpus: 1, ramMib: 256, diskGib: 1 });
    assert.deepEqual(h?.usable, { vcpus: 8, ramMib: 4096, diskGib: 20 });
    assert.deepEqual(h?.allocationRatio, { cpu: 4, ram: 1, disk: 1 });
    assert.deepEqual(h?.reserved, { vcpus: 0, ramMib: 0, diskGib: 0 });
  });

  it('port list --device takes the server by name or by id', async () => {
    for (const ref of ['demo-1', serverId]) {
      const ports = JSON.parse(ok(await fx.strato(['port', 'list', '--device', ref, '-f', 'json']))) as {
        deviceId: string;
      }[];
      assert.equal(ports.length, 1, ref);
      assert.equal(ports[0]?.deviceId, serverId);
    }
  });

  it('a filter naming nothing fails with NOT_FOUND (exit 5) instead of printing an empty list', async () => {
    const cases: [string[], RegExp][] = [
      [['port', 'list', '--device', 'demo-9'], /^strato: error: --device: server demo-9 not found \(code NOT_FOUND/],
      [['port', 'list', '--network', 'net-9'], /^strato: error: network "?net-9"? not found \(code NOT_FOUND/],
      [['subnet', 'list', '--network', 'net-9'], /^strato: error: network "?net-9"? not found \(code NOT_FOUND/],
      [['server', 'event', 'list', 'demo-9'], /^strato: error: server "?demo-9"? not found \(code NOT_FOUND/],
      [['security', 'group', 'rule', 'list', 'sg-9'], /^strato: error: security.group "?sg-9"? not found \(code NOT_FOUND/],
    ];
    for (const [args, pattern] of cases) {
      const r = await fx.strato(args);
      assert.equal(r.code, 5, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, pattern);
    }
  });
});
