// The names strato gives what it makes on a host's network, derived from ids so
// that ownership is visible from the host (DESIGN.md) and a restarted agent finds
// its own links again. Linux interface names are at most 15 characters, hence the
// 11-character id prefixes. Pure.
//
// The agent derives every name from the ids in the pushed state; the conductor
// needs two of them for what it sends beside that state (a spawn's PortSpec tap and
// bridge, the config drive's link ids), so the one convention lives here, in code
// both daemons share, rather than once per daemon.

/** A vxlan network's bridge (a flat network uses the operator's bridge instead). */
export const bridgeName = (networkId: string): string => `brq${networkId.slice(0, 11)}`;
/** A port's tap (or, for a namespace attachment, the host end of its veth). */
export const tapName = (portId: string): string => `tap${portId.slice(0, 11)}`;
/** A vxlan network's VXLAN link. */
export const vxlanName = (vni: number): string => `vxlan-${vni}`;
/** The namespace where a network's dnsmasq runs. */
export const dhcpNamespaceName = (networkId: string): string => `qdhcp-${networkId}`;
/** The DHCP veth's end on the network's bridge. */
export const dhcpHostVethName = (networkId: string): string => `dh-${networkId.slice(0, 11)}`;
/** The DHCP veth's end inside the DHCP namespace. */
export const dhcpNsVethName = (networkId: string): string => `ns-${networkId.slice(0, 11)}`;
/** A namespace attachment's guest end (inside the attached namespace). */
export const guestIfName = (portId: string): string => `g${portId.slice(0, 11)}`;
/** A router's namespace. */
export const routerNamespaceName = (routerId: string): string => `qrouter-${routerId}`;
/** A router interface's veth end on the network's bridge. */
export const routerInterfaceHostVethName = (portId: string): string => `tqr${portId.slice(0, 11)}`;
/** A router interface's veth end inside the router's namespace. */
export const routerInterfaceNsVethName = (portId: string): string => `qr-${portId.slice(0, 11)}`;
/** A router gateway's veth end on the external network's bridge. */
export const routerGatewayHostVethName = (portId: string): string => `tqg${portId.slice(0, 11)}`;
/** A router gateway's veth end inside the router's namespace. */
export const routerGatewayNsVethName = (portId: string): string => `qg-${portId.slice(0, 11)}`;
/** The metadata service's address (link-local, as in OpenStack and EC2). */
export const METADATA_IP = '169.254.169.254';
