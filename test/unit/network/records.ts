// Small builders of network records for table tests.
import type {
  NetworkRecord,
  PortRecord,
  SecurityGroupRecord,
  SecurityGroupRuleRecord,
  SubnetRecord,
} from '../../../conductor/network/model.ts';

export function network(id: string, o: Partial<NetworkRecord> = {}): NetworkRecord {
  return {
    id,
    name: `net-${id}`,
    projectId: 'p1',
    providerType: 'vxlan',
    vni: 1000,
    physicalBridge: '',
    mtu: 1450,
    subnetIds: [],
    dhcpMac: 'fa:16:3e:00:00:01',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...o,
  };
}

export function subnet(id: string, networkId: string, cidr: string, o: Partial<SubnetRecord> = {}): SubnetRecord {
  const base = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
  return {
    id,
    name: `sub-${id}`,
    projectId: 'p1',
    networkId,
    cidr,
    gatewayIp: `${base}.1`,
    allocationPools: [{ start: `${base}.2`, end: `${base}.254` }],
    dnsServers: [],
    enableDhcp: true,
    dhcpIp: `${base}.2`,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...o,
  };
}

export function port(id: string, networkId: string, o: Partial<PortRecord> = {}): PortRecord {
  return {
    id,
    name: '',
    projectId: 'p1',
    networkId,
    mac: 'fa:16:3e:aa:bb:cc',
    fixedIps: [],
    securityGroupIds: [],
    deviceId: '',
    deviceOwner: '',
    bindingHost: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...o,
  };
}

export function rule(id: string, o: Partial<SecurityGroupRuleRecord> = {}): SecurityGroupRuleRecord {
  return {
    id,
    direction: 'ingress',
    ethertype: 'IPv4',
    protocol: 'any',
    portMin: 0,
    portMax: 0,
    icmpType: null,
    icmpCode: null,
    remoteIpPrefix: '0.0.0.0/0',
    remoteGroupId: '',
    ...o,
  };
}

export function group(
  id: string,
  rules: SecurityGroupRuleRecord[],
  o: Partial<SecurityGroupRecord> = {},
): SecurityGroupRecord {
  return { id, name: `sg-${id}`, projectId: 'p1', description: '', rules, createdAt: '2026-01-01T00:00:00.000Z', ...o };
}
