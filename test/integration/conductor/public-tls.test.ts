// The public API's transport on the real conductor (its own process): TLS with
// a certificate of its own (--tls-cert/--tls-key; scripts/make-certs
// --server-only, as the quickstart makes it), verified by clients against the
// CA and refused with another CA; that certificate cannot pass as a host on the
// registry's mutual TLS; plain text only on loopback (--listen-plaintext), and
// a conductor asked to serve plain text elsewhere refuses to start. The CLI
// talks to each as its configuration says.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { credentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import type { ProtoGrpcType as IdentityProto } from '../../../common/gen/identity.ts';
import { connect } from '../../../common/grpc/client.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { MAKE_CERTS, makeCa, makeTestPki } from '../../harness/certs.ts';
import { isCode } from '../../harness/errors.ts';
import { run, runExit } from '../../harness/exec.ts';
import { freePort } from '../../harness/free-port.ts';
import { STRATO } from '../cli/fixture.ts';
import { type ChildConductor, startChildConductor } from './child-conductor.ts';

type Proto = IdentityProto & HostProto;

describe('conductor: the public API over TLS or loopback plain text', () => {
  let dir: string;
  let proto: Proto;
  const children: ChildConductor[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strato-public-tls-'));
    await makeTestPki(join(dir, 'pki'));
    await run(MAKE_CERTS, ['--dir', join(dir, 'pki'), '--name', 'api', '--server-only', '--ip', '127.0.0.1']);
    await makeCa(join(dir, 'other-pki'));
    proto = toGrpcObject<Proto>(await loadProtoPackage());
  });
  after(async () => {
    for (const c of children) await c.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function conductor(name: string, extra: string[]) {
    const [api, reg] = [await freePort(), await freePort()];
    const child = await startChildConductor([
      ...['--data-dir', join(dir, name), '--tls-dir', join(dir, 'pki')],
      ...['--listen', `127.0.0.1:${api}`, '--registry-listen', `127.0.0.1:${reg}`],
      ...extra,
    ]);
    children.push(child);
    const adminPassword = (await readFile(join(dir, name, 'admin-password'), 'utf8')).trim();
    return { api: `127.0.0.1:${api}`, registry: `127.0.0.1:${reg}`, adminPassword };
  }
  const login = async (address: string, creds: ReturnType<typeof credentials.createSsl>, password: string) => {
    const id = connect(proto.strato.identity.v1.Identity, address, {
      credentials: creds,
      retry: false,
      defaultDeadlineMs: 5000,
    });
    try {
      return await id.Login({ username: 'admin', password, project: '' });
    } finally {
      id.close();
    }
  };
  const strato = (env: Record<string, string>) =>
    runExit(STRATO, ['whoami', '-f', 'value', '-c', 'User'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: join(dir, 'home'),
        STRATO_CONFIG: join(dir, 'none.yaml'),
        ...env,
      },
      timeout: 60_000,
    });

  it('serves its own certificate: clients verify it against the CA, and another CA cannot connect', async () => {
    const c = await conductor('tls', [
      '--tls-cert',
      join(dir, 'pki', 'api.crt'),
      '--tls-key',
      join(dir, 'pki', 'api.key'),
    ]);
    const ca = await readFile(join(dir, 'pki', 'ca.crt'));
    // No name override: the certificate names 127.0.0.1 itself.
    const r = await login(c.api, credentials.createSsl(ca), c.adminPassword);
    assert.equal(r.user?.name, 'admin');
    const wrongCa = credentials.createSsl(await readFile(join(dir, 'other-pki', 'ca.crt')));
    await assert.rejects(login(c.api, wrongCa, c.adminPassword), isCode('UNAVAILABLE'));
    await assert.rejects(login(c.api, credentials.createInsecure(), c.adminPassword), isCode('UNAVAILABLE'));

    // The CLI: cacert in the environment, then a wrong one.
    const ok = await strato({ STRATO_URL: c.api, STRATO_CA_FILE: join(dir, 'pki', 'ca.crt'), STRATO_TOKEN: r.token });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, 'admin\n');
    const bad = await strato({
      STRATO_URL: c.api,
      STRATO_CA_FILE: join(dir, 'other-pki', 'ca.crt'),
      STRATO_TOKEN: r.token,
    });
    assert.equal(bad.code, 6, bad.stderr);
    assert.match(bad.stderr, /cannot reach .*\(code UNAVAILABLE/);

    // The API's certificate is for serving only: the registry refuses it as a client.
    const as = async (name: string) => {
      const [key, crt] = await Promise.all([
        readFile(join(dir, 'pki', `${name}.key`)),
        readFile(join(dir, 'pki', `${name}.crt`)),
      ]);
      const client = connect(proto.strato.host.v1.Registry, c.registry, {
        credentials: credentials.createSsl(ca, key, crt),
        retry: false,
        defaultDeadlineMs: 5000,
        channelOptions: { 'grpc.ssl_target_name_override': 'conductor' },
      });
      try {
        return await client.Register({ hostId: 'api', address: '127.0.0.1:1' }).then(
          () => 'registered',
          (e: { code?: string; reason?: string }) => `${e.code}/${e.reason}`,
        );
      } finally {
        client.close();
      }
    };
    assert.match(await as('api'), /^UNAVAILABLE\//, 'no TLS session with a server-only certificate');
    assert.equal(
      await as('conductor'),
      'PERMISSION_DENIED/HOST_IDENTITY_MISMATCH',
      'a client certificate gets that far',
    );
  });

  it('serves plain text on loopback with --listen-plaintext; the CLI speaks it to http:// endpoints', async () => {
    const c = await conductor('plain', ['--listen-plaintext']);
    const r = await login(c.api, credentials.createInsecure(), c.adminPassword);
    assert.equal(r.user?.name, 'admin');
    const ca = await readFile(join(dir, 'pki', 'ca.crt'));
    await assert.rejects(login(c.api, credentials.createSsl(ca), c.adminPassword), isCode('UNAVAILABLE'));
    const ok = await strato({ STRATO_URL: `http://${c.api}`, STRATO_TOKEN: r.token });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, 'admin\n');
  });

  it('refuses to start with plain text on an address that is not loopback', async () => {
    await assert.rejects(
      startChildConductor([
        ...['--data-dir', join(dir, 'refused'), '--tls-dir', join(dir, 'pki')],
        ...['--listen', '0.0.0.0:0', '--registry-listen', '127.0.0.1:0', '--listen-plaintext'],
      ]),
      /only on a loopback address/,
    );
  });
});
