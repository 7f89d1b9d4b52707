// iSCSI names strato owns on a storage host, and the checks on names it is given.
// Ownership is visible (DESIGN.md): a target `iqn.2026-01.io.strato:<volume id>` and a
// CHAP account `strato-<volume id>` are strato's; anything else on tgtd is foreign and
// never touched. One attachment per volume (the conductor's rule) makes the volume id
// a unique key for both; a second simultaneous attachment (multi-attach, or both hosts
// of a live migration) would need the attachment id in these names.
import { isIP } from 'node:net';
import { badField } from '../volume-errors.ts';

export const IQN_PREFIX = 'iqn.2026-01.io.strato:';
const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TARGET = new RegExp(`^${IQN_PREFIX.replace(/\./g, '\\.')}(${ID})$`);
const ACCOUNT = new RegExp(`^strato-(${ID})$`);

/** The LUN every strato target exports its volume as (LUN 0 is tgt's controller). */
export const VOLUME_LUN = 1;

export const targetIqn = (volumeId: string): string => `${IQN_PREFIX}${volumeId}`;
export const chapUser = (volumeId: string): string => `strato-${volumeId}`;

/** The volume a strato target serves; undefined for a foreign target. */
export const volumeOfTarget = (iqn: string): string | undefined => TARGET.exec(iqn)?.[1];
/** The volume a strato CHAP account belongs to; undefined for a foreign account. */
export const volumeOfAccount = (user: string): string | undefined => ACCOUNT.exec(user)?.[1];

// RFC 3720 iqn names, lower case (RFC 3722 folds case); no commas or spaces, which
// would break tgtadm's `key=value,…` parameters.
const INITIATOR = /^iqn\.\d{4}-\d{2}\.[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[a-z0-9.:-]+)?$/;
// tgtadm passes the secret inside `user=…,password=…`: no commas, nothing that needs quoting.
const SECRET = /^[A-Za-z0-9_.~+/=-]{12,128}$/;

export function requireInitiatorName(field: string, name: string): void {
  if (name.length > 223 || !INITIATOR.test(name)) {
    throw badField(field, 'must be an iSCSI qualified name (iqn.yyyy-mm.reversed.domain[:suffix], lower case)');
  }
}

export function requireAddress(field: string, address: string): void {
  if (isIP(address) === 0) throw badField(field, 'must be an IPv4 or IPv6 address');
}

export function requireChapSecret(field: string, secret: string): void {
  if (!SECRET.test(secret)) throw badField(field, 'must be 12 to 128 of A-Z a-z 0-9 _ . ~ + / = -');
}

/** `host:port` (IPv6 in brackets) of the portal; the port defaults to 3260. */
export function parsePortal(value: string): { address: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+))(?::(\d{1,5}))?$/.exec(value);
  const address = m?.[1] ?? m?.[2] ?? '';
  const port = m?.[3] === undefined ? 3260 : Number(m[3]);
  if (!m || isIP(address) === 0 || port < 1 || port > 65535) {
    throw badField('iscsi_portal', 'must be IP[:PORT] with a specific address (IPv6 in brackets)');
  }
  if (address === '0.0.0.0' || address === '::') throw badField('iscsi_portal', 'must not be a wildcard address');
  return { address, port };
}

export const formatPortal = (p: { address: string; port: number }): string =>
  isIP(p.address) === 6 ? `[${p.address}]:${p.port}` : `${p.address}:${p.port}`;
