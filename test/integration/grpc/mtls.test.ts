// Mutual TLS with certificates from scripts/make-certs: a client holding a
// certificate from the deployment's CA is served and named; a client without
// one, or with one from another CA, is refused at the handshake.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { credentials } from '@grpc/grpc-js';
import { StratoError } from '../../../common/errors.ts';
import { connect } from '../../../common/grpc/client.ts';
import {
  mtlsChannelCredentials,
  mtlsServerCredentials,
  peerNames,
  type TlsFiles,
} from '../../../common/grpc/credentials.ts';
import { type EchoServer, loadEcho, startEchoServer } from '../../fixtures/proto/echo-server.ts';
import type { ProtoGrpcType } from '../../fixtures/proto/gen/echo.ts';
import { makeCerts, tempDir } from './helpers.ts';

const files = (dir: string, name: string): TlsFiles => ({
  caFile: join(dir, 'ca.crt'),
  certFile: join(dir, `${name}.crt`),
  keyFile: join(dir, `${name}.key`),
});

describe('mutual TLS', () => {
  let srv: EchoServer;
  let proto: ProtoGrpcType;
  let pki: string;
  let otherPki: string;
  let address: string;

  let removeDir: (() => Promise<void>) | undefined;

  before(async () => {
    const tmp = await tempDir();
    removeDir = tmp.remove;
    const dir = tmp.dir;
    pki = join(dir, 'pki');
    otherPki = join(dir, 'other');
    await makeCerts(pki, '--ca');
    await makeCerts(pki, '--name', 'conductor-1', '--ip', '127.0.0.1', '--dns', 'localhost');
    await makeCerts(pki, '--name', 'hv-07', '--dns', 'hv-07.rack1');
    await makeCerts(otherPki, '--ca');
    await makeCerts(otherPki, '--name', 'hv-07');
    srv = await startEchoServer(await mtlsServerCredentials(files(pki, 'conductor-1')));
    proto = (await loadEcho()).proto;
    address = `127.0.0.1:${srv.port}`;
  });
  after(async () => {
    await srv?.close();
    await removeDir?.();
  });

  const client = async (creds: Parameters<typeof connect>[2]['credentials']) =>
    connect(proto.strato.testing.v1.Echo, address, {
      credentials: creds,
      retry: false,
      defaultDeadlineMs: 3000,
      // Check the server's certificate against its name, as agents will.
      channelOptions: { 'grpc.ssl_target_name_override': 'conductor-1' },
    });

  it('serves a client whose certificate the CA signed, and tells the handler who it is', async () => {
    const c = await client(await mtlsChannelCredentials(files(pki, 'hv-07')));
    try {
      const res = await c.Echo({ message: 'hi' });
      assert.equal(res.message, 'hi');
      assert.equal(res.peerCommonName, 'hv-07');
      assert.deepEqual(res.peerDnsNames, ['hv-07', 'hv-07.rack1']);
    } finally {
      c.close();
    }
  });

  it('refuses a client without a certificate', async () => {
    const ca = await readFile(join(pki, 'ca.crt'));
    const c = await client(credentials.createSsl(ca));
    const calls = () => srv.logs.filter((l) => l.msg === 'grpc call').length;
    const before = calls();
    try {
      const err = await c.Echo({ message: 'hi' }).catch((e: unknown) => e);
      assert.ok(err instanceof StratoError, String(err));
      assert.equal(err.code, 'UNAVAILABLE');
      assert.equal(calls(), before, 'no handler ran for it');
    } finally {
      c.close();
    }
  });

  it('refuses a client whose certificate another CA signed', async () => {
    const ca = await readFile(join(pki, 'ca.crt'));
    const other = files(otherPki, 'hv-07');
    const c = await client(credentials.createSsl(ca, await readFile(other.keyFile), await readFile(other.certFile)));
    try {
      const err = await c.Echo({ message: 'hi' }).catch((e: unknown) => e);
      assert.ok(err instanceof StratoError, String(err));
      assert.equal(err.code, 'UNAVAILABLE');
    } finally {
      c.close();
    }
  });

  it('refuses a server whose certificate names another host', async () => {
    const c = connect(proto.strato.testing.v1.Echo, address, {
      credentials: await mtlsChannelCredentials(files(pki, 'hv-07')),
      retry: false,
      channelOptions: { 'grpc.ssl_target_name_override': 'conductor-2' },
    });
    try {
      await assert.rejects(c.Echo({ message: 'hi' }), { code: 'UNAVAILABLE' });
    } finally {
      c.close();
    }
  });

  it('refuses a server whose certificate another CA signed', async () => {
    const c = await client(await mtlsChannelCredentials({ ...files(pki, 'hv-07'), caFile: join(otherPki, 'ca.crt') }));
    try {
      await assert.rejects(c.Echo({ message: 'hi' }), { code: 'UNAVAILABLE' });
    } finally {
      c.close();
    }
  });

  it('peerNames matches CN or a DNS SAN only', () => {
    const id = {
      commonName: 'hv-07',
      dnsNames: ['hv-07', 'hv-07.rack1'],
      ipAddresses: [],
      fingerprint256: '',
      serial: '1',
      validFrom: '',
      validTo: '',
      raw: Buffer.alloc(0),
    };
    assert.equal(peerNames(id, 'hv-07'), true);
    assert.equal(peerNames(id, 'hv-07.rack1'), true);
    assert.equal(peerNames(id, 'hv-08'), false);
    assert.equal(peerNames(undefined, 'hv-07'), false);
  });
});
