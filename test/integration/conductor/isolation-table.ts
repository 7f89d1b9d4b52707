// The isolation table of the role matrix (role-matrix.test.ts): for every resource
// type, the calls another project's users make on the owner's resource (get,
// update, delete, use as a reference) — each must end NOT_FOUND — and how the owner
// checks its resource is still there afterwards.

import assert from 'node:assert/strict';
import type { Api } from './helpers.ts';
import type { Res } from './role-matrix-cases.ts';

export type Call = [what: string, call: (api: Api) => Promise<unknown>];

export interface IsolationRow {
  type: string;
  /** Callers (by label) who must get NOT_FOUND from every call. */
  strangers: string[];
  calls: Call[];
  stillThere: () => Promise<unknown>;
}

/** The stranger's own resources, so that a reference call fails on the owner's resource alone. */
export interface StrangerResources {
  network: string;
  group: string;
  volume: string;
  server: string;
}

/** `r`: the owner's resources; `own`: the stranger's; `pub`: a public image; `owner`: the owner's member. */
export function isolationTable(r: Res, own: StrangerResources, pub: string, owner: Api): IsolationRow[] {
  /** A server of the stranger's, from a public image, with `extra` naming the owner's resource. */
  const boot = (a: Api, extra: Record<string, unknown>) =>
    a.servers.CreateServer({ name: 'steal', image: pub, flavor: 'small', ...extra });
  return [
    {
      type: 'server',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.servers.GetServer({ server: r.server })],
        ['update (action)', (a) => a.servers.ServerAction({ server: r.server, action: 'stop', hard: false })],
        ['console', (a) => a.serverConsoles.AttachConsole([{ server: r.server, data: Buffer.from('echo x\n') }])],
        ['update (rename)', (a) => a.servers.UpdateServer({ server: r.server, name: 'stolen', setMetadata: {} })],
        ['update (rebuild)', (a) => a.servers.RebuildServer({ server: r.server, image: '' })],
        ['reference: snapshot it', (a) => a.servers.CreateServerImage({ server: r.server, name: 'stolen' })],
        ['delete', (a) => a.servers.DeleteServer({ server: r.server })],
        [
          'reference: attach own volume',
          (a) => a.serverVolumes.AddServerVolume({ server: r.server, volume: own.volume }),
        ],
        ['reference: add own network', (a) => a.servers.AddServerPort({ server: r.server, network: own.network })],
      ],
      stillThere: () => owner.servers.GetServer({ server: r.server }),
    },
    {
      type: 'private image',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.images.GetImage({ image: r.image })],
        ['get by name', (a) => a.images.GetImage({ image: 'owner-img' })],
        ['delete', (a) => a.images.DeleteImage({ image: r.image })],
        ['reference: boot', (a) => a.servers.CreateServer({ name: 'steal', image: r.image, flavor: 'small' })],
        ['reference: volume from it', (a) => a.volumes.CreateVolume({ name: 'steal', sizeGib: 1, image: r.image })],
        ['reference: rebuild from it', (a) => a.servers.RebuildServer({ server: own.server, image: r.image })],
      ],
      stillThere: () => owner.images.GetImage({ image: r.image }),
    },
    {
      type: 'network',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.networks.GetNetwork({ network: r.network })],
        ['delete', (a) => a.networks.DeleteNetwork({ network: r.network })],
        [
          'reference: subnet on it',
          (a) => a.subnets.CreateSubnet({ name: 'steal', network: r.network, cidr: '10.74.0.0/24' }),
        ],
        ['reference: port on it', (a) => a.ports.CreatePort({ name: 'steal', network: r.network })],
        ['reference: boot on it', (a) => boot(a, { networks: [{ network: r.network }] })],
        ['reference: NIC on it', (a) => a.servers.AddServerPort({ server: own.server, network: r.network })],
      ],
      stillThere: () => owner.networks.GetNetwork({ network: r.network }),
    },
    {
      type: 'subnet',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.subnets.GetSubnet({ subnet: r.subnet })],
        ['delete', (a) => a.subnets.DeleteSubnet({ subnet: r.subnet })],
        [
          'reference: fixed IP on it',
          (a) => a.ports.CreatePort({ name: 'steal', network: own.network, fixedIps: [{ subnet: r.subnet }] }),
        ],
      ],
      stillThere: () => owner.subnets.GetSubnet({ subnet: r.subnet }),
    },
    {
      type: 'port',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.ports.GetPort({ port: r.port })],
        ['delete', (a) => a.ports.DeletePort({ port: r.port })],
        ['reference: boot with it', (a) => boot(a, { networks: [{ port: r.port }] })],
        ['reference: NIC from it', (a) => a.servers.AddServerPort({ server: own.server, port: r.port })],
      ],
      stillThere: () => owner.ports.GetPort({ port: r.port }),
    },
    {
      type: 'router',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.routers.GetRouter({ router: r.router })],
        ['update (rename)', (a) => a.routers.UpdateRouter({ router: r.router, name: 'stolen' })],
        ['update (gateway)', (a) => a.routers.SetRouterGateway({ router: r.router, externalNetwork: 'matrix-public' })],
        ['update (clear gateway)', (a) => a.routers.ClearRouterGateway({ router: r.fipRouter })],
        ['update (own subnet on it)', (a) => a.routers.AddRouterInterface({ router: r.router, subnet: 'iso-sub' })],
        ['update (remove a subnet)', (a) => a.routers.RemoveRouterInterface({ router: r.fipRouter, subnet: r.subnet })],
        ['delete', (a) => a.routers.DeleteRouter({ router: r.router })],
      ],
      stillThere: () => owner.routers.GetRouter({ router: r.fipRouter }),
    },
    {
      type: 'floating IP',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.floatingIps.GetFloatingIp({ floatingIp: r.floatingIp })],
        ['update (set port)', (a) => a.floatingIps.SetFloatingIpPort({ floatingIp: r.floatingIp, port: r.port })],
        ['update (unset port)', (a) => a.floatingIps.UnsetFloatingIpPort({ floatingIp: r.floatingIp })],
        ['delete', (a) => a.floatingIps.DeleteFloatingIp({ floatingIp: r.floatingIp })],
        [
          "reference: the owner's port for a new one",
          (a) => a.floatingIps.CreateFloatingIp({ floatingNetwork: 'matrix-public', port: r.port }),
        ],
      ],
      stillThere: () => owner.floatingIps.GetFloatingIp({ floatingIp: r.floatingIp }),
    },
    {
      type: 'security group',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.securityGroups.GetSecurityGroup({ securityGroup: r.group })],
        [
          'update (add a rule)',
          (a) =>
            a.securityGroups.CreateSecurityGroupRule({
              securityGroup: r.group,
              direction: 'ingress',
              ethertype: 'IPv4',
              protocol: 'tcp',
              portRangeMin: 22,
              portRangeMax: 22,
            }),
        ],
        ['delete', (a) => a.securityGroups.DeleteSecurityGroup({ securityGroup: r.group })],
        [
          'reference: port in it',
          (a) => a.ports.CreatePort({ name: 'steal', network: own.network, securityGroups: [r.group] }),
        ],
        [
          'reference: remote group of a rule',
          (a) =>
            a.securityGroups.CreateSecurityGroupRule({
              securityGroup: own.group,
              direction: 'ingress',
              ethertype: 'IPv4',
              protocol: 'tcp',
              portRangeMin: 22,
              portRangeMax: 22,
              remoteGroup: r.group,
            }),
        ],
      ],
      stillThere: () => owner.securityGroups.GetSecurityGroup({ securityGroup: r.group }),
    },
    {
      type: 'security group rule',
      strangers: ['other-member', 'other-admin'],
      calls: [['delete', (a) => a.securityGroups.DeleteSecurityGroupRule({ ruleId: r.rule })]],
      stillThere: async () => {
        const g = await owner.securityGroups.GetSecurityGroup({ securityGroup: r.group });
        assert.ok(
          g.rules.some((x) => x.id === r.rule),
          'the rule is still there',
        );
      },
    },
    {
      type: 'volume',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.volumes.GetVolume({ volume: r.volume })],
        ['update', (a) => a.volumes.UpdateVolume({ volume: r.volume, description: 'stolen' })],
        ['update (extend)', (a) => a.volumes.ExtendVolume({ volume: r.volume, newSizeGib: 50 })],
        ['delete', (a) => a.volumes.DeleteVolume({ volume: r.volume })],
        ['reference: attach', (a) => a.serverVolumes.AddServerVolume({ server: own.server, volume: r.volume })],
        ['reference: snapshot', (a) => a.volumeSnapshots.CreateVolumeSnapshot({ name: 'steal', volume: r.volume })],
        [
          'reference: boot from it',
          (a) => a.servers.CreateServer({ name: 'steal', flavor: 'small', image: '', bootVolume: r.volume }),
        ],
      ],
      stillThere: async () => {
        const v = await owner.volumes.GetVolume({ volume: r.volume });
        assert.notEqual(v.description, 'stolen');
      },
    },
    {
      type: 'snapshot',
      strangers: ['other-member', 'other-admin'],
      calls: [
        ['get', (a) => a.volumeSnapshots.GetVolumeSnapshot({ snapshot: r.snapshot })],
        ['delete', (a) => a.volumeSnapshots.DeleteVolumeSnapshot({ snapshot: r.snapshot })],
        [
          'reference: volume from it',
          (a) => a.volumes.CreateVolume({ name: 'steal', sizeGib: 1, snapshot: r.snapshot }),
        ],
      ],
      stillThere: () => owner.volumeSnapshots.GetVolumeSnapshot({ snapshot: r.snapshot }),
    },
    {
      type: 'key pair',
      // owner-admin: a teammate of the key's user (acting as a member there), who may boot servers.
      strangers: ['other-member', 'other-admin', 'owner-admin'],
      calls: [
        ['get', (a) => a.keyPairs.GetKeyPair({ keyPair: r.keyPair })],
        ['delete', (a) => a.keyPairs.DeleteKeyPair({ keyPair: r.keyPair })],
        ['reference: boot with it', (a) => boot(a, { keyName: r.keyPair })],
      ],
      stillThere: () => owner.keyPairs.GetKeyPair({ keyPair: r.keyPair }),
    },
  ];
}
