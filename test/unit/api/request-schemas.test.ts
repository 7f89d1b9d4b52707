// The public API's one schema layer (conductor/api/schemas): walked against the
// protos, every public RPC has a schema with exactly its request's fields, of
// the types the decoder produces; the hook fails closed; and the errors are the
// API's (INVALID_ARGUMENT/<reason> naming the field as the proto spells it,
// NOT_FOUND for a reference that can name nothing).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { MethodDefinition } from '@grpc/grpc-js';
import type { z } from 'zod';
import { StratoError } from '../../../common/errors.ts';
import { loadProtoPackage } from '../../../common/proto.ts';
import { PUBLIC_REQUESTS } from '../../../conductor/api/schemas/public-requests.ts';
import {
  checkRequest,
  requestValidation,
  validatePublicRequest,
} from '../../../conductor/api/schemas/request-check.ts';
import { MAX_USER_DATA_BYTES } from '../../../conductor/compute/validate.ts';
import { defaultRequest, type Field, type PublicRpc, publicRpcs } from '../../harness/proto-requests.ts';

/** The object schema inside optional/array wrappers, if any. */
function objectIn(schema: z.ZodType): z.ZodObject | undefined {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType };
  if (def.type === 'object') return schema as z.ZodObject;
  if (def.type === 'optional' && def.innerType) return objectIn(def.innerType);
  if (def.type === 'array' && def.element) return objectIn(def.element);
  return undefined;
}

/** Where `schema`'s fields and the proto's differ (missing, invented, nested). */
function mismatches(where: string, schema: z.ZodObject, fields: readonly Field[]): string[] {
  const out: string[] = [];
  const shape = schema.shape as Record<string, z.ZodType>;
  const names = new Set(fields.map((f) => f.name));
  for (const f of fields) {
    const s = shape[f.name];
    if (!s) {
      out.push(`${where}.${f.protoName}: no schema`);
      continue;
    }
    if (f.optional !== s.safeParse(undefined).success) {
      out.push(`${where}.${f.protoName}: ${f.optional ? 'may be absent but the schema requires it' : 'not optional'}`);
    }
    if (f.kind === 'message') {
      const inner = objectIn(s);
      if (!inner) out.push(`${where}.${f.protoName}: a message, but its schema is no object`);
      else out.push(...mismatches(`${where}.${f.protoName}`, inner, f.fields ?? []));
    }
  }
  for (const k of Object.keys(shape))
    if (!names.has(k)) out.push(`${where}: schema field ${k} is no field of the proto`);
  return out;
}

const method = (path: string) => ({ path }) as MethodDefinition<unknown, unknown>;

function refusal(type: string, request: Record<string, unknown>): StratoError {
  const schema = PUBLIC_REQUESTS[type];
  assert.ok(schema, type);
  try {
    checkRequest(schema, request);
  } catch (err) {
    assert.ok(err instanceof StratoError, String(err));
    return err;
  }
  assert.fail(`${type} ${JSON.stringify(request).slice(0, 200)} was accepted`);
}

function accepts(type: string, request: Record<string, unknown>): void {
  checkRequest(PUBLIC_REQUESTS[type]!, request);
}

describe('request schemas, walked from the protos', () => {
  let rpcs: PublicRpc[];
  before(async () => {
    rpcs = publicRpcs(await loadProtoPackage());
  });

  it('cover every public RPC, each with exactly its request fields', () => {
    assert.ok(rpcs.length >= 60, `only ${rpcs.length} public RPCs found`);
    const problems: string[] = [];
    for (const rpc of rpcs) {
      const schema = PUBLIC_REQUESTS[rpc.requestType];
      if (!schema) problems.push(`${rpc.path}: no schema for ${rpc.requestType}`);
      else problems.push(...mismatches(rpc.requestType, schema, rpc.fields));
    }
    const used = new Set(rpcs.map((r) => r.requestType));
    for (const type of Object.keys(PUBLIC_REQUESTS))
      if (!used.has(type)) problems.push(`${type}: no public RPC takes it`);
    assert.deepEqual(problems, []);
  });

  it('take the types the decoder produces: a request of defaults fails, if at all, on a rule, not a type', () => {
    const problems: string[] = [];
    for (const rpc of rpcs) {
      const r = PUBLIC_REQUESTS[rpc.requestType]!.safeParse(defaultRequest(rpc.fields));
      for (const issue of r.error?.issues ?? []) {
        if (issue.code !== 'custom') problems.push(`${rpc.requestType}.${issue.path.join('.')}: ${issue.code}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('fail closed: a service whose request has no schema cannot be added', () => {
    const hook = requestValidation({});
    assert.throws(() => hook(method('/strato.x.v1.X/Y'), 'strato.x.v1.YRequest'), /no request schema/);
    assert.equal(
      typeof validatePublicRequest(
        method('/strato.compute.v1.Servers/GetServer'),
        'strato.compute.v1.GetServerRequest',
      ),
      'function',
    );
  });
});

describe('request schema errors', () => {
  const create = (over: Record<string, unknown>) => ({
    name: 'vm-1',
    image: 'cirros',
    flavor: 'm1.tiny',
    userData: Buffer.alloc(0),
    host: '',
    metadata: {},
    networks: [],
    bootVolume: '',
    bootFromImageVolumeGib: 0,
    deleteVolumeOnTermination: false,
    keyName: '',
    ...over,
  });
  const CREATE = 'strato.compute.v1.CreateServerRequest';

  it('accepts names of any script with punctuation and symbols, and refuses what is not a name', () => {
    for (const name of ['vm-1.test_a', 'données', '<a&b>', `'q"`, '$(id)', '../up', 'サーバー', 'a/b', '😀']) {
      accepts(CREATE, create({ name }));
    }
    for (const bad of [
      '',
      '-x',
      'has space',
      'tab\there',
      'x'.repeat(64),
      '0e6c1a5e-5a3b-4c1e-9b1e-2a2b3c4d5e6f',
      'a\u202eb',
      'nul\u0000',
    ]) {
      const err = refusal(CREATE, create({ name: bad }));
      assert.equal(err.code, 'INVALID_ARGUMENT', bad);
      assert.equal(err.reason, 'NAME_INVALID', bad);
      assert.equal(err.details.field, 'name');
      assert.match(err.message, /^name /);
    }
  });

  it('limits user data to what the agent writes on the config drive', () => {
    accepts(CREATE, create({ userData: Buffer.alloc(MAX_USER_DATA_BYTES) }));
    const err = refusal(CREATE, create({ userData: Buffer.alloc(MAX_USER_DATA_BYTES + 1) }));
    assert.equal(err.reason, 'USER_DATA_TOO_LARGE');
    assert.equal(err.details.field, 'user_data');
  });

  it('bounds metadata', () => {
    accepts(CREATE, create({ metadata: { a: 'b' } }));
    const many = Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`k${i}`, 'v']));
    for (const metadata of [{ '': 'x' }, { k: 'v'.repeat(256) }, many, { k: 'a\u001bb' }]) {
      const err = refusal(CREATE, create({ metadata }));
      assert.equal(err.reason, 'METADATA_INVALID');
      assert.equal(err.details.field, 'metadata');
    }
  });

  it('names a nested field as the proto spells it', () => {
    const err = refusal(CREATE, create({ networks: [{ network: 'n', port: '', fixedIp: '10.0.0.300' }] }));
    assert.equal(err.reason, 'IP_ADDRESS_INVALID');
    assert.equal(err.details.field, 'networks[0].fixed_ip');
    assert.match(err.message, /^networks\[0\]\.fixed_ip "10\.0\.0\.300" is not an IPv4 address$/);
    const nine = Array.from({ length: 9 }, () => ({ network: 'n', port: '', fixedIp: '' }));
    assert.equal(refusal(CREATE, create({ networks: nine })).reason, 'TOO_MANY_NETWORKS');
  });

  it('answers a reference that can name nothing NOT_FOUND, quoting a bound of it', () => {
    const err = refusal('strato.compute.v1.GetServerRequest', { server: 'x'.repeat(60_000) });
    assert.equal(err.code, 'NOT_FOUND');
    assert.equal(err.reason, 'SERVER_NOT_FOUND');
    assert.ok(err.message.length < 200, err.message);
    const host = refusal('strato.host.v1.GetHostRequest', { host: 'a b' });
    assert.equal(host.reason, 'HOST_NOT_FOUND');
    const missing = refusal('strato.compute.v1.GetServerRequest', { server: '' });
    assert.equal(missing.code, 'INVALID_ARGUMENT');
    assert.equal(missing.reason, 'FIELD_REQUIRED');
    assert.equal(missing.details.field, 'server');
  });

  it('holds numbers, enums, CIDRs and page tokens to their rules', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'strato.compute.v1.CreateFlavorRequest',
        { name: 'f', vcpus: 0, ramMib: 1, diskGib: 1 },
        'FLAVOR_INVALID',
        'vcpus',
      ],
      [
        'strato.compute.v1.ServerActionRequest',
        { server: 's', action: 'explode', hard: false },
        'ACTION_INVALID',
        'action',
      ],
      [
        'strato.network.v1.CreateSubnetRequest',
        {
          name: 's',
          network: 'n',
          cidr: '10.0.0.0/33',
          gatewayIp: '',
          allocationPools: [],
          dnsServers: [],
          disableDhcp: false,
        },
        'CIDR_INVALID',
        'cidr',
      ],
      [
        'strato.compute.v1.ListServersRequest',
        { pageSize: -1, pageToken: '', allProjects: false },
        'PAGE_SIZE_INVALID',
        'page_size',
      ],
      [
        'strato.compute.v1.ListServersRequest',
        { pageSize: 0, pageToken: '../../etc/passwd', allProjects: false },
        'PAGE_TOKEN_INVALID',
        'page_token',
      ],
      [
        'strato.identity.v1.SetQuotaRequest',
        { project: 'p', instances: '99999999999999999' },
        'QUOTA_LIMIT_INVALID',
        'instances',
      ],
      [
        'strato.volume.v1.CreateVolumeRequest',
        { name: 'v', description: '', sizeGib: 1, backend: 'tape' },
        'BACKEND_INVALID',
        'backend',
      ],
    ];
    for (const [type, req, reason, field] of cases) {
      const err = refusal(type, req);
      assert.equal(err.code, 'INVALID_ARGUMENT', `${type}: ${err.message}`);
      assert.equal(err.reason, reason, `${type}: ${err.message}`);
      assert.equal(err.details.field, field);
    }
    accepts('strato.identity.v1.SetQuotaRequest', { project: 'p', instances: '-1' });
  });

  it("answers with a domain's own error where the edge applies the domain's check", () => {
    const issue = { host: 'hv-1', ipAddresses: ['10.0.0.1', 'not-an-ip'], dnsNames: [], validityDays: 0 };
    const err = refusal('strato.host.v1.IssueHostCertificateRequest', issue);
    assert.equal(err.reason, 'IP_ADDRESS_INVALID');
    assert.equal(err.details.field, 'ip_addresses');
    assert.match(err.message, /^ip_addresses\[1\] must be an IPv4 or IPv6 address/);
    const reserved = refusal('strato.host.v1.IssueHostCertificateRequest', {
      ...issue,
      host: 'conductor',
      ipAddresses: [],
    });
    assert.equal(reserved.reason, 'HOST_ID_RESERVED');
    assert.equal(refusal('strato.identity.v1.RevokeTokenRequest', { token: 'x' }).reason, 'TOKEN_MALFORMED');
  });
});
