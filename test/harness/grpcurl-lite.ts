// A stand-in for grpcurl (Debian 12 has no package for it) covering what docs/api.md
// shows: TLS with -cacert, -H headers, -d JSON, -import-path/-proto, and `list`, `list SERVICE`,
// `describe MESSAGE` and `SERVICE/METHOD` calls. Like grpcurl it knows no .proto file:
// it asks the server's reflection for the file declaring the symbol (and its
// dependencies), loads those descriptors, and calls with the JSON given. Output and
// exit codes follow grpcurl's: JSON on stdout, "ERROR: Code: … Message: …" on stderr
// and exit 64 + the gRPC code for a failed call, 2 for bad usage.
//   node test/harness/grpcurl-lite.ts -cacert CA [-H 'k: v']... [-d JSON] ADDRESS list|describe|SERVICE/METHOD
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  type Client,
  type ClientDuplexStream,
  credentials,
  type GrpcObject,
  loadPackageDefinition,
  Metadata,
  type ServiceClientConstructor,
  status,
} from '@grpc/grpc-js';
import { loadFileDescriptorSetFromBuffer, loadSync, type PackageDefinition } from '@grpc/proto-loader';

const require = createRequire(import.meta.url);
const REFLECTION_PROTO = require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
/** The proto3 JSON mapping grpcurl speaks: lowerCamelCase names, 64-bit integers and enums as strings. */
const JSON_OPTIONS = { keepCase: false, longs: String, enums: String, defaults: false, oneofs: true };

function usage(message: string): never {
  process.stderr.write(`grpcurl-lite: ${message}\n`);
  process.exit(2);
}

interface Args {
  cacert?: string;
  importPaths: string[];
  protos: string[];
  headers: string[];
  data?: string;
  positional: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const out: Args = { headers: [], importPaths: [], protos: [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '-cacert') out.cacert = value();
    else if (a === '-H') out.headers.push(value());
    else if (a === '-import-path') out.importPaths.push(value());
    else if (a === '-proto') out.protos.push(value());
    else if (a === '-d') out.data = value();
    else if (a.startsWith('-')) usage(`unknown flag ${a}`);
    else out.positional.push(a);
  }
  return out;
}

function metadataOf(headers: readonly string[]): Metadata {
  const md = new Metadata();
  for (const h of headers) {
    const colon = h.indexOf(':');
    if (colon <= 0) usage(`-H ${JSON.stringify(h)}: expected "name: value"`);
    md.add(h.slice(0, colon).trim().toLowerCase(), h.slice(colon + 1).trim());
  }
  return md;
}

interface ReflectionResponse {
  listServicesResponse?: { service: { name: string }[] };
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] };
  errorResponse?: { errorCode: number; errorMessage: string };
}
type ReflectionStream = ClientDuplexStream<
  { listServices?: string; fileContainingSymbol?: string },
  ReflectionResponse
>;
interface ReflectionClient extends Client {
  ServerReflectionInfo(md: Metadata): ReflectionStream;
}

function ask(
  client: ReflectionClient,
  md: Metadata,
  req: { listServices?: string; fileContainingSymbol?: string },
): Promise<ReflectionResponse> {
  const stream = client.ServerReflectionInfo(md);
  return new Promise((resolve, reject) => {
    stream.on('data', (res: ReflectionResponse) => {
      resolve(res);
      stream.end();
    });
    stream.on('error', reject);
    stream.write(req);
  });
}

/** FileDescriptorSet bytes: each file as field 1 (length-delimited). */
function descriptorSet(files: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    const len: number[] = [];
    for (let n = f.length; ; n >>>= 7) {
      if (n < 0x80) {
        len.push(n);
        break;
      }
      len.push((n & 0x7f) | 0x80);
    }
    parts.push(Buffer.from([0x0a, ...len]), f);
  }
  return Buffer.concat(parts);
}

async function definitionOf(client: ReflectionClient, md: Metadata, symbol: string): Promise<PackageDefinition> {
  const res = await ask(client, md, { fileContainingSymbol: symbol });
  if (res.errorResponse) {
    fail(res.errorResponse.errorCode, `Symbol not found: ${symbol}: ${res.errorResponse.errorMessage}`);
  }
  return loadFileDescriptorSetFromBuffer(
    descriptorSet(res.fileDescriptorResponse?.fileDescriptorProto ?? []),
    JSON_OPTIONS,
  );
}

/** grpc-go's name of a code, as grpcurl prints it: Unauthenticated, NotFound … */
const codeName = (code: number): string =>
  (status[code] ?? String(code))
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, _sep: string, c: string) => c.toUpperCase());

function fail(code: number, message: string): never {
  process.stderr.write(`ERROR:\n  Code: ${codeName(code)}\n  Message: ${message}\n`);
  process.exit(64 + code);
}

interface FieldDescriptor {
  name: string;
  number: number;
  label: string;
  type: string;
  typeName: string;
}

/** A message as grpcurl's `describe` shows it. */
function describeMessage(symbol: string, fields: readonly FieldDescriptor[]): string {
  const name = symbol.slice(symbol.lastIndexOf('.') + 1);
  const lines = fields.map((f) => {
    const type = f.typeName ? f.typeName : f.type.replace(/^TYPE_/, '').toLowerCase();
    return `  ${f.label === 'LABEL_REPEATED' ? 'repeated ' : ''}${type} ${f.name} = ${f.number};`;
  });
  return `${symbol} is a message:\nmessage ${name} {\n${lines.join('\n')}\n}\n`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const [address, verb, symbol] = args.positional;
  if (address === undefined || verb === undefined) usage('expected ADDRESS and list, describe or SERVICE/METHOD');
  if (args.cacert === undefined) usage('this stand-in speaks TLS only: give -cacert');
  const creds = credentials.createSsl(readFileSync(args.cacert));
  const md = metadataOf(args.headers);
  const Reflection = loadPackageDefinition(loadSync(REFLECTION_PROTO, JSON_OPTIONS)) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: ServiceClientConstructor } } };
  };
  const reflection = new Reflection.grpc.reflection.v1.ServerReflection(address, creds) as unknown as ReflectionClient;
  try {
    if (verb === 'list' && symbol === undefined) {
      const res = await ask(reflection, md, { listServices: '*' });
      const names = (res.listServicesResponse?.service ?? []).map((s) => s.name).sort();
      process.stdout.write(`${names.join('\n')}\n`);
    } else if (verb === 'list' || verb === 'describe') {
      if (symbol === undefined) usage(`${verb} needs a symbol`);
      const def = (await definitionOf(reflection, md, symbol))[symbol];
      if (def === undefined) fail(status.NOT_FOUND, `Symbol not found: ${symbol}`);
      if ('format' in def && verb === 'describe') {
        process.stdout.write(describeMessage(symbol, (def.type as { field: FieldDescriptor[] }).field));
      } else if (!('format' in def)) {
        const methods = Object.keys(def).map((m) => `${symbol}.${m}`);
        process.stdout.write(
          verb === 'list' ? `${methods.join('\n')}\n` : `${symbol} is a service:\n${methods.join('\n')}\n`,
        );
      } else {
        fail(status.INVALID_ARGUMENT, `${symbol} is not a service`);
      }
    } else {
      const slash = verb.lastIndexOf('/');
      if (slash <= 0) usage(`not a method: ${verb}`);
      const [service, method] = [verb.slice(0, slash), verb.slice(slash + 1)];
      // With -proto, like grpcurl, the descriptors come from those files, not from reflection.
      const definition =
        args.protos.length > 0
          ? loadSync(args.protos, { ...JSON_OPTIONS, includeDirs: args.importPaths })
          : await definitionOf(reflection, md, service);
      let node: unknown = loadPackageDefinition(definition);
      for (const part of service.split('.')) node = (node as GrpcObject)[part];
      const Ctor = node as ServiceClientConstructor | undefined;
      if (Ctor?.service?.[method] === undefined) fail(status.NOT_FOUND, `service ${service} has no method ${method}`);
      const client = new Ctor(address, creds) as unknown as Record<
        string,
        (req: unknown, md: Metadata, cb: (err: { code: number; details: string } | null, res: unknown) => void) => void
      >;
      const request = args.data === undefined ? {} : (JSON.parse(args.data) as unknown);
      const response = await new Promise<unknown>((resolve) =>
        client[method]!(request, md, (err, res) => {
          if (err) fail(err.code, err.details);
          resolve(res);
        }),
      );
      process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
      (client as unknown as Client).close();
    }
  } finally {
    reflection.close();
  }
}

await main();
