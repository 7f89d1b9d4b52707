// What a server's NIC requests may ask for, checked against the networking
// model before anything is made: networks and ports of the server's own
// project, given ports not in use and not given twice, fixed IPs inside a
// subnet of the network and free (taken later still fails the boot).
import { alreadyExists, failedPrecondition, invalidArgument, notFound, StratoError } from '../../../common/errors.ts';
import type { Principal } from '../../identity/model.ts';
import { formatIp } from '../../network/ipv4.ts';
import { ipamKey } from '../../network/keys.ts';
import type { NetworkRecord } from '../../network/model.ts';
import type { Networking } from '../../network/networking.ts';
import { planAddressWants } from '../../network/port-request.ts';
import { getOrUndefined } from '../../store/get-or-undefined.ts';
import type { InstanceNic, NicRequest, NicRequests } from '../nics.ts';

const bad = (field: string, message: string) =>
  invalidArgument('NETWORK_REQUEST_INVALID', `${field}: ${message}`, { details: { field } });

export function nicRequests(net: Networking): NicRequests {
  return {
    resolve: (p, requests, projectId = p.projectId) => resolve(net, p, requests, projectId),
    portId: async (p, ref) => (await net.ports.get(p, ref)).id,
  };
}

async function resolve(
  net: Networking,
  p: Principal,
  requests: readonly NicRequest[],
  projectId: string,
): Promise<InstanceNic[]> {
  const seenPorts = new Set<string>();
  const seenIps = new Set<string>();
  const out: InstanceNic[] = [];
  for (const [i, r] of requests.entries()) {
    const field = `networks[${i}]`;
    const network = r.network.trim();
    const port = r.port.trim();
    const fixedIp = r.fixedIp.trim();
    if ((network === '') === (port === '')) throw bad(field, 'give exactly one of network and port');
    if (port !== '') {
      if (fixedIp !== '') throw bad(field, 'fixed_ip goes with network, not with port');
      out.push(await givenPort(net, p, projectId, port, field, seenPorts));
      continue;
    }
    const netRec = await net.networks.get(p, network, `${field}.network`);
    if (netRec.external && netRec.projectId !== projectId) {
      // Every project sees an external network, so NOT_FOUND would be a lie.
      throw new StratoError(
        'PERMISSION_DENIED',
        'NETWORK_EXTERNAL',
        `network ${network} is external: reach it through a router and a floating IP`,
        { details: { field: `${field}.network`, network_id: netRec.id } },
      );
    }
    if (netRec.projectId !== projectId) {
      throw notFound('NETWORK_NOT_FOUND', `network ${network} not found`, { details: { network } });
    }
    if (fixedIp !== '') await checkFixedIp(net, netRec, fixedIp, seenIps);
    out.push({
      networkId: netRec.id,
      networkName: netRec.name,
      portId: '',
      fixedIp,
      owned: true,
      mac: '',
      ips: [],
    });
  }
  return out;
}

/** A port the user gave: theirs, unused, named once. */
async function givenPort(
  net: Networking,
  p: Principal,
  projectId: string,
  port: string,
  field: string,
  seen: Set<string>,
): Promise<InstanceNic> {
  const rec = await net.ports.get(p, port, `${field}.port`);
  // A server's NICs are its own project's, also for an admin.
  if (rec.projectId !== projectId) {
    throw notFound('PORT_NOT_FOUND', `port ${port} not found`, { details: { port } });
  }
  if (rec.deviceId !== '') {
    throw failedPrecondition('PORT_IN_USE', `port ${rec.id} is attached to ${rec.deviceId}`, {
      details: { port_id: rec.id, device_id: rec.deviceId },
    });
  }
  if (seen.has(rec.id)) throw bad(field, `port ${rec.id} is given twice`);
  seen.add(rec.id);
  const netRec = await net.networks.getById(rec.networkId);
  return {
    networkId: rec.networkId,
    networkName: netRec?.name ?? '',
    portId: rec.id,
    fixedIp: '',
    owned: false,
    mac: rec.mac,
    ips: rec.fixedIps.map((f) => f.ip),
  };
}

/** Inside a subnet of the network, not reserved, not taken. */
async function checkFixedIp(net: Networking, rec: NetworkRecord, ip: string, seen: Set<string>): Promise<void> {
  const subnets = await net.ctx.subnets.values(rec.subnetIds);
  const [want] = planAddressWants(rec.id, subnets, [{ subnet: undefined, ipAddress: ip }]);
  if (want?.kind !== 'fixed') return;
  const text = formatIp(want.ip);
  const key = ipamKey(want.subnet.id, text);
  if (seen.has(key) || (await getOrUndefined(net.ctx.store, key))) {
    throw alreadyExists('IP_IN_USE', `ip_address ${text} is already in use on subnet ${want.subnet.id}`, {
      details: { ip_address: text, subnet_id: want.subnet.id },
    });
  }
  seen.add(key);
}
