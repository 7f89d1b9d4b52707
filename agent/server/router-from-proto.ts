// strato.agent.v1.RouterConfig → the network driver's RouterSpec. Missing fields
// become INVALID_ARGUMENT (STATE_INVALID) naming the field by its proto path
// (`state.routers[0].gateway.mac`); values (ids, CIDRs, MACs, which subnet holds
// which address) are the driver's to check (agent/network/linux/resolve-routers.ts).
// Pure.
import { invalidArgument } from '../../common/errors.ts';
import type { FloatingIpConfig__Output } from '../../common/gen/strato/agent/v1/FloatingIpConfig.ts';
import type { RouterConfig__Output } from '../../common/gen/strato/agent/v1/RouterConfig.ts';
import type { RouterGatewayConfig__Output } from '../../common/gen/strato/agent/v1/RouterGatewayConfig.ts';
import type { RouterInterfaceConfig__Output } from '../../common/gen/strato/agent/v1/RouterInterfaceConfig.ts';
import type { FloatingIp, RouterGateway, RouterInterface, RouterSpec } from '../network/network-driver.ts';

function required(value: string, field: string): string {
  if (value === '') throw invalidArgument('STATE_INVALID', `${field}: is required`, { details: { field } });
  return value;
}

function interfaceFromProto(i: RouterInterfaceConfig__Output, field: string): RouterInterface {
  return {
    portId: required(i.portId, `${field}.port_id`),
    networkId: required(i.networkId, `${field}.network_id`),
    mac: required(i.mac, `${field}.mac`),
    ipCidr: required(i.ipCidr, `${field}.ip_cidr`),
  };
}

function gatewayFromProto(g: RouterGatewayConfig__Output, field: string): RouterGateway {
  const out: RouterGateway = {
    portId: required(g.portId, `${field}.port_id`),
    networkId: required(g.networkId, `${field}.network_id`),
    mac: required(g.mac, `${field}.mac`),
    ipCidr: required(g.ipCidr, `${field}.ip_cidr`),
    enableSnat: g.enableSnat,
  };
  if (g.gatewayIp !== '') out.gatewayIp = g.gatewayIp;
  return out;
}

function floatingIpFromProto(f: FloatingIpConfig__Output, field: string): FloatingIp {
  return {
    floatingIp: required(f.floatingIp, `${field}.floating_ip`),
    fixedIp: required(f.fixedIp, `${field}.fixed_ip`),
  };
}

export function routerFromProto(r: RouterConfig__Output, field: string): RouterSpec {
  const out: RouterSpec = {
    routerId: required(r.routerId, `${field}.router_id`),
    interfaces: r.interfaces.map((i, n) => interfaceFromProto(i, `${field}.interfaces[${n}]`)),
    floatingIps: r.floatingIps.map((f, n) => floatingIpFromProto(f, `${field}.floating_ips[${n}]`)),
  };
  if (r.gateway) out.gateway = gatewayFromProto(r.gateway, `${field}.gateway`);
  if (r.metadata) out.metadata = true;
  return out;
}
