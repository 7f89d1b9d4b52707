// A conductor's identity, image and flavor services on loopback (plain text),
// over a real SQLite store in a temp dir, behind the conductor's own policy
// hook (conductor/api/call-policy.ts), with typed clients and login helpers.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProtoGrpcType as FlavorProto } from '../../../common/gen/flavor.ts';
import type { ProtoGrpcType as IdentityProto } from '../../../common/gen/identity.ts';
import type { ProtoGrpcType as ImageProto } from '../../../common/gen/image.ts';
import type { FlavorsClient, FlavorsHandlers } from '../../../common/gen/strato/compute/v1/Flavors.ts';
import type { IdentityClient, IdentityHandlers } from '../../../common/gen/strato/identity/v1/Identity.ts';
import type { ImagesClient, ImagesHandlers } from '../../../common/gen/strato/image/v1/Images.ts';
import { type CallOpts, connect, type StratoClient } from '../../../common/grpc/client.ts';
import { insecureChannelCredentials, insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import { StratoServer } from '../../../common/grpc/server.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { policyHook } from '../../../conductor/api/call-policy.ts';
import { flavorsApi } from '../../../conductor/api/flavors-api.ts';
import { identityApi } from '../../../conductor/api/identity-api.ts';
import { imagesApi } from '../../../conductor/api/images-api.ts';
import { createFlavorCatalog, type FlavorCatalog } from '../../../conductor/flavors/flavors.ts';
import { type BootstrapResult, bootstrapAdmin } from '../../../conductor/identity/bootstrap.ts';
import { createIdentity, type Identity } from '../../../conductor/identity/identity.ts';
import type { LoginLimits } from '../../../conductor/identity/login-limiter.ts';
import { createImageRegistry, type ImageRegistry } from '../../../conductor/images/images.ts';
import { imageHoldings } from '../../../conductor/images/project-holdings.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { bearer } from '../../harness/auth.ts';
import { quiet } from '../../harness/quiet-log.ts';

export interface FixtureOptions {
  tokenTtlMs?: number;
  maxImageBytes?: number;
  loginLimits?: Partial<LoginLimits>;
}

export interface ApiFixture {
  dir: string;
  store: SqliteStore;
  identity: Identity;
  images: ImageRegistry;
  flavors: FlavorCatalog;
  bootstrap: BootstrapResult;
  adminPassword: string;
  passwordFile: string;
  id: StratoClient<IdentityClient>;
  img: StratoClient<ImagesClient>;
  fl: StratoClient<FlavorsClient>;
  /** Logs in and returns call options carrying the bearer token. */
  login(username: string, password: string): Promise<CallOpts & { token: string }>;
  /** Creates project + member user (as admin) and logs in as that user. */
  member(project: string, user: string): Promise<CallOpts & { token: string }>;
  close(): Promise<void>;
}

export async function startApi(o: FixtureOptions = {}): Promise<ApiFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-api-test-'));
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const store = new SqliteStore({ path: join(dir, 'store.db') });
    cleanups.push(() => store.close());
    const identity = createIdentity({
      store,
      log: quiet,
      ...(o.tokenTtlMs ? { tokenTtlMs: o.tokenTtlMs } : {}),
      ...(o.loginLimits ? { loginLimits: o.loginLimits } : {}),
    });
    const images = await createImageRegistry({
      store,
      dataDir: dir,
      log: quiet,
      ...(o.maxImageBytes ? { maxImageBytes: o.maxImageBytes } : {}),
    });
    const flavors = createFlavorCatalog({ store, log: quiet });
    const passwordFile = join(dir, 'secrets', 'admin-password');
    const bootstrap = await bootstrapAdmin(identity, { passwordFile });
    const adminPassword = (await readFile(passwordFile, 'utf8')).trim();

    const pkg = await loadProtoPackage();
    const proto = toGrpcObject<IdentityProto & ImageProto & FlavorProto>(pkg);
    const server = new StratoServer({ log: quiet, hook: policyHook(identity) });
    server
      .addService<IdentityHandlers>(
        proto.strato.identity.v1.Identity.service,
        identityApi(identity, { holdings: [imageHoldings(store)] }),
      )
      .addService<ImagesHandlers>(proto.strato.image.v1.Images.service, imagesApi(identity, images))
      .addService<FlavorsHandlers>(proto.strato.compute.v1.Flavors.service, flavorsApi(identity, flavors))
      .addReflection(pkg);
    const port = await server.listen('127.0.0.1:0', insecureServerCredentials());
    cleanups.push(() => server.shutdown(1000));
    const address = `127.0.0.1:${port}`;
    const opts = { credentials: insecureChannelCredentials(), retry: false as const };
    const id = connect(proto.strato.identity.v1.Identity, address, opts);
    const img = connect(proto.strato.image.v1.Images, address, opts);
    const fl = connect(proto.strato.compute.v1.Flavors, address, opts);
    cleanups.push(() => {
      id.close();
      img.close();
      fl.close();
    });
    const login = async (username: string, password: string) =>
      bearer((await id.Login({ username, password, project: '' })).token);
    let adminOpts: (CallOpts & { token: string }) | undefined;
    const member = async (project: string, user: string) => {
      adminOpts ??= await login('admin', adminPassword);
      await id.CreateProject({ name: project }, adminOpts);
      await id.CreateUser({ name: user, password: `${user}-password`, project, role: 'member' }, adminOpts);
      return login(user, `${user}-password`);
    };
    return {
      dir,
      store,
      identity,
      images,
      flavors,
      bootstrap,
      adminPassword,
      passwordFile,
      id,
      img,
      fl,
      login,
      member,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Resolves with the error a promise rejects with; fails the test if it resolves. */
