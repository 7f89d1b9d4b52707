// Checks that bytes are a well-formed encoding of a protobuf message before
// they are decoded. protobufjs (under proto-loader) is lenient: it reads a
// field by its declared type whatever wire type the sender used, so a string
// sent as a fixed32 decodes into garbage instead of failing, and a truncated
// length is silently clamped. A request that is not its message deserves a
// precise INVALID_ARGUMENT naming the field, so this walks the wire format
// against the message's descriptor (pure; no decoding of values). Unknown
// fields are skipped, as proto3 requires for compatibility.
import { isUtf8 } from 'node:buffer';

/** The parts of a google.protobuf.FieldDescriptorProto (as proto-loader gives it) used here. */
export interface FieldShape {
  name: string;
  number: number;
  /** `TYPE_STRING`, `TYPE_MESSAGE` … */
  type: string;
  /** `LABEL_REPEATED` for repeated fields. */
  label: string;
  /** For messages: the type's name, relative to the scope or absolute (leading '.'). */
  typeName: string;
}

export interface MessageShape {
  name: string;
  field: FieldShape[];
  nestedType: MessageShape[];
}

/** Finds a message type by fully qualified name (no leading dot). */
export type TypeLookup = (fqn: string) => MessageShape | undefined;

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
const WIRE_NAMES = ['VARINT', 'I64', 'LEN', 'SGROUP', 'EGROUP', 'I32', '6', '7'];
const MAX_DEPTH = 32;

const WIRE_OF: Record<string, number> = {
  TYPE_DOUBLE: I64,
  TYPE_FLOAT: I32,
  TYPE_INT64: VARINT,
  TYPE_UINT64: VARINT,
  TYPE_INT32: VARINT,
  TYPE_FIXED64: I64,
  TYPE_FIXED32: I32,
  TYPE_BOOL: VARINT,
  TYPE_STRING: LEN,
  TYPE_MESSAGE: LEN,
  TYPE_BYTES: LEN,
  TYPE_UINT32: VARINT,
  TYPE_ENUM: VARINT,
  TYPE_SFIXED32: I32,
  TYPE_SFIXED64: I64,
  TYPE_SINT32: VARINT,
  TYPE_SINT64: VARINT,
};

/** proto3 field names as written in the .proto (proto-loader hands out camelCase). */
const protoName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

class Cursor {
  pos = 0;
  readonly buf: Uint8Array;

  constructor(buf: Uint8Array) {
    this.buf = buf;
  }

  /** A varint's value (exact up to 2^53), or undefined when it runs past the end or past 10 bytes. */
  varint(): number | undefined {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) return undefined;
      const b = this.buf[this.pos++]!;
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
    }
    return undefined;
  }
}

/**
 * Which child message type a field names. Relative names resolve as protoc
 * does: innermost scope first (`a.b.M.N`, then `a.b.N`, `a.N`, `N`).
 */
function resolveType(
  scope: string,
  owner: MessageShape,
  typeName: string,
  lookup: TypeLookup,
): { fqn: string; type: MessageShape } | undefined {
  if (typeName.startsWith('.')) {
    const fqn = typeName.slice(1);
    const type = lookup(fqn);
    return type ? { fqn, type } : undefined;
  }
  const nested = owner.nestedType.find((n) => n.name === typeName);
  if (nested) return { fqn: `${scope}.${typeName}`, type: nested };
  const parts = scope.split('.');
  for (let i = parts.length; i >= 0; i--) {
    const fqn = [...parts.slice(0, i), typeName].join('.');
    const type = lookup(fqn);
    if (type) return { fqn, type };
  }
  return undefined;
}

function packedProblem(bytes: Uint8Array, wire: number): string | undefined {
  if (wire === I32 && bytes.length % 4 !== 0) return 'holds a partial 4-byte value';
  if (wire === I64 && bytes.length % 8 !== 0) return 'holds a partial 8-byte value';
  if (wire === VARINT) {
    const c = new Cursor(bytes);
    while (c.pos < bytes.length) if (c.varint() === undefined) return 'holds a broken varint';
  }
  return undefined;
}

/**
 * What is wrong with `buf` as an encoding of message `fqn` (described by
 * `type`), or undefined when it is well formed. Names the field by number
 * and proto name (`field 1 (server)`), inside its parents for nested ones.
 */
export function wireProblem(
  buf: Uint8Array,
  fqn: string,
  type: MessageShape,
  lookup: TypeLookup,
  depth = 0,
): string | undefined {
  if (depth > MAX_DEPTH) return `messages are nested more than ${MAX_DEPTH} deep`;
  const byNumber = new Map(type.field.map((f) => [f.number, f]));
  const c = new Cursor(buf);
  while (c.pos < buf.length) {
    const tag = c.varint();
    if (tag === undefined || tag > 0xffffffff) return `a field tag at byte ${c.pos} is not a valid varint`;
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    const f = byNumber.get(number);
    const what = f ? `field ${number} (${protoName(f.name)})` : `field ${number}`;
    if (number === 0) return 'a field has number 0, which is not allowed';
    if (wire === 3 || wire === 4) return `${what} is a group (wire type ${wire}), which proto3 does not have`;
    if (wire > 5) return `${what} has wire type ${wire}, which does not exist`;
    // Where a LEN value's bytes start (after its length prefix).
    let valueStart = c.pos;
    if (wire === VARINT) {
      if (c.varint() === undefined) return `${what} is a broken varint`;
    } else {
      const size = wire === I64 ? 8 : wire === I32 ? 4 : c.varint();
      if (size === undefined) return `${what} has a broken length`;
      valueStart = c.pos;
      if (valueStart + size > buf.length) return `${what} runs past the end of the message`;
      c.pos = valueStart + size;
    }
    if (!f) continue;
    const want = WIRE_OF[f.type];
    if (want === undefined) return `${what} has a type this server cannot check (${f.type})`;
    const packable = f.label === 'LABEL_REPEATED' && want !== LEN;
    if (wire !== want && !(packable && wire === LEN)) {
      const kind = f.type.replace('TYPE_', '').toLowerCase();
      return `${what} has wire type ${wire} (${WIRE_NAMES[wire]}); ${kind} fields use ${want} (${WIRE_NAMES[want]})`;
    }
    if (wire !== LEN) continue;
    const bytes = buf.subarray(valueStart, c.pos);
    if (packable) {
      const p = packedProblem(bytes, want);
      if (p) return `${what} ${p}`;
    } else if (f.type === 'TYPE_STRING') {
      if (!isUtf8(bytes)) return `${what} is not valid UTF-8`;
    } else if (f.type === 'TYPE_MESSAGE') {
      const child = resolveType(fqn, type, f.typeName, lookup);
      // A type the lookup does not know: its wire framing was checked, its inside is the decoder's.
      if (!child) continue;
      const p = wireProblem(bytes, child.fqn, child.type, lookup, depth + 1);
      if (p) return `in ${what}: ${p}`;
    }
  }
  return undefined;
}
