// Key pairs as stored, and where (keys.ts). A key pair belongs to one user, as
// in Nova: it is a personal credential (its private key went to one person),
// so no one else — not the user's teammates, not another project — sees, uses
// or deletes it (NOT_FOUND). Its name is unique per user. Only the public key
// and its fingerprint are kept; a generated private key is returned once.
import type { KeyType } from './public-key.ts';

export interface KeyPairRecord {
  name: string;
  userId: string;
  /** The project the user was in when it was made (shown; not what scopes it). */
  projectId: string;
  type: KeyType;
  /** The canonical OpenSSH line (type, base64 key, sanitised comment). */
  publicKey: string;
  /** SHA256:<base64>, as ssh-keygen -l prints it. */
  fingerprint: string;
  bits: number;
  createdAt: string;
}
