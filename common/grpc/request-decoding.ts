// Strict request decoding for servers. grpc-js calls a method's deserializer
// before any handler runs, and when it throws, answers INTERNAL "Error
// deserializing request" itself: nothing is logged and the caller is told the
// server failed. Wrapped here, the deserializer never throws: bytes that are
// not the request message (checked against its descriptor first, see
// wire-check.ts) become a MalformedRequest value, which the call wrapper
// (handlers.ts) answers INVALID_ARGUMENT/REQUEST_MALFORMED through the one
// error path, with its log line.
import type { MethodDefinition } from '@grpc/grpc-js';
import { loadFileDescriptorSetFromBuffer } from '@grpc/proto-loader';
import { invalidArgument, type StratoError } from '../errors.ts';
import { type MessageShape, type TypeLookup, wireProblem } from './wire-check.ts';

/** What a wrapped deserializer returns for bytes that are not the request message. */
export class MalformedRequest {
  /** Fully qualified request type, e.g. `strato.compute.v1.GetServerRequest`. */
  readonly typeName: string;
  readonly problem: string;

  constructor(typeName: string, problem: string) {
    this.typeName = typeName;
    this.problem = problem;
  }

  error(): StratoError {
    return invalidArgument('REQUEST_MALFORMED', `the request is not a valid ${this.typeName}: ${this.problem}`, {
      details: { type: this.typeName },
    });
  }
}

/**
 * The part of proto-loader's method definition that describes the request;
 * definitions from the build-time descriptor (common/proto-services.ts) bring
 * the lookup of message shapes instead of the file descriptors.
 */
interface DescribedMethod {
  requestType?: { type?: MessageShape; fileDescriptorProtos?: Buffer[]; lookup?: TypeLookup };
}

// Methods of one proto load share one array of file descriptors: index it once.
const indexes = new WeakMap<Buffer[], Map<string, MessageShape>>();

function typeIndex(files: Buffer[]): Map<string, MessageShape> {
  let index = indexes.get(files);
  if (index) return index;
  // A FileDescriptorSet is `repeated FileDescriptorProto file = 1`: each file
  // framed as field 1 (tag 0x0a), length-delimited.
  const framed: Buffer[] = [];
  for (const f of files) framed.push(Buffer.from([0x0a]), varint(f.length), f);
  const pkg = loadFileDescriptorSetFromBuffer(Buffer.concat(framed));
  index = new Map();
  for (const [fqn, def] of Object.entries(pkg)) {
    const shape = (def as { format?: string; type?: MessageShape }).format?.endsWith('DescriptorProto')
      ? (def as { type: MessageShape }).type
      : undefined;
    if (shape?.field) index.set(fqn, shape);
  }
  indexes.set(files, index);
  return index;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

/**
 * The fully qualified name of a method's request message, e.g.
 * `strato.compute.v1.GetServerRequest`, or undefined for a method that does not
 * come from proto-loader (no descriptor says).
 */
export function requestTypeName(method: Pick<MethodDefinition<unknown, unknown>, 'path'>): string | undefined {
  const shape = (method as DescribedMethod).requestType?.type;
  if (!shape) return undefined;
  // `/strato.compute.v1.Servers/GetServer` → the package `strato.compute.v1`
  // (request messages are declared beside their service).
  const service = method.path.split('/')[1] ?? '';
  return `${service.slice(0, service.lastIndexOf('.'))}.${shape.name}`;
}

/**
 * `method` with a deserializer that checks the wire format against the request
 * type's descriptor, then decodes, and returns a MalformedRequest instead of
 * throwing. Methods without a descriptor (not from proto-loader) keep only
 * the no-throw part.
 */
export function strictRequestDecoding<Req, Res>(method: MethodDefinition<Req, Res>): MethodDefinition<Req, Res> {
  const decode = method.requestDeserialize;
  const described = (method as DescribedMethod).requestType;
  const shape = described?.type;
  const typeName = requestTypeName(method) ?? `request of ${method.path}`;
  let lookup: TypeLookup | undefined;
  const requestDeserialize = (bytes: Buffer): Req => {
    if (shape) {
      lookup ??=
        described?.lookup ??
        (() => {
          const index = described?.fileDescriptorProtos ? typeIndex(described.fileDescriptorProtos) : new Map();
          return (fqn: string) => index.get(fqn);
        })();
      const problem = wireProblem(bytes, typeName, shape, lookup);
      if (problem !== undefined) return new MalformedRequest(typeName, problem) as Req;
    }
    try {
      return decode(bytes);
    } catch (err) {
      return new MalformedRequest(typeName, (err as Error).message) as Req;
    }
  };
  return { ...method, requestDeserialize };
}
