// A server's NICs as its spawn carries them: the ports the agent plugs
// (bridge and tap named as the host network state names them) and the
// network_data.json of the config drive. A NIC whose port or network is gone
// by now is left out rather than failing the boot.
import type { PortSpec } from '../../../common/gen/strato/agent/v1/PortSpec.ts';
import type { Logger } from '../../../common/log.ts';
import { bridgeName, tapName } from '../../../common/network-names.ts';
import type { Networking } from '../../network/networking.ts';
import { buildNetworkData, type NetworkDataPort } from '../network-data.ts';
import type { NicSpawnParts } from '../nics.ts';

export function nicSpawnParts(net: Networking, log: Logger): NicSpawnParts {
  return {
    async spawnParts(nics) {
      const ports: PortSpec[] = [];
      const data: NetworkDataPort[] = [];
      for (const n of nics) {
        const port = n.portId === '' ? undefined : await net.ports.getById(n.portId);
        const network = port ? await net.networks.getById(port.networkId) : undefined;
        if (!port || !network) {
          log.warn({ portId: n.portId, networkId: n.networkId }, 'a NIC whose port or network is gone is left out');
          continue;
        }
        const subnets = new Map((await net.ctx.subnets.values(network.subnetIds)).map((s) => [s.id, s]));
        const spec: PortSpec = {
          portId: port.id,
          mac: port.mac,
          networkId: network.id,
          bridge: network.providerType === 'flat' ? network.physicalBridge : bridgeName(network.id),
          tap: tapName(port.id),
          mtu: network.mtu,
          ips: port.fixedIps.map((f) => f.ip),
        };
        ports.push(spec);
        data.push({
          portId: port.id,
          networkId: network.id,
          mac: port.mac,
          mtu: network.mtu,
          tap: spec.tap ?? '',
          ips: port.fixedIps.map((f) => {
            const s = subnets.get(f.subnetId);
            return {
              ip: f.ip,
              cidr: s?.cidr ?? `${f.ip}/32`,
              gatewayIp: s?.gatewayIp ?? '',
              dnsServers: s?.dnsServers ?? [],
              dhcp: s?.enableDhcp ?? false,
            };
          }),
        });
      }
      return { ports, networkDataJson: JSON.stringify(buildNetworkData(data)) };
    },
  };
}
