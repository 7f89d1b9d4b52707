// Where key pairs live in the store:
//
//   /keypairs/<userId>/<name>   KeyPairRecord   a user's key pairs, in name order
//
// Names follow conductor/naming/names.ts, so a key is always valid; a create op
// makes a name unique per user even under concurrent creates.

export const KEYPAIRS = '/keypairs/';
export const userKeyPairsPrefix = (userId: string): string => `${KEYPAIRS}${userId}/`;
export const keyPairKey = (userId: string, name: string): string => userKeyPairsPrefix(userId) + name;
