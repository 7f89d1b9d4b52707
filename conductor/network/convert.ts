// Records → strato.network.v1 messages.
import type { Network } from '../../common/gen/strato/network/v1/Network.ts';
import type { Port } from '../../common/gen/strato/network/v1/Port.ts';
import type { SecurityGroup } from '../../common/gen/strato/network/v1/SecurityGroup.ts';
import type { SecurityGroupRule } from '../../common/gen/strato/network/v1/SecurityGroupRule.ts';
import type { Subnet } from '../../common/gen/strato/network/v1/Subnet.ts';
import type { NetworkRecord, PortRecord, SecurityGroupRecord, SecurityGroupRuleRecord, SubnetRecord } from './model.ts';

export function networkToProto(n: NetworkRecord): Network {
  return {
    id: n.id,
    name: n.name,
    projectId: n.projectId,
    providerType: n.providerType,
    segmentationId: n.vni,
    physicalBridge: n.physicalBridge,
    mtu: n.mtu,
    subnetIds: n.subnetIds,
    dhcpMacAddress: n.dhcpMac,
    createdAt: n.createdAt,
    external: n.external === true,
  };
}

export function subnetToProto(s: SubnetRecord): Subnet {
  return {
    id: s.id,
    name: s.name,
    projectId: s.projectId,
    networkId: s.networkId,
    cidr: s.cidr,
    gatewayIp: s.gatewayIp,
    allocationPools: s.allocationPools,
    dnsServers: s.dnsServers,
    enableDhcp: s.enableDhcp,
    dhcpServerIp: s.dhcpIp,
    createdAt: s.createdAt,
  };
}

export function portToProto(p: PortRecord): Port {
  return {
    id: p.id,
    name: p.name,
    projectId: p.projectId,
    networkId: p.networkId,
    macAddress: p.mac,
    fixedIps: p.fixedIps.map((f) => ({ subnetId: f.subnetId, ipAddress: f.ip })),
    securityGroupIds: p.securityGroupIds,
    deviceId: p.deviceId,
    deviceOwner: p.deviceOwner,
    bindingHost: p.bindingHost,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function ruleToProto(groupId: string, r: SecurityGroupRuleRecord): SecurityGroupRule {
  return {
    id: r.id,
    securityGroupId: groupId,
    direction: r.direction,
    ethertype: r.ethertype,
    protocol: r.protocol,
    portRangeMin: r.portMin,
    portRangeMax: r.portMax,
    ...(r.icmpType === null ? {} : { icmpType: r.icmpType }),
    ...(r.icmpCode === null ? {} : { icmpCode: r.icmpCode }),
    remoteIpPrefix: r.remoteIpPrefix,
    remoteGroupId: r.remoteGroupId,
  };
}

export function groupToProto(g: SecurityGroupRecord): SecurityGroup {
  return {
    id: g.id,
    name: g.name,
    projectId: g.projectId,
    description: g.description,
    rules: g.rules.map((r) => ruleToProto(g.id, r)),
    createdAt: g.createdAt,
  };
}
