// The calls volumes need, against the fake daemon speaking the wire format: block info,
// set metadata (optional strings), the secret list, and the volume secrets built on
// them (only strato's listed; define, set and remove keyed by usage, idempotent).
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, test } from 'node:test';
import { AffectFlags, MetadataType, SecretUsageType } from '../../../agent/hypervisor/libvirt/flags.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { LibvirtErrorCode } from '../../../agent/hypervisor/libvirt/libvirt-errors.ts';
import { Proc } from '../../../agent/hypervisor/libvirt/procedures.ts';
import { readDomain, readSecret, type SecretRef, writeSecret } from '../../../agent/hypervisor/libvirt/remote-types.ts';
import {
  listVolumeSecrets,
  removeVolumeSecret,
  setVolumeSecret,
  volumeSecretXml,
} from '../../../agent/hypervisor/libvirt/volume-secrets.ts';
import { XdrReader, XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';
import { log } from '../../../common/log.ts';
import { FakeDaemon } from './fake-daemon.ts';

const quiet = log.child({ test: 'libvirt-volumes' }, { level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(): Promise<{ daemon: FakeDaemon; client: LibvirtClient }> {
  const daemon = new FakeDaemon();
  await daemon.listen();
  cleanups.push(async () => {
    await daemon.stop();
    await rm(dirname(daemon.socketPath), { recursive: true, force: true });
  });
  const client = await LibvirtClient.connect({ socketPath: daemon.socketPath, log: quiet, backoffInitialMs: 20 });
  cleanups.push(() => client.close());
  return { daemon, client };
}

const DOM = { name: 'strato-x', uuid: '0a6a231e-d301-402b-ab16-7e6b4d9c5d24', id: 3 };
const VOL = 'c0ffee00-1234-4567-89ab-cdef01234567';
const secret = (usageType: number, usageId: string, uuid = '11111111-2222-4333-8444-555555555555'): SecretRef => ({
  uuid,
  usageType,
  usageId,
});
const noSecret = { error: { code: LibvirtErrorCode.NO_SECRET, domain: 30, message: 'Secret not found' } };

test('block info: the three sizes, capacity in the middle of the wire order', async () => {
  const { daemon, client } = await setup();
  let asked = '';
  daemon.handlers.set(Proc.DOMAIN_GET_BLOCK_INFO, (body) => {
    const r = new XdrReader(body);
    readDomain(r);
    asked = r.string();
    return { ok: new XdrWriter().uhyper(1n).uhyper(33554432n).uhyper(3n).bytes() };
  });
  assert.deepEqual(await client.getBlockInfo(DOM, 'vdc'), { allocation: 1n, capacity: 33554432n, physical: 3n });
  assert.equal(asked, 'vdc');
});

test('set metadata sends the element, key and namespace as optional strings; null removes', async () => {
  const { daemon, client } = await setup();
  const seen: unknown[] = [];
  daemon.handlers.set(Proc.DOMAIN_SET_METADATA, (body) => {
    const r = new XdrReader(body);
    readDomain(r);
    seen.push([r.int(), r.optionalString(), r.optionalString(), r.optionalString(), r.uint()]);
    return { ok: Buffer.alloc(0) };
  });
  await client.setDomainMetadata(DOM, '<instance/>', 'strato', 'https://ns', AffectFlags.LIVE | AffectFlags.CONFIG);
  await client.setDomainMetadata(DOM, null, 'strato', 'https://ns', AffectFlags.CONFIG);
  assert.deepEqual(seen, [
    [MetadataType.ELEMENT, '<instance/>', 'strato', 'https://ns', 3],
    [MetadataType.ELEMENT, null, 'strato', 'https://ns', 2],
  ]);
});

test("the volume secrets listed are strato's only: iscsi usage, prefix, a volume id", async () => {
  const { daemon, client } = await setup();
  daemon.handlers.set(Proc.CONNECT_LIST_ALL_SECRETS, (body) => {
    const r = new XdrReader(body);
    assert.equal(r.int(), 1, 'need_results');
    const all = [
      secret(SecretUsageType.ISCSI, `strato-volume-${VOL}`),
      secret(SecretUsageType.ISCSI, 'strato-volume-not-a-uuid'),
      secret(SecretUsageType.ISCSI, 'iqn.2010-01.org.example:target'),
      secret(SecretUsageType.CEPH, `strato-volume-${VOL.replace('c0', 'd0')}`),
    ];
    const w = new XdrWriter().array(all, (w, s) => writeSecret(w, s));
    return { ok: w.uint(all.length).bytes() };
  });
  assert.deepEqual(await listVolumeSecrets(client), [VOL]);
});

test('set defines the secret only when missing, then sets the value; a failed set removes what it defined', async () => {
  const { daemon, client } = await setup();
  const secrets = new Map<string, SecretRef>();
  const values = new Map<string, string>();
  const defined: string[] = [];
  let failSet = false;
  daemon.handlers.set(Proc.SECRET_LOOKUP_BY_USAGE, (body) => {
    const r = new XdrReader(body);
    r.int();
    const s = secrets.get(r.string());
    if (s === undefined) return noSecret;
    const w = new XdrWriter();
    writeSecret(w, s);
    return { ok: w.bytes() };
  });
  daemon.handlers.set(Proc.SECRET_DEFINE_XML, (body) => {
    const xml = new XdrReader(body).string();
    defined.push(xml);
    const usage = /<target>([^<]+)<\/target>/.exec(xml)![1]!;
    const s = secret(SecretUsageType.ISCSI, usage);
    secrets.set(usage, s);
    const w = new XdrWriter();
    writeSecret(w, s);
    return { ok: w.bytes() };
  });
  daemon.handlers.set(Proc.SECRET_SET_VALUE, (body) => {
    const r = new XdrReader(body);
    const s = readSecret(r);
    if (failSet) return { error: { code: LibvirtErrorCode.INTERNAL_ERROR, domain: 30, message: 'disk full' } };
    values.set(s.usageId, r.opaque().toString('utf8'));
    return { ok: Buffer.alloc(0) };
  });
  daemon.handlers.set(Proc.SECRET_UNDEFINE, (body) => {
    const s = readSecret(new XdrReader(body));
    if (!secrets.delete(s.usageId)) return noSecret;
    return { ok: Buffer.alloc(0) };
  });

  await setVolumeSecret(client, VOL, 'first-password');
  await setVolumeSecret(client, VOL, 'second-password');
  assert.equal(defined.length, 1, 'defined once');
  assert.equal(defined[0], volumeSecretXml(VOL));
  assert.match(defined[0]!, /ephemeral='yes' private='yes'/);
  assert.doesNotMatch(defined[0]!, /first-password/, 'the value never travels in the XML');
  assert.equal(values.get(`strato-volume-${VOL}`), 'second-password');

  await removeVolumeSecret(client, VOL);
  await removeVolumeSecret(client, VOL);
  assert.equal(secrets.size, 0);

  failSet = true;
  await assert.rejects(setVolumeSecret(client, VOL, 'third-password'));
  assert.equal(secrets.size, 0, 'the secret defined for a failed set is gone again');
});
