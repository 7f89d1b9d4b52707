// The metadata service's paths, as data: which documents exist (OpenStack's
// /openstack/<version>/… and EC2's /<version>/meta-data/… and user-data, the keys
// cloud-init reads) and what each holds for one guest. The documents come from the
// config drive's own renderers (config-drive-tree.ts), so a guest reads the same
// bytes either way. Pure: no sockets, no lookups.
import {
  type ConfigDriveInput,
  hostnameFor,
  metaDataJson,
  networkDataJson,
  vendorDataJson,
} from '../config-drive/config-drive-tree.ts';

/** What a guest may read about itself: its config drive's facts and the address it asked from. */
export interface GuestMetadata {
  input: ConfigDriveInput;
  /** The guest's own address on the network (the request's source). */
  localIpv4: string;
}

export interface Document {
  contentType: 'application/json' | 'text/plain; charset=utf-8' | 'application/octet-stream';
  body: Buffer;
}

/**
 * A known path: `static` needs no guest (version lists); otherwise `render` needs the
 * guest's metadata and answers undefined for a document it does not have (404).
 */
export type Route = { static: Document } | { render(guest: GuestMetadata): Document | undefined };

/** Longest path accepted; anything longer is refused before any lookup. */
export const MAX_PATH_CHARS = 512;

// Nova's dated versions, oldest first: cloud-init picks the newest it knows from this
// list. strato serves the same documents under every one of them.
const OPENSTACK_VERSIONS = [
  '2012-08-10',
  '2013-04-04',
  '2013-10-17',
  '2015-10-15',
  '2016-06-30',
  '2016-10-06',
  '2017-02-22',
  '2018-08-27',
  'latest',
];
// cloud-init's EC2 source falls back to 2009-04-04; `latest` is what people type.
const EC2_VERSIONS = ['2009-04-04', 'latest'];

const text = (lines: readonly string[]): Document => ({
  contentType: 'text/plain; charset=utf-8',
  body: Buffer.from(lines.join('\n'), 'utf8'),
});
const json = (body: Buffer): Document => ({ contentType: 'application/json', body });
const bytes = (body: Uint8Array): Document => ({ contentType: 'application/octet-stream', body: Buffer.from(body) });

const userData = (g: GuestMetadata): Document | undefined =>
  g.input.userData.length > 0 ? bytes(g.input.userData) : undefined;

const keys = (g: GuestMetadata) => g.input.publicKeys ?? [];

const openstack: Record<string, Route> = {
  '': {
    render: (g) =>
      text([
        'meta_data.json',
        'network_data.json',
        'vendor_data.json',
        ...(g.input.userData.length > 0 ? ['user_data'] : []),
      ]),
  },
  'meta_data.json': { render: (g) => json(metaDataJson(g.input)) },
  'network_data.json': { render: (g) => json(networkDataJson(g.input.networkDataJson)) },
  'vendor_data.json': { static: json(vendorDataJson()) },
  user_data: { render: userData },
};

/** The EC2 meta-data tree below `meta-data/` (keys without their trailing slash). */
function ec2MetaData(rest: string): Route | undefined {
  const hostname = (g: GuestMetadata): Document => text([hostnameFor(g.input.name, g.input.instanceId)]);
  switch (rest) {
    case '':
      return {
        render: (g) =>
          text([
            'hostname',
            'instance-id',
            'local-hostname',
            'local-ipv4',
            ...(keys(g).length > 0 ? ['public-keys/'] : []),
          ]),
      };
    case 'instance-id':
      return { render: (g) => text([g.input.instanceId]) };
    case 'hostname':
    case 'local-hostname':
      return { render: hostname };
    case 'local-ipv4':
      return { render: (g) => text([g.localIpv4]) };
    case 'public-keys':
      return { render: (g) => (keys(g).length > 0 ? text(keys(g).map((k, i) => `${i}=${k.name}`)) : undefined) };
  }
  const key = /^public-keys\/(0|[1-9][0-9]{0,2})(\/openssh-key)?$/.exec(rest);
  if (key === null) return undefined;
  const index = Number(key[1]);
  return {
    render: (g) => {
      const k = keys(g)[index];
      if (k === undefined) return undefined;
      return key[2] === undefined ? text(['openssh-key']) : text([k.key]);
    },
  };
}

/**
 * The route for a request path (already checked by `cleanPath`), or undefined (404).
 * A trailing slash is optional everywhere, as on EC2 and Nova.
 */
export function routeFor(path: string): Route | undefined {
  const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (p === '/') return { static: text(EC2_VERSIONS) };
  if (p === '/openstack') return { static: text(OPENSTACK_VERSIONS) };
  const os = /^\/openstack\/([^/]+)(?:\/([^/]+))?$/.exec(p);
  if (os !== null) {
    if (!OPENSTACK_VERSIONS.includes(os[1]!)) return undefined;
    return Object.hasOwn(openstack, os[2] ?? '') ? openstack[os[2] ?? ''] : undefined;
  }
  const ec2 = /^\/([^/]+)(?:\/(.*))?$/.exec(p);
  if (ec2 === null || !EC2_VERSIONS.includes(ec2[1]!)) return undefined;
  const rest = ec2[2] ?? '';
  if (rest === '') return { static: text(['meta-data/', 'user-data']) };
  if (rest === 'user-data') return { render: userData };
  if (rest === 'meta-data') return ec2MetaData('');
  if (rest.startsWith('meta-data/')) return ec2MetaData(rest.slice('meta-data/'.length));
  return undefined;
}

/**
 * The path of a request target, or undefined when it is not a plain absolute path:
 * too long, percent-encoded, with backslashes, control characters, empty or dot
 * segments. Nothing here reads files, but a path that only matches after decoding or
 * normalizing is refused rather than guessed at. The query string is ignored.
 */
export function cleanPath(target: string): string | undefined {
  if (target.length > MAX_PATH_CHARS || !target.startsWith('/')) return undefined;
  const path = target.split('?', 1)[0]!;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused
  if (/[%\\\u0000-\u001f\u007f]/.test(path)) return undefined;
  const segments = path.split('/').slice(1);
  // Only the last segment may be empty (a trailing slash).
  if (segments.some((s, i) => s === '.' || s === '..' || (s === '' && i < segments.length - 1))) return undefined;
  return path;
}
