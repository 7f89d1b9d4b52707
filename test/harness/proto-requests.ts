// The public API's request messages, read from the protos (the same
// descriptors the servers load): which RPCs are public, every field of every
// request with its wire type, and a request of defaults for each. Tests that
// must cover the whole API (the schema walker, the bad-input suite) take
// their cases from here, so an RPC or a field added to a proto is covered at
// once, without a list to update.
import type { PackageDefinition } from '@grpc/proto-loader';

/** Services only daemons call (agents, the registry port): not the public API. */
export const INTERNAL_SERVICE = /^strato\.agent\.|^strato\.host\.v1\.Registry$/;

export interface FieldDescriptor {
  name: string;
  number: number;
  type: string;
  typeName: string;
  label: string;
}
export interface MessageDescriptor {
  name: string;
  field: FieldDescriptor[];
  nestedType: MessageDescriptor[];
  options?: { mapEntry?: boolean } | null;
}

/** A field's proto type, as the request object carries it (PROTO_OPTIONS: int64 as a decimal string). */
export type Scalar = 'string' | 'bytes' | 'bool' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'enum' | 'double';

export interface Field {
  /** camelCase, as in the request object. */
  name: string;
  /** snake_case, as the proto spells it (what an error names). */
  protoName: string;
  /** Its field number on the wire. */
  number: number;
  repeated: boolean;
  /** proto3 `optional` or a member of a oneof: may be absent. */
  optional: boolean;
  /** A scalar, a map<string, string>, or a message (with its fields). */
  kind: Scalar | 'map' | 'message';
  /** For kind 'message'. */
  fields?: Field[];
}

export interface PublicRpc {
  service: string;
  method: string;
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  /** Fully qualified, e.g. strato.compute.v1.GetServerRequest. */
  requestType: string;
  fields: Field[];
}

const SCALARS: Record<string, Scalar> = {
  TYPE_STRING: 'string',
  TYPE_BYTES: 'bytes',
  TYPE_BOOL: 'bool',
  TYPE_INT32: 'int32',
  TYPE_SINT32: 'int32',
  TYPE_UINT32: 'uint32',
  TYPE_INT64: 'int64',
  TYPE_SINT64: 'int64',
  TYPE_UINT64: 'uint64',
  TYPE_ENUM: 'enum',
  TYPE_DOUBLE: 'double',
  TYPE_FLOAT: 'double',
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function message(pkg: PackageDefinition, fqn: string): MessageDescriptor {
  const def = pkg[fqn] as { type?: MessageDescriptor } | undefined;
  if (!def?.type) throw new Error(`no message ${fqn} in the package`);
  return def.type;
}

/** How the server's decoder reads a request: which fields it fills with defaults. */
interface Codec {
  serialize(value: unknown): Buffer;
  deserialize(bytes: Buffer): unknown;
}

/** An object with an empty message at `path` (a repeated step gets one element). */
function emptyAt(path: readonly { name: string; repeated: boolean }[]): Record<string, unknown> {
  let inner: Record<string, unknown> = {};
  for (const step of [...path].reverse()) inner = { [step.name]: step.repeated ? [inner] : inner };
  return inner;
}

/**
 * The fields the decoder fills in when the message at `path` is empty: what
 * is not there is optional (proto3 `optional`, a oneof member). The
 * descriptor cannot say (proto-loader's lose the oneof membership).
 */
function decodedKeys(codec: Codec, path: readonly { name: string; repeated: boolean }[]): Set<string> {
  let node = codec.deserialize(codec.serialize(emptyAt(path))) as Record<string, unknown>;
  for (const step of path) {
    const next = node[step.name] as unknown;
    node = (step.repeated ? (next as unknown[])[0] : next) as Record<string, unknown>;
  }
  return new Set(Object.keys(node));
}

function fieldsOf(
  pkg: PackageDefinition,
  scope: string,
  msg: MessageDescriptor,
  codec: Codec,
  path: { name: string; repeated: boolean }[],
): Field[] {
  if (path.length > 4) throw new Error(`${msg.name}: nested too deep for a request`);
  const present = decodedKeys(codec, path);
  return msg.field.map((f) => {
    const base = {
      name: f.name,
      protoName: snake(f.name),
      number: f.number,
      repeated: f.label === 'LABEL_REPEATED',
      optional: !present.has(f.name),
    };
    const scalar = SCALARS[f.type];
    if (scalar) return { ...base, kind: scalar };
    if (f.type !== 'TYPE_MESSAGE') throw new Error(`${msg.name}.${f.name}: unexpected type ${f.type}`);
    const t = f.typeName.startsWith('.')
      ? message(pkg, f.typeName.slice(1))
      : (msg.nestedType.find((n) => n.name === f.typeName) ?? message(pkg, `${scope}.${f.typeName}`));
    if (t.options?.mapEntry) return { ...base, repeated: false, kind: 'map' as const };
    const fields = fieldsOf(pkg, scope, t, codec, [...path, { name: f.name, repeated: base.repeated }]);
    return { ...base, kind: 'message' as const, fields };
  });
}

/** Every RPC of every public service in `pkg` (all of proto/strato), in a stable order. */
export function publicRpcs(pkg: PackageDefinition): PublicRpc[] {
  const out: PublicRpc[] = [];
  for (const [service, def] of Object.entries(pkg)) {
    if (INTERNAL_SERVICE.test(service) || 'format' in def || !service.startsWith('strato.')) continue;
    const scope = service.slice(0, service.lastIndexOf('.'));
    type Method = {
      path: string;
      requestStream: boolean;
      responseStream: boolean;
      requestType: { type: MessageDescriptor };
      requestSerialize(value: unknown): Buffer;
      requestDeserialize(bytes: Buffer): unknown;
    };
    for (const [method, m] of Object.entries(def as unknown as Record<string, Method>)) {
      const requestType = `${scope}.${m.requestType.type.name}`;
      out.push({
        service,
        method,
        path: m.path,
        requestStream: m.requestStream,
        responseStream: m.responseStream,
        requestType,
        fields: fieldsOf(
          pkg,
          scope,
          message(pkg, requestType),
          { serialize: m.requestSerialize, deserialize: m.requestDeserialize },
          [],
        ),
      });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** A field's proto3 default as the request object carries it (what the decoder fills in). */
export function defaultOf(f: Field): unknown {
  if (f.repeated) return [];
  switch (f.kind) {
    case 'string':
    case 'enum':
      return '';
    case 'bytes':
      return Buffer.alloc(0);
    case 'bool':
      return false;
    case 'int64':
    case 'uint64':
      return '0';
    case 'map':
      return {};
    case 'message':
      return null;
    default:
      return 0;
  }
}

/** The request object the server's decoder makes of an empty message. */
export function defaultRequest(fields: readonly Field[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => !f.optional).map((f) => [f.name, defaultOf(f)]));
}
