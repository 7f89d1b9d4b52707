// A host's certificate from issue to revoke, all real: the conductor (spawned,
// its CA from scripts/make-certs), `strato host certificate issue` making the
// bundle the host is installed with, the real strato-agent (a child process)
// registering with it over mutual TLS, a real guest on the root libvirtd, then
// `rotate`: the agent makes a new key, has it signed over its current channel
// and reloads its channels and its server in-process — it keeps serving on
// the same port with the new serial, the guest's QEMU process untouched — and
// the old certificate is refused from then on; `revoke` cuts the host off.
// The agent runs with --orphan-grace-s 86400: it never deletes the domains of
// other tests on the shared libvirtd.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect as tlsConnect } from 'node:tls';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import { connect } from '../../../common/grpc/client.ts';
import { mtlsChannelCredentials } from '../../../common/grpc/credentials.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { isCode, rejection } from '../../harness/errors.ts';
import { run } from '../../harness/exec.ts';
import { domainGone, removeDomain } from '../../harness/libvirt-domains.ts';
import { removeScratchDir, scratchDir } from '../../harness/scratch-dir.ts';
import { testImage } from '../../harness/test-image.ts';
import { waitFor } from '../../harness/wait.ts';
import { type CliFixture, type CliResult, startCliFixture } from '../cli/fixture.ts';
import { type AgentApi, type AgentProcess, agentApi, startAgentProcess } from './agent-harness.ts';

const HOST_ID = `cert-it-${randomUUID().slice(0, 8)}`;
const INSTANCE_ID = randomUUID();
const DOMAIN = domainNameFor(INSTANCE_ID);

function ok(r: CliResult): string {
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

interface CertSet {
  inUseSerial: string;
  rotationPending: boolean;
  certificates: { serial: string; state: string; origin: string; revocationReason: string }[];
}

/** The serial of the certificate a TLS server at `port` presents now (a new connection, as the conductor's). */
function servedSerial(port: number, tlsDir: string): Promise<string> {
  return Promise.all(['ca.crt', 'conductor.crt', 'conductor.key'].map((f) => readFile(join(tlsDir, f)))).then(
    ([ca, cert, key]) =>
      new Promise((resolve, reject) => {
        const s = tlsConnect({ host: '127.0.0.1', port, ca, cert, key, servername: HOST_ID, ALPNProtocols: ['h2'] });
        s.once('secureConnect', () => {
          resolve(s.getPeerCertificate().serialNumber.replace(/^0+/, ''));
          s.destroy();
        });
        s.once('error', reject);
      }),
  );
}

const qemuPid = async (): Promise<number> => Number((await readFile(`/run/libvirt/qemu/${DOMAIN}.pid`, 'utf8')).trim());

describe('host certificate: issue, install, rotate without touching guests, revoke', () => {
  let fx: CliFixture;
  let dir: string | undefined;
  let agent: AgentProcess | undefined;
  let api: AgentApi | undefined;
  let libvirt: LibvirtClient | undefined;
  let tlsDir: string;
  let oldTls: string;
  let proto: HostProto;

  const show = async (): Promise<CertSet> =>
    JSON.parse(ok(await fx.strato(['host', 'certificate', 'show', HOST_ID, '-f', 'json']))) as CertSet;
  const hostState = async (): Promise<string> =>
    (JSON.parse(ok(await fx.strato(['host', 'show', HOST_ID, '-f', 'json']))) as { state: string }).state;

  before(async () => {
    const disk = (await testImage()).disk;
    fx = await startCliFixture();
    proto = toGrpcObject<HostProto>(await loadProtoPackage());
    libvirt = await LibvirtClient.connect();
    dir = await scratchDir('strato-cert-rotation-', { traversable: true });
    tlsDir = join(dir, 'tls');
    oldTls = join(dir, 'old-tls');
    const bundle = join(dir, 'bundle.tar');
    ok(await fx.strato(['host', 'certificate', 'issue', HOST_ID, '--ip', '127.0.0.1', '--out', bundle]));
    for (const d of [tlsDir, oldTls]) {
      await mkdir(d, { mode: 0o700 });
      await run('tar', ['-C', d, '-xf', bundle]);
    }
    agent = await startAgentProcess({
      hostId: HOST_ID,
      stateDir: join(dir, 'state'),
      tlsDir,
      conductor: fx.registryAddress,
      logFile: join(dir, 'agent.log'),
      extraArgs: ['--orphan-grace-s', '86400'],
    });
    await waitFor(hostState, (s) => s === 'up', { timeoutMs: 60_000, what: 'the installed host up' });
    const img = JSON.parse(ok(await fx.strato(['image', 'create', '--file', disk, 'cert-it', '-f', 'json']))) as {
      id: string;
      sha256: string;
      sizeBytes: string;
    };
    api = await agentApi(agent.port, fx.pki);
    await api.SpawnInstance({
      instanceId: INSTANCE_ID,
      name: 'cert-it',
      projectId: 'p-cert-it',
      flavor: { name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 },
      image: { id: img.id, sha256: img.sha256, sizeBytes: img.sizeBytes, diskFormat: 'qcow2' },
      userData: Buffer.alloc(0),
      metadata: {},
      networkDataJson: '',
      publicKeys: [],
    });
  });

  after(async () => {
    try {
      await api?.DeleteInstance({ instanceId: INSTANCE_ID }).catch(() => {});
      api?.close();
      agent?.child.kill('SIGTERM');
      if (agent) await agent.exited;
      if (libvirt) {
        await removeDomain(libvirt, DOMAIN);
        assert.ok(await domainGone(libvirt, DOMAIN), 'the test domain is gone');
      }
    } finally {
      await libvirt?.close();
      await fx?.close();
      await removeScratchDir(dir);
    }
  });

  it('the issued certificate is the one the installed agent calls and serves with', async () => {
    const set = await show();
    assert.equal(set.certificates.length, 1);
    assert.equal(set.certificates[0]?.origin, 'issued');
    assert.equal(set.inUseSerial, set.certificates[0]?.serial);
    assert.equal(await servedSerial(agent!.port, fx.pki), set.inUseSerial);
  });

  it('rotate: the agent renews and reloads in-process; the guest keeps its QEMU process', {
    timeout: 180_000,
  }, async () => {
    const pid = await qemuPid();
    const before = await show();
    const oldSerial = before.inUseSerial;
    ok(await fx.strato(['host', 'certificate', 'rotate', HOST_ID]));
    const after = await waitFor(show, (s) => !s.rotationPending && s.inUseSerial !== oldSerial, {
      timeoutMs: 90_000,
      what: 'the agent calling with its renewed certificate',
    });
    assert.deepEqual(
      after.certificates.map((c) => [c.origin, c.state, c.revocationReason]),
      [
        ['renewed', 'valid', ''],
        ['issued', 'revoked', 'superseded'],
      ],
    );
    // The same process on the same port serves the new certificate.
    assert.equal(agent!.child.exitCode, null, 'the agent did not restart');
    assert.equal(await servedSerial(agent!.port, fx.pki), after.inUseSerial);
    assert.equal((await stat(join(tlsDir, `${HOST_ID}.key`))).mode & 0o777, 0o600);
    assert.notEqual(
      await readFile(join(tlsDir, `${HOST_ID}.key`), 'utf8'),
      await readFile(join(oldTls, `${HOST_ID}.key`), 'utf8'),
      'a new key, made on the host',
    );
    // The client connected before the rotation reconnects and is served.
    const status = await api!.GetInstance({ instanceId: INSTANCE_ID });
    assert.equal(status.instanceId, INSTANCE_ID);
    assert.equal(await qemuPid(), pid, "the guest's QEMU process is the same");
    assert.equal(await hostState(), 'up');
  });

  it('the old certificate is refused after revoke; revoking all cuts the host off', { timeout: 120_000 }, async () => {
    const set = await show();
    const old = set.certificates.find((c) => c.origin === 'issued')!;
    ok(await fx.strato(['host', 'certificate', 'revoke', HOST_ID, '--serial', old.serial]));
    const creds = await mtlsChannelCredentials({
      caFile: join(oldTls, 'ca.crt'),
      certFile: join(oldTls, `${HOST_ID}.crt`),
      keyFile: join(oldTls, `${HOST_ID}.key`),
    });
    const stale = connect(proto.strato.host.v1.Registry, fx.registryAddress, {
      credentials: creds,
      retry: false,
      defaultDeadlineMs: 10_000,
      channelOptions: { 'grpc.ssl_target_name_override': 'conductor' },
    });
    try {
      const err = await rejection(stale.Heartbeat({ hostId: HOST_ID, instances: [] }));
      assert.ok(isCode('PERMISSION_DENIED', 'CERTIFICATE_REVOKED')(err), String(err));
    } finally {
      stale.close();
    }
    assert.equal(await hostState(), 'up', 'the host calls with its renewed certificate');

    ok(await fx.strato(['host', 'certificate', 'revoke', HOST_ID]));
    assert.equal(await hostState(), 'down');
    // The agent's heartbeats are refused from now on: the host stays down.
    await new Promise((r) => setTimeout(r, 12_000));
    assert.equal(await hostState(), 'down');
    const log = await readFile(join(dir!, 'agent.log'), 'utf8');
    assert.match(log, /CERTIFICATE_REVOKED/, 'the agent was told why');
  });
});
