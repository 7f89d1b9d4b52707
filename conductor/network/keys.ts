// Where network records live in the store, and the guard keys that keep them
// consistent under concurrent calls.
//
//   /network/networks/<id>                     NetworkRecord
//   /network/subnets/<id>                      SubnetRecord
//   /network/ports/<id>                        PortRecord
//   /network/security-groups/<id>              SecurityGroupRecord
//   /network/routers/<id>                      RouterRecord
//   /network/floating-ips/<id>                 FloatingIpRecord
//   /network/names/<kind>/<project>/<name> <id>  NameIndex: per-project listing in name order
//   /network/default-sg/<project>              { id }: the one default group (create op = once)
//   /network/network-ports/<network>/<port>    {}: ports of a network (NETWORK_IN_USE)
//   /network/ipam/<subnet>/<ip>                Allocation: an address in use (create op = no double allocation)
//   /network/macs/<mac>                        MacOwner: MACs are unique cloud-wide
//   /network/vnis/<vni>                        { networkId }
//   /network/physical-bridges/<bridge>         { networkId }: one flat network per bridge
//   /network/sg-members/<group>/<port>         {}: ports in a group (SECURITY_GROUP_IN_USE)
//   /network/sg-remote-refs/<group>/<rule>     { groupId }: rules of other groups naming it
//   /network/sg-rules/<rule>                   { groupId }: rule id → its group
//   /network/external-networks/<name> <id>    NameIndex: external networks by name (every project sees them)
//   /network/subnet-router/<subnet>            { routerId }: the one router a subnet joins (create op)
//   /network/router-fips/<router>/<fip>        { subnetId }: floating IPs carried by a router, with the fixed address's subnet
//   /network/port-fips/<port>/<fip>            {}: floating IPs associated with a port (a port delete disassociates them)
//   /network/fip-targets/<fipnet>/<port>/<ip>  { floatingIpId }: one floating IP of a network per fixed address (create op)
//   /network/epochs/<id>                       {}: written (put) by every call that starts
//       using resource <id> (a port joining a network, subnet or group). A delete reads
//       the epoch, checks the resource is unused, and commits only if the epoch did not
//       move; puts never conflict with each other, so users do not serialise among
//       themselves, only against the delete.
//
// The name separator is a space: it sorts below every character a name may
// contain, so listings are in name order and `<name> ` lists exactly that name.

export type NamedKind = 'networks' | 'subnets' | 'ports' | 'security-groups' | 'routers' | 'floating-ips';

export const NETWORK = '/network/';
export const recordPrefix = (kind: NamedKind): string => `${NETWORK}${kind}/`;
export const recordKey = (kind: NamedKind, id: string): string => recordPrefix(kind) + id;

export const namesPrefix = (kind: NamedKind, projectId: string): string => `${NETWORK}names/${kind}/${projectId}/`;
export const nameKey = (kind: NamedKind, projectId: string, name: string, id: string): string =>
  `${namesPrefix(kind, projectId)}${name} ${id}`;
export const namePrefix = (kind: NamedKind, projectId: string, name: string): string =>
  `${namesPrefix(kind, projectId)}${name} `;

export const defaultSgKey = (projectId: string): string => `${NETWORK}default-sg/${projectId}`;
export const networkPortsPrefix = (networkId: string): string => `${NETWORK}network-ports/${networkId}/`;
export const networkPortKey = (networkId: string, portId: string): string => networkPortsPrefix(networkId) + portId;
export const ipamPrefix = (subnetId: string): string => `${NETWORK}ipam/${subnetId}/`;
export const ipamKey = (subnetId: string, ip: string): string => ipamPrefix(subnetId) + ip;
export const macKey = (mac: string): string => `${NETWORK}macs/${mac}`;
export const VNIS = `${NETWORK}vnis/`;
export const vniKey = (vni: number): string => VNIS + String(vni);
export const physicalBridgeKey = (bridge: string): string => `${NETWORK}physical-bridges/${bridge}`;
export const sgMembersPrefix = (groupId: string): string => `${NETWORK}sg-members/${groupId}/`;
export const sgMemberKey = (groupId: string, portId: string): string => sgMembersPrefix(groupId) + portId;
export const sgRemoteRefsPrefix = (groupId: string): string => `${NETWORK}sg-remote-refs/${groupId}/`;
export const sgRemoteRefKey = (groupId: string, ruleId: string): string => sgRemoteRefsPrefix(groupId) + ruleId;
export const sgRuleKey = (ruleId: string): string => `${NETWORK}sg-rules/${ruleId}`;
export const EXTERNAL_NAMES = `${NETWORK}external-networks/`;
export const externalNameKey = (name: string, id: string): string => `${EXTERNAL_NAMES}${name} ${id}`;
export const externalNamePrefix = (name: string): string => `${EXTERNAL_NAMES}${name} `;
export const subnetRouterKey = (subnetId: string): string => `${NETWORK}subnet-router/${subnetId}`;
export const routerFipsPrefix = (routerId: string): string => `${NETWORK}router-fips/${routerId}/`;
export const routerFipKey = (routerId: string, fipId: string): string => routerFipsPrefix(routerId) + fipId;
export const portFipsPrefix = (portId: string): string => `${NETWORK}port-fips/${portId}/`;
export const portFipKey = (portId: string, fipId: string): string => portFipsPrefix(portId) + fipId;
export const fipTargetKey = (fipNetworkId: string, portId: string, ip: string): string =>
  `${NETWORK}fip-targets/${fipNetworkId}/${portId}/${ip}`;
export const epochKey = (id: string): string => `${NETWORK}epochs/${id}`;

export interface NameIndex {
  id: string;
}

/** Who holds an address: a port, or the subnet's DHCP server. */
export type Allocation = { portId: string } | { dhcp: true } | { floatingIpId: string };

export type MacOwner = { portId: string } | { dhcpOfNetwork: string };
