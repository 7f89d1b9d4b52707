// MAC addresses (pure). Generated MACs carry the prefix fa:16:3e, as Neutron's
// do: the locally-administered bit of 0xfa is set and the multicast bit clear,
// so they never collide with a vendor's (burned-in) address, and operators
// used to OpenStack recognise them. Uniqueness is enforced by the store
// (keys.ts macKey), not here.
import { randomBytes } from 'node:crypto';
import { echo, invalidArgument } from '../../common/errors.ts';

export const DEFAULT_MAC_PREFIX = 'fa:16:3e';
const MAC_RE = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;
const PREFIX_RE = /^[0-9a-f]{2}(?::[0-9a-f]{2}){0,4}$/;

/** A random MAC under `prefix` (1 to 5 octets). `random` returns n random bytes. */
export function randomMac(prefix = DEFAULT_MAC_PREFIX, random: (n: number) => Uint8Array = randomBytes): string {
  if (!PREFIX_RE.test(prefix)) throw new Error(`MAC prefix ${prefix} must be 1 to 5 lower-case hex octets`);
  const fixed = prefix.split(':');
  const rest = [...random(6 - fixed.length)].map((b) => b.toString(16).padStart(2, '0'));
  return [...fixed, ...rest].join(':');
}

/**
 * Normalises a user-given MAC to lower case with colons. Errors:
 * INVALID_ARGUMENT/MAC_INVALID for bad syntax, a multicast/broadcast address or
 * all zeros (none can be a port's source address).
 */
export function normalizeMac(text: string): string {
  const mac = text.trim().toLowerCase().replaceAll('-', ':');
  const bad = (why: string) =>
    invalidArgument('MAC_INVALID', `mac_address ${echo(text)} ${why}`, { details: { field: 'mac_address' } });
  if (!MAC_RE.test(mac)) throw bad('is not a MAC address like fa:16:3e:12:34:56');
  if (Number.parseInt(mac.slice(0, 2), 16) & 1) throw bad('is a multicast address');
  if (mac === '00:00:00:00:00:00') throw bad('is all zeros');
  return mac;
}
