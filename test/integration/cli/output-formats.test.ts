// What scripts read from bin/strato, against the real conductor (spawned)
// with one registered host (test/harness/fake-agent.ts, so servers land
// ACTIVE with addresses): server list as csv with chosen columns, yaml,
// value, the Networks column and image names, and the list filters.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { makeCert } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { FakeAgent } from '../../harness/fake-agent.ts';
import { type CliFixture, type CliResult, startCliFixture } from './fixture.ts';

function ok(r: CliResult): string {
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

interface Listed {
  id: string;
  name: string;
  vmState: string;
  imageId: string;
  addresses: Record<string, { ips: string[] }>;
}

describe('strato output formats against the conductor (one host)', () => {
  let fx: CliFixture;
  let agent: FakeAgent | undefined;

  before(async () => {
    fx = await startCliFixture();
    await makeCert(fx.pki, 'hv-out', ['127.0.0.1']);
    agent = await FakeAgent.start({
      hostId: 'hv-out',
      tlsDir: fx.pki,
      registry: fx.registryAddress,
      capacity: { vcpus: 4, ramMib: 4096, diskGib: 20 },
    });
    const img = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M']);
    for (const args of [
      ['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny'],
      ['image', 'create', '--file', img, 'testvm'],
      ['network', 'create', 'front'],
      ['subnet', 'create', '--network', 'front', '--cidr', '10.61.0.0/24', 'front-v4'],
      ['network', 'create', 'back'],
      ['subnet', 'create', '--network', 'back', '--cidr', '10.62.0.0/24', 'back-v4'],
    ]) {
      ok(await fx.strato(args));
    }
    const boot = ['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny', '--wait', '--wait-timeout', '60'];
    ok(await fx.strato([...boot, '--network', 'front', '--network', 'back', 'web-1']));
    ok(await fx.strato([...boot, '--network', 'back', 'db-1']));
  });
  after(async () => {
    await agent?.stop();
    await fx?.close();
  });

  it('server list -f csv -c Name -c Status: a header row, then the chosen columns', async () => {
    const csv = ok(await fx.strato(['server', 'list', '-f', 'csv', '-c', 'Name', '-c', 'Status']));
    assert.deepEqual(csv.split('\n').sort(), ['', 'Name,Status', 'db-1,ACTIVE', 'web-1,ACTIVE'].sort());
    assert.match(csv, /^Name,Status\n/);
  });

  it('-f yaml is the API objects, the same as -f json', async () => {
    const yaml = parse(ok(await fx.strato(['server', 'list', '-f', 'yaml']))) as Listed[];
    const json = JSON.parse(ok(await fx.strato(['server', 'list', '-f', 'json']))) as Listed[];
    assert.deepEqual(yaml, json);
    const web = yaml.find((s) => s.name === 'web-1');
    assert.ok(web, 'web-1 listed');
    assert.equal(web.vmState, 'ACTIVE');
    assert.deepEqual(Object.keys(web.addresses).sort(), ['back', 'front']);
    assert.match(web.addresses['front']?.ips[0] ?? '', /^10\.61\.0\.\d+$/);
  });

  it('the Networks column: addresses per network; the Image column: its name', async () => {
    const json = JSON.parse(ok(await fx.strato(['server', 'list', '-f', 'json']))) as Listed[];
    const web = json.find((s) => s.name === 'web-1');
    assert.ok(web);
    const front = web.addresses['front']?.ips.join(', ');
    const back = web.addresses['back']?.ips.join(', ');
    const value = ok(await fx.strato(['server', 'list', '-f', 'value', '-c', 'Name', '-c', 'Image', '--name', '^web']));
    assert.equal(value, 'web-1 testvm\n');
    const table = ok(await fx.strato(['server', 'list', '--name', '^web']));
    assert.match(table, /\| Image +\| Networks +\|/);
    assert.match(table, new RegExp(`\\| web-1 .*\\| testvm +\\| back=${back?.replaceAll('.', '\\.')} +\\|`));
    assert.match(table, new RegExp(`\\|( +\\|)+ front=${front?.replaceAll('.', '\\.')} +\\|`));
    const networks = ok(await fx.strato(['server', 'show', 'web-1', '-f', 'json', '-c', 'Addresses']));
    assert.deepEqual(JSON.parse(networks), { Addresses: `back=${back}\nfront=${front}` });
  });

  it('--long names the project and the user (the admin may list both)', async () => {
    const value = ok(
      await fx.strato(['server', 'list', '--long', '--name', '^db', '-f', 'value', '-c', 'Project', '-c', 'User']),
    );
    assert.equal(value, 'admin admin\n');
    assert.match(
      ok(await fx.strato(['server', 'list', '--long'])),
      /\| Key Name \| Project \| User +\| Created +\| Launched +\|/,
    );
  });

  it('-f value and the filters: --status, --host, --name', async () => {
    const names = async (...args: string[]) =>
      ok(await fx.strato(['server', 'list', '-f', 'value', '-c', 'Name', ...args]))
        .split('\n')
        .filter(Boolean)
        .sort();
    assert.deepEqual(await names(), ['db-1', 'web-1']);
    assert.deepEqual(await names('--status', 'active', '--host', 'hv-out'), ['db-1', 'web-1']);
    assert.deepEqual(await names('--host', 'elsewhere'), []);
    assert.deepEqual(await names('--name', '^db'), ['db-1']);
    assert.deepEqual(await names('--status', 'SHUTOFF'), []);
  });

  it('a mistyped subcommand suggests the right one, through bin/strato', async () => {
    const r = await fx.strato(['server', 'lsit']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "strato: error: unknown command 'lsit' (Did you mean list?)\n");
  });
});
