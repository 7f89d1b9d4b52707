// The durable part of an InstanceSpec: what every backend keeps with the domain itself
// (libvirt: its <metadata> element) so that a restarted agent learns, from the host
// alone, whose instance a domain is and which ports and volumes it was defined with.
import type { FlavorSpec, InstanceSpec, PortSpec, VolumeSpec } from './instance-spec.ts';
import { INSTANCE_SPEC_VERSION } from './instance-spec.ts';

/** A NIC as recorded: the spec's port without the MTU (a guest setting, not identity). */
export type PortRecord = Omit<PortSpec, 'mtu'>;

/** A volume as recorded: which one, and where the guest sees it. */
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
    ports: spec.ports.map((p) => ({
      id: p.id,
      mac: p.mac,
      networkId: p.networkId,
      tap: p.tap,
      bridge: p.bridge,
      mode: p.mode,
    })),
    volumes: spec.volumes.map((v) => ({ id: v.id, target: v.target })),
  };
}
