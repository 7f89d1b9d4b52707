// Tokens survive between commands in ${XDG_CACHE_HOME:-~/.cache}/strato/tokens/<cloud>.json
// (0600 in a 0700 directory), so each command is one round trip instead of a
// login plus the call. A token the CLI got itself with the cloud's configured
// credentials is used only for the same endpoint, user and project; one from
// `strato login --user U --project P` (explicit) is used for the cloud's
// endpoint whatever its configured credentials say, until it expires or
// `strato logout`. Neither is used in its last minute: a command that starts
// with a token about to expire would fail half-way.
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Cloud, Env } from './config.ts';

export interface CachedToken {
  token: string;
  /** RFC 3339, from the Login reply. */
  expiresAt: string;
  endpoint: string;
  username: string;
  project: string;
  /** From `strato login --user`: stands for the cloud until it expires (never replaced by the configured credentials). */
  explicit?: boolean;
}

/** Stop using a token this long before it expires. */
export const EXPIRY_MARGIN_MS = 60_000;

export function tokenCachePath(cloudName: string, env: Env, home: string = homedir()): string {
  const base = env['XDG_CACHE_HOME'] || join(home, '.cache');
  // A cloud name is user text: keep it one safe path component.
  const safe = cloudName.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return join(base, 'strato', 'tokens', `${safe.replace(/^\.+/, '_')}.json`);
}

/** Whether `entry` may be used for `cloud` at time `nowMs`. */
export function isUsable(entry: CachedToken | undefined, cloud: Cloud, nowMs: number): entry is CachedToken {
  if (!entry) return false;
  if (entry.endpoint !== cloud.endpoint) return false;
  if (!entry.explicit) {
    if (entry.username !== (cloud.auth.username ?? '')) return false;
    if (entry.project !== (cloud.auth.project ?? '')) return false;
  }
  const expires = Date.parse(entry.expiresAt);
  if (Number.isNaN(expires)) return false;
  return expires - EXPIRY_MARGIN_MS > nowMs;
}

/** An explicit login of this cloud's endpoint that is no longer usable: the user must log in again. */
export function isStaleExplicit(entry: CachedToken, cloud: Cloud, nowMs: number): boolean {
  return entry.explicit === true && entry.endpoint === cloud.endpoint && !isUsable(entry, cloud, nowMs);
}

function isCachedToken(v: unknown): v is CachedToken {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (o['explicit'] !== undefined && typeof o['explicit'] !== 'boolean') return false;
  return ['token', 'expiresAt', 'endpoint', 'username', 'project'].every((k) => typeof o[k] === 'string');
}

/** The cached entry, or undefined when absent or unreadable (a bad cache is just a miss). */
export async function readCachedToken(path: string): Promise<CachedToken | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isCachedToken(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename) so a concurrent reader never sees half a token. */
export async function writeCachedToken(path: string, entry: CachedToken): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function removeCachedToken(path: string): Promise<void> {
  await rm(path, { force: true });
}
