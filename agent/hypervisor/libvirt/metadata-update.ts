// Keeping strato's <metadata> true after a hot-plug: virDomainSetMetadata rewrites the
// element in the running domain and in its persistent definition, so a restarted agent
// reads from the host alone which ports and volumes an instance holds now (not only
// what it was defined with). Each half is read, changed and written on its own: a
// running domain whose definition was replaced meanwhile keeps both right. Callers
// serialise per instance (the instance manager's lock): this is read-modify-write.
import { isDeepStrictEqual } from 'node:util';
import type { InstanceMetadata } from '../instance-metadata.ts';
import { METADATA_NAMESPACE, METADATA_PREFIX, parseDomainMetadata } from './domain-metadata.ts';
import { buildMetadataXml } from './domain-xml-metadata.ts';
import { AffectFlags, XmlFlags } from './flags.ts';
import type { LibvirtClient } from './libvirt-client.ts';

/**
 * Applies `change` to the metadata of domain `name` (`active`: it runs, so the live
 * half is changed too). A half whose metadata is unchanged is not written; a domain
 * without strato metadata is left alone.
 */
export async function updateDomainMetadata(
  client: LibvirtClient,
  name: string,
  active: boolean,
  change: (meta: InstanceMetadata) => InstanceMetadata,
): Promise<void> {
  const halves: [affect: number, xmlFlags: number][] = [[AffectFlags.CONFIG, XmlFlags.INACTIVE]];
  if (active) halves.unshift([AffectFlags.LIVE, 0]);
  for (const [affect, xmlFlags] of halves) {
    const meta = parseDomainMetadata(await client.getDomainXml(name, xmlFlags));
    if (meta === undefined) continue;
    const next = change(meta);
    if (isDeepStrictEqual(next, meta)) continue;
    await client.setDomainMetadata(name, buildMetadataXml(next), METADATA_PREFIX, METADATA_NAMESPACE, affect);
  }
}
