// strato.compute.v1.KeyPairs: a thin adapter from gRPC messages to the key
// pairs (conductor/keypairs/keypairs.ts).
import type { KeyPair } from '../../common/gen/strato/compute/v1/KeyPair.ts';
import type { KeyPairsHandlers } from '../../common/gen/strato/compute/v1/KeyPairs.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import type { KeyPairs } from '../keypairs/keypairs.ts';
import type { KeyPairRecord } from '../keypairs/model.ts';
import { authenticate } from './auth.ts';

export function keyPairToProto(k: KeyPairRecord): KeyPair {
  return {
    name: k.name,
    type: k.type,
    publicKey: k.publicKey,
    fingerprint: k.fingerprint,
    bits: k.bits,
    userId: k.userId,
    createdAt: k.createdAt,
  };
}

export function keyPairsApi(identity: Identity, keyPairs: KeyPairs): Implementation<KeyPairsHandlers> {
  return {
    async CreateKeyPair(req, ctx) {
      const made = await keyPairs.create(await authenticate(ctx, identity), req.name);
      return { keyPair: keyPairToProto(made.keyPair), privateKey: made.privateKey };
    },
    async ImportKeyPair(req, ctx) {
      return keyPairToProto(await keyPairs.import(await authenticate(ctx, identity), req.name, req.publicKey));
    },
    async GetKeyPair(req, ctx) {
      return keyPairToProto(await keyPairs.get(await authenticate(ctx, identity), req.keyPair));
    },
    async ListKeyPairs(req, ctx) {
      const page = await keyPairs.list(await authenticate(ctx, identity), req);
      return { keyPairs: page.items.map(keyPairToProto), nextPageToken: page.nextPageToken };
    },
    async DeleteKeyPair(req, ctx) {
      await keyPairs.delete(await authenticate(ctx, identity), req.keyPair);
      return {};
    },
  };
}
