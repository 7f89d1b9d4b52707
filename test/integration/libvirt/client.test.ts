// The libvirt client against the real libvirtd with a minimal TCG domain (no disk, it
// sits in SeaBIOS): host calls, lifecycle with events, managed save, errors, secrets,
// stats, block resize, many calls in flight and call timeouts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  AffectFlags,
  DestroyFlags,
  SecretUsageType,
  StatsGroups,
  UndefineFlags,
  XmlFlags,
} from '../../../agent/hypervisor/libvirt/flags.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { diskXml, domainXml, testDomainName } from '../../harness/domain-xml-fixture.ts';
import { closeLibvirtLab, type LibvirtLab, nextEvent, openLibvirtLab } from './helpers.ts';

let lab: LibvirtLab | undefined;
let client: LibvirtClient;
let dir: string;
const names: string[] = [];

function newDomainName(): string {
  const n = testDomainName();
  names.push(n);
  return n;
}

before(async () => {
  lab = await openLibvirtLab(['lifecycle']);
  ({ client, dir } = lab);
});

after(() => closeLibvirtLab(lab, names));

const stopped = (name: string, detail?: string) =>
  nextEvent(
    client,
    'lifecycle',
    (e) => e.domain.name === name && e.event === 'STOPPED' && (!detail || e.detail === detail),
    20_000,
  );

test('capabilities and node info', async () => {
  const caps = await client.getCapabilities();
  assert.match(caps, /<capabilities>/);
  assert.match(caps, /<arch>x86_64<\/arch>/);
  const info = await client.getNodeInfo();
  assert.equal(info.model, 'x86_64');
  assert.ok(info.cpus >= 1);
  assert.ok(info.memoryKiB > 0n);
});

test('a missing domain is NOT_FOUND with libvirt code 42', async () => {
  for (const key of [`strato-test-missing-${randomUUID()}`, randomUUID()]) {
    await assert.rejects(client.lookupDomain(key), (err) => {
      assert.ok(isStratoError(err, 'NOT_FOUND'));
      assert.equal(err.reason, 'DOMAIN_NOT_FOUND');
      assert.equal(err.details.libvirtCode, '42');
      assert.equal(err.details.libvirtDomain, '10');
      return true;
    });
  }
});

test('lifecycle with events: define, start, suspend, resume, reset, destroy, managed save, undefine', async () => {
  const name = newDomainName();
  const defined = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'DEFINED', 5000);
  const dom = await client.defineDomain(domainXml({ name, memoryMiB: 64 }));
  assert.equal(dom.name, name);
  assert.equal(dom.id, -1);
  assert.equal((await defined).detail, 'ADDED');

  const listed = (await client.listDomains()).find((d) => d.uuid === dom.uuid);
  assert.equal(listed?.state, 'SHUTOFF');
  assert.ok((await client.listDomainRefs()).some((d) => d.name === name));

  await assert.rejects(client.suspendDomain(dom), (err) => {
    assert.ok(isStratoError(err, 'FAILED_PRECONDITION'));
    assert.equal(err.details.libvirtCode, '55');
    return true;
  });

  const started = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'STARTED', 10_000);
  const running = await client.startDomain(dom);
  assert.ok(running.id > 0);
  assert.equal((await started).detail, 'BOOTED');
  assert.equal((await client.getDomainState(name)).state, 'RUNNING');
  assert.equal((await client.listDomains()).find((d) => d.uuid === dom.uuid)?.state, 'RUNNING');

  const suspended = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'SUSPENDED', 5000);
  await client.suspendDomain(dom);
  await suspended;
  assert.equal((await client.getDomainState(dom)).state, 'PAUSED');
  const resumed = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'RESUMED', 5000);
  await client.resumeDomain(dom);
  await resumed;
  assert.equal((await client.getDomainState(dom)).state, 'RUNNING');
  await client.resetDomain(dom);
  assert.equal((await client.getDomainState(dom)).state, 'RUNNING');

  assert.match(await client.getDomainXml(dom), new RegExp(`<name>${name}</name>`));
  assert.doesNotMatch(await client.getDomainXml(dom, XmlFlags.INACTIVE), /<domain type='qemu' id=/);

  // Managed save stops the domain and keeps its memory; undefine refuses until told.
  const saved = stopped(name, 'SAVED');
  await client.managedSave(dom);
  await saved;
  assert.equal(await client.hasManagedSaveImage(dom), true);
  assert.equal((await client.getDomainState(dom)).state, 'SHUTOFF');
  await assert.rejects(client.undefineDomain(dom), (err) => isStratoError(err, 'FAILED_PRECONDITION'));

  const restored = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'STARTED', 10_000);
  await client.startDomain(dom);
  assert.equal((await restored).detail, 'RESTORED');
  assert.equal(await client.hasManagedSaveImage(dom), false);

  const destroyed = stopped(name, 'DESTROYED');
  await client.destroyDomain(dom, DestroyFlags.GRACEFUL);
  await destroyed;
  assert.equal((await client.getDomainState(dom)).state, 'SHUTOFF');

  await client.startDomain(dom);
  const saved2 = stopped(name, 'SAVED');
  await client.managedSave(dom);
  await saved2;
  const undefined_ = nextEvent(client, 'lifecycle', (e) => e.domain.name === name && e.event === 'UNDEFINED', 5000);
  await client.undefineDomain(dom, UndefineFlags.MANAGED_SAVE | UndefineFlags.NVRAM);
  await undefined_;
  await assert.rejects(client.getDomainState(dom), (err) => isStratoError(err, 'NOT_FOUND'));
});

test('stats move while the guest runs; block resize shows in stats', async () => {
  const name = newDomainName();
  const disk = join(dir, `${name}.raw`);
  await writeFile(disk, '');
  await truncate(disk, 16 * 1024 * 1024);
  const dom = await client.defineDomain(domainXml({ name, memoryMiB: 64 }));
  await client.startDomain(dom);
  await client.attachDevice(dom, diskXml({ path: disk, target: 'vdb', format: 'raw' }), AffectFlags.LIVE);

  const first = await client.getAllDomainStats({ domains: [dom] });
  assert.equal(first.length, 1);
  assert.equal(first[0]?.domain.uuid, dom.uuid);
  const s0 = first[0]!.stats;
  assert.equal(s0['state.state'], 1);
  assert.equal(s0['block.count'], 1);
  assert.equal(s0['block.0.name'], 'vdb');
  assert.equal(s0['block.0.capacity'], 16 * 1024 * 1024);
  await new Promise((r) => setTimeout(r, 1500));
  const s1 = (await client.getAllDomainStats({ domains: [dom], groups: StatsGroups.CPU_TOTAL | StatsGroups.BLOCK }))[0]!
    .stats;
  assert.ok(typeof s1['cpu.time'] === 'number' && typeof s0['cpu.time'] === 'number');
  assert.ok(s1['cpu.time'] > s0['cpu.time'], `cpu.time ${s0['cpu.time']} -> ${s1['cpu.time']}`);
  assert.equal(s1['state.state'], undefined, 'only the requested groups come back');

  await client.blockResize(dom, 'vdb', 32 * 1024 * 1024);
  const s2 = (await client.getAllDomainStats({ domains: [dom], groups: StatsGroups.BLOCK }))[0]!.stats;
  assert.equal(s2['block.0.capacity'], 32 * 1024 * 1024);

  const all = await client.getAllDomainStats();
  assert.ok(all.some((r) => r.domain.name === name));
  const gone = stopped(name);
  await client.destroyDomain(dom);
  await gone;
});

test('secret round trip: define, set, get by uuid and usage, undefine', async () => {
  const usage = `iqn.2026-01.io.strato:${testDomainName()}`;
  const secretXml = (priv: 'yes' | 'no', target: string): string =>
    `<secret ephemeral='no' private='${priv}'><description>strato test</description>` +
    `<usage type='iscsi'><target>${target}</target></usage></secret>`;
  const sec = await client.defineSecret(secretXml('no', usage));
  const priv = await client.defineSecret(secretXml('yes', `${usage}-private`));
  try {
    assert.equal(sec.usageType, SecretUsageType.ISCSI);
    assert.equal(sec.usageId, usage);
    await client.setSecretValue(sec, 'chap-pa55word');
    assert.equal((await client.getSecretValue(sec.uuid)).toString(), 'chap-pa55word');
    assert.deepEqual(await client.lookupSecretByUuid(sec.uuid), sec);
    assert.deepEqual(await client.lookupSecretByUsage(SecretUsageType.ISCSI, usage), sec);
    assert.match(await client.getSecretXml(sec), new RegExp(sec.uuid));
    // A private secret can be set but never read back over the socket.
    await client.setSecretValue(priv, new Uint8Array([1, 2, 3]));
    await assert.rejects(client.getSecretValue(priv), (err) => isStratoError(err) && err.details.libvirtCode === '65');
  } finally {
    await client.undefineSecret(sec);
    await client.undefineSecret(priv);
  }
  await assert.rejects(client.lookupSecretByUuid(sec.uuid), (err) => {
    assert.ok(isStratoError(err, 'NOT_FOUND'));
    assert.equal(err.reason, 'SECRET_NOT_FOUND');
    assert.equal(err.details.libvirtCode, '66');
    return true;
  });
});

test('many calls in flight on one socket', async () => {
  const results = await Promise.all(
    Array.from({ length: 300 }, (_, i) => (i % 2 ? client.getNodeInfo() : client.listDomainRefs())),
  );
  assert.equal(results.length, 300);
  const info = results[1] as Awaited<ReturnType<LibvirtClient['getNodeInfo']>>;
  assert.equal(info.model, 'x86_64');
});

test('a call past its timeout fails DEADLINE_EXCEEDED and the connection stays usable', async () => {
  const name = newDomainName();
  const dom = await client.defineDomain(domainXml({ name, memoryMiB: 64 }));
  await client.startDomain(dom);
  const gone = stopped(name);
  // Destroy takes ~2 s under TCG (QEMU gets SIGTERM first), far beyond 50 ms.
  await assert.rejects(client.destroyDomain(dom, 0, 50), (err) => isStratoError(err, 'DEADLINE_EXCEEDED'));
  await gone;
  assert.equal((await client.getDomainState(dom)).state, 'SHUTOFF');
});
