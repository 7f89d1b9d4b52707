// Shared wire structs of remote_protocol.x: remote_nonnull_domain, remote_nonnull_secret
// and the 16-byte uuid, plus their plain-data forms that the public API hands out.
import { invalidArgument } from '../../../common/errors.ts';
import type { XdrReader, XdrWriter } from './xdr.ts';

/** A domain as libvirt names it on the wire. `id` is -1 while the domain is not running. */
export interface DomainRef {
  name: string;
  uuid: string;
  id: number;
}

export interface SecretRef {
  uuid: string;
  usageType: number;
  usageId: string;
}

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function uuidToBytes(uuid: string): Buffer {
  if (!UUID_RE.test(uuid)) throw invalidArgument('INVALID_UUID', `not a uuid: ${JSON.stringify(uuid)}`);
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

export function bytesToUuid(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function writeUuid(w: XdrWriter, uuid: string): void {
  w.fixedOpaque(uuidToBytes(uuid), 16);
}

export function readUuid(r: XdrReader): string {
  return bytesToUuid(r.fixedOpaque(16));
}

export function writeDomain(w: XdrWriter, d: DomainRef): void {
  w.string(d.name);
  writeUuid(w, d.uuid);
  w.int(d.id);
}

export function readDomain(r: XdrReader): DomainRef {
  const name = r.string();
  const uuid = readUuid(r);
  const id = r.int();
  return { name, uuid, id };
}

export function writeSecret(w: XdrWriter, s: SecretRef): void {
  writeUuid(w, s.uuid);
  w.int(s.usageType);
  w.string(s.usageId);
}

export function readSecret(r: XdrReader): SecretRef {
  const uuid = readUuid(r);
  const usageType = r.int();
  const usageId = r.string();
  return { uuid, usageType, usageId };
}
