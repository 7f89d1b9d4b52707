// The durable part of an InstanceSpec: what every backend keeps with the domain itself
// (libvirt: its <metadata> element) so that a restarted agent learns, from the host
// alone, whose instance a domain is and which ports and volumes it was defined with.
import {
  type FlavorSpec,
  INSTANCE_SPEC_VERSION,
  type InstanceSpec,
  type PortSpec,
  specVolumes,
  type VolumeSpec,
} from './instance-spec.ts';

/** A NIC as recorded: the spec's port without the MTU (a guest setting, not identity). */
export type PortRecord = Omit<PortSpec, 'mtu'>;

/** A volume as recorded: which one, and where the guest sees it (`vda`: the root disk of a boot from volume). */
export type VolumeRecord = Pick<VolumeSpec, 'id' | 'target'>;

export interface InstanceMetadata {
  specVersion: number;
  instanceId: string;
  name: string;
  projectId: string;
  imageId: string;
  createdAt: string;
  flavor: FlavorSpec;
  ports: PortRecord[];
  volumes: VolumeRecord[];
}

/** What a backend records for `spec` at define time (and gives back from `Hypervisor.metadata`). */
export function metadataFromSpec(spec: InstanceSpec): InstanceMetadata {
  return {
    specVersion: INSTANCE_SPEC_VERSION,
    instanceId: spec.id,
    name: spec.name,
    projectId: spec.projectId,
    imageId: spec.imageId,
    createdAt: spec.createdAt,
    flavor: { ...spec.flavor },
    ports: spec.ports.map(portRecordOf),
    volumes: specVolumes(spec).map((v) => ({ id: v.id, target: v.target })),
  };
}

/** A port as recorded. */
export function portRecordOf(p: PortSpec): PortRecord {
  return { id: p.id, mac: p.mac, networkId: p.networkId, tap: p.tap, bridge: p.bridge, mode: p.mode };
}

// After a hot-plug: how every backend changes the record (libvirt: virDomainSetMetadata).
// Each returns `meta` itself when nothing changes.

/** The port plugged: recorded unless a NIC with its MAC is already (that one keeps its identity). */
export function withPort(meta: InstanceMetadata, port: PortSpec): InstanceMetadata {
  if (meta.ports.some((r) => r.mac === port.mac)) return meta;
  return { ...meta, ports: [...meta.ports, portRecordOf(port)] };
}

export function withoutPort(meta: InstanceMetadata, tap: string): InstanceMetadata {
  if (!meta.ports.some((r) => r.tap === tap)) return meta;
  return { ...meta, ports: meta.ports.filter((r) => r.tap !== tap) };
}

export function withVolume(meta: InstanceMetadata, v: VolumeRecord): InstanceMetadata {
  if (meta.volumes.some((r) => r.id === v.id && r.target === v.target)) return meta;
  const others = meta.volumes.filter((r) => r.id !== v.id && r.target !== v.target);
  return { ...meta, volumes: [...others, { id: v.id, target: v.target }] };
}

export function withoutVolume(meta: InstanceMetadata, volumeId: string): InstanceMetadata {
  if (!meta.volumes.some((r) => r.id === volumeId)) return meta;
  return { ...meta, volumes: meta.volumes.filter((r) => r.id !== volumeId) };
}
