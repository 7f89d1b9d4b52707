// The loader options and the generator flags must describe the same mapping.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  genTypesArgs,
  listProtoFiles,
  loadProtoPackage,
  PROTO_DIR,
  PROTO_OPTIONS,
  protoFilesDeclaring,
} from '../../../common/proto.ts';

describe('proto loading', () => {
  it('derives the generator flags from PROTO_OPTIONS', () => {
    const args = genTypesArgs();
    assert.ok(args.includes('--longs=String'));
    assert.ok(args.includes('--enums=String'));
    assert.equal(args.includes('--keepCase'), PROTO_OPTIONS.keepCase);
    assert.equal(args.includes('--defaults'), PROTO_OPTIONS.defaults);
    assert.equal(args.includes('--oneofs'), PROTO_OPTIONS.oneofs);
  });

  it('lists the vendored protos in a stable order', async () => {
    const files = await listProtoFiles(PROTO_DIR);
    assert.ok(files.includes('google/rpc/status.proto'));
    assert.deepEqual(files, [...files].sort());
  });

  it('loads with the agreed mapping (camelCase fields, string longs, defaults)', async () => {
    const pkg = await loadProtoPackage(['google/rpc/error_details.proto']);
    const def = pkg['google.rpc.ErrorInfo'];
    assert.ok(def && 'type' in def, 'message type present');
    const badRequest = pkg['google.rpc.BadRequest'] as { type: { field: { name: string; jsonName?: string }[] } };
    assert.equal(badRequest.type.field[0]?.name, 'fieldViolations');
  });

  it('finds the files that declare given services (what a port describes through reflection)', async () => {
    assert.deepEqual(await protoFilesDeclaring(['strato.agent.v1.Agent', 'strato.agent.v1.AgentNetwork']), [
      'strato/agent/v1/agent.proto',
      'strato/agent/v1/agent_network.proto',
    ]);
    assert.deepEqual(await protoFilesDeclaring(['strato.host.v1.Registry']), ['strato/host/v1/host.proto']);
    const pub = await protoFilesDeclaring(['strato.compute.v1.Servers', 'strato.network.v1.Ports']);
    assert.deepEqual(pub, ['strato/compute/v1/server.proto', 'strato/network/v1/network.proto']);
    const pkg = await loadProtoPackage(pub);
    assert.ok(pkg['strato.compute.v1.Flavor'], 'imports come along');
    assert.equal(pkg['strato.agent.v1.Agent'], undefined, 'nothing else does');
    await assert.rejects(
      protoFilesDeclaring(['strato.nope.v1.Nope']),
      /no proto file .* declares strato\.nope\.v1\.Nope/,
    );
  });
});
