// The conductor's side of revocation when it calls an agent (AgentDialGuard),
// over real mutual TLS: an agent stands in as the fixture Echo server with a
// host's certificate from scripts/make-certs; the records live in a real
// (in-memory SQLite) store. A host revoked while its channel is open gets no
// further call (PERMISSION_DENIED before anything is sent); an agent serving a
// certificate its host's record does not hold is refused at the handshake.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { connect } from '../../../common/grpc/client.ts';
import { type PeerIdentity, mtlsServerCredentials, readTls, type TlsFiles } from '../../../common/grpc/credentials.ts';
import { agentChannelOptions } from '../../../conductor/agents/host-clients.ts';
import { AgentDialGuard } from '../../../conductor/certificates/agent-dial-guard.ts';
import { certificateFacts } from '../../../conductor/certificates/certificate-authority.ts';
import { CertificateView } from '../../../conductor/certificates/certificate-view.ts';
import { HostCertificateBook } from '../../../conductor/certificates/host-certificate-book.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { type EchoServer, loadEcho, startEchoServer } from '../../fixtures/proto/echo-server.ts';
import type { ProtoGrpcType } from '../../fixtures/proto/gen/echo.ts';
import { isCode, rejection } from '../../harness/errors.ts';
import { makeCerts, tempDir } from './helpers.ts';

const files = (dir: string, name: string): TlsFiles => ({
  caFile: join(dir, 'ca.crt'),
  certFile: join(dir, `${name}.crt`),
  keyFile: join(dir, `${name}.key`),
});

/** The identity a call from `name`'s certificate has on the Registry (as ctx.peer() gives it). */
async function peerOf(dir: string, name: string): Promise<PeerIdentity> {
  const cert = new X509Certificate(await readFile(join(dir, `${name}.crt`)));
  const f = certificateFacts(cert);
  return { commonName: name, ...f, validFrom: f.notBefore, validTo: f.notAfter, raw: cert.raw };
}

const log = pino({ level: 'silent' });

describe('the conductor refuses to call a revoked host', () => {
  let pki: string;
  let removeDir: (() => Promise<void>) | undefined;
  let store: SqliteStore;
  let view: CertificateView;
  let book: HostCertificateBook;
  let proto: ProtoGrpcType;
  let guard: AgentDialGuard;
  const servers: EchoServer[] = [];

  before(async () => {
    const tmp = await tempDir();
    removeDir = tmp.remove;
    pki = join(tmp.dir, 'pki');
    await makeCerts(pki, '--ca');
    await makeCerts(pki, '--name', 'conductor', '--ip', '127.0.0.1');
    for (const h of ['hv-d', 'hv-e']) await makeCerts(pki, '--name', h, '--ip', '127.0.0.1');
    store = new SqliteStore({ path: ':memory:' });
    view = new CertificateView(store, log);
    await view.start();
    book = new HostCertificateBook({ store, view, ca: undefined, defaultValidityDays: 365, log });
    proto = (await loadEcho()).proto;
    guard = new AgentDialGuard(view, log);
  });
  after(async () => {
    for (const s of servers) await s.close();
    view?.close();
    await store?.close();
    await removeDir?.();
  });

  async function agentAs(dir: string, hostId: string) {
    const srv = await startEchoServer(await mtlsServerCredentials(files(dir, hostId)));
    servers.push(srv);
    const client = connect(proto.strato.testing.v1.Echo, `127.0.0.1:${srv.port}`, {
      credentials: guard.channelCredentials(await readTls(files(pki, 'conductor'))),
      retry: false,
      defaultDeadlineMs: 5000,
      channelOptions: agentChannelOptions(hostId),
    });
    return { srv, client };
  }

  const calls = (srv: EchoServer) => srv.logs.filter((l) => l.msg === 'grpc call').length;

  it('a call on an open channel is refused once the host is revoked, and never reaches the agent', async () => {
    await book.admit('hv-d', await peerOf(pki, 'hv-d'));
    const { srv, client } = await agentAs(pki, 'hv-d');
    try {
      assert.equal((await client.Echo({ message: 'before' })).message, 'before');
      const seen = calls(srv);
      await book.revoke('hv-d', undefined);
      const err = await rejection(client.Echo({ message: 'after' }));
      assert.ok(isCode('PERMISSION_DENIED')(err), String(err));
      assert.equal(calls(srv), seen, 'nothing reached the agent');
    } finally {
      client.close();
    }
  });

  it("an agent serving a certificate its host's record does not hold is refused at the handshake", async () => {
    // The record holds hv-e's certificate from make-certs; the agent serves another one of the same CA.
    await book.admit('hv-e', await peerOf(pki, 'hv-e'));
    const other = join(pki, '..', 'other');
    await cp(pki, other, { recursive: true });
    await makeCerts(other, '--name', 'hv-e2', '--ip', '127.0.0.1', '--dns', 'hv-e');
    const { srv, client } = await agentAs(other, 'hv-e2');
    const wrongName = connect(proto.strato.testing.v1.Echo, `127.0.0.1:${srv.port}`, {
      credentials: guard.channelCredentials(await readTls(files(pki, 'conductor'))),
      retry: false,
      defaultDeadlineMs: 5000,
      channelOptions: agentChannelOptions('hv-e'),
    });
    try {
      // hv-e2 has no record: served as it is (a host before its first call).
      assert.equal((await client.Echo({ message: 'x' })).message, 'x');
      const err = await rejection(wrongName.Echo({ message: 'y' }));
      assert.ok(isCode('UNAVAILABLE')(err), String(err));
    } finally {
      client.close();
      wrongName.close();
    }
  });
});
