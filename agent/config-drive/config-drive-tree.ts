// The files of an OpenStack config drive (what cloud-init's ConfigDrive source
// reads), as plain data: no disk, no tools. config-drive-writer.ts turns the tree
// into an ISO9660 image labelled `config-2`; the metadata service
// (agent/metadata/) serves the same documents over HTTP from the same functions.
import { invalidArgument } from '../../common/errors.ts';

export interface ConfigDriveInput {
  instanceId: string;
  name: string;
  projectId: string;
  availabilityZone: string;
  /** User metadata (meta_data.json `meta`). */
  metadata: Record<string, string>;
  /** Raw user data; empty means none. */
  userData: Uint8Array;
  /** network_data.json as given by the conductor; empty means no networks. */
  networkDataJson: string;
  /** SSH public keys (meta_data.json `public_keys` and `keys`); absent or empty: none. */
  publicKeys?: readonly GuestPublicKey[];
}

/** An SSH public key for the guest: a key pair's name and its OpenSSH line. */
export interface GuestPublicKey {
  name: string;
  key: string;
}

/** Bounds on the keys a drive carries (the conductor sends one; a key line is at most 8192 characters). */
export const MAX_PUBLIC_KEYS = 16;
export const MAX_PUBLIC_KEY_CHARS = 8192;
const KEY_NAME_MAX = 255;

export interface ConfigDriveFile {
  /** Relative path inside the drive, `/`-separated. */
  path: string;
  content: Buffer;
}

/** Nova's limit on user data (64 KiB). */
export const MAX_USER_DATA_BYTES = 65_535;

/**
 * An RFC 1123 host name label from a display name: lower case, letters, digits and
 * hyphens, at most 63 characters; the instance id's first block when nothing is left.
 */
export function hostnameFor(name: string, instanceId: string): string {
  const label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return label || `instance-${instanceId.slice(0, 8)}`;
}

function parseNetworkData(json: string): unknown {
  if (json.trim() === '') return { links: [], networks: [], services: [] };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw invalidArgument('INVALID_NETWORK_DATA', `network_data_json is not JSON: ${(err as Error).message}`, {
      details: { field: 'network_data_json' },
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidArgument('INVALID_NETWORK_DATA', 'network_data_json must be a JSON object', {
      details: { field: 'network_data_json' },
    });
  }
  return value;
}

const json = (v: unknown): Buffer => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');

// biome-ignore lint/suspicious/noControlCharactersInRegex: a key line ends up in authorized_keys, one line per key
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The keys, checked: bounded, and nothing that could break out of a line of
 * authorized_keys or of meta_data.json's structure once the guest reads it.
 * Throws INVALID_ARGUMENT/INVALID_SPAWN_REQUEST naming public_keys.
 */
function checkedKeys(keys: readonly GuestPublicKey[]): GuestPublicKey[] {
  const bad = (why: string) =>
    invalidArgument('INVALID_SPAWN_REQUEST', `public_keys: ${why}`, { details: { field: 'public_keys' } });
  if (keys.length > MAX_PUBLIC_KEYS) throw bad(`at most ${MAX_PUBLIC_KEYS} keys`);
  const names = new Set<string>();
  for (const k of keys) {
    if (k.name === '' || k.name.length > KEY_NAME_MAX || CONTROL.test(k.name)) {
      throw bad(`names must be 1-${KEY_NAME_MAX} characters without control characters`);
    }
    if (names.has(k.name)) throw bad('names must be unique');
    names.add(k.name);
    if (k.key.length === 0 || k.key.length > MAX_PUBLIC_KEY_CHARS || CONTROL.test(k.key)) {
      throw bad(`each key must be one line of 1-${MAX_PUBLIC_KEY_CHARS} characters`);
    }
  }
  return [...keys];
}

/** What meta_data.json says (the drive's and the metadata service's). Throws INVALID_ARGUMENT for bad keys. */
export function metaDataDocument(input: ConfigDriveInput): Record<string, unknown> {
  const keys = checkedKeys(input.publicKeys ?? []);
  return {
    uuid: input.instanceId,
    name: input.name,
    hostname: hostnameFor(input.name, input.instanceId),
    project_id: input.projectId,
    availability_zone: input.availabilityZone,
    launch_index: 0,
    meta: { ...input.metadata },
    // Nova's layout: name → key, and the same keys as a list with their type.
    public_keys: Object.fromEntries(keys.map((k) => [k.name, k.key])),
    keys: keys.map((k) => ({ name: k.name, type: 'ssh', data: k.key })),
    files: [],
  };
}

/** meta_data.json's bytes, the same on the drive and from the metadata service. */
export const metaDataJson = (input: ConfigDriveInput): Buffer => json(metaDataDocument(input));

/** network_data.json's bytes from the conductor's document. Throws INVALID_ARGUMENT when it is not a JSON object. */
export const networkDataJson = (doc: string): Buffer => json(parseNetworkData(doc));

/** vendor_data.json: strato has no vendor data. */
export const vendorDataJson = (): Buffer => json({});

/** The drive's files. Throws INVALID_ARGUMENT for oversized user data or bad network data. */
export function configDriveTree(input: ConfigDriveInput): ConfigDriveFile[] {
  if (input.userData.length > MAX_USER_DATA_BYTES) {
    throw invalidArgument(
      'USER_DATA_TOO_LARGE',
      `user data is ${input.userData.length} bytes; at most ${MAX_USER_DATA_BYTES}`,
      {
        details: { field: 'user_data' },
      },
    );
  }
  const files: ConfigDriveFile[] = [
    { path: 'openstack/latest/meta_data.json', content: metaDataJson(input) },
    { path: 'openstack/latest/network_data.json', content: networkDataJson(input.networkDataJson) },
    { path: 'openstack/latest/vendor_data.json', content: vendorDataJson() },
  ];
  if (input.userData.length > 0) {
    files.push({ path: 'openstack/latest/user_data', content: Buffer.from(input.userData) });
  }
  return files;
}
