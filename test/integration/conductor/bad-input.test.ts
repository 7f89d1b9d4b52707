// Malformed requests across the whole public API, generated from the protos'
// descriptors (test/harness/proto-requests.ts), never listed by hand: every
// field of every request of every public RPC, nested ones included, gets the
// bad values of its type (empty, huge, unicode, whitespace, injection strings,
// NUL, invalid UUIDs, negative and enormous numbers, unknown enum words, bogus
// page tokens, oversized lists and maps), every field a value of the wrong
// wire type, and every RPC a message over the port's size limit. They go to
// the real conductor (its own process, TLS) with one fake agent
// (test/harness/fake-agent.ts) that runs a server, so the host's inventory is
// observable.
//
// A generated value the edge's schema accepts is input, not bad input (names
// may hold `$(id)` or `../x`: test/integration/conductor/names-round-trip.test.ts
// shows they are safe), so it is not sent here; every other case must get the
// precise answer: the schema's own (code, reason, the field as the proto
// spells it), REQUEST_MALFORMED for the wrong wire type or ill-formed UTF-8,
// RESOURCE_EXHAUSTED for an oversized message. And after each: the store's
// revision is where it was; after all: the agent's instances and calls are
// unchanged, the conductor runs with the same pid and logged no error.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  type ClientDuplexStream,
  credentials,
  type GrpcObject,
  Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { z } from 'zod';
import { isStratoError, StratoError } from '../../../common/errors.ts';
import { connect } from '../../../common/grpc/client.ts';
import { MESSAGE_LIMITS } from '../../../common/grpc/message-limits.ts';
import { fromCallError } from '../../../common/grpc/status.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { PUBLIC_REQUESTS } from '../../../conductor/api/schemas/public-requests.ts';
import { checkRequest } from '../../../conductor/api/schemas/request-check.ts';
import { bearerInterceptor } from '../../harness/auth.ts';
import { FakeAgent } from '../../harness/fake-agent.ts';
import { defaultOf, type Field, type PublicRpc, publicRpcs } from '../../harness/proto-requests.ts';
import { type ChildEnv, startChildEnv } from './child-env.ts';
import { settled, uploadImage, waitServer } from './helpers.ts';

const HOST = 'bad-input-hv';
const HUGE = 'h'.repeat(70_000);
const UUID = '6f1c0b2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';

type Step = string | number;
interface Case {
  rpc: PublicRpc;
  label: string;
  /** A request object (sent through the typed client) or raw bytes (sent as they are). */
  request: Record<string, unknown> | Buffer;
  expected: { code: string; reason?: string; field?: string };
}

const STRINGS: [string, string][] = [
  ['empty', ''],
  ['70,000 characters', HUGE],
  ['unicode with a space', 'サーバー 名前'],
  ['a bidi override', 'abc\u202egnp.exe'],
  ['a lone surrogate', 'a\ud800b'],
  ['shell injection', "'; rm -rf /"],
  ['command substitution', '$(id)'],
  ['backticks and space', '`id` x'],
  ['path traversal', '../../etc/passwd'],
  ['markup', '<script>alert(1)</script>'],
  ['NUL', 'a\u0000b'],
  ['an escape sequence', '\u001b[31mred'],
  ['an option', '-rf'],
  ['an invalid UUID', '6f1c0b2e-3d4a-4b5c-8d9e-0f1a2b3c4d5z'],
  ['an unknown enum word', 'EXPLODE'],
  ['a bogus page token', 'AAAA!!!!'],
];
const NUMBERS: Record<string, [string, unknown][]> = {
  int32: [
    ['-1', -1],
    ['-2^31', -2147483648],
    ['2^31-1', 2147483647],
  ],
  uint32: [
    ['0', 0],
    ['2^32-1', 4294967295],
    ['-1 (wraps)', -1],
  ],
  int64: [
    ['-2', '-2'],
    ['2^63-1', '9223372036854775807'],
    ['-2^63', '-9223372036854775808'],
  ],
  uint64: [
    ['0', '0'],
    ['2^64-1', '18446744073709551615'],
  ],
  double: [['-1e308', -1e308]],
  bool: [],
  enum: [['an unknown enum', 'EXPLODE']],
};
const MAPS: [string, Record<string, string>][] = [
  ['an empty key', { '': 'v' }],
  ['a NUL in a key', { 'k\u0000': 'v' }],
  ['a huge value', { k: HUGE }],
  ['a huge key', { [HUGE]: 'v' }],
  ['300 entries', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 'v']))],
];

/** The bad values of a scalar of `kind`. */
function scalars(kind: Field['kind']): [string, unknown][] {
  if (kind === 'string') return STRINGS;
  if (kind === 'bytes') return [['70,000 bytes', Buffer.alloc(70_000, 0x41)]];
  return NUMBERS[kind] ?? [];
}

const unwrap = (s: z.ZodType): z.ZodType => {
  const def = s._zod.def as { type: string; innerType?: z.ZodType };
  return def.type === 'optional' && def.innerType ? unwrap(def.innerType) : s;
};
const elementOf = (s: z.ZodType): z.ZodType | undefined => (s._zod.def as { element?: z.ZodType }).element;

/** A value the field's schema accepts: its default, an example it declares, or a likely one. */
function validValue(f: Field, s: z.ZodType): unknown {
  const ex = (z.globalRegistry.get(s)?.examples as unknown[] | undefined) ?? [];
  const likely: Record<string, unknown[]> = {
    string: ['bad-input-base', UUID, '10.9.0.0/24', '10.9.0.5', 'vdc'],
    int32: [1, 0],
    uint32: [1, 0],
    int64: ['1', '0'],
    uint64: ['1', '0'],
  };
  for (const v of [defaultOf(f), ...ex, ...(likely[f.kind] ?? [])]) if (s.safeParse(v).success) return v;
  throw new Error(`no value of ${f.protoName} passes its schema: give its field schema an example`);
}

/** A request of `fields` that `schema` accepts (what each case changes one field of). */
function baseline(schema: z.ZodObject, fields: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const f of fields) {
    if (f.optional) continue;
    const s = unwrap(shape[f.name]!);
    out[f.name] = f.kind === 'message' ? [] : validValue(f, s);
  }
  return out;
}

/** The nested object schema of a repeated message field. */
function elementSchema(schema: z.ZodObject, f: Field): z.ZodObject {
  const s = elementOf(unwrap((schema.shape as Record<string, z.ZodType>)[f.name]!));
  return s as z.ZodObject;
}

const set = (base: Record<string, unknown>, path: readonly Step[], value: unknown): Record<string, unknown> => {
  const req = structuredClone(base);
  let node = req as Record<Step, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<Step, unknown>;
  node[path[path.length - 1]!] = value;
  return req;
};

/** Every (path, label, value) of bad values for `fields`, nested messages included. */
function* badValues(
  schema: z.ZodObject,
  fields: readonly Field[],
  base: Record<string, unknown>,
  at: Step[],
  label: string,
): Generator<{ path: Step[]; label: string; value: unknown; base: Record<string, unknown> }> {
  for (const f of fields) {
    const here = `${label}${f.protoName}`;
    const path = [...at, f.name];
    if (f.kind === 'map') {
      for (const [what, v] of MAPS) yield { path, label: `${here} ${what}`, value: v, base };
    } else if (f.kind === 'message') {
      const inner = elementSchema(schema, f);
      const element = baseline(inner, f.fields ?? []);
      yield { path, label: `${here} 10,000 items`, value: Array.from({ length: 10_000 }, () => element), base };
      const withOne = set(base, path, [element]);
      yield* badValues(inner, f.fields ?? [], withOne, [...path, 0], `${here}[0].`);
    } else if (f.repeated) {
      const valid = validValue(
        { ...f, repeated: false },
        elementOf(unwrap((schema.shape as Record<string, z.ZodType>)[f.name]!))!,
      );
      yield { path, label: `${here} 10,000 items`, value: Array.from({ length: 10_000 }, () => valid), base };
      for (const [what, v] of scalars(f.kind)) yield { path, label: `${here}[0] ${what}`, value: [v], base };
    } else {
      for (const [what, v] of scalars(f.kind)) yield { path, label: `${here} ${what}`, value: v, base };
    }
  }
}

const illFormed = (v: unknown): boolean =>
  typeof v === 'string'
    ? !v.isWellFormed()
    : Array.isArray(v)
      ? v.some(illFormed)
      : v !== null && typeof v === 'object' && !Buffer.isBuffer(v)
        ? Object.entries(v).some(([k, x]) => illFormed(k) || illFormed(x))
        : false;

/** A protobuf tag: field `n` with wire type `w`. */
const tag = (n: number, w: number): Buffer => {
  const bytes: number[] = [];
  let v = (n << 3) | w;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return Buffer.from(bytes);
};

/** Field `f` with a wire type its type does not have (a varint for length-delimited, and the reverse). */
function wrongWire(f: Field): Buffer | undefined {
  const delimited = f.kind === 'string' || f.kind === 'bytes' || f.kind === 'message' || f.kind === 'map';
  if (delimited) return Buffer.concat([tag(f.number, 0), Buffer.from([0x01])]);
  // A repeated number may come packed (length-delimited) or not: both are right.
  if (f.repeated) return undefined;
  return Buffer.concat([tag(f.number, 2), Buffer.from([0x01, 0x41])]);
}

/** Every case of the whole API. */
function generate(pkg: PackageDefinition, rpcs: readonly PublicRpc[]): { cases: Case[]; accepted: number } {
  const cases: Case[] = [];
  let accepted = 0;
  for (const rpc of rpcs) {
    const schema = PUBLIC_REQUESTS[rpc.requestType];
    assert.ok(schema, `${rpc.path}: no schema`);
    const codec = (
      pkg[rpc.service] as unknown as Record<
        string,
        { requestSerialize(v: unknown): Buffer; requestDeserialize(b: Buffer): unknown }
      >
    )[rpc.method]!;
    const base = baseline(schema, rpc.fields);
    checkRequest(schema, codec.requestDeserialize(codec.requestSerialize(base)));
    for (const c of badValues(schema, rpc.fields, base, [], '')) {
      const request = set(c.base, c.path, c.value);
      const label = `${rpc.method} ${c.label}`;
      if (illFormed(c.value)) {
        cases.push({ rpc, label, request, expected: { code: 'INVALID_ARGUMENT', reason: 'REQUEST_MALFORMED' } });
        continue;
      }
      // What the server decodes: what the client's encoding made of the value.
      const decoded = codec.requestDeserialize(codec.requestSerialize(request));
      try {
        checkRequest(schema, decoded);
        accepted++;
      } catch (err) {
        if (!(err instanceof StratoError)) throw err;
        const field = err.code === 'INVALID_ARGUMENT' ? err.details.field : undefined;
        cases.push({
          rpc,
          label,
          request,
          expected: { code: err.code, reason: err.reason, ...(field ? { field } : {}) },
        });
      }
    }
    for (const f of rpc.fields) {
      const raw = wrongWire(f);
      if (!raw) continue;
      cases.push({
        rpc,
        label: `${rpc.method} ${f.protoName} of the wrong wire type`,
        request: raw,
        expected: { code: 'INVALID_ARGUMENT', reason: 'REQUEST_MALFORMED' },
      });
    }
    cases.push({
      rpc,
      label: `${rpc.method} a message over the port's limit`,
      request: Buffer.alloc(MESSAGE_LIMITS.publicApi.request + 1024, 0x41),
      expected: { code: 'RESOURCE_EXHAUSTED' },
    });
  }
  return { cases, accepted };
}

/** An error message is a sentence: bounded, without raw control characters or a copy of the input. */
function impreciseMessage(err: StratoError): string | undefined {
  if (err.message.length > 400) return `a ${err.message.length}-character message`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach a terminal
  if (/[\u0000-\u001f\u007f]/.test(err.message)) return 'raw control characters in the message';
  if (/h{100}|A{100}/.test(err.message + JSON.stringify(err.details))) return 'the input echoed unbounded';
  return undefined;
}

describe('public API: a generated bad-input suite against the real conductor and a fake agent', () => {
  let env: ChildEnv | undefined;
  let agent: FakeAgent | undefined;
  let pkg: PackageDefinition;
  const clients = new Map<string, Record<string, (r: unknown) => Promise<unknown>>>();
  let raw: Client | undefined;
  /** The admin's token, for the raw calls too: an upload authenticates before it reads its stream. */
  let token = '';

  before(async () => {
    // Heartbeats are paused during the suite (they write the host's record):
    // the host must not go down meanwhile. Nor may the periodic network resync
    // (every 30 s by default) call the agent while the suite counts its calls.
    env = await startChildEnv({ hosts: [HOST], args: ['--down-time-s', '3600', '--network-resync-s', '3600'] });
    agent = await FakeAgent.start({ hostId: HOST, tlsDir: env.tls, registry: env.registryAddress });
    await uploadImage(env.admin, env.dir, 'bad-input-img', true);
    await env.admin.flavors.CreateFlavor({ name: 'bad-input-fl', vcpus: 1, ramMib: 64, diskGib: 1 });
    await env.admin.servers.CreateServer({ name: 'bad-input-srv', image: 'bad-input-img', flavor: 'bad-input-fl' });
    const s = await waitServer(env.admin, 'bad-input-srv', settled, 60_000);
    assert.equal(s.vmState, 'ACTIVE', `the server did not boot: ${s.fault?.message}`);
    assert.equal(agent.instances.size, 1);
    agent.pauseHeartbeats();
    let last = env.revision();
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = env.revision();
      if (now === last) break;
      last = now;
    }
    pkg = await loadProtoPackage();
    const ca = await readFile(join(env.tls, 'ca.crt'));
    token = (await env.admin.identity.Login({ username: 'admin', password: env.adminPassword, project: '' })).token;
    const grpcObject = toGrpcObject<GrpcObject>(pkg);
    for (const rpc of publicRpcs(pkg)) {
      if (clients.has(rpc.service)) continue;
      let ctor: unknown = grpcObject;
      for (const part of rpc.service.split('.')) ctor = (ctor as GrpcObject)[part];
      const client = connect(ctor as Parameters<typeof connect>[0], env.address, {
        credentials: credentials.createSsl(ca),
        interceptors: [bearerInterceptor(token)],
        retry: false,
        defaultDeadlineMs: 20_000,
        channelOptions: { 'grpc.ssl_target_name_override': 'conductor' },
      });
      clients.set(rpc.service, client as unknown as Record<string, (r: unknown) => Promise<unknown>>);
    }
    raw = new Client(env.address, credentials.createSsl(ca), { 'grpc.ssl_target_name_override': 'conductor' });
  });

  after(async () => {
    raw?.close();
    for (const c of clients.values()) (c as unknown as { close(): void }).close();
    await agent?.stop();
    await env?.close();
  });

  async function send(c: Case): Promise<StratoError | undefined> {
    if (Buffer.isBuffer(c.request)) return sendRaw(c.rpc, c.request);
    const client = clients.get(c.rpc.service)!;
    try {
      if (c.rpc.requestStream && c.rpc.responseStream) await bidi(client, c.rpc.method, c.request);
      else await client[c.rpc.method]!(c.rpc.requestStream ? [c.request] : c.request);
      return undefined;
    } catch (err) {
      if (isStratoError(err)) return err;
      throw err;
    }
  }

  /** A bidirectional call (connect() makes no promise of those): one message, half-closed, read to its end. */
  function bidi(client: unknown, method: string, request: unknown): Promise<void> {
    const raw = (
      client as {
        raw: Record<string, (o: { deadline: number }) => ClientDuplexStream<unknown, unknown>>;
      }
    ).raw;
    return new Promise((resolve, reject) => {
      const call = raw[method]!.call(raw, { deadline: Date.now() + 20_000 });
      call.on('data', () => {});
      call.on('end', () => resolve());
      call.on('error', (err: ServiceError) => reject(fromCallError(err)));
      call.write(request);
      call.end();
    });
  }

  function sendRaw(rpc: PublicRpc, body: Buffer): Promise<StratoError | undefined> {
    const id = (b: Buffer) => b;
    const opts = { deadline: Date.now() + 20_000 };
    const md = new Metadata();
    md.set('authorization', `Bearer ${token}`);
    return new Promise((resolve) => {
      const done = (e: ServiceError | null) => resolve(e ? fromCallError(e) : undefined);
      if (rpc.requestStream) {
        const call = raw!.makeClientStreamRequest(rpc.path, id, id, md, opts, done);
        call.write(body);
        call.end();
      } else {
        raw!.makeUnaryRequest(rpc.path, id, id, body, md, opts, done);
      }
    });
  }

  it('answers every case precisely, and changes nothing on the conductor or the host', async () => {
    const rpcs = publicRpcs(pkg);
    const { cases, accepted } = generate(pkg, rpcs);
    console.log(
      `bad-input: ${cases.length} malformed requests over ${rpcs.length} RPCs (${accepted} generated values are valid input, not sent)`,
    );
    assert.ok(cases.length >= 200, `only ${cases.length} cases`);
    const pid = env!.child.proc.pid;
    const logFrom = env!.child.output().length;
    const inventory = () => JSON.stringify([...agent!.instances].map(([id, i]) => [id, i.power]));
    const before = { inventory: inventory(), calls: agent!.calls.length };
    const problems: string[] = [];
    for (const c of cases) {
      const revision = env!.revision();
      const err = await send(c);
      if (err === undefined) {
        problems.push(`${c.label}: accepted`);
        continue;
      }
      const got = { code: err.code, reason: err.reason, field: err.details.field };
      const e = c.expected;
      if (got.code !== e.code || (e.reason && got.reason !== e.reason) || (e.field && got.field !== e.field)) {
        problems.push(`${c.label}: ${JSON.stringify(got)} ${err.message.slice(0, 120)}, expected ${JSON.stringify(e)}`);
      }
      const imprecise = impreciseMessage(err);
      if (imprecise) problems.push(`${c.label}: ${imprecise}`);
      if (env!.revision() !== revision)
        problems.push(`${c.label}: the store moved from ${revision} to ${env!.revision()}`);
    }
    assert.deepEqual(problems, []);
    assert.equal(inventory(), before.inventory, "the host's instances changed");
    assert.deepEqual(agent!.calls.slice(before.calls), [], 'the conductor called the agent');
    assert.equal(env!.child.proc.exitCode, null, 'the conductor exited');
    assert.equal(env!.child.proc.pid, pid);
    const bad = env!.child
      .output()
      .slice(logFrom)
      .split('\n')
      .filter((l) => /"level":(5|6)0|uncaught|unhandled|"internalReason"/i.test(l));
    assert.deepEqual(
      bad.map((l) => l.slice(0, 300)),
      [],
      'the conductor logged errors',
    );
  });
});
