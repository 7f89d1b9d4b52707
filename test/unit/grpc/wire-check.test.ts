// The strict request decoding of servers (common/grpc/wire-check.ts and
// request-decoding.ts): what the real serializer writes passes and decodes as
// before; bytes that are not the message are named precisely, never thrown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MethodDefinition } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { MalformedRequest, strictRequestDecoding } from '../../../common/grpc/request-decoding.ts';
import { type MessageShape, wireProblem } from '../../../common/grpc/wire-check.ts';
import { loadProtoPackage } from '../../../common/proto.ts';

type Method = MethodDefinition<Record<string, unknown>, unknown>;

let pkg: PackageDefinition | undefined;
async function method(service: string, name: string): Promise<Method> {
  pkg ??= await loadProtoPackage();
  return (pkg[service] as Record<string, Method>)[name]!;
}

/** A strict decode of `bytes` for the method: the request, or the problem. */
function decode(m: Method, bytes: number[] | Buffer): unknown {
  return strictRequestDecoding(m).requestDeserialize(Buffer.from(bytes));
}
function problem(m: Method, bytes: number[] | Buffer): string {
  const out = decode(m, bytes);
  assert.ok(out instanceof MalformedRequest, `decoded: ${JSON.stringify(out)}`);
  return out.problem;
}

describe('strict request decoding', () => {
  it('decodes what the serializer writes exactly as the plain decoder does', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['strato.compute.v1.Servers', 'GetServer', { server: 'web-1' }],
      [
        'strato.compute.v1.Servers',
        'CreateServer',
        {
          name: 'vm',
          image: 'img',
          flavor: 'm1.tiny',
          userData: Buffer.from([0xff, 0xfe, 0x00]),
          host: 'hv-1',
          metadata: { role: 'web', ünïcode: '✓' },
          networks: [{ network: 'n1', fixedIp: '10.0.0.5' }, { port: 'p1' }],
        },
      ],
      [
        'strato.network.v1.Subnets',
        'CreateSubnet',
        {
          name: 's',
          network: 'n',
          cidr: '10.0.0.0/24',
          allocationPools: [{ start: '10.0.0.10', end: '10.0.0.20' }],
          dnsServers: ['10.0.0.2', '10.0.0.3'],
          disableDhcp: true,
        },
      ],
      [
        'strato.network.v1.SecurityGroups',
        'CreateSecurityGroupRule',
        { securityGroup: 'g', direction: 'ingress', protocol: 'icmp', icmpType: 8, icmpCode: 0, portRangeMax: 65535 },
      ],
      ['strato.identity.v1.Identity', 'ListProjects', { pageSize: -1, pageToken: 't' }],
    ];
    for (const [service, name, req] of cases) {
      const m = await method(service, name);
      const bytes = m.requestSerialize(req);
      assert.deepEqual(decode(m, bytes), m.requestDeserialize(bytes), `${service}/${name}`);
    }
  });

  it('skips fields it does not know (proto3 compatibility)', async () => {
    const m = await method('strato.compute.v1.Servers', 'GetServer');
    // field 9 as a varint, field 10 as a string, then field 1.
    const bytes = [0x48, 0x96, 0x01, 0x52, 0x01, 0x41, 0x0a, 0x01, 0x61];
    assert.deepEqual(decode(m, bytes), { server: 'a' });
  });

  it('names the field and the problem for bytes that are not the message', async () => {
    const get = await method('strato.compute.v1.Servers', 'GetServer');
    const table: [number[], RegExp][] = [
      [[0x0f, 0x01], /^field 1 \(server\) has wire type 7, which does not exist$/],
      [[0x0d, 1, 2, 3, 4], /^field 1 \(server\) has wire type 5 \(I32\); string fields use 2 \(LEN\)$/],
      [[0x08, 0x01], /^field 1 \(server\) has wire type 0 \(VARINT\)/],
      [[0x0b], /^field 1 \(server\) is a group/],
      [[0x0a, 0x7f, 0x61], /^field 1 \(server\) runs past the end of the message$/],
      [[0x0a, 0x02, 0xff, 0xfe], /^field 1 \(server\) is not valid UTF-8$/],
      [[0x0a, 0x80], /^field 1 \(server\) has a broken length$/],
      [[0x02, 0x00], /^a field has number 0/],
      [[0x80], /^a field tag at byte 1 is not a valid varint$/],
      [[0x55, 0x01], /^field 10 runs past the end of the message$/],
    ];
    for (const [bytes, want] of table) assert.match(problem(get, bytes), want, JSON.stringify(bytes));
    const create = await method('strato.compute.v1.Servers', 'CreateServer');
    // networks[0].network sent as a varint.
    assert.match(
      problem(create, [0x3a, 0x02, 0x08, 0x01]),
      /^in field 7 \(networks\): field 1 \(network\) has wire type 0/,
    );
    // a metadata entry whose value is a fixed64.
    assert.match(
      problem(create, [0x32, 0x0c, 0x0a, 0x01, 0x6b, 0x11, 1, 2, 3, 4, 5, 6, 7, 8]),
      /^in field 6 \(metadata\): field 2 \(value\) has wire type 1/,
    );
    // bytes are not text: any byte is fine there.
    assert.deepEqual(
      (decode(create, [0x22, 0x02, 0xff, 0xfe]) as { userData: Buffer }).userData,
      Buffer.from([0xff, 0xfe]),
    );
  });

  it('makes the error INVALID_ARGUMENT/REQUEST_MALFORMED naming the request type', async () => {
    const out = decode(await method('strato.compute.v1.Servers', 'GetServer'), [0x0f]);
    assert.ok(out instanceof MalformedRequest);
    const err = out.error();
    assert.equal(`${err.code}/${err.reason}`, 'INVALID_ARGUMENT/REQUEST_MALFORMED');
    assert.equal(
      err.message,
      'the request is not a valid strato.compute.v1.GetServerRequest: field 1 (server) has wire type 7, which does not exist',
    );
  });
});

describe('wire check of packed repeated scalars', () => {
  const shape: MessageShape = {
    name: 'Packed',
    nestedType: [],
    field: [
      { name: 'ids', number: 1, type: 'TYPE_UINT32', label: 'LABEL_REPEATED', typeName: '' },
      { name: 'weights', number: 2, type: 'TYPE_FIXED32', label: 'LABEL_REPEATED', typeName: '' },
    ],
  };
  const check = (bytes: number[]) => wireProblem(Uint8Array.from(bytes), 't.Packed', shape, () => undefined);

  it('accepts packed and unpacked encodings', () => {
    assert.equal(check([0x0a, 0x03, 0x01, 0x96, 0x01]), undefined);
    assert.equal(check([0x08, 0x01, 0x08, 0x02]), undefined);
    assert.equal(check([0x12, 0x04, 1, 2, 3, 4]), undefined);
  });

  it('refuses broken packed contents', () => {
    assert.match(check([0x0a, 0x01, 0x96]) ?? '', /field 1 \(ids\) holds a broken varint/);
    assert.match(check([0x12, 0x03, 1, 2, 3]) ?? '', /field 2 \(weights\) holds a partial 4-byte value/);
  });
});
