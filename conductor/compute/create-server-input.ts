// What CreateServer asks of the compute service once the API edge checked each
// field's format (conductor/api/schemas/servers.ts), and the key pair lookup it needs.
import type { Principal } from '../identity/model.ts';
import type { NicRequest } from './nics.ts';

export interface CreateServerInput {
  name: string;
  image: string;
  flavor: string;
  userData?: Uint8Array;
  host?: string;
  metadata?: Record<string, string>;
  /** NICs in guest order. */
  networks?: NicRequest[];
  /** Boot from this volume (id or name) instead of the image ('' or absent: none). */
  bootVolume?: string;
  /** With image: boot from a new volume of this many GiB made from it (0 or absent: none). */
  bootFromImageVolumeGib?: number;
  /** With a volume to boot from: delete it with the server. */
  deleteVolumeOnTermination?: boolean;
  /** One of the caller's key pairs ('' or absent: none). */
  keyName?: string;
  /** false: no config drive (the guest reads the metadata service). Absent: a drive. */
  configDrive?: boolean;
}

/** The caller's key pairs as a server create needs them (conductor/keypairs, wired in main.ts). */
export interface KeyPairLookup {
  /** Errors: NOT_FOUND/KEYPAIR_NOT_FOUND naming `field` (also another user's). */
  get(p: Principal, name: string, field: string): Promise<{ name: string; publicKey: string }>;
}
