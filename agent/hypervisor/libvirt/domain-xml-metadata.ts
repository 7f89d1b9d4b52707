// strato's <metadata> element: what a restarted agent needs to know about a domain it
// finds on the host (whose instance it is, which ports and volumes it holds) without
// asking the conductor. Every value is an attribute: attributes keep leading/trailing
// whitespace through libvirt's re-formatting, text nodes may not.
import type { InstanceMetadata } from '../instance-metadata.ts';
import { METADATA_NAMESPACE, METADATA_PREFIX } from './domain-metadata.ts';
import { el, renderXml, type XmlElement } from './domain-xml-writer.ts';

/**
 * `prefixed` (inside a domain XML): `<strato:instance xmlns:strato=…>` with prefixed
 * children. Unprefixed (for virDomainSetMetadata): plain `<instance>`; libvirt puts
 * it and its children into the namespace itself and refuses a snippet that already
 * declares one ("failed to create a new XML namespace", libvirt 9.0).
 */
export function metadataElement(meta: InstanceMetadata, prefixed = true): XmlElement {
  const n = (local: string): string => (prefixed ? `${METADATA_PREFIX}:${local}` : local);
  return el(
    n('instance'),
    {
      [`xmlns:${METADATA_PREFIX}`]: prefixed ? METADATA_NAMESPACE : undefined,
      specVersion: meta.specVersion,
      id: meta.instanceId,
      name: meta.name,
      projectId: meta.projectId,
      imageId: meta.imageId,
      createdAt: meta.createdAt,
    },
    el(n('flavor'), {
      name: meta.flavor.name,
      vcpus: meta.flavor.vcpus,
      ramMiB: meta.flavor.ramMiB,
      diskGiB: meta.flavor.diskGiB,
    }),
    el(
      n('ports'),
      {},
      ...meta.ports.map((p) =>
        el(n('port'), { id: p.id, mac: p.mac, networkId: p.networkId, tap: p.tap, bridge: p.bridge, mode: p.mode }),
      ),
    ),
    el(n('volumes'), {}, ...meta.volumes.map((v) => el(n('volume'), { id: v.id, target: v.target }))),
  );
}

/**
 * The metadata element alone, for virDomainSetMetadata(type ELEMENT,
 * key METADATA_PREFIX, uri METADATA_NAMESPACE) after a hot-plug changed ports or
 * volumes. Built from specs the agent already checked (instance-spec-validate.ts).
 */
export function buildMetadataXml(meta: InstanceMetadata): string {
  return renderXml(metadataElement(meta, false));
}
