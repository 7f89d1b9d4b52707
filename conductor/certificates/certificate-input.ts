// The fields of the certificate RPCs, checked before anything is signed or
// written: what reaches openssl's command line (a host id in -subj, names and
// addresses in -addext) is only ever what these rules let through. Bad input
// gets INVALID_ARGUMENT naming the field.
import { isIP } from 'node:net';
import { echo, invalidArgument } from '../../common/errors.ts';
import { normalizeSerial } from '../../common/grpc/credentials.ts';
import { HOST_ID_RE, requireField } from '../naming/names.ts';

/** The CN every agent requires of its caller: no host may be given it. */
export const CONDUCTOR_CN = 'conductor';
/** X.509 allows a CN of at most 64 characters. */
const CN_MAX = 64;
const MAX_NAMES = 16;
export const MAX_VALIDITY_DAYS = 3650;
export const MAX_CSR_BYTES = 16 * 1024;
const DNS_RE =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const SERIAL_RE = /^[0-9A-Fa-f]{1,40}$/;
const CSR_RE = /^-----BEGIN CERTIFICATE REQUEST-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE REQUEST-----\r?\n?$/;

const bad = (reason: string, field: string, message: string) =>
  invalidArgument(reason, message, { details: { field } });

/** A host id as a lookup names it. Errors: FIELD_REQUIRED, HOST_ID_INVALID. */
export function hostField(value: unknown, field = 'host'): string {
  const id = requireField(field, value);
  if (!HOST_ID_RE.test(id)) throw bad('HOST_ID_INVALID', field, `${field} must be a host id, got ${echo(id)}`);
  return id;
}

/** A host id a certificate can name. Errors: as hostField, and HOST_ID_RESERVED. */
export function certifiableHost(value: unknown, field = 'host'): string {
  const id = hostField(value, field);
  if (id.length > CN_MAX) {
    throw bad('HOST_ID_INVALID', field, `${field} must be at most ${CN_MAX} characters to be a certificate's name`);
  }
  if (id.toLowerCase() === CONDUCTOR_CN) {
    throw bad('HOST_ID_RESERVED', field, `${field} ${echo(id)} is the conductor's name: agents obey it`);
  }
  return id;
}

function names(field: string, values: readonly unknown[], ok: (v: string) => boolean, reason: string, what: string) {
  if (values.length > MAX_NAMES) throw bad('TOO_MANY_NAMES', field, `${field}: at most ${MAX_NAMES}`);
  return values.map((v, i) => {
    if (typeof v !== 'string' || !ok(v)) throw bad(reason, field, `${field}[${i}] must be ${what}, got ${echo(v)}`);
    return v;
  });
}

/** Errors: IP_ADDRESS_INVALID, TOO_MANY_NAMES. */
export const ipAddresses = (values: readonly unknown[]): string[] =>
  names('ip_addresses', values, (v) => isIP(v) !== 0, 'IP_ADDRESS_INVALID', 'an IPv4 or IPv6 address');

/** Errors: DNS_NAME_INVALID, TOO_MANY_NAMES. */
export const dnsNames = (values: readonly unknown[]): string[] =>
  names('dns_names', values, (v) => DNS_RE.test(v), 'DNS_NAME_INVALID', 'a DNS name');

/** 0 is the default. Errors: VALIDITY_INVALID. */
export function validityDays(value: number, defaultDays: number): number {
  if (value === 0) return defaultDays;
  if (!Number.isInteger(value) || value < 1 || value > MAX_VALIDITY_DAYS) {
    throw bad('VALIDITY_INVALID', 'validity_days', `validity_days must be 1 to ${MAX_VALIDITY_DAYS} (0: the default)`);
  }
  return value;
}

/** '' is none (every certificate). Errors: SERIAL_INVALID. */
export function serialField(value: string): string | undefined {
  if (value === '') return undefined;
  if (!SERIAL_RE.test(value)) throw bad('SERIAL_INVALID', 'serial', `serial must be hex digits, got ${echo(value)}`);
  return normalizeSerial(value);
}

/** The shape of a PEM request (openssl checks the rest). Errors: FIELD_REQUIRED, CSR_INVALID. */
export function csrField(value: unknown): string {
  const pem = requireField('csr', value);
  if (Buffer.byteLength(pem) > MAX_CSR_BYTES)
    throw bad('CSR_INVALID', 'csr', `csr must be at most ${MAX_CSR_BYTES} bytes`);
  if (!CSR_RE.test(pem)) throw bad('CSR_INVALID', 'csr', 'csr must be one PEM "CERTIFICATE REQUEST"');
  return pem;
}
