// strato.compute.v1.Servers: a thin adapter from gRPC messages to ComputeService.
import type { Server } from '../../common/gen/strato/compute/v1/Server.ts';
import type { ServersHandlers } from '../../common/gen/strato/compute/v1/Servers.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { ComputeService } from '../compute/compute-service.ts';
import type { InstanceRecord } from '../compute/instance-record.ts';
import { novaStatus } from '../compute/move-rules.ts';
import { addressesOf } from '../compute/nics.ts';
import { isAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal } from '../identity/model.ts';
import { authenticate } from './auth.ts';

/** Port id → the floating addresses associated with it (in address order). */
export type FloatingByPort = ReadonlyMap<string, readonly string[]>;

/** The floating addresses of each network of the server (Nova's OS-EXT-IPS:type floating). */
function floatingOf(r: InstanceRecord, floating: FloatingByPort): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of r.nics ?? []) {
    const ips = floating.get(n.portId) ?? [];
    if (ips.length === 0) continue;
    const key = n.networkName || n.networkId;
    out.set(key, [...(out.get(key) ?? []), ...ips]);
  }
  return out;
}

export function serverToProto(r: InstanceRecord, p: Principal, floating: FloatingByPort = new Map()): Server {
  const fips = floatingOf(r, floating);
  return {
    id: r.id,
    name: r.name,
    projectId: r.projectId,
    userId: r.userId,
    imageId: r.image.id,
    flavor: {
      id: r.flavor.id,
      name: r.flavor.name,
      vcpus: r.flavor.vcpus,
      ramMib: r.flavor.ramMib,
      diskGib: r.flavor.diskGib,
    },
    vmState: r.vmState,
    taskState: r.taskState,
    powerState: r.powerState,
    status: novaStatus(r.vmState, r.taskState),
    // Where a server runs is the operator's business (as in Nova's OS-EXT-SRV-ATTR:host).
    host: isAdmin(p) ? r.host : '',
    fault: r.fault ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    launchedAt: r.launchedAt,
    metadata: { ...r.metadata },
    addresses: Object.fromEntries(
      Object.entries(addressesOf(r.nics ?? [])).map(([k, ips]) => [k, { ips, floatingIps: fips.get(k) ?? [] }]),
    ),
    ports: (r.nics ?? []).map((n) => ({
      portId: n.portId,
      networkId: n.networkId,
      networkName: n.networkName,
      mac: n.mac,
      ips: [...n.ips],
      owned: n.owned,
    })),
    volumes: (r.volumes ?? []).map((v) => ({
      volumeId: v.volumeId,
      device: v.device,
      boot: v.boot,
      deleteOnTermination: v.deleteOnTermination,
    })),
    keyName: r.keyPair?.name ?? '',
    configDrive: !r.noConfigDrive,
  };
}

/**
 * `floatingIps`: the floating addresses of the given ports, for GetServer and
 * ListServers (@default none: the addresses show fixed ones only).
 */
export function serversApi(
  compute: ComputeService,
  identity: Identity,
  floatingIps: (portIds: string[]) => Promise<FloatingByPort> = async () => new Map(),
): Implementation<ServersHandlers> {
  const portsOf = (rs: InstanceRecord[]) => rs.flatMap((r) => (r.nics ?? []).map((n) => n.portId).filter(Boolean));
  return {
    async CreateServer(req, ctx) {
      const p = await authenticate(ctx, identity);
      const rec = await compute.create(
        {
          name: req.name,
          image: req.image,
          flavor: req.flavor,
          userData: req.userData,
          host: req.host,
          metadata: req.metadata,
          networks: req.networks.map((n) => ({ network: n.network, port: n.port, fixedIp: n.fixedIp })),
          bootVolume: req.bootVolume,
          bootFromImageVolumeGib: req.bootFromImageVolumeGib,
          deleteVolumeOnTermination: req.deleteVolumeOnTermination,
          keyName: req.keyName,
          configDrive: req.configDrive,
        },
        p,
        ctx.requestId,
      );
      return serverToProto(rec, p);
    },

    async GetServer(req, ctx) {
      const p = await authenticate(ctx, identity);
      const rec = await compute.get(req.server, p);
      return serverToProto(rec, p, await floatingIps(portsOf([rec])));
    },

    async ListServers(req, ctx) {
      const p = await authenticate(ctx, identity);
      const page = await compute.list(
        { pageSize: req.pageSize, pageToken: req.pageToken, allProjects: req.allProjects },
        p,
      );
      const floating = await floatingIps(portsOf(page.items));
      return { servers: page.items.map((r) => serverToProto(r, p, floating)), nextPageToken: page.nextPageToken };
    },

    async DeleteServer(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await compute.delete(req.server, p, ctx.requestId), p);
    },

    async ServerAction(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await compute.action(req.server, req.action, req.hard, p, ctx.requestId), p);
    },

    async AddServerPort(req, ctx) {
      const p = await authenticate(ctx, identity);
      const nic = { network: req.network, port: req.port, fixedIp: req.fixedIp };
      return serverToProto(await compute.addPort(req.server, nic, p, ctx.requestId), p);
    },

    async RemoveServerPort(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await compute.removePort(req.server, req.port, p, ctx.requestId), p);
    },

    async GetConsoleLog(req, ctx) {
      const p = await authenticate(ctx, identity);
      return { lines: await compute.consoleLog(req.server, req.lines, p) };
    },

    async CreateServerImage(req, ctx) {
      const p = await authenticate(ctx, identity);
      const { imageId, server } = await compute.createImage(req.server, req.name, p, ctx.requestId);
      return { imageId, server: serverToProto(server, p) };
    },

    async RebuildServer(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await compute.rebuild(req.server, req.image, p, ctx.requestId), p);
    },

    async UpdateServer(req, ctx) {
      const p = await authenticate(ctx, identity);
      const change = { name: req.name, set: { ...req.setMetadata }, unset: [...req.unsetMetadata] };
      return serverToProto(await compute.update(req.server, change, p, ctx.requestId), p);
    },

    async ListServerEvents(req, ctx) {
      const p = await authenticate(ctx, identity);
      const events = await compute.events(req.server, p);
      return { events: events.map((e) => ({ ...e })) };
    },
  };
}
