// strato.compute.v1.KeyPairs' requests. A key pair is named, never an id: a
// reference to one is a name, and one that is not a possible name is no key
// pair at all (NOT_FOUND, like any reference).
import { z } from 'zod';
import { PUBLIC_KEY_MAX } from '../../keypairs/public-key.ts';
import { name, pageSize, pageToken, type RequestSchemas, ref, rule } from './fields.ts';

export const keyPairsRequests: RequestSchemas = {
  'strato.compute.v1.CreateKeyPairRequest': z.object({ name }),
  // Only its length: a key file's line may end in a newline, and whether it is
  // a key of an accepted type and size (its comment sanitised) is the
  // domain's to say (parsePublicKey).
  'strato.compute.v1.ImportKeyPairRequest': z.object({
    name,
    publicKey: z
      .string()
      .check(
        rule('PUBLIC_KEY_INVALID', (v: string) =>
          v.length <= PUBLIC_KEY_MAX ? undefined : `is ${v.length} characters; at most ${PUBLIC_KEY_MAX}`,
        ),
      ),
  }),
  'strato.compute.v1.GetKeyPairRequest': z.object({ keyPair: ref('keypair') }),
  'strato.compute.v1.ListKeyPairsRequest': z.object({ pageSize, pageToken }),
  'strato.compute.v1.DeleteKeyPairRequest': z.object({ keyPair: ref('keypair') }),
};
