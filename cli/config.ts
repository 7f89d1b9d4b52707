// Where the CLI finds its cloud: a clouds.yaml like OpenStack's, at
// ${STRATO_CONFIG:-~/.config/strato/clouds.yaml}:
//
//   clouds:
//     default:
//       endpoint: 127.0.0.1:8774
//       cacert: /etc/strato/pki/ca.crt       # or ca_file; relative paths: to this file
//       server_name: conductor               # optional: the name the server certificate carries
//       auth: { username: admin, password_file: /root/.config/strato/admin.password, project: admin }
//
// The API is served over TLS, and the server's certificate is verified against
// `cacert` (OpenStack's clouds.yaml name; `ca_file` is the same setting) or the
// system's roots. Plain text (`endpoint: http://127.0.0.1:8774`) is accepted
// for a loopback address only, as the conductor serves it only there.
// The cloud is chosen by --os-cloud, else STRATO_CLOUD, else the only one, else
// the one named `default`. STRATO_URL, STRATO_CA_FILE and STRATO_TOKEN
// override the file (and are enough on their own). Resolution is a pure
// function of the parsed file and the environment, so it is table-tested.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isLoopbackAddress } from '../common/loopback.ts';
import { cachedDoc, configCachePath, fileStamp, storeDoc } from './config-cache.ts';
import { configError } from './errors.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export interface CloudAuth {
  username?: string;
  password?: string;
  /** Absolute path of a file holding the password (first line). */
  passwordFile?: string;
  /** Project name or id to log in to; empty = the user's own project. */
  project?: string;
}

export interface Cloud {
  /** The cloud's name in the file, or `env` when only environment variables describe it. */
  name: string;
  /** host:port of the public gRPC API (TLS). */
  endpoint: string;
  /** Plain text instead of TLS (an `http://` endpoint; loopback only). */
  plaintext?: boolean;
  /** PEM CA that signs the server certificate; absent = the system's roots. */
  caFile?: string;
  /** Overrides the name checked in the server certificate. */
  serverName?: string;
  auth: CloudAuth;
  /** A bearer token from STRATO_TOKEN: used as is, never cached. */
  token?: string;
  /** The config file this came from, if any (for messages). */
  file?: string;
}

export const DEFAULT_PORT = 8774;

export function configPath(env: Env, home: string = homedir()): string {
  return env['STRATO_CONFIG'] || join(home, '.config', 'strato', 'clouds.yaml');
}

/**
 * host:port and whether to speak plain text: `http://` (or `grpc://`) to a
 * loopback address is plain text, every other endpoint TLS (normalizeEndpoint).
 */
export function parseEndpoint(raw: string): { endpoint: string; plaintext: boolean } {
  const plain = /^(http|grpc):\/\//i.exec(raw.trim());
  if (!plain) return { endpoint: normalizeEndpoint(raw), plaintext: false };
  const endpoint = normalizeEndpoint(raw.trim().slice(plain[0].length));
  if (!isLoopbackAddress(endpoint)) {
    throw configError(
      `endpoint ${raw}: plain text only to a loopback address; the API is served over TLS (use host:port or https://host:port)`,
    );
  }
  return { endpoint, plaintext: true };
}

/** host:port from `host:port`, `host`, `[v6]:port` or a `https://`/`grpcs://` URL. */
export function normalizeEndpoint(raw: string): string {
  let s = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'https' && name !== 'grpcs') {
      throw configError(`endpoint ${raw}: the API is served over TLS only (use host:port or https://host:port)`);
    }
    s = s.slice(scheme[0].length);
  }
  s = s.replace(/\/+$/, '');
  if (!s || /[\s/]/.test(s)) throw configError(`endpoint ${JSON.stringify(raw)} is not host:port`);
  const hasPort = s.startsWith('[') ? /\]:\d+$/.test(s) : /^[^:]+:\d+$/.test(s);
  if (hasPort) return s;
  if (!s.startsWith('[') && s.includes(':')) return `[${s}]:${DEFAULT_PORT}`; // bare IPv6
  return `${s}:${DEFAULT_PORT}`;
}

const CLOUD_KEYS = new Set(['endpoint', 'cacert', 'ca_file', 'server_name', 'auth']);
const AUTH_KEYS = new Set(['username', 'password', 'password_file', 'project']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optString(obj: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw configError(`${where}: ${key} must be a string`);
  return String(v);
}

function checkKeys(obj: Record<string, unknown>, allowed: Set<string>, where: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k)) throw configError(`${where}: unknown key ${JSON.stringify(k)}`);
  }
}

/** `~/x` and paths relative to the config file, made absolute. */
function expandPath(p: string, file: string | undefined, home: string): string {
  if (p === '~' || p.startsWith('~/')) return join(home, p.slice(1));
  if (isAbsolute(p)) return p;
  return resolve(file ? dirname(file) : process.cwd(), p);
}

export interface ResolveInput {
  env: Env;
  /** --os-cloud */
  cloudFlag?: string | undefined;
  /** The parsed config file, or undefined when there is none. */
  doc?: unknown;
  /** Its path (for messages and relative paths). */
  file?: string;
  home?: string;
}

function cloudsOf(doc: unknown, file: string): Record<string, unknown> {
  if (doc === undefined || doc === null) return {};
  if (!isRecord(doc)) throw configError(`${file}: expected a mapping with a "clouds" key`);
  checkKeys(doc, new Set(['clouds']), file);
  const clouds = doc['clouds'] ?? {};
  if (!isRecord(clouds)) throw configError(`${file}: "clouds" must be a mapping of cloud names`);
  return clouds;
}

function pickName(clouds: Record<string, unknown>, input: ResolveInput, file: string): string | undefined {
  const asked = input.cloudFlag || input.env['STRATO_CLOUD'];
  const names = Object.keys(clouds);
  if (asked) {
    if (asked in clouds) return asked;
    const have = names.length ? ` (clouds: ${names.join(', ')})` : '';
    throw configError(`cloud ${JSON.stringify(asked)} not found in ${file}${have}`);
  }
  if (names.length === 1) return names[0];
  if ('default' in clouds) return 'default';
  if (names.length > 1) {
    throw configError(`${file} has several clouds (${names.join(', ')}): choose one with --os-cloud or STRATO_CLOUD`);
  }
  return undefined;
}

/** The cloud to talk to, from the parsed file and the environment. Throws a CONFIG CliError. */
export function resolveCloud(input: ResolveInput): Cloud {
  const { env } = input;
  const home = input.home ?? homedir();
  const file = input.file ?? configPath(env, home);
  const clouds = cloudsOf(input.doc, file);
  const name = pickName(clouds, input, file);
  let cloud: Cloud;
  if (name === undefined) {
    if (!env['STRATO_URL']) {
      throw configError(`no cloud configured: write ${file} or set STRATO_URL (and STRATO_TOKEN)`);
    }
    cloud = { name: 'env', endpoint: '', auth: {} };
  } else {
    const where = `${file}: cloud ${name}`;
    const raw = clouds[name];
    if (!isRecord(raw)) throw configError(`${where} must be a mapping`);
    checkKeys(raw, CLOUD_KEYS, where);
    const authRaw = raw['auth'] ?? {};
    if (!isRecord(authRaw)) throw configError(`${where}: auth must be a mapping`);
    checkKeys(authRaw, AUTH_KEYS, `${where}: auth`);
    const auth: CloudAuth = {};
    const username = optString(authRaw, 'username', where);
    const password = optString(authRaw, 'password', where);
    const passwordFile = optString(authRaw, 'password_file', where);
    const project = optString(authRaw, 'project', where);
    if (username !== undefined) auth.username = username;
    if (password !== undefined) auth.password = password;
    if (passwordFile !== undefined) auth.passwordFile = expandPath(passwordFile, file, home);
    if (project !== undefined) auth.project = project;
    cloud = { name, endpoint: optString(raw, 'endpoint', where) ?? '', auth, file };
    const cacert = optString(raw, 'cacert', where);
    const caFile = optString(raw, 'ca_file', where);
    if (cacert !== undefined && caFile !== undefined) {
      throw configError(`${where}: cacert and ca_file are the same setting; give one`);
    }
    const ca = cacert ?? caFile;
    if (ca !== undefined) cloud.caFile = expandPath(ca, file, home);
    const serverName = optString(raw, 'server_name', where);
    if (serverName !== undefined) cloud.serverName = serverName;
  }
  if (env['STRATO_URL']) cloud.endpoint = env['STRATO_URL'];
  if (env['STRATO_CA_FILE']) cloud.caFile = expandPath(env['STRATO_CA_FILE'], undefined, home);
  if (env['STRATO_TOKEN']) cloud.token = env['STRATO_TOKEN'];
  if (!cloud.endpoint) throw configError(`cloud ${cloud.name} has no endpoint (set endpoint in ${file} or STRATO_URL)`);
  const { endpoint, plaintext } = parseEndpoint(cloud.endpoint);
  cloud.endpoint = endpoint;
  if (plaintext) cloud.plaintext = true;
  return cloud;
}

/** Reads and parses the config file (absent is fine) and resolves the cloud. */
export async function loadCloud(env: Env, cloudFlag?: string, home: string = homedir()): Promise<Cloud> {
  const file = configPath(env, home);
  const doc = await loadDoc(file, env, home);
  return resolveCloud({ env, cloudFlag, doc, file, home });
}

async function loadDoc(file: string, env: Env, home: string): Promise<unknown> {
  let stamp: string | undefined;
  try {
    stamp = await fileStamp(file);
  } catch (err) {
    throw configError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (stamp === undefined) return undefined;
  const cachePath = configCachePath(env['XDG_CACHE_HOME'], home);
  const hit = await cachedDoc(cachePath, file, stamp);
  if (hit) return hit.doc;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw configError(`cannot read ${file}: ${(err as Error).message}`);
  }
  // yaml is only loaded when the file changed since the last command (start-up time).
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw configError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  await storeDoc(cachePath, file, stamp, doc);
  return doc;
}

/** The password from the cloud's auth (inline, or the first line of password_file). */
export async function cloudPassword(cloud: Cloud): Promise<string | undefined> {
  if (cloud.auth.password !== undefined) return cloud.auth.password;
  if (cloud.auth.passwordFile === undefined) return undefined;
  try {
    return firstLine(await readFile(cloud.auth.passwordFile, 'utf8'));
  } catch (err) {
    throw configError(`cannot read password file ${cloud.auth.passwordFile}: ${(err as Error).message}`);
  }
}

/** A password file's content without its trailing newline (passwords are one line). */
export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}
