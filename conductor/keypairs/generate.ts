// A new key pair made by the conductor: Ed25519, through node:crypto. Ed25519
// rather than RSA 3072: it is made in microseconds (RSA 3072 takes hundreds of
// milliseconds of CPU per key, on the conductor's event loop), its keys are
// short, it has no parameters to get wrong, and every OpenSSH since 6.5 (2014)
// and cloud-init accept it (ssh-keygen's default type since OpenSSH 9.5).
// The private key leaves in OpenSSH's own format (PROTOCOL.key: the
// "openssh-key-v1" container, unencrypted), which ssh and ssh-keygen read.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type PublicKey, sanitizeComment } from './public-key.ts';
import { uint32, wireString } from './ssh-wire.ts';

const AUTH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');
const BLOCK = 8; // the cipher "none" pads to 8 bytes

export interface GeneratedKeyPair {
  publicKey: PublicKey;
  /** PEM-armoured "OPENSSH PRIVATE KEY"; shown once, never stored. */
  privateKeyPem: string;
}

export function generateEd25519(comment: string): GeneratedKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  const clean = sanitizeComment(comment);
  const blob = Buffer.concat([wireString('ssh-ed25519'), wireString(pub)]);
  const check = randomBytes(4);
  const parts = [
    check,
    check,
    wireString('ssh-ed25519'),
    wireString(pub),
    wireString(Buffer.concat([seed, pub])),
    wireString(clean),
  ];
  let section = Buffer.concat(parts);
  const pad = (BLOCK - (section.length % BLOCK)) % BLOCK;
  section = Buffer.concat([section, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    AUTH_MAGIC,
    wireString('none'),
    wireString('none'),
    wireString(''),
    uint32(1),
    wireString(blob),
    wireString(section),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    publicKey: { type: 'ssh-ed25519', blob, comment: clean, bits: 256 },
    privateKeyPem: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
  };
}
