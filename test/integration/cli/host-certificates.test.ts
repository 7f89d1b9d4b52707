// Host certificates against the real conductor (spawned; its CA from
// scripts/make-certs): `strato host certificate issue|revoke|show`, and the
// Registry's check of the client certificate on every call, over real mutual
// TLS. The callers are Registry clients holding a host's certificate, as an
// agent's ConductorLink is: one with another host's certificate, none, an
// expired one, and one revoked while its connection stays open.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { credentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import type { RegistryClient } from '../../../common/gen/strato/host/v1/Registry.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { mtlsChannelCredentials } from '../../../common/grpc/credentials.ts';
import { certificateRequest, newKeyAndRequest } from '../../../common/pki/key-request.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { makeCa, makeCert } from '../../harness/certs.ts';
import { isCode, rejection } from '../../harness/errors.ts';
import { run } from '../../harness/exec.ts';
import { waitFor } from '../../harness/wait.ts';
import { type CliFixture, type CliResult, startCliFixture } from './fixture.ts';

type Registry = StratoClient<RegistryClient>;

function ok(r: CliResult): string {
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

interface CertSet {
  host: string;
  inUseSerial: string;
  rotationPending: boolean;
  certificates: { serial: string; state: string; origin: string; revocationReason: string }[];
}

describe('host certificates: issue, revoke, and the check on every Registry call', () => {
  let fx: CliFixture;
  let proto: HostProto;
  const clients: Registry[] = [];

  before(async () => {
    fx = await startCliFixture();
    proto = toGrpcObject<HostProto>(await loadProtoPackage());
  });
  after(async () => {
    for (const c of clients) c.close();
    await fx?.close();
  });

  /** A Registry client over mutual TLS with the certificate `name` in `dir` (as an agent's link). */
  async function registry(dir: string, name: string): Promise<Registry> {
    const creds = await mtlsChannelCredentials({
      caFile: join(dir, 'ca.crt'),
      certFile: join(dir, `${name}.crt`),
      keyFile: join(dir, `${name}.key`),
    });
    return registryWith(creds);
  }

  function registryWith(creds: Parameters<typeof connect>[2]['credentials']): Registry {
    const c = connect(proto.strato.host.v1.Registry, fx.registryAddress, {
      credentials: creds,
      retry: false,
      defaultDeadlineMs: 10_000,
      channelOptions: { 'grpc.ssl_target_name_override': 'conductor', 'grpc.default_authority': 'conductor' },
    });
    clients.push(c);
    return c;
  }

  const register = (c: Registry, hostId: string) =>
    c.Register({
      hostId,
      address: '127.0.0.1:9',
      capacity: { vcpus: 2, ramMib: 2048, diskGib: 10 },
      virtType: 'qemu',
      agentVersion: 'test',
      underlayIp: '',
      instances: [],
    });
  const heartbeat = (c: Registry, hostId: string) => c.Heartbeat({ hostId, instances: [] });

  const show = async (host: string): Promise<CertSet> =>
    JSON.parse(ok(await fx.strato(['host', 'certificate', 'show', host, '-f', 'json']))) as CertSet;

  it('issue --out writes the bundle install-host takes; the host registers with it and is pinned to it', async () => {
    const bundle = join(fx.dir, 'hv-new.tar');
    const out = ok(
      await fx.strato([
        ...['host', 'certificate', 'issue', 'hv-new', '--ip', '127.0.0.1', '--dns', 'hv-new.rack1'],
        ...['--validity-days', '30', '--out', bundle, '-f', 'json'],
      ]),
    );
    const shown = JSON.parse(out) as { serial: string; state: string; origin: string };
    assert.equal(shown.state, 'valid');
    assert.equal(shown.origin, 'issued');
    assert.equal((await stat(bundle)).mode & 0o777, 0o600, 'the bundle holds a private key');
    const listed = (await run('tar', ['-tf', bundle])).stdout.split('\n').filter(Boolean).sort();
    assert.deepEqual(listed, ['ca.crt', 'hv-new.crt', 'hv-new.key']);

    const installed = join(fx.dir, 'installed');
    await mkdir(installed, { mode: 0o700 });
    await run('tar', ['-C', installed, '-xf', bundle]);
    const cert = new X509Certificate(await readFile(join(installed, 'hv-new.crt')));
    assert.equal(cert.subject, 'CN=hv-new');
    assert.equal(cert.subjectAltName, 'DNS:hv-new, DNS:hv-new.rack1, IP Address:127.0.0.1');
    assert.equal(cert.serialNumber.replace(/^0+/, ''), shown.serial);
    assert.ok(cert.verify(new X509Certificate(await readFile(fx.caFile)).publicKey), 'signed by the CA');
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    assert.ok(days > 29 && days <= 30.01, `valid for 30 days, got ${days}`);

    const c = await registry(installed, 'hv-new');
    await register(c, 'hv-new');
    const set = await show('hv-new');
    assert.equal(set.inUseSerial, shown.serial);

    // A certificate the record does not hold (made elsewhere for the same name) is refused now.
    const other = join(fx.dir, 'other-hv-new');
    await run('cp', ['-a', fx.pki, other]);
    await makeCert(other, 'hv-new', ['127.0.0.1']);
    const err = await rejection(heartbeat(await registry(other, 'hv-new'), 'hv-new'));
    assert.ok(isCode('PERMISSION_DENIED', 'CERTIFICATE_UNKNOWN')(err), String(err));
  });

  it("refuses another host's certificate, no certificate and an expired one", async () => {
    await makeCert(fx.pki, 'hv-a', ['127.0.0.1']);
    const a = await registry(fx.pki, 'hv-a');
    const err = await rejection(register(a, 'hv-b'));
    assert.ok(isCode('PERMISSION_DENIED', 'HOST_IDENTITY_MISMATCH')(err), String(err));

    const none = registryWith(credentials.createSsl(await readFile(fx.caFile)));
    assert.ok(isCode('UNAVAILABLE')(await rejection(register(none, 'hv-a'))));

    // An expired certificate from the same CA (openssl ca can date it in the past).
    const exp = join(fx.dir, 'expired');
    await mkdir(exp, { mode: 0o700 });
    await writeFile(join(exp, 'index.txt'), '');
    await writeFile(join(exp, 'serial'), '1000\n');
    await writeFile(
      join(exp, 'ca.cnf'),
      [
        '[ca]',
        'default_ca = d',
        '[d]',
        `database = ${join(exp, 'index.txt')}`,
        `new_certs_dir = ${exp}`,
        `serial = ${join(exp, 'serial')}`,
        'default_md = sha256',
        'policy = p',
        '[p]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    const made = await newKeyAndRequest('hv-old');
    await writeFile(join(exp, 'hv-old.key'), made.keyPem, { mode: 0o600 });
    await writeFile(join(exp, 'hv-old.csr'), made.csrPem);
    await run('openssl', [
      ...['ca', '-batch', '-notext', '-config', join(exp, 'ca.cnf')],
      ...['-cert', fx.caFile, '-keyfile', join(fx.pki, 'ca.key')],
      ...['-startdate', '20200101000000Z', '-enddate', '20200201000000Z'],
      ...['-in', join(exp, 'hv-old.csr'), '-out', join(exp, 'hv-old.crt')],
    ]);
    await writeFile(join(exp, 'ca.crt'), await readFile(fx.caFile));
    const expired = await registry(exp, 'hv-old');
    assert.ok(isCode('UNAVAILABLE')(await rejection(register(expired, 'hv-old'))));
  });

  it('an agent refuses a conductor its CA did not sign', async () => {
    // hv-f's own certificate (the conductor would accept it), but trusting another CA only.
    await makeCert(fx.pki, 'hv-f', ['127.0.0.1']);
    const foreign = join(fx.dir, 'foreign-ca');
    await makeCa(foreign);
    const creds = credentials.createSsl(
      await readFile(join(foreign, 'ca.crt')),
      await readFile(join(fx.pki, 'hv-f.key')),
      await readFile(join(fx.pki, 'hv-f.crt')),
    );
    const err = await rejection(register(registryWith(creds), 'hv-f'));
    assert.ok(isCode('UNAVAILABLE')(err), String(err));
    assert.match(err.message, /self[- ]signed|unable to verify|certificate/i);
  });

  it('revoke cuts a connected host off at its next call (CERTIFICATE_REVOKED) and marks it down', async () => {
    await makeCert(fx.pki, 'hv-r', ['127.0.0.1']);
    const c = await registry(fx.pki, 'hv-r');
    await register(c, 'hv-r');
    await heartbeat(c, 'hv-r');
    const before = await show('hv-r');
    assert.equal(before.certificates.length, 1);
    assert.equal(before.certificates[0]?.origin, 'adopted', 'a make-certs certificate is recorded at its first call');
    assert.match(ok(await fx.strato(['host', 'show', 'hv-r'])), /\| State +\| up +\|/);

    const revoked = JSON.parse(ok(await fx.strato(['host', 'certificate', 'revoke', 'hv-r', '-f', 'json']))) as CertSet;
    assert.deepEqual(
      revoked.certificates.map((x) => [x.state, x.revocationReason]),
      [['revoked', 'revoked']],
    );
    // The same client, the same open connection: the next call is refused.
    const err = await rejection(heartbeat(c, 'hv-r'));
    assert.ok(isCode('PERMISSION_DENIED', 'CERTIFICATE_REVOKED')(err), String(err));
    assert.match(ok(await fx.strato(['host', 'show', 'hv-r'])), /\| State +\| down +\|/);
    // Revoking again changes nothing and succeeds.
    ok(await fx.strato(['host', 'certificate', 'revoke', 'hv-r']));
    assert.ok(isCode('PERMISSION_DENIED', 'CERTIFICATE_REVOKED')(await rejection(heartbeat(c, 'hv-r'))));
  });

  it('RenewCertificate signs a new key of the caller; calling with it supersedes the old one', async () => {
    await makeCert(fx.pki, 'hv-n', ['127.0.0.1']);
    const c = await registry(fx.pki, 'hv-n');
    await register(c, 'hv-n');
    const oldCsr = await certificateRequest(join(fx.pki, 'hv-n.key'), 'hv-n');
    const reused = await rejection(c.RenewCertificate({ hostId: 'hv-n', csr: oldCsr }));
    assert.ok(isCode('INVALID_ARGUMENT', 'KEY_REUSED')(reused), String(reused));
    assert.equal(reused.details.field, 'csr');
    const junk = await rejection(c.RenewCertificate({ hostId: 'hv-n', csr: 'not a csr' }));
    assert.ok(isCode('INVALID_ARGUMENT', 'CSR_INVALID')(junk), String(junk));

    const { keyPem: key, csrPem } = await newKeyAndRequest('hv-n');
    const r = await c.RenewCertificate({ hostId: 'hv-n', csr: csrPem });
    const cert = new X509Certificate(r.certificatePem);
    assert.equal(cert.subject, 'CN=hv-n');
    assert.equal(cert.subjectAltName, 'DNS:hv-n, IP Address:127.0.0.1', 'the names of the certificate it called with');
    assert.equal(cert.serialNumber.replace(/^0+/, ''), r.serial);
    const renewed = join(fx.dir, 'renewed');
    await mkdir(renewed, { mode: 0o700 });
    await writeFile(join(renewed, 'ca.crt'), await readFile(fx.caFile));
    await writeFile(join(renewed, 'hv-n.crt'), r.certificatePem);
    await writeFile(join(renewed, 'hv-n.key'), key, { mode: 0o600 });
    // The old certificate still works until the host calls with the new one…
    await heartbeat(c, 'hv-n');
    await heartbeat(await registry(renewed, 'hv-n'), 'hv-n');
    const set = await show('hv-n');
    assert.equal(set.inUseSerial, r.serial);
    assert.deepEqual(
      set.certificates.map((x) => [x.origin, x.state, x.revocationReason]),
      [
        ['renewed', 'valid', ''],
        ['adopted', 'revoked', 'superseded'],
      ],
    );
    // …then it is refused.
    assert.ok(isCode('PERMISSION_DENIED', 'CERTIFICATE_REVOKED')(await rejection(heartbeat(c, 'hv-n'))));
  });

  it('rotate asks the host through its heartbeat reply; not for an unknown host', async () => {
    await makeCert(fx.pki, 'hv-t', ['127.0.0.1']);
    const c = await registry(fx.pki, 'hv-t');
    await register(c, 'hv-t');
    assert.equal((await heartbeat(c, 'hv-t')).renewCertificate, false);
    const set = JSON.parse(ok(await fx.strato(['host', 'certificate', 'rotate', 'hv-t', '-f', 'json']))) as CertSet;
    assert.equal(set.rotationPending, true);
    await waitFor(
      async () => (await heartbeat(c, 'hv-t')).renewCertificate,
      (renew) => renew,
      { timeoutMs: 5000, what: 'a heartbeat reply asking to renew' },
    );
    const r = await fx.strato(['host', 'certificate', 'rotate', 'hv-nowhere']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /reason HOST_NOT_FOUND/);
  });

  it('only an admin may touch host certificates', async () => {
    const pw = join(fx.dir, 'ivy-password');
    await writeFile(pw, 'ivy-secret-pw\n', { mode: 0o600 });
    ok(await fx.strato(['project', 'create', 'certs-member']));
    ok(await fx.strato(['user', 'create', '--project', 'certs-member', '--password-file', pw, 'ivy']));
    await appendFile(
      fx.configFile,
      [
        '  ivy:',
        `    endpoint: ${fx.endpoint}`,
        '    ca_file: pki/ca.crt',
        '    auth:',
        '      username: ivy',
        `      password_file: ${pw}`,
        '      project: certs-member',
        '',
      ].join('\n'),
    );
    const out = join(fx.dir, 'ivy.tar');
    for (const args of [
      ['issue', 'hv-ivy', '--out', out],
      ['rotate', 'hv-r'],
      ['revoke', 'hv-n'],
      ['show', 'hv-n'],
    ]) {
      const r = await fx.strato(['--os-cloud', 'ivy', 'host', 'certificate', ...args]);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.match(r.stderr, /reason ADMIN_REQUIRED/, args.join(' '));
    }
    await assert.rejects(stat(out), { code: 'ENOENT' });
    assert.equal((await show('hv-n')).certificates.filter((c) => c.state === 'valid').length, 1, 'nothing revoked');
  });

  it('bad input names the field, issues nothing and leaves no file', async () => {
    const out = join(fx.dir, 'bad.tar');
    const cases: [string[], RegExp][] = [
      [['issue', 'hv-x', '--ip', '300.1.2.3', '--out', out], /ip_addresses\[0\].*reason IP_ADDRESS_INVALID/],
      [['issue', 'conductor', '--out', out], /reason HOST_ID_RESERVED/],
      [['issue', 'hv x', '--out', out], /reason HOST_ID_INVALID/],
      [['issue', 'hv-x', '--dns', '-bad-', '--out', out], /reason DNS_NAME_INVALID/],
      [['issue', 'hv-x', '--validity-days', '5000', '--out', out], /reason VALIDITY_INVALID/],
      [['revoke', 'hv-r', '--serial', 'zz'], /reason SERIAL_INVALID/],
      [['revoke', 'hv-r', '--serial', 'ABCDEF'], /reason CERTIFICATE_NOT_FOUND/],
    ];
    for (const [args, expected] of cases) {
      const r = await fx.strato(['host', 'certificate', ...args]);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.match(r.stderr, expected, args.join(' '));
      await assert.rejects(stat(out), { code: 'ENOENT' }, `no bundle left by ${args.join(' ')}`);
    }
    assert.deepEqual((await show('hv-x')).certificates, [], 'nothing was issued for hv-x');
  });
});
