// A TLS endpoint with strato's real network services for bin/strato to talk
// to. Prefers the real conductor (fixture.ts) when it serves strato.network.v1;
// when it does not (or does not start: cli.test.ts reports that), serves the
// same API factories (identity + networkApis over a SQLite store) in this
// process, on loopback over TLS with certificates from scripts/make-certs.
// STRATO_TEST_CLI_CONDUCTOR=1 insists on the conductor. Either way the
// CLI logs in with a password from a clouds.yaml, as a user would, and
// members of other projects are made with `strato project create` and
// `strato user create`.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerCredentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as IdentityProto } from '../../../common/gen/identity.ts';
import type { ProtoGrpcType as NetworkProto } from '../../../common/gen/network.ts';
import type { IdentityHandlers } from '../../../common/gen/strato/identity/v1/Identity.ts';
import type { NetworksHandlers } from '../../../common/gen/strato/network/v1/Networks.ts';
import type { PortsHandlers } from '../../../common/gen/strato/network/v1/Ports.ts';
import type { SecurityGroupsHandlers } from '../../../common/gen/strato/network/v1/SecurityGroups.ts';
import type { SubnetsHandlers } from '../../../common/gen/strato/network/v1/Subnets.ts';
import { StratoServer } from '../../../common/grpc/server.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { identityApi } from '../../../conductor/api/identity-api.ts';
import { networkApis } from '../../../conductor/api/network-apis.ts';
import { validatePublicRequest } from '../../../conductor/api/schemas/request-check.ts';
import { bootstrapAdmin } from '../../../conductor/identity/bootstrap.ts';
import { createIdentity } from '../../../conductor/identity/identity.ts';
import { createNetworking } from '../../../conductor/network/networking.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { runExit } from '../../harness/exec.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { type CliResult, STRATO, startCliFixture } from './fixture.ts';

export interface NetworkCliFixture {
  /** 'conductor': the real daemon; 'api': the API factories served by the test. */
  mode: 'conductor' | 'api';
  /** Why the test serves the API itself ('' with the conductor). */
  why: string;
  /** bin/strato as the admin; never throws on a non-zero exit. */
  admin(args: string[]): Promise<CliResult>;
  /** bin/strato as a member of `project` (created, with its user, on first use). */
  member(project: string): Promise<(args: string[]) => Promise<CliResult>>;
  close(): Promise<void>;
}

type Runner = (args: string[], env?: Record<string, string>) => Promise<CliResult>;

function runner(home: string, configFile: string): Runner {
  return (args, env = {}) =>
    runExit(STRATO, args, {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, STRATO_CONFIG: configFile, ...env },
      timeout: 60_000,
    });
}

function cloudsYaml(
  name: string,
  endpoint: string,
  caFile: string,
  user: string,
  passwordFile: string,
  project: string,
) {
  return [
    'clouds:',
    `  ${name}:`,
    `    endpoint: ${endpoint}`,
    `    ca_file: ${caFile}`,
    '    auth:',
    `      username: ${user}`,
    `      password_file: ${passwordFile}`,
    `      project: ${project}`,
    '',
  ].join('\n');
}

/** Identity and the four network services, TLS on loopback, in this process. */
async function startApiServer(dir: string) {
  const pki = join(dir, 'pki');
  await makeTestPki(pki);
  const cleanups: (() => unknown)[] = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const store = new SqliteStore({ path: join(dir, 'state.db') });
    cleanups.push(() => store.close());
    // Wired as conductor/main.ts wires them: a project comes with its default security group.
    const net = createNetworking({ store, log: quiet });
    const identity = createIdentity({
      store,
      log: quiet,
      projectResources: (id) => net.securityGroups.defaultGroupOps(id),
    });
    const passwordFile = join(dir, 'admin-password');
    await bootstrapAdmin(identity, { passwordFile });
    const pkg = await loadProtoPackage(['strato/identity/v1/identity.proto', 'strato/network/v1/network.proto']);
    const proto = toGrpcObject<IdentityProto & NetworkProto>(pkg);
    const apis = networkApis(identity, net);
    const v1 = proto.strato.network.v1;
    const server = new StratoServer({ log: quiet, validateRequest: validatePublicRequest })
      .addService<IdentityHandlers>(proto.strato.identity.v1.Identity.service, identityApi(identity))
      .addService<NetworksHandlers>(v1.Networks.service, apis.networks)
      .addService<SubnetsHandlers>(v1.Subnets.service, apis.subnets)
      .addService<PortsHandlers>(v1.Ports.service, apis.ports)
      .addService<SecurityGroupsHandlers>(v1.SecurityGroups.service, apis.securityGroups);
    const [ca, cert, key] = await Promise.all(
      ['ca.crt', 'conductor.crt', 'conductor.key'].map((f) => readFile(join(pki, f))),
    );
    const creds = ServerCredentials.createSsl(ca ?? null, [{ private_key: key as Buffer, cert_chain: cert as Buffer }]);
    const port = await server.listen('127.0.0.1:0', creds);
    cleanups.push(() => server.shutdown(1000));
    return { endpoint: `127.0.0.1:${port}`, caFile: join(pki, 'ca.crt'), passwordFile, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export async function startNetworkCliFixture(): Promise<NetworkCliFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-cli-net-test-'));
  const cleanups: (() => unknown)[] = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  };
  try {
    let mode: NetworkCliFixture['mode'] = 'conductor';
    let why = '';
    let endpoint = '';
    let caFile = '';
    let admin: Runner | undefined;
    const real = await startCliFixture().catch((err: Error) => {
      // Its fatal log line says why; else the fixture's own message.
      why = `the conductor did not start: ${/"message":"([^"]+)"/.exec(err.message)?.[1] ?? err.message.split('\n')[0]}`;
      return undefined;
    });
    if (real) {
      const probe = await real.strato(['network', 'list']);
      if (probe.code === 0) {
        cleanups.push(() => real.close());
        ({ endpoint, caFile } = real);
        admin = real.strato;
      } else {
        await real.close();
        if (!/code UNIMPLEMENTED/.test(probe.stderr)) throw new Error(`network list failed: ${probe.stderr}`);
        why = 'the conductor does not serve strato.network.v1';
      }
    }
    if (!admin) {
      if (process.env.STRATO_TEST_CLI_CONDUCTOR === '1') throw new Error(`STRATO_TEST_CLI_CONDUCTOR=1 but ${why}`);
      mode = 'api';
      const api = await startApiServer(dir);
      cleanups.push(() => api.close());
      ({ endpoint, caFile } = api);
      const home = join(dir, 'admin-home');
      await mkdir(home, { mode: 0o700 });
      const config = join(dir, 'admin.yaml');
      await writeFile(config, cloudsYaml('default', endpoint, caFile, 'admin', api.passwordFile, 'admin'));
      admin = runner(home, config);
    }
    const adminRun: Runner = admin;

    const members = new Map<string, Runner>();
    const member = async (project: string) => {
      const known = members.get(project);
      if (known) return known;
      const passwordFile = join(dir, `${project}.password`);
      await writeFile(passwordFile, `${project}-password-1\n`, { mode: 0o600 });
      for (const args of [
        ['project', 'create', project],
        ['user', 'create', `${project}-user`, '--project', project, '--password-file', passwordFile],
      ]) {
        const r = await adminRun(args);
        if (r.code !== 0) throw new Error(`strato ${args.join(' ')}: ${r.stderr}`);
      }
      const home = join(dir, `${project}-home`);
      await mkdir(home, { mode: 0o700 });
      const config = join(dir, `${project}.yaml`);
      await writeFile(config, cloudsYaml('default', endpoint, caFile, `${project}-user`, passwordFile, project));
      const r = runner(home, config);
      members.set(project, r);
      return r;
    };
    return { mode, why, admin: (args) => adminRun(args), member, close };
  } catch (err) {
    await close();
    throw err;
  }
}
