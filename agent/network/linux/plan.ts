// The whole plan for one host: resolved desired state vs observation → ordered steps.
// Order matters for safety: network links and DHCP first; stale taps go before the
// firewall forgets them; rules exist BEFORE a new tap does (a guest's NIC never passes
// unfiltered traffic); network links go last, after their ports. Pure.
import { dhcpNamespaceName } from '../network-driver.ts';
import { dnsmasqPaths } from './dnsmasq-config.ts';
import type { ObservedHost } from './observed.ts';
import { planDhcp } from './plan-dhcp.ts';
import { planFirewall } from './plan-firewall.ts';
import { planLinks } from './plan-links.ts';
import type { ResolvedState } from './resolve.ts';
import type { Step } from './steps.ts';

export function planHost(desired: ResolvedState, obs: ObservedHost, stateDir: string): Step[] {
  const links = planLinks(desired, obs);
  const dhcp = planDhcp(desired, obs, dhcpNamespaceName, (id) => dnsmasqPaths(stateDir, id).dir);
  const firewall = planFirewall(
    desired.ports.map((p) => p.firewall),
    desired.networks.map((n) => n.bridge),
    obs.firewall,
  );
  return [
    ...links.networks,
    ...dhcp.create,
    ...links.deleteTaps,
    ...firewall,
    ...links.createTaps,
    ...dhcp.remove,
    ...links.deleteNetworks,
  ];
}
