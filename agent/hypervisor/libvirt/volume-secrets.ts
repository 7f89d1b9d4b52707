// A volume's CHAP password as a libvirt secret: usage type iscsi, usage
// `strato-volume-<volume id>` (../volume-secret.ts), which the volume's disk names.
// Private (libvirt never hands the value back through its API) and ephemeral (never
// written to disk; it lives in libvirtd's memory, so a libvirtd restart loses it and
// the agent defines it again: see agent/reconcile/). Define, set and remove are
// idempotent and keyed by the usage, never by libvirt's generated uuid.
import { isStratoError } from '../../../common/errors.ts';
import { volumeOfSecretUsage, volumeSecretUsage } from '../volume-secret.ts';
import { el, renderXml, textEl } from './domain-xml-writer.ts';
import { SecretUsageType } from './flags.ts';
import type { LibvirtClient } from './libvirt-client.ts';
import type { SecretRef } from './remote-types.ts';

/** The secret's definition (no value: that is set apart, and never appears in XML). */
export function volumeSecretXml(volumeId: string): string {
  return renderXml(
    el(
      'secret',
      { ephemeral: 'yes', private: 'yes' },
      textEl('description', `strato: CHAP password of volume ${volumeId}`),
      el('usage', { type: 'iscsi' }, textEl('target', volumeSecretUsage(volumeId))),
    ),
  );
}

async function lookup(client: LibvirtClient, volumeId: string): Promise<SecretRef | undefined> {
  try {
    return await client.lookupSecretByUsage(SecretUsageType.ISCSI, volumeSecretUsage(volumeId));
  } catch (err) {
    if (isStratoError(err, 'NOT_FOUND')) return undefined;
    throw err;
  }
}

/** Defines the volume's secret if missing, and sets its value (again: a new attachment may bring a new password). */
export async function setVolumeSecret(client: LibvirtClient, volumeId: string, value: string): Promise<void> {
  const existing = await lookup(client, volumeId);
  const secret = existing ?? (await client.defineSecret(volumeSecretXml(volumeId)));
  try {
    await client.setSecretValue(secret, value);
  } catch (err) {
    // A secret this call made without a value would only stand in the way.
    if (existing === undefined) await client.undefineSecret(secret).catch(() => {});
    throw err;
  }
}

export async function removeVolumeSecret(client: LibvirtClient, volumeId: string): Promise<void> {
  const secret = await lookup(client, volumeId);
  if (secret === undefined) return;
  try {
    await client.undefineSecret(secret);
  } catch (err) {
    if (!isStratoError(err, 'NOT_FOUND')) throw err;
  }
}

/** Volume ids of the strato volume secrets libvirtd holds (anybody else's are not listed). */
export async function listVolumeSecrets(client: LibvirtClient): Promise<string[]> {
  const ids: string[] = [];
  for (const s of await client.listSecrets()) {
    const id = s.usageType === SecretUsageType.ISCSI ? volumeOfSecretUsage(s.usageId) : undefined;
    if (id !== undefined) ids.push(id);
  }
  return ids.sort();
}
