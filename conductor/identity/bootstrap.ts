// The first administrator. A fresh cloud has no user who could create users, so
// the conductor creates project `admin` and user `admin` (role admin) at start-up
// when they are missing. The password is random and lives in a root-only file
// (mode 0600 in a 0700 directory), as kolla and devstack keep theirs; an existing
// file is the password to use. Idempotent: safe on every start.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isStratoError } from '../../common/errors.ts';
import type { Identity } from './identity.ts';
import { ADMIN_PROJECT, type ProjectRecord, type UserRecord } from './model.ts';
import { PASSWORD_MIN } from './password.ts';

export const ADMIN_USER = 'admin';

export interface BootstrapOptions {
  /** Where the admin password is read from, or written to when absent. */
  passwordFile: string;
}

export interface BootstrapResult {
  project: ProjectRecord;
  user: UserRecord;
  /** True when this call created the admin user. */
  created: boolean;
}

async function readPassword(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The file's password, or a new random one written there first (never overwrites). */
async function passwordFromFile(file: string): Promise<string> {
  const existing = await readPassword(file);
  if (existing !== undefined) {
    if (existing.length < PASSWORD_MIN)
      throw new Error(`${file}: the admin password must be ${PASSWORD_MIN}+ characters`);
    return existing;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const password = randomBytes(24).toString('base64url');
  try {
    // 'wx': two conductors starting at once must not overwrite each other's password.
    await writeFile(file, password + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return passwordFromFile(file);
    throw err;
  }
  await chmod(file, 0o600);
  return password;
}

export async function bootstrapAdmin(identity: Identity, options: BootstrapOptions): Promise<BootstrapResult> {
  const project =
    (await identity.findProjectByName(ADMIN_PROJECT)) ??
    (await identity.createProject(ADMIN_PROJECT).catch(async (err: unknown) => {
      const raced = isStratoError(err, 'ALREADY_EXISTS') ? await identity.findProjectByName(ADMIN_PROJECT) : undefined;
      if (!raced) throw err;
      return raced;
    }));
  const existing = await identity.findUserByName(ADMIN_USER);
  if (existing) {
    // The password is not reset from the file: the admin may have changed it, and
    // a conductor started with another file path must not take the account over.
    return { project, user: existing, created: false };
  }
  const password = await passwordFromFile(options.passwordFile);
  try {
    const user = await identity.createUser({ name: ADMIN_USER, password, project: project.id, role: 'admin' });
    identity.log.info({ userId: user.id, passwordFile: options.passwordFile }, 'bootstrap admin created');
    return { project, user, created: true };
  } catch (err) {
    const raced = isStratoError(err, 'ALREADY_EXISTS') ? await identity.findUserByName(ADMIN_USER) : undefined;
    if (!raced) throw err;
    return { project, user: raced, created: false };
  }
}
