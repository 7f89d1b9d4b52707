// The public API's edge against hostile input, as an outside tester probes it:
// the real conductor (its own process, TLS) over a real gRPC connection. Every
// string field of every request of every public RPC (walked from the protos)
// gets a 2,000-character, a 60,000-character and a control-character value; the
// answer must be a precise status that names no store key, quotes no more than a
// bound of the input, and changes nothing. Lookups by impossible names answer
// NOT_FOUND, logins BAD_CREDENTIALS, and bytes that are not the request message
// INVALID_ARGUMENT with one log line.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { isStratoError, type StratoError } from '../../../common/errors.ts';
import { fromCallError } from '../../../common/grpc/status.ts';
import { loadProtoPackage } from '../../../common/proto.ts';
import { publicRpcs } from '../../harness/proto-requests.ts';
import { type ChildEnv, startChildEnv } from './child-env.ts';
import { type Api, settled, uploadImage, waitServer } from './helpers.ts';
import { type Rpc, rpcsOf, withValue } from './proto-walk.ts';

const EDGE_PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl edge';
const LONG = 'x'.repeat(2_000);
const HUGE = 'y'.repeat(60_000);
const CONTROL = 'edge\u0000\u001b[31m\u007fctl';
const BAD_VALUES: [string, string][] = [
  ['2,000 characters', LONG],
  ['60,000 characters', HUGE],
  ['control characters', CONTROL],
];
/** An error message is a sentence, not a copy of the request. */
const MESSAGE_BOUND = 400;
/** The reasons of conductor/store/store.ts: internal, never an answer to a caller. */
const STORE_REASONS = new Set([
  'KEY_INVALID',
  'PREFIX_INVALID',
  'VALUE_INVALID',
  'VALUE_TOO_LARGE',
  'LIMIT_INVALID',
  'REVISION_INVALID',
  'TXN_INVALID',
  'KEY_NOT_FOUND',
  'KEY_EXISTS',
  'REVISION_MISMATCH',
  'REVISION_COMPACTED',
  'REVISION_IN_FUTURE',
]);
// A store key quoted in prose: `"/compute/names/…`, `key /hosts/…`.
const STORE_KEY_RE = /(^|[\s"'(=:])\/[a-z][a-z0-9-]*\//;

/**
 * The (rpc, field, value) cases where the bad value is acceptable input and the
 * call may succeed: a password may hold any character.
 */
const MAY_SUCCEED = new Set(['CreateUser password control characters', 'UpdateUser password control characters']);

function assertPrecise(err: StratoError, what: string): void {
  assert.ok(err.message.length <= MESSAGE_BOUND, `${what}: a ${err.message.length}-character message`);
  assert.doesNotMatch(err.message, /x{100}|y{100}/, `${what}: the message echoes the input unbounded`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach a terminal
  assert.doesNotMatch(err.message, /[\u0000-\u001f\u007f]/, `${what}: raw control characters in the message`);
  assert.doesNotMatch(err.message, STORE_KEY_RE, `${what}: a store key in "${err.message.slice(0, 120)}"`);
  assert.ok(!STORE_REASONS.has(err.reason), `${what}: the store's own reason ${err.reason}`);
  const details = JSON.stringify(err.details);
  assert.ok(details.length <= 1024, `${what}: ${details.length} characters of details`);
  assert.doesNotMatch(details, /x{100}|y{100}/, `${what}: the details echo the input unbounded`);
  assert.doesNotMatch(details, STORE_KEY_RE, `${what}: a store key in the details ${details.slice(0, 120)}`);
}

describe('public API edge: hostile input over a real connection', () => {
  let env: ChildEnv | undefined;
  let admin: Api;
  let adminPassword: string;
  const ids = { queuedImage: '', ruleId: '' };
  const revision = () => env!.revision();

  before(async () => {
    env = await startChildEnv();
    admin = env.admin;
    adminPassword = env.adminPassword;
    const a = admin;
    // Real resources, so that a request whose other fields are valid gets past
    // them to the field under test.
    await a.flavors.CreateFlavor({ name: 'edge-fl', vcpus: 1, ramMib: 64, diskGib: 1 });
    await uploadImage(a, env.dir, 'edge-img', false);
    ids.queuedImage = (await a.images.CreateImage({ name: 'edge-queued', diskFormat: 'qcow2' })).id;
    await a.identity.CreateProject({ name: 'edge-proj' });
    // The user the user and role RPCs name (never the admin, whose token this test uses).
    await a.identity.CreateUser({
      name: 'edge-target',
      password: 'edge-password-1',
      project: 'edge-proj',
      role: 'member',
    });
    await a.networks.CreateNetwork({ name: 'edge-net', providerType: 'vxlan' });
    await a.subnets.CreateSubnet({ name: 'edge-sub', network: 'edge-net', cidr: '10.77.0.0/24' });
    await a.ports.CreatePort({ name: 'edge-port', network: 'edge-net' });
    await a.securityGroups.CreateSecurityGroup({ name: 'edge-sg', description: 'edge' });
    ids.ruleId = (
      await a.securityGroups.CreateSecurityGroupRule({
        securityGroup: 'edge-sg',
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        portRangeMin: 22,
        portRangeMax: 22,
      })
    ).id;
    await a.servers.CreateServer({
      name: 'edge-srv',
      image: 'edge-img',
      flavor: 'edge-fl',
      networks: [{ network: 'edge-net' }],
    });
    // No host: the boot ends in ERROR, after which nothing writes on its own.
    await waitServer(a, 'edge-srv', settled, 30_000);
    let last = revision();
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const now = revision();
      if (now === last) break;
      last = now;
    }
  });

  after(() => env?.close());

  /** A valid request of each RPC (the walk replaces one field at a time). */
  function baseline(rpc: Rpc): Record<string, unknown> {
    const base: Record<string, Record<string, unknown>> = {
      Login: { username: 'admin', password: adminPassword, project: '' },
      CreateProject: { name: 'edge-new' },
      CreateUser: { name: 'edge-user', password: 'edge-password-1', project: 'edge-proj', role: 'member' },
      UpdateProject: { project: 'edge-proj', description: 'edge' },
      UpdateUser: { user: 'edge-target', enabled: true },
      ListUsers: { project: 'edge-proj' },
      AddRoleAssignment: { user: 'edge-target', project: 'edge-proj', role: 'reader' },
      RemoveRoleAssignment: { user: 'edge-target', project: 'edge-proj', role: 'reader' },
      ListRoleAssignments: { user: 'edge-target', project: 'edge-proj' },
      RevokeToken: { token: 'A'.repeat(43) },
      CreateImage: { name: 'edge-img2', diskFormat: 'qcow2' },
      UploadImage: { imageId: ids.queuedImage },
      GetImage: { image: 'edge-img' },
      DeleteImage: { image: 'edge-img' },
      CreateFlavor: { name: 'edge-fl2', vcpus: 1, ramMib: 64, diskGib: 1 },
      GetFlavor: { flavor: 'edge-fl' },
      DeleteFlavor: { flavor: 'edge-fl' },
      CreateServer: {
        name: 'edge-srv2',
        image: 'edge-img',
        flavor: 'edge-fl',
        host: '',
        metadata: { role: 'edge' },
        networks: [{ network: 'edge-net', port: '', fixedIp: '' }],
      },
      GetServer: { server: 'edge-srv' },
      DeleteServer: { server: 'edge-srv' },
      ServerAction: { server: 'edge-srv', action: 'stop' },
      GetConsoleLog: { server: 'edge-srv', lines: 10 },
      ListServerEvents: { server: 'edge-srv' },
      AddServerPort: { server: 'edge-srv', network: 'edge-net', port: '', fixedIp: '' },
      RemoveServerPort: { server: 'edge-srv', port: 'edge-port' },
      CreateServerImage: { server: 'edge-srv', name: 'edge-snap' },
      RebuildServer: { server: 'edge-srv', image: '' },
      UpdateServer: { server: 'edge-srv', name: 'edge-srv', setMetadata: { k: 'v' }, unsetMetadata: ['gone'] },
      GetHost: { host: 'edge-host' },
      IssueHostCertificate: { host: 'edge-host', ipAddresses: ['10.0.0.1'], dnsNames: ['edge.example'] },
      RotateHostCertificate: { host: 'edge-host' },
      RevokeHostCertificate: { host: 'edge-host', serial: '' },
      GetHostCertificates: { host: 'edge-host' },
      SetHostEnabled: { host: 'edge-host', enabled: true },
      EvacuateHost: { host: 'edge-host', targetHost: '' },
      CreateNetwork: { name: 'edge-net2', providerType: 'vxlan', physicalBridge: '' },
      GetNetwork: { network: 'edge-net' },
      DeleteNetwork: { network: 'edge-net' },
      CreateSubnet: {
        name: 'edge-sub2',
        network: 'edge-net',
        cidr: '10.78.0.0/24',
        gatewayIp: '',
        allocationPools: [{ start: '10.78.0.10', end: '10.78.0.20' }],
        dnsServers: ['10.78.0.53'],
      },
      GetSubnet: { subnet: 'edge-sub' },
      ListSubnets: { network: 'edge-net' },
      DeleteSubnet: { subnet: 'edge-sub' },
      CreatePort: {
        name: 'edge-port2',
        network: 'edge-net',
        fixedIps: [{ subnet: 'edge-sub', ipAddress: '' }],
        securityGroups: ['edge-sg'],
        macAddress: '',
        deviceId: '',
        deviceOwner: '',
        bindingHost: '',
      },
      GetPort: { port: 'edge-port' },
      ListPorts: { network: 'edge-net', deviceId: '' },
      DeletePort: { port: 'edge-port' },
      CreateSecurityGroup: { name: 'edge-sg2', description: 'edge' },
      GetSecurityGroup: { securityGroup: 'edge-sg' },
      DeleteSecurityGroup: { securityGroup: 'edge-sg' },
      CreateSecurityGroupRule: {
        securityGroup: 'edge-sg',
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        portRangeMin: 80,
        portRangeMax: 80,
        remoteIpPrefix: '10.0.0.0/8',
        remoteGroup: '',
      },
      DeleteSecurityGroupRule: { ruleId: ids.ruleId },
      // No storage host here: every field is checked before a volume would be placed.
      CreateVolume: { name: 'edge-vol2', description: 'edge', sizeGib: 1, backend: '' },
      GetVolume: { volume: 'edge-vol' },
      UpdateVolume: { volume: 'edge-vol', name: 'edge-vol3', description: 'edge' },
      ExtendVolume: { volume: 'edge-vol', newSizeGib: 2 },
      DeleteVolume: { volume: 'edge-vol' },
      CreateVolumeSnapshot: { name: 'edge-snap', description: 'edge', volume: 'edge-vol' },
      GetVolumeSnapshot: { snapshot: 'edge-snap' },
      ListVolumeSnapshots: { volume: 'edge-vol' },
      DeleteVolumeSnapshot: { snapshot: 'edge-snap' },
      AddServerVolume: { server: 'edge-srv', volume: 'edge-vol', device: '' },
      GetQuota: { project: 'edge-proj' },
      SetQuota: { project: 'edge-proj', instances: 5 },
      CreateKeyPair: { name: 'edge-kp' },
      ImportKeyPair: { name: 'edge-kp2', publicKey: EDGE_PUBLIC_KEY },
      GetKeyPair: { keyPair: 'edge-kp' },
      DeleteKeyPair: { keyPair: 'edge-kp' },
      RemoveServerVolume: { server: 'edge-srv', volume: 'edge-vol' },
      MigrateServer: { server: 'edge-srv', live: false, host: '', bandwidthMibS: 0 },
      ResizeServer: { server: 'edge-srv', flavor: 'edge-fl' },
      ConfirmResize: { server: 'edge-srv' },
      RevertResize: { server: 'edge-srv' },
      CreateRouter: { name: 'edge-router', externalGateway: '', disableSnat: false },
      GetRouter: { router: 'edge-router' },
      UpdateRouter: { router: 'edge-router', name: 'edge-router2' },
      DeleteRouter: { router: 'edge-router' },
      SetRouterGateway: { router: 'edge-router', externalNetwork: 'edge-net', disableSnat: false },
      ClearRouterGateway: { router: 'edge-router' },
      AddRouterInterface: { router: 'edge-router', subnet: 'edge-sub' },
      RemoveRouterInterface: { router: 'edge-router', subnet: 'edge-sub' },
      CreateFloatingIp: { floatingNetwork: 'edge-net', floatingIpAddress: '', port: '', fixedIpAddress: '' },
      GetFloatingIp: { floatingIp: '10.77.0.9' },
      SetFloatingIpPort: { floatingIp: '10.77.0.9', port: 'edge-port', fixedIpAddress: '' },
      UnsetFloatingIpPort: { floatingIp: '10.77.0.9' },
      DeleteFloatingIp: { floatingIp: '10.77.0.9' },
    };
    return base[rpc.method] ?? {};
  }

  async function call(rpc: Rpc, req: Record<string, unknown>): Promise<StratoError | undefined> {
    const clientName = rpc.service.split('.').pop()!;
    const key = (clientName.charAt(0).toLowerCase() + clientName.slice(1)) as keyof Api;
    const client = admin[key] as unknown as Record<string, (r: unknown) => Promise<unknown>>;
    try {
      await client[rpc.method]!(rpc.requestStream ? [req] : req);
      return undefined;
    } catch (err) {
      if (isStratoError(err)) return err;
      throw err;
    }
  }

  it('answers lookups by impossible names NOT_FOUND, naming no store key', async () => {
    const a = admin;
    const lookups: [string, (ref: string) => Promise<unknown>][] = [
      ['server', (ref) => a.servers.GetServer({ server: ref })],
      ['image', (ref) => a.images.GetImage({ image: ref })],
      ['flavor', (ref) => a.flavors.GetFlavor({ flavor: ref })],
      ['network', (ref) => a.networks.GetNetwork({ network: ref })],
      ['subnet', (ref) => a.subnets.GetSubnet({ subnet: ref })],
      ['port', (ref) => a.ports.GetPort({ port: ref })],
      ['security_group', (ref) => a.securityGroups.GetSecurityGroup({ securityGroup: ref })],
      ['host', (ref) => a.hosts.GetHost({ host: ref })],
      ['volume', (ref) => a.volumes.GetVolume({ volume: ref })],
      ['snapshot', (ref) => a.volumeSnapshots.GetVolumeSnapshot({ snapshot: ref })],
      ['keypair', (ref) => a.keyPairs.GetKeyPair({ keyPair: ref })],
      ['project', (ref) => a.quotas.GetQuota({ project: ref })],
    ];
    for (const [kind, get] of lookups) {
      for (const [what, value] of BAD_VALUES) {
        const err = await get(value).then(
          () => assert.fail(`${kind} by ${what} was found`),
          (e: unknown) => e as StratoError,
        );
        assert.equal(
          err.code,
          'NOT_FOUND',
          `${kind} by ${what}: ${err.code} ${err.reason} ${err.message.slice(0, 200)}`,
        );
        assert.equal(err.reason, `${kind.toUpperCase()}_NOT_FOUND`);
        assertPrecise(err, `${kind} by ${what}`);
      }
    }
  });

  it('answers a login by an impossible user name BAD_CREDENTIALS', async () => {
    for (const [what, value] of BAD_VALUES) {
      const err = await admin.identity.Login({ username: value, password: 'whatever-password', project: '' }).then(
        () => assert.fail('logged in'),
        (e: unknown) => e as StratoError,
      );
      assert.equal(err.code, 'UNAUTHENTICATED', `${what}: ${err.code} ${err.reason} ${err.message.slice(0, 200)}`);
      assert.equal(err.reason, 'BAD_CREDENTIALS');
      assertPrecise(err, `login by ${what}`);
    }
  });

  it('answers every string field of every public RPC precisely, and a failed call changes nothing', async () => {
    const pkg = await loadProtoPackage();
    // Every public service, from the protos: a new one is covered at once.
    const services = [...new Set(publicRpcs(pkg).map((r) => r.service))];
    const rpcs = services.flatMap((s) => rpcsOf(pkg, s));
    assert.ok(rpcs.length >= 40, `only ${rpcs.length} RPCs found`);
    let cases = 0;
    const problems: string[] = [];
    const logFrom = env!.child.output().length;
    for (const rpc of rpcs) {
      for (const field of rpc.fields) {
        for (const [what, value] of BAD_VALUES) {
          const label = `${rpc.method} ${field.label} ${what}`;
          const before = revision();
          const err = await call(rpc, withValue(baseline(rpc), field, value));
          cases++;
          if (err === undefined) {
            if (!MAY_SUCCEED.has(`${rpc.method} ${field.top} ${what}`)) problems.push(`${label}: accepted`);
            continue;
          }
          const expected = rpc.method === 'Login' ? ['UNAUTHENTICATED'] : ['INVALID_ARGUMENT', 'NOT_FOUND'];
          if (!expected.includes(err.code)) {
            problems.push(`${label}: ${err.code} ${err.reason} ${err.message.slice(0, 160)}`);
            continue;
          }
          if (err.code === 'INVALID_ARGUMENT' && !err.message.includes(field.top)) {
            problems.push(`${label}: the message does not name ${field.top}: ${err.message.slice(0, 160)}`);
          }
          try {
            assertPrecise(err, label);
          } catch (e) {
            problems.push((e as Error).message.split('\n')[0]!);
          }
          const after = revision();
          if (after !== before) problems.push(`${label}: the failed call moved the store from ${before} to ${after}`);
        }
      }
    }
    assert.ok(cases > 150, `only ${cases} cases`);
    // The store's own errors are rewritten at the edge as a last resort, and
    // logged with `internalReason`: every field must be checked before that.
    const rewritten = env!.child
      .output()
      .slice(logFrom)
      .split('\n')
      .filter((l) => l.includes('"internalReason"'))
      .map((l) => {
        const r = JSON.parse(l) as { method: string; internalReason: string };
        return `${r.method}: a store error (${r.internalReason}) reached the edge`;
      });
    assert.deepEqual([...problems, ...new Set(rewritten)], []);
  });

  it('answers a request that is not its message INVALID_ARGUMENT, with one log line', async () => {
    const raw = new Client(env!.address, credentials.createSsl(await readFile(join(env!.tls, 'ca.crt'))), {
      'grpc.ssl_target_name_override': 'conductor',
    });
    const method = '/strato.compute.v1.Servers/GetServer';
    // Field 1 (server, a string) with wire type 7, which protobuf does not have;
    // as a fixed32 (which the decoder alone would read as a string); as a
    // length that runs past the end of the message.
    const bodies: [Buffer, RegExp][] = [
      [Buffer.from([0x0f, 0x01]), /field 1 \(server\) has wire type 7/],
      [Buffer.from([0x0d, 0x01, 0x02, 0x03, 0x04]), /field 1 \(server\) has wire type 5/],
      [Buffer.from([0x0a, 0x7f, 0x61]), /field 1 \(server\) runs past the end/],
    ];
    try {
      for (const [body, problem] of bodies) {
        const logBefore = env!.child.output().length;
        const err = await new Promise<ServiceError>((resolve, reject) => {
          raw.makeUnaryRequest(
            method,
            (b: Buffer) => b,
            (b: Buffer) => b,
            body,
            new Metadata(),
            { deadline: Date.now() + 10_000 },
            (e) => (e ? resolve(e) : reject(new Error('the malformed request succeeded'))),
          );
        });
        const se = fromCallError(err);
        assert.equal(se.code, 'INVALID_ARGUMENT', `${se.code}: ${se.message}`);
        assert.equal(se.reason, 'REQUEST_MALFORMED');
        assert.match(se.message, /strato\.compute\.v1\.GetServerRequest/);
        assert.match(se.message, problem);
        assertPrecise(se, 'malformed request');
        await new Promise((r) => setTimeout(r, 300));
        const lines = env!.child
          .output()
          .slice(logBefore)
          .split('\n')
          .filter((l) => l.includes(method));
        assert.equal(lines.length, 1, `log lines for the call:\n${lines.join('\n')}`);
        const rec = JSON.parse(lines[0]!) as { msg: string; code: string; reason: string; requestId?: string };
        assert.equal(rec.msg, 'grpc call');
        assert.equal(rec.code, 'INVALID_ARGUMENT');
        assert.equal(rec.reason, 'REQUEST_MALFORMED');
        assert.ok(rec.requestId, 'the line carries a request id');
      }
    } finally {
      raw.close();
    }
  });
});
