// The `grpc-status-details-bin` trailer: a serialized google.rpc.Status whose
// details hold one google.rpc.ErrorInfo (proto/google/rpc/*.proto). grpc-js
// does not build it, and the three messages are tiny, so they are encoded by
// hand here rather than pulling protobufjs in as a direct dependency; the
// unit tests check the bytes against the vendored .proto files.

export const ERROR_INFO_TYPE_URL = 'type.googleapis.com/google.rpc.ErrorInfo';

export interface ErrorInfo {
  reason: string;
  domain: string;
  metadata: Record<string, string>;
}

export interface RpcStatus {
  code: number;
  message: string;
  /** The first ErrorInfo among the details, if any; other details are skipped. */
  errorInfo?: ErrorInfo;
}

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;

class Writer {
  private readonly parts: Buffer[] = [];

  varint(value: number): void {
    // int32 fields carry negative values as 10-byte two's complement varints.
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    while (v >= 0x80n) {
      bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    bytes.push(Number(v));
    this.parts.push(Buffer.from(bytes));
  }

  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  bytes(field: number, value: Buffer): void {
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    this.parts.push(value);
  }

  string(field: number, value: string): void {
    // proto3 omits default (empty) scalars.
    if (value !== '') this.bytes(field, Buffer.from(value, 'utf8'));
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

interface Field {
  field: number;
  wire: number;
  /** The varint value, for WIRE_VARINT fields. */
  int: bigint;
  /** The payload, for WIRE_LEN fields. */
  data: Buffer;
}

/** Reads every field of one message, skipping the kinds strato never sends. */
function* fields(buf: Buffer): Generator<Field> {
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length || shift > 63n) throw new Error('malformed protobuf varint');
      const b = buf[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const key = Number(readVarint());
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === WIRE_VARINT) {
      yield { field, wire, int: readVarint(), data: Buffer.alloc(0) };
    } else if (wire === WIRE_LEN) {
      const len = Number(readVarint());
      if (pos + len > buf.length) throw new Error('truncated protobuf field');
      yield { field, wire, int: 0n, data: buf.subarray(pos, pos + len) };
      pos += len;
    } else if (wire === WIRE_I64 || wire === WIRE_I32) {
      pos += wire === WIRE_I64 ? 8 : 4;
    } else {
      throw new Error(`unsupported protobuf wire type ${wire}`);
    }
  }
  if (pos > buf.length) throw new Error('truncated protobuf field');
}

function encodeErrorInfo(info: ErrorInfo): Buffer {
  const w = new Writer();
  w.string(1, info.reason);
  w.string(2, info.domain);
  // Sorted keys keep the bytes deterministic for the same error.
  for (const key of Object.keys(info.metadata).sort()) {
    const entry = new Writer();
    entry.string(1, key);
    entry.string(2, info.metadata[key] ?? '');
    w.bytes(3, entry.finish());
  }
  return w.finish();
}

function decodeErrorInfo(buf: Buffer): ErrorInfo {
  const info: ErrorInfo = { reason: '', domain: '', metadata: {} };
  for (const f of fields(buf)) {
    if (f.wire !== WIRE_LEN) continue;
    if (f.field === 1) info.reason = f.data.toString('utf8');
    else if (f.field === 2) info.domain = f.data.toString('utf8');
    else if (f.field === 3) {
      let key = '';
      let value = '';
      for (const e of fields(f.data)) {
        if (e.wire !== WIRE_LEN) continue;
        if (e.field === 1) key = e.data.toString('utf8');
        else if (e.field === 2) value = e.data.toString('utf8');
      }
      info.metadata[key] = value;
    }
  }
  return info;
}

export function encodeRpcStatus(status: RpcStatus): Buffer {
  const w = new Writer();
  if (status.code !== 0) {
    w.tag(1, WIRE_VARINT);
    w.varint(status.code);
  }
  w.string(2, status.message);
  if (status.errorInfo) {
    const any = new Writer();
    any.string(1, ERROR_INFO_TYPE_URL);
    any.bytes(2, encodeErrorInfo(status.errorInfo));
    w.bytes(3, any.finish());
  }
  return w.finish();
}

/** Decodes a google.rpc.Status; throws on bytes that are not one. */
export function decodeRpcStatus(buf: Buffer): RpcStatus {
  const status: RpcStatus = { code: 0, message: '' };
  for (const f of fields(buf)) {
    if (f.field === 1 && f.wire === WIRE_VARINT) status.code = Number(BigInt.asIntN(32, f.int));
    else if (f.field === 2 && f.wire === WIRE_LEN) status.message = f.data.toString('utf8');
    else if (f.field === 3 && f.wire === WIRE_LEN && !status.errorInfo) {
      let typeUrl = '';
      let value: Buffer = Buffer.alloc(0);
      for (const a of fields(f.data)) {
        if (a.wire !== WIRE_LEN) continue;
        if (a.field === 1) typeUrl = a.data.toString('utf8');
        else if (a.field === 2) value = a.data;
      }
      if (typeUrl === ERROR_INFO_TYPE_URL) status.errorInfo = decodeErrorInfo(value);
    }
  }
  return status;
}
