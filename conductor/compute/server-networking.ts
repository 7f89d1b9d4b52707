// ServerNetworking over the conductor's networking model (conductor/network),
// the network pusher and the agents' AgentNetwork clients. Ports made for a
// server belong to the server's project, sit in its default security group and
// carry the instance id as device id from the moment they exist, so a port
// made just before a crash is found again (adopted or deleted) by that id.
import { alreadyExists, failedPrecondition, invalidArgument, notFound, unavailable } from '../../common/errors.ts';
import type { PortSpec } from '../../common/gen/strato/agent/v1/PortSpec.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { Principal } from '../identity/model.ts';
import type { AgentNetworkDirectory } from '../network-push/agent-network-pool.ts';
import type { NetworkPusher } from '../network-push/network-pusher.ts';
import { bridgeName, tapName } from '../../common/network-names.ts';
import { formatIp } from '../network/ipv4.ts';
import { ipamKey, recordPrefix } from '../network/keys.ts';
import type { NetworkRecord, PortRecord, SubnetRecord } from '../network/model.ts';
import type { Networking } from '../network/networking.ts';
import { planAddressWants } from '../network/port-request.ts';
import { listAll } from '../store/list-all.ts';
import { getOrUndefined } from './cas-update.ts';
import { buildNetworkData, type NetworkDataPort } from './network-data.ts';
import type { HostPush, InstanceNic, NicOwner, NicRequest, ServerNetworking } from './nics.ts';

export const DEVICE_OWNER = 'compute:strato';

export interface ServerNetworkingOptions {
  networking: Networking;
  pusher: NetworkPusher;
  agents: AgentNetworkDirectory;
  log?: Logger;
}

const bad = (field: string, message: string) =>
  invalidArgument('NETWORK_REQUEST_INVALID', `${field}: ${message}`, { details: { field } });

/** The principal the workflows act as: the server's project, no admin powers. */
function ownerPrincipal(o: NicOwner): Principal {
  return {
    userId: o.userId,
    userName: '',
    projectId: o.projectId,
    projectName: '',
    role: 'member',
    tokenHash: '',
    expiresAtMs: 0,
  };
}

export class StoreServerNetworking implements ServerNetworking {
  private readonly net: Networking;
  private readonly o: ServerNetworkingOptions;
  private readonly log: Logger;

  constructor(o: ServerNetworkingOptions) {
    this.o = o;
    this.net = o.networking;
    this.log = (o.log ?? rootLog).child({ component: 'server-networking' });
  }

  async resolve(p: Principal, requests: readonly NicRequest[]): Promise<InstanceNic[]> {
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
        const rec = await this.net.ports.get(p, port, `${field}.port`);
        // A server's NICs are its own project's, also for an admin.
        if (rec.projectId !== p.projectId) {
          throw notFound('PORT_NOT_FOUND', `port ${port} not found`, { details: { port } });
        }
        if (rec.deviceId !== '') {
          throw failedPrecondition('PORT_IN_USE', `port ${rec.id} is attached to ${rec.deviceId}`, {
            details: { port_id: rec.id, device_id: rec.deviceId },
          });
        }
        if (seenPorts.has(rec.id)) throw bad(field, `port ${rec.id} is given twice`);
        seenPorts.add(rec.id);
        const netRec = await this.net.networks.getById(rec.networkId);
        out.push({
          networkId: rec.networkId,
          networkName: netRec?.name ?? '',
          portId: rec.id,
          fixedIp: '',
          owned: false,
          mac: rec.mac,
          ips: rec.fixedIps.map((f) => f.ip),
        });
        continue;
      }
      const netRec = await this.net.networks.get(p, network, `${field}.network`);
      if (netRec.projectId !== p.projectId) {
        throw notFound('NETWORK_NOT_FOUND', `network ${network} not found`, { details: { network } });
      }
      if (fixedIp !== '') await this.checkFixedIp(netRec, fixedIp, seenIps);
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

  async portId(p: Principal, ref: string): Promise<string> {
    return (await this.net.ports.get(p, ref)).id;
  }

  /** Inside a subnet of the network, not reserved, not taken (taken later still fails the boot). */
  private async checkFixedIp(net: NetworkRecord, ip: string, seen: Set<string>): Promise<void> {
    const subnets = await this.subnetsOf(net);
    const [want] = planAddressWants(net.id, subnets, [{ subnet: undefined, ipAddress: ip }]);
    if (want?.kind !== 'fixed') return;
    const text = formatIp(want.ip);
    const key = ipamKey(want.subnet.id, text);
    if (seen.has(key) || (await getOrUndefined(this.net.ctx.store, key))) {
      throw alreadyExists('IP_IN_USE', `ip_address ${text} is already in use on subnet ${want.subnet.id}`, {
        details: { ip_address: text, subnet_id: want.subnet.id },
      });
    }
    seen.add(key);
  }

  private async subnetsOf(net: NetworkRecord): Promise<SubnetRecord[]> {
    const entries = await Promise.all(net.subnetIds.map((id) => this.net.ctx.subnets.entry(id)));
    return entries.filter((e) => e !== undefined).map((e) => e.value);
  }

  /**
   * Ports compute bound to `ownerId` (a scan: fine at this scale, an index when
   * it is not). Device owner and project must match too: a user may write any
   * device_id on a port of their own, which must not make it the server's.
   */
  private async portsOf(ownerId: string, projectId: string): Promise<PortRecord[]> {
    const all = await listAll<PortRecord>(this.net.ctx.store, recordPrefix('ports'));
    return all.entries
      .map((e) => e.value)
      .filter((p) => p.deviceId === ownerId && p.deviceOwner === DEVICE_OWNER && p.projectId === projectId);
  }

  async allocate(owner: NicOwner, nics: readonly InstanceNic[]): Promise<InstanceNic[]> {
    const known = new Set(nics.map((n) => n.portId).filter((id) => id !== ''));
    const orphans = nics.some((n) => n.portId === '')
      ? (await this.portsOf(owner.id, owner.projectId)).filter((p) => !known.has(p.id))
      : [];
    const out: InstanceNic[] = [];
    for (const nic of nics) {
      let port: PortRecord;
      if (nic.portId !== '') {
        const current = await this.net.ports.getById(nic.portId);
        // Already bound to this owner (a repeat): keep its host binding.
        port = await this.net.ports.bind(nic.portId, {
          deviceId: owner.id,
          deviceOwner: DEVICE_OWNER,
          bindingHost: current?.deviceId === owner.id ? current.bindingHost : '',
        });
      } else {
        const i = orphans.findIndex(
          (p) => p.networkId === nic.networkId && (nic.fixedIp === '' || p.fixedIps.some((f) => f.ip === nic.fixedIp)),
        );
        const adopted = i >= 0 ? orphans.splice(i, 1)[0] : undefined;
        port =
          adopted ??
          (await this.net.ports.create(
            ownerPrincipal(owner),
            {
              name: '',
              network: nic.networkId,
              fixedIps: nic.fixedIp === '' ? [] : [{ subnet: '', ipAddress: nic.fixedIp }],
              securityGroups: [],
              noSecurityGroups: false,
              macAddress: '',
              deviceId: owner.id,
              deviceOwner: DEVICE_OWNER,
              bindingHost: '',
            },
            true,
          ));
      }
      out.push({ ...nic, portId: port.id, mac: port.mac, ips: port.fixedIps.map((f) => f.ip) });
    }
    return out;
  }

  async bindHost(ownerId: string, nics: readonly InstanceNic[], hostId: string): Promise<void> {
    for (const n of nics) {
      if (n.portId === '') continue;
      await this.net.ports.bind(n.portId, { deviceId: ownerId, deviceOwner: DEVICE_OWNER, bindingHost: hostId });
    }
  }

  async release(owner: NicOwner, nics: readonly InstanceNic[], orphans: boolean): Promise<void> {
    const ownerId = owner.id;
    const named = new Set<string>();
    for (const n of nics) {
      if (n.portId === '') continue;
      named.add(n.portId);
      if (n.owned) await this.net.ports.deleteById(n.portId);
      else await this.unbindIfThere(n.portId, ownerId);
    }
    if (!orphans) return;
    for (const p of await this.portsOf(ownerId, owner.projectId)) {
      if (named.has(p.id)) continue;
      this.log.info({ instanceId: ownerId, portId: p.id }, 'deleting a port made for the server but never recorded');
      await this.net.ports.deleteById(p.id);
    }
  }

  private async unbindIfThere(portId: string, ownerId: string): Promise<void> {
    if (!(await this.net.ports.getById(portId))) return;
    try {
      await this.net.ports.unbind(portId, ownerId);
    } catch (err) {
      // Deleted in between: nothing to unbind.
      if (!(await this.net.ports.getById(portId))) return;
      throw err;
    }
  }

  async pushHost(hostId: string): Promise<HostPush> {
    const results = await this.o.pusher.sync([hostId]);
    const r = results.get(hostId);
    if (!r) return { ok: false, error: unavailable('NETWORK_PUSH_STOPPED', 'the conductor is shutting down') };
    switch (r.kind) {
      case 'applied':
      case 'unimplemented':
        return { ok: true };
      case 'unknown-host':
        return {
          ok: false,
          error: unavailable('HOST_NOT_REGISTERED', `host ${hostId} is not registered`, { details: { host: hostId } }),
        };
      case 'failed':
        return { ok: false, error: r.error };
    }
  }

  pushSoon(): void {
    this.o.pusher.sync([]).catch((err: unknown) => this.log.warn({ err }, 'network push failed'));
  }

  async spawnParts(nics: readonly InstanceNic[]): Promise<{ ports: PortSpec[]; networkDataJson: string }> {
    const ports: PortSpec[] = [];
    const data: NetworkDataPort[] = [];
    for (const n of nics) {
      const port = n.portId === '' ? undefined : await this.net.ports.getById(n.portId);
      const net = port ? await this.net.networks.getById(port.networkId) : undefined;
      if (!port || !net) {
        this.log.warn({ portId: n.portId, networkId: n.networkId }, 'a NIC whose port or network is gone is left out');
        continue;
      }
      const subnets = new Map((await this.subnetsOf(net)).map((s) => [s.id, s]));
      const spec: PortSpec = {
        portId: port.id,
        mac: port.mac,
        networkId: net.id,
        bridge: net.providerType === 'flat' ? net.physicalBridge : bridgeName(net.id),
        tap: tapName(port.id),
        mtu: net.mtu,
        ips: port.fixedIps.map((f) => f.ip),
      };
      ports.push(spec);
      data.push({
        portId: port.id,
        networkId: net.id,
        mac: port.mac,
        mtu: net.mtu,
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
  }

  attach(host: { id: string; address: string }, instanceId: string, port: PortSpec, signal?: AbortSignal) {
    return this.o.agents.forHost(host).attachPort(instanceId, port, { signal });
  }

  detach(host: { id: string; address: string }, instanceId: string, portId: string, signal?: AbortSignal) {
    return this.o.agents.forHost(host).detachPort(instanceId, portId, { signal });
  }
}
