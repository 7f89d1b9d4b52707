// The whole plan for one host: resolved desired state vs observation → ordered steps.
// Order matters for safety. The firewall step comes first, so its rules exist before
// any link they guard: the kernel opens its wildcard VXLAN socket with the first VXLAN
// link (the source filter must already be there), and a new tap never passes unfiltered
// traffic. A port being removed loses its rules while its tap still exists, which the
// bridge table's fail-closed `tap*` rules turn into drops. When nothing is left, the
// tables go LAST, once every tap and VXLAN link is gone. In between: network links and
// DHCP and routers (their legs join the networks' bridges), then taps, then what
// leaves (network links after their ports and router legs). Pure.
import { dhcpNamespaceName } from '../../../common/network-names.ts';
import { dnsmasqPaths } from './dnsmasq-config.ts';
import type { ObservedHost } from './observed.ts';
import { planDhcp } from './plan-dhcp.ts';
import { planFirewall } from './plan-firewall.ts';
import { planLinks } from './plan-links.ts';
import { planRouters } from './plan-routers.ts';
import { routerStateDir } from './observe-routers.ts';
import type { ResolvedState } from './resolve.ts';
import type { Step } from './steps.ts';

export function planHost(desired: ResolvedState, obs: ObservedHost, stateDir: string): Step[] {
  const links = planLinks(desired, obs);
  const dhcp = planDhcp(desired, obs, dhcpNamespaceName, (id) => dnsmasqPaths(stateDir, id).dir);
  const routers = planRouters(desired.routers, obs, (id) => routerStateDir(stateDir, id));
  const firewall = planFirewall(
    {
      ports: desired.ports.map((p) => p.firewall),
      bridges: desired.networks.map((n) => n.bridge),
      vxlanSources: desired.vxlanSources,
    },
    obs.firewall,
  );
  const hostWork = [
    ...links.networks,
    ...dhcp.create,
    ...routers.create,
    ...links.deleteTaps,
    ...links.createTaps,
    ...dhcp.remove,
    ...routers.remove,
    ...links.deleteNetworks,
  ];
  const nothingLeft = desired.ports.length === 0 && desired.networks.length === 0;
  return nothingLeft ? [...hostWork, ...firewall] : [...firewall, ...hostWork];
}
