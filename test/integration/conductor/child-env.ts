// The real conductor as its own process (child-conductor.ts) on loopback, with
// a temp data dir, certificates from scripts/make-certs, clients of its public
// API logged in as admin, and a read-only view of its SQLite store so a test
// can see whether a call changed anything. `close()` removes all of it.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { makeTestPki } from '../../harness/certs.ts';
import { freePort } from '../../harness/free-port.ts';
import { type ChildConductor, startChildConductor } from './child-conductor.ts';
import { type Api, closeApi, login } from './helpers.ts';

export interface ChildEnv {
  dir: string;
  tls: string;
  dataDir: string;
  /** The public API, `127.0.0.1:<port>`. */
  address: string;
  registryAddress: string;
  child: ChildConductor;
  admin: Api;
  adminPassword: string;
  /** Clients logged in as `user`. */
  login(user: string, password: string): Promise<Api>;
  /** The store's revision now (every write moves it). */
  revision(): number;
  /** Every key in the store now, sorted. */
  keys(): string[];
  close(): Promise<void>;
}

export interface ChildEnvOptions {
  /** Certificates for these host names too (agents). */
  hosts?: string[];
  /** Runs on the empty data dir before the conductor starts (e.g. to seed an old store). */
  seed?: (dataDir: string) => Promise<void>;
  /** More command-line flags for the conductor (e.g. `--token-ttl-s 2`). */
  args?: string[];
}

export async function startChildEnv(o: ChildEnvOptions = {}): Promise<ChildEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-child-env-'));
  const tls = join(dir, 'tls');
  const dataDir = join(dir, 'data');
  const apis: Api[] = [];
  let child: ChildConductor | undefined;
  let db: DatabaseSync | undefined;
  const close = async () => {
    db?.close();
    for (const a of apis) closeApi(a);
    await child?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await makeTestPki(tls, o.hosts ?? []);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await o.seed?.(dataDir);
    const [api, reg] = [await freePort(), await freePort()];
    const address = `127.0.0.1:${api}`;
    const registryAddress = `127.0.0.1:${reg}`;
    child = await startChildConductor([
      '--data-dir',
      dataDir,
      '--listen',
      address,
      '--registry-listen',
      registryAddress,
      '--tls-dir',
      tls,
      ...(o.args ?? []),
    ]);
    const adminPassword = (await readFile(join(dataDir, 'admin-password'), 'utf8')).trim();
    const loginAs = async (user: string, password: string) => {
      const a = await login(address, join(tls, 'ca.crt'), user, password);
      apis.push(a);
      return a;
    };
    const admin = await loginAs('admin', adminPassword);
    // WAL mode: this reader never blocks the conductor's writes.
    db = new DatabaseSync(join(dataDir, 'state.db'), { readOnly: true });
    const view = db;
    return {
      dir,
      tls,
      dataDir,
      address,
      registryAddress,
      child,
      admin,
      adminPassword,
      login: loginAs,
      revision: () =>
        Number((view.prepare("SELECT value FROM meta WHERE name = 'revision'").get() as { value: number }).value),
      keys: () => (view.prepare('SELECT key FROM kv ORDER BY key').all() as { key: string }[]).map((r) => r.key),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
