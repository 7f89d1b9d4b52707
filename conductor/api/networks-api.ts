// strato.network.v1 Networks, Subnets, Ports and SecurityGroups: thin adapters
// from gRPC messages to the networking model (conductor/network/).
import type { NetworksHandlers } from '../../common/gen/strato/network/v1/Networks.ts';
import type { PortsHandlers } from '../../common/gen/strato/network/v1/Ports.ts';
import type { SecurityGroupsHandlers } from '../../common/gen/strato/network/v1/SecurityGroups.ts';
import type { SubnetsHandlers } from '../../common/gen/strato/network/v1/Subnets.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import { groupToProto, networkToProto, portToProto, ruleToProto, subnetToProto } from '../network/convert.ts';
import type { Networking } from '../network/networking.ts';
import { authenticate } from './auth.ts';
import { validateOptionalHostId, validateText } from './names.ts';

/** Neutron's limit for a port's device id and owner. */
export const DEVICE_FIELD_MAX = 255;

export interface NetworkApis {
  networks: Implementation<NetworksHandlers>;
  subnets: Implementation<SubnetsHandlers>;
  ports: Implementation<PortsHandlers>;
  securityGroups: Implementation<SecurityGroupsHandlers>;
}

export function networkApis(identity: Identity, net: Networking): NetworkApis {
  const who = (ctx: Parameters<typeof authenticate>[0]) => authenticate(ctx, identity);
  return {
    networks: {
      async CreateNetwork(req, ctx) {
        const p = await who(ctx);
        const n = await net.networks.create(p, {
          name: req.name,
          providerType: req.providerType,
          physicalBridge: req.physicalBridge,
          mtu: req.mtu,
        });
        return networkToProto(n);
      },
      async GetNetwork(req, ctx) {
        return networkToProto(await net.networks.get(await who(ctx), req.network));
      },
      async ListNetworks(req, ctx) {
        const page = await net.networks.list(await who(ctx), req);
        return { networks: page.items.map(networkToProto), nextPageToken: page.nextPageToken };
      },
      async DeleteNetwork(req, ctx) {
        await net.networks.delete(await who(ctx), req.network);
        return {};
      },
    },

    subnets: {
      async CreateSubnet(req, ctx) {
        const p = await who(ctx);
        const s = await net.subnets.create(p, {
          name: req.name,
          network: req.network,
          cidr: req.cidr,
          gatewayIp: req.gatewayIp,
          allocationPools: req.allocationPools.map((a) => ({ start: a.start, end: a.end })),
          dnsServers: req.dnsServers,
          enableDhcp: !req.disableDhcp,
        });
        return subnetToProto(s);
      },
      async GetSubnet(req, ctx) {
        return subnetToProto(await net.subnets.get(await who(ctx), req.subnet));
      },
      async ListSubnets(req, ctx) {
        const page = await net.subnets.list(await who(ctx), req);
        return { subnets: page.items.map(subnetToProto), nextPageToken: page.nextPageToken };
      },
      async DeleteSubnet(req, ctx) {
        await net.subnets.delete(await who(ctx), req.subnet);
        return {};
      },
    },

    ports: {
      async CreatePort(req, ctx) {
        const p = await who(ctx);
        const port = await net.ports.create(p, {
          name: req.name,
          network: req.network,
          fixedIps: req.fixedIps.map((f) => ({ subnet: f.subnet, ipAddress: f.ipAddress })),
          securityGroups: req.securityGroups,
          noSecurityGroups: req.noSecurityGroups,
          macAddress: req.macAddress,
          deviceId: validateText('device_id', req.deviceId, DEVICE_FIELD_MAX),
          deviceOwner: validateText('device_owner', req.deviceOwner, DEVICE_FIELD_MAX),
          bindingHost: validateOptionalHostId('binding_host', req.bindingHost),
        });
        return portToProto(port);
      },
      async GetPort(req, ctx) {
        return portToProto(await net.ports.get(await who(ctx), req.port));
      },
      async ListPorts(req, ctx) {
        const p = await who(ctx);
        const page = await net.ports.list(p, {
          ...req,
          deviceId: validateText('device_id', req.deviceId, DEVICE_FIELD_MAX),
        });
        return { ports: page.items.map(portToProto), nextPageToken: page.nextPageToken };
      },
      async DeletePort(req, ctx) {
        await net.ports.delete(await who(ctx), req.port);
        return {};
      },
    },

    securityGroups: {
      async CreateSecurityGroup(req, ctx) {
        const g = await net.securityGroups.create(await who(ctx), { name: req.name, description: req.description });
        return groupToProto(g);
      },
      async GetSecurityGroup(req, ctx) {
        return groupToProto(await net.securityGroups.get(await who(ctx), req.securityGroup));
      },
      async ListSecurityGroups(req, ctx) {
        const page = await net.securityGroups.list(await who(ctx), req);
        return { securityGroups: page.items.map(groupToProto), nextPageToken: page.nextPageToken };
      },
      async DeleteSecurityGroup(req, ctx) {
        await net.securityGroups.delete(await who(ctx), req.securityGroup);
        return {};
      },
      async CreateSecurityGroupRule(req, ctx) {
        const rule = await net.securityGroups.addRule(await who(ctx), req.securityGroup, {
          direction: req.direction,
          ethertype: req.ethertype,
          protocol: req.protocol,
          portRangeMin: req.portRangeMin,
          portRangeMax: req.portRangeMax,
          icmpType: req.icmpType,
          icmpCode: req.icmpCode,
          remoteIpPrefix: req.remoteIpPrefix,
          remoteGroup: req.remoteGroup,
        });
        return ruleToProto(rule.securityGroupId, rule);
      },
      async DeleteSecurityGroupRule(req, ctx) {
        await net.securityGroups.deleteRule(await who(ctx), req.ruleId);
        return {};
      },
    },
  };
}
