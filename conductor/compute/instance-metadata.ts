// What the metadata service tells a guest about itself (Registry.GetInstanceMetadata):
// the server whose port on a network holds a fixed address, answered only to a
// host that serves metadata to that network (network/metadata-hosts.ts). The
// guest is known by its source address alone; anti-spoofing on its port makes
// that address its own, and the network scopes it, so two projects using the
// same CIDR never see each other's servers.
//
// The answer is the boot's own spawn request (boot-steps.ts spawnRequest, with
// the NICs' network_data.json from the same NicSpawnParts), so the metadata
// service and the config drive can never tell a guest two different things.
// The availability zone is the one fact the conductor lacks: each agent names
// its own (agent --availability-zone) and does not register it, so the answer
// leaves it '' for the proxy to fill in.
import { invalidArgument, notFound, StratoError } from '../../common/errors.ts';
import type { GetInstanceMetadataResponse } from '../../common/gen/strato/host/v1/GetInstanceMetadataResponse.ts';
import { isUuid, requireField } from '../naming/names.ts';
import { parseIp } from '../network/ipv4.ts';
import { type Allocation, ipamKey, recordKey } from '../network/keys.ts';
import type { MetadataHosts } from '../network/metadata-hosts.ts';
import type { NetworkRecord, PortRecord, SubnetRecord } from '../network/model.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Store } from '../store/store.ts';
import { spawnRequest } from './boot-steps.ts';
import { type InstanceRecord, instanceKey } from './instance-record.ts';
import type { NicSpawnParts } from './nics.ts';
import { DEVICE_OWNER } from './server-networking/nic-ports.ts';

export interface InstanceMetadataOptions {
  store: Store;
  hosts: Pick<MetadataHosts, 'serves'>;
  nics: NicSpawnParts;
}

/** Errors: INVALID_ARGUMENT NETWORK_ID_INVALID (field network_id). */
export function validateNetworkId(value: unknown): string {
  const id = requireField('network_id', value);
  if (!isUuid(id)) {
    throw invalidArgument('NETWORK_ID_INVALID', 'network_id must be a network id (a UUID)', {
      details: { field: 'network_id' },
    });
  }
  return id.toLowerCase();
}

/** Errors: INVALID_ARGUMENT IP_INVALID (field ip). */
export function validateGuestIp(value: unknown): string {
  const ip = requireField('ip', value);
  if (parseIp(ip) === undefined) {
    throw invalidArgument('IP_INVALID', 'ip must be a dotted IPv4 address, e.g. 10.0.0.3', {
      details: { field: 'ip' },
    });
  }
  return ip;
}

const instanceNotFound = (networkId: string, ip: string) =>
  notFound('INSTANCE_NOT_FOUND', `no server holds ${ip} on network ${networkId}`, {
    details: { network_id: networkId, ip },
  });

export class InstanceMetadata {
  private readonly o: InstanceMetadataOptions;

  constructor(o: InstanceMetadataOptions) {
    this.o = o;
  }

  /**
   * What the guest at `ip` on `networkId` may read about itself, asked by `hostId`
   * (already admitted). Errors: INVALID_ARGUMENT NETWORK_ID_INVALID, IP_INVALID;
   * PERMISSION_DENIED METADATA_NOT_SERVED; NOT_FOUND INSTANCE_NOT_FOUND.
   */
  async lookup(hostId: string, networkIdIn: unknown, ipIn: unknown): Promise<GetInstanceMetadataResponse> {
    const networkId = validateNetworkId(networkIdIn);
    const ip = validateGuestIp(ipIn);
    if (!(await this.o.hosts.serves(hostId, networkId))) {
      throw new StratoError(
        'PERMISSION_DENIED',
        'METADATA_NOT_SERVED',
        `host ${hostId} serves no metadata for network ${networkId}`,
        { details: { host: hostId, network_id: networkId } },
      );
    }
    const rec = await this.serverAt(networkId, ip);
    if (!rec) throw instanceNotFound(networkId, ip);
    const nics = rec.nics ?? [];
    const spawn = spawnRequest(rec, nics.length > 0 ? await this.o.nics.spawnParts(nics) : undefined);
    return {
      instanceId: spawn.instanceId,
      name: spawn.name,
      projectId: spawn.projectId,
      availabilityZone: '',
      metadata: spawn.metadata,
      userData: spawn.userData,
      networkDataJson: spawn.networkDataJson,
      publicKeys: (spawn.publicKeys ?? []).map((k) => ({ name: k.name, key: k.key })),
    };
  }

  /** The server whose port on the network holds `ip`, found through the subnet's address book. */
  private async serverAt(networkId: string, ip: string): Promise<InstanceRecord | undefined> {
    const { store } = this.o;
    const net = (await getOrUndefined<NetworkRecord>(store, recordKey('networks', networkId)))?.value;
    for (const subnetId of net?.subnetIds ?? []) {
      const subnet = (await getOrUndefined<SubnetRecord>(store, recordKey('subnets', subnetId)))?.value;
      if (subnet?.networkId !== networkId) continue;
      const held = (await getOrUndefined<Allocation>(store, ipamKey(subnetId, ip)))?.value;
      if (!held || !('portId' in held)) continue;
      const port = (await getOrUndefined<PortRecord>(store, recordKey('ports', held.portId)))?.value;
      if (!port || port.networkId !== networkId || port.deviceOwner !== DEVICE_OWNER || port.deviceId === '') continue;
      if (!port.fixedIps.some((f) => f.subnetId === subnetId && f.ip === ip)) continue;
      const rec = (await getOrUndefined<InstanceRecord>(store, instanceKey(port.deviceId)))?.value;
      // The server must still name the port as one of its NICs (not a stale device id).
      if (rec?.nics?.some((n) => n.portId === port.id)) return rec;
    }
    return undefined;
  }
}
