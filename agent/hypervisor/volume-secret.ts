// The name of the hypervisor secret that holds a volume's CHAP password: its usage
// `strato-volume-<volume id>` (libvirt: a secret of usage type iscsi). One secret per
// volume (one attachment per volume, the conductor's rule), so the name is the key
// for defining, finding and removing it, and the prefix marks the secrets that are
// strato's: clean-up never touches a secret named otherwise.

export const VOLUME_SECRET_PREFIX = 'strato-volume-';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const volumeSecretUsage = (volumeId: string): string => `${VOLUME_SECRET_PREFIX}${volumeId}`;

/** The volume a strato secret usage names; undefined for anybody else's secret. */
export function volumeOfSecretUsage(usage: string): string | undefined {
  if (!usage.startsWith(VOLUME_SECRET_PREFIX)) return undefined;
  const id = usage.slice(VOLUME_SECRET_PREFIX.length);
  return UUID.test(id) ? id : undefined;
}
