// libvirtd restarted under a connected client: in-flight and new calls wait for the
// reconnect (or fail UNAVAILABLE past their deadline), and events flow again afterwards
// because the client re-registers them. libvirtd is running again when this file ends.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';
import { domainXml, testDomainName } from '../../harness/domain-xml-fixture.ts';
import { run } from '../../harness/exec.ts';
import { domainGone, removeDomain } from '../../harness/libvirt-domains.ts';
import { processAlive } from '../../harness/processes.ts';
import { waitFor } from '../../harness/wait.ts';
import { installPathStandIns, nextEvent, type PathStandIns } from './helpers.ts';

const PID_FILE = '/run/libvirtd.pid';
const LIBVIRTD = '/usr/sbin/libvirtd';

async function libvirtdPid(): Promise<number | null> {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number.parseInt((await readFile(PID_FILE, 'utf8')).trim(), 10);
  return Number.isInteger(pid) && (await processAlive(pid)) ? pid : null;
}

async function stopLibvirtd(): Promise<void> {
  const pid = await libvirtdPid();
  assert.ok(pid !== null, `libvirtd must be running (pid file ${PID_FILE})`);
  process.kill(pid, 'SIGTERM');
  const exited = (timeoutMs: number) =>
    waitFor(
      () => processAlive(pid),
      (alive) => !alive,
      { what: 'libvirtd to exit', timeoutMs, intervalMs: 100 },
    );
  await exited(15_000).catch(() => process.kill(pid, 'SIGKILL'));
  await exited(5_000);
}

/** Starts libvirtd unless it runs, and waits until it answers on its socket. */
async function ensureLibvirtd(): Promise<void> {
  if ((await libvirtdPid()) === null) await run(LIBVIRTD, ['-d']);
  const probe = await LibvirtClient.connect({ connectTimeoutMs: 20_000, log: quietLog() });
  await probe.close();
}

// The reconnect path logs warnings by design; keep test output readable.
const quietLog = () => log.child({ test: 'libvirt-reconnect' }, { level: 'silent' });

let standIns: PathStandIns;
let client: LibvirtClient;
const name = testDomainName();
const names = [name];

before(async () => {
  standIns = await installPathStandIns();
  await ensureLibvirtd();
  client = await LibvirtClient.connect({
    events: ['lifecycle'],
    backoffInitialMs: 50,
    backoffMaxMs: 500,
    unavailableAfterMs: 30_000,
    log: quietLog(),
  });
});

after(async () => {
  try {
    await ensureLibvirtd();
    for (const n of names) await removeDomain(client, n);
    for (const n of names) assert.ok(await domainGone(client, n), `domain ${n} left in libvirt`);
    await client.close();
  } finally {
    await standIns.finish();
  }
});

test('survives a libvirtd restart: calls wait, events are re-registered', async () => {
  const dom = await client.defineDomain(domainXml({ name, memoryMiB: 64 }));
  await client.startDomain(dom);
  // Let libvirtd finish its post-start bookkeeping: a daemon killed in the middle of it
  // cannot reattach to the guest on restart and kills it (shutoff reason "daemon").
  await sleep(1500);
  const impatient = await LibvirtClient.connect({ unavailableAfterMs: 300, backoffInitialMs: 50, log: quietLog() });

  try {
    const disconnected = new Promise<void>((r) => client.once('disconnected', r));
    const reconnected = new Promise<void>((r) => client.once('connected', r));
    await stopLibvirtd();
    await disconnected;
    assert.equal(client.state, 'connecting');

    // A call with a short deadline fails UNAVAILABLE while the daemon is down …
    await assert.rejects(impatient.getNodeInfo(), (err) => isStratoError(err, 'UNAVAILABLE'));
    // … and one with a long deadline waits for the reconnect.
    const waiting = client.getDomainState(dom);
    await sleep(300);
    await run(LIBVIRTD, ['-d']);
    await reconnected;
    assert.equal(client.state, 'ready');
    // The waiting call went through on the new connection. (The guest normally survives
    // the restart; libvirtd itself kills it when it cannot reattach, reason SHUTOFF/8.)
    const state = await waiting;
    assert.ok(state.state === 'RUNNING' || state.state === 'SHUTOFF', `state ${JSON.stringify(state)}`);

    // Events flow on the new connection without any action by the caller.
    const other = testDomainName();
    names.push(other);
    const defined = nextEvent(client, 'lifecycle', (e) => e.domain.name === other && e.event === 'DEFINED', 10_000);
    await client.defineDomain(domainXml({ name: other, memoryMiB: 64 }));
    await defined;
    const current = await client.getDomainState(dom);
    if (current.state === 'RUNNING') {
      const stopped = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'STOPPED', 20_000);
      await client.destroyDomain(name);
      assert.equal((await stopped).detail, 'DESTROYED');
    } else {
      const started = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'STARTED', 20_000);
      await client.startDomain(name);
      await started;
    }
  } finally {
    await impatient.close();
  }
});
