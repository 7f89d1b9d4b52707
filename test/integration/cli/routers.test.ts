// strato router, floating ip and server add|remove floating ip against the
// real conductor (spawned) with one registered host that has the network role
// (test/harness/fake-agent.ts), so routers are placed and servers go ACTIVE.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeCert } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { FakeAgent } from '../../harness/fake-agent.ts';
import { type CliFixture, type CliResult, startCliFixture } from './fixture.ts';

function ok(r: CliResult): string {
  assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function json<T = Record<string, unknown>>(r: CliResult): T {
  return JSON.parse(ok(r)) as T;
}

/** One error line naming the code and reason, and the exit code. */
function failed(r: CliResult, exit: number, pattern: RegExp): void {
  assert.equal(r.code, exit, `exit ${r.code}: ${r.stdout}${r.stderr}`);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, pattern);
}

interface Router {
  id: string;
  name: string;
  host: string;
  externalGateway: { networkId: string; ipAddress: string; enableSnat: boolean } | null;
  interfaces: { subnetId: string; ipAddress: string; portId: string }[];
}
interface Fip {
  id: string;
  floatingIpAddress: string;
  portId: string;
  fixedIpAddress: string;
  serverId: string;
  status: string;
}

describe('strato router and floating ip commands against the conductor (one network host)', () => {
  let fx: CliFixture;
  let agent: FakeAgent | undefined;
  let publicId = '';
  let subnetId = '';

  before(async () => {
    fx = await startCliFixture();
    await makeCert(fx.pki, 'l3cli-hv', ['127.0.0.1']);
    agent = await FakeAgent.start({
      hostId: 'l3cli-hv',
      tlsDir: fx.pki,
      registry: fx.registryAddress,
      capacity: { vcpus: 2, ramMib: 4096, diskGib: 20 },
      networkRole: true,
      // The external network's bridge, which the router's host must have.
      physicalBridges: { l3clipub0: 1500 },
    });
    const img = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M']);
    for (const args of [
      ['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny'],
      ['image', 'create', '--file', img, 'testvm'],
      ['network', 'create', 'net1'],
    ]) {
      ok(await fx.strato(args));
    }
    subnetId = json<{ id: string }>(
      await fx.strato(['subnet', 'create', '--network', 'net1', '--cidr', '10.61.0.0/24', 'sub1', '-f', 'json']),
    ).id;
  });
  after(async () => {
    await agent?.stop();
    await fx?.close();
  });

  it('network create --external makes an external flat network (and refuses vxlan before any call)', async () => {
    const n = json<{ id: string; external: boolean }>(
      await fx.strato([
        ...['network', 'create', '--external', '--provider-type', 'flat', '--physical-bridge', 'l3clipub0'],
        ...['public', '-f', 'json'],
      ]),
    );
    assert.equal(n.external, true);
    publicId = n.id;
    const pool = ['--allocation-pool', 'start=192.0.2.10,end=192.0.2.20', '--no-dhcp'];
    ok(await fx.strato(['subnet', 'create', '--network', 'public', '--cidr', '192.0.2.0/24', ...pool, 'public-sub']));
    const bad = await fx.strato(['network', 'create', '--external', 'nope']);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /--external needs --provider-type flat/);
    assert.match(ok(await fx.strato(['network', 'show', 'public'])), /\| External +\| true +\|/);
  });

  it('router create/add subnet/show/set/unset/remove/delete', async () => {
    const r = json<Router>(await fx.strato(['router', 'create', 'r1', '--external-gateway', 'public', '-f', 'json']));
    assert.equal(r.host, 'l3cli-hv', 'placed on the network host (the admin sees where)');
    assert.equal(r.externalGateway?.networkId, publicId);
    assert.equal(r.externalGateway?.enableSnat, true);
    assert.match(r.externalGateway?.ipAddress ?? '', /^192\.0\.2\.(1\d|20)$/);
    ok(await fx.strato(['router', 'add', 'subnet', 'r1', 'sub1']));
    const shown = json<Router>(await fx.strato(['router', 'show', 'r1', '-f', 'json']));
    assert.deepEqual(
      shown.interfaces.map((i) => [i.subnetId, i.ipAddress]),
      [[subnetId, '10.61.0.1']],
    );
    failed(await fx.strato(['router', 'delete', 'r1']), 1, /code FAILED_PRECONDITION, reason ROUTER_IN_USE/);
    const snat = json<Router>(
      await fx.strato([
        ...['router', 'set', 'r1', '--external-gateway', 'public', '--disable-snat'],
        ...['--name', 'r1b', '-f', 'json'],
      ]),
    );
    assert.deepEqual([snat.name, snat.externalGateway?.enableSnat], ['r1b', false]);
    assert.equal(snat.externalGateway?.ipAddress, r.externalGateway?.ipAddress, 'the address stays');
    assert.equal(ok(await fx.strato(['router', 'list', '-f', 'value', '-c', 'Name'])), 'r1b\n');
    failed(await fx.strato(['router', 'unset', 'r1b']), 2, /--external-gateway/);
    const cleared = json<Router>(await fx.strato(['router', 'unset', 'r1b', '--external-gateway', '-f', 'json']));
    assert.equal(cleared.externalGateway, null);
    ok(await fx.strato(['router', 'set', 'r1b', '--external-gateway', 'public']));
    ok(await fx.strato(['router', 'remove', 'subnet', 'r1b', 'sub1']));
    ok(await fx.strato(['router', 'delete', 'r1b']));
    assert.equal(ok(await fx.strato(['router', 'list', '-f', 'value'])), '');
  });

  it('floating ip create/set/unset and server add|remove floating ip; server show lists it; server delete drops it', async () => {
    ok(await fx.strato(['router', 'create', 'r2', '--external-gateway', 'public']));
    ok(await fx.strato(['router', 'add', 'subnet', 'r2', 'sub1']));
    const server = json<{ id: string; vmState: string; ports: { portId: string; ips: string[] }[] }>(
      await fx.strato([
        ...['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny', '--network', 'net1'],
        ...['--wait', '--wait-timeout', '60', '-f', 'json', 'vm1'],
      ]),
    );
    assert.equal(server.vmState, 'ACTIVE');
    const fixed = server.ports[0]?.ips[0] ?? '';
    const fip = json<Fip>(
      await fx.strato(['floating', 'ip', 'create', 'public', '--address', '192.0.2.15', '-f', 'json']),
    );
    assert.deepEqual([fip.floatingIpAddress, fip.status, fip.portId], ['192.0.2.15', 'DOWN', '']);

    const added = json<Fip>(await fx.strato(['server', 'add', 'floating', 'ip', 'vm1', '192.0.2.15', '-f', 'json']));
    assert.deepEqual([added.serverId, added.fixedIpAddress, added.status], [server.id, fixed, 'ACTIVE']);
    assert.match(ok(await fx.strato(['server', 'show', 'vm1'])), new RegExp(`net1=${fixed}, 192\\.0\\.2\\.15`));
    const shown = json<{ addresses: Record<string, { ips: string[]; floatingIps: string[] }> }>(
      await fx.strato(['server', 'show', 'vm1', '-f', 'json']),
    );
    assert.deepEqual(shown.addresses.net1, { ips: [fixed], floatingIps: ['192.0.2.15'] });
    assert.match(
      ok(
        await fx.strato([
          'floating',
          'ip',
          'list',
          '-f',
          'value',
          '-c',
          'Floating IP Address',
          '-c',
          'Fixed IP Address',
        ]),
      ),
      new RegExp(`^192\\.0\\.2\\.15 ${fixed.replace(/\./g, '\\.')}\\n$`),
    );
    const removed = json<Fip>(
      await fx.strato(['server', 'remove', 'floating', 'ip', 'vm1', '192.0.2.15', '-f', 'json']),
    );
    assert.deepEqual([removed.portId, removed.status], ['', 'DOWN']);
    failed(
      await fx.strato(['server', 'remove', 'floating', 'ip', 'vm1', '192.0.2.15']),
      1,
      /not associated with server/,
    );
    failed(await fx.strato(['floating', 'ip', 'unset', '192.0.2.15']), 2, /--port/);

    const portId = server.ports[0]?.portId ?? '';
    const set = json<Fip>(await fx.strato(['floating', 'ip', 'set', fip.id, '--port', portId, '-f', 'json']));
    assert.equal(set.portId, portId);
    // Deleting the server deletes its port, which disassociates the floating IP.
    ok(await fx.strato(['server', 'delete', '--wait', '--wait-timeout', '60', 'vm1']));
    const after = json<Fip>(await fx.strato(['floating', 'ip', 'show', '192.0.2.15', '-f', 'json']));
    assert.deepEqual([after.portId, after.serverId, after.status], ['', '', 'DOWN']);
    ok(await fx.strato(['floating', 'ip', 'delete', '192.0.2.15']));
    assert.equal(ok(await fx.strato(['floating', 'ip', 'list', '-f', 'value'])), '');
    ok(await fx.strato(['router', 'remove', 'subnet', 'r2', 'sub1']));
    ok(await fx.strato(['router', 'delete', 'r2']));
  });
});
