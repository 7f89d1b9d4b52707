// Server commands against the real conductor with no agents registered: a
// boot ends in ERROR ("No valid host"), which exercises --wait's failure
// path, show/list/json, the event list, illegal actions, console log and
// delete --wait. Booting real guests is covered by test/e2e.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../harness/exec.ts';
import { type CliFixture, startCliFixture } from './fixture.ts';

describe('strato server commands against the conductor (no hosts)', () => {
  let fx: CliFixture;

  before(async () => {
    fx = await startCliFixture();
    const img = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M']);
    for (const args of [
      ['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny'],
      ['image', 'create', '--file', img, 'testvm'],
    ]) {
      const r = await fx.strato(args);
      assert.equal(r.code, 0, r.stderr);
    }
  });
  after(async () => {
    await fx?.close();
  });

  it('create --wait fails with the fault when the server lands in ERROR', async () => {
    const userData = join(fx.dir, 'user-data');
    await writeFile(userData, '#!/bin/sh\necho hello\n');
    const r = await fx.strato([
      'server',
      'create',
      '--image',
      'testvm',
      '--flavor',
      'm1.tiny',
      '--user-data',
      userData,
      '--property',
      'role=test',
      '--wait',
      '--wait-timeout',
      '60',
      'vm1',
    ]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^strato: error: server vm1 is in ERROR: No valid host.*\(code [A-Z_]+, reason NO_VALID_HOST\)\n$/,
    );
  });

  it('list and show render the server; -f json carries the fault', async () => {
    const list = await fx.strato(['server', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /\| vm1 +\| ERROR +\| +\| [A-Z]+ +\| m1\.tiny +\|/);
    const show = await fx.strato(['server', 'show', 'vm1', '-f', 'json']);
    assert.equal(show.code, 0, show.stderr);
    const s = JSON.parse(show.stdout);
    assert.equal(s.name, 'vm1');
    assert.equal(s.vmState, 'ERROR');
    assert.equal(s.flavor.name, 'm1.tiny');
    assert.equal(s.metadata.role, 'test');
    assert.equal(s.fault.reason, 'NO_VALID_HOST');
    const table = await fx.strato(['server', 'show', s.id]);
    assert.match(table.stdout, /\| Fault +\| No valid host/);
    assert.match(table.stdout, /\| Properties +\| role=test +\|/);
  });

  it('event list shows the create with its request id and error', async () => {
    const r = await fx.strato(['server', 'event', 'list', 'vm1', '-f', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const events = JSON.parse(r.stdout) as { action: string; result: string; error: string; requestId: string }[];
    const create = events.find((e) => e.action === 'create');
    assert.ok(create, r.stdout);
    assert.equal(create.result, 'error');
    assert.match(create.error, /No valid host/);
    assert.match(create.requestId, /^[0-9a-f-]{36}$/);
  });

  it('an illegal action and a console of a server on no host fail with FAILED_PRECONDITION', async () => {
    const start = await fx.strato(['server', 'start', 'vm1']);
    assert.equal(start.code, 1);
    assert.match(start.stderr, /\(code FAILED_PRECONDITION, reason [A-Z_]+, request id /);
    const consoleLog = await fx.strato(['console', 'log', 'vm1', '--lines', '5']);
    assert.equal(consoleLog.code, 1);
    assert.match(consoleLog.stderr, /code FAILED_PRECONDITION/);
  });

  it('a missing server or host: exit 5', async () => {
    const s = await fx.strato(['server', 'show', 'nope']);
    assert.equal(s.code, 5);
    assert.match(s.stderr, /^strato: error: .* \(code NOT_FOUND, /);
    const h = await fx.strato(['host', 'show', 'no-such-host']);
    assert.equal(h.code, 5, h.stderr);
    const hosts = await fx.strato(['host', 'list', '-f', 'json']);
    assert.equal(hosts.code, 0, hosts.stderr);
    assert.deepEqual(JSON.parse(hosts.stdout), []);
  });

  it('delete --wait returns once the server is gone', async () => {
    const r = await fx.strato(['server', 'delete', 'vm1', '--wait', '--wait-timeout', '60']);
    assert.equal(r.code, 0, r.stderr);
    const list = await fx.strato(['server', 'list', '-f', 'json']);
    assert.deepEqual(JSON.parse(list.stdout), []);
    const again = await fx.strato(['server', 'delete', 'vm1']);
    assert.equal(again.code, 5);
  });
});
