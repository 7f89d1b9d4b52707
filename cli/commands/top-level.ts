// The top-level commands, in the order the root help lists them: each
// module's commands as the root help shows them (name, description, whether
// it takes options) and how to load the module that registers them for real.
// The root help and "did you mean" need only this; a command line loads only
// the module it reaches (lazy-program.ts). Kept by hand, so
// test/unit/cli/lazy-commands.test.ts compares it with the full tree.
import type { Command } from 'commander';
import type { Ctx } from '../context.ts';

export type Register = (program: Command, ctx: Ctx) => void;

/** A top-level command as the root help lists it. */
export interface Summary {
  name: string;
  description: string;
  /** Whether the root help writes `[options]` after the name. */
  options?: true;
}

export interface TopLevelModule {
  /** What the module registers, in its order. */
  commands: readonly Summary[];
  load(): Promise<Register>;
}

export const TOP_LEVEL: readonly TopLevelModule[] = [
  {
    commands: [
      {
        name: 'login',
        description:
          "log in and cache the token with its expiry: as --user (until it expires or 'strato logout'), else with the cloud's configured credentials",
        options: true,
      },
      { name: 'logout', description: 'revoke the token in use and forget the cached one' },
      { name: 'whoami', description: 'the user, project and effective role of the current token' },
      { name: 'token', description: 'bearer tokens' },
      { name: 'project', description: 'projects: who owns what' },
      { name: 'user', description: 'users (admin)' },
      {
        name: 'role',
        description:
          'roles of users in projects: reader reads, member also changes, admin of project admin runs the cloud',
      },
    ],
    load: async () => (await import('./identity.ts')).registerIdentity,
  },
  {
    commands: [{ name: 'image', description: 'images: disk images servers boot from' }],
    load: async () => (await import('./image.ts')).registerImage,
  },
  {
    commands: [{ name: 'flavor', description: 'flavors: named instance sizes (admins create them)' }],
    load: async () => (await import('./flavor.ts')).registerFlavor,
  },
  {
    commands: [{ name: 'server', description: 'servers: virtual machines' }],
    load: async () => (await import('./server.ts')).registerServer,
  },
  {
    commands: [{ name: 'keypair', description: 'key pairs: SSH keys for your servers (yours only)' }],
    load: async () => (await import('./keypair.ts')).registerKeyPair,
  },
  {
    commands: [{ name: 'console', description: "a server's serial console" }],
    load: async () => (await import('./console.ts')).registerConsole,
  },
  {
    commands: [{ name: 'host', description: 'hypervisor hosts (admin only)' }],
    load: async () => (await import('./host.ts')).registerHost,
  },
  {
    commands: [{ name: 'network', description: 'networks: layer-2 segments ports attach to' }],
    load: async () => (await import('./network.ts')).registerNetwork,
  },
  {
    commands: [{ name: 'subnet', description: 'subnets: IPv4 ranges on a network' }],
    load: async () => (await import('./subnet.ts')).registerSubnet,
  },
  {
    commands: [{ name: 'port', description: 'ports: a NIC on a network, with its MAC and addresses' }],
    load: async () => (await import('./port.ts')).registerPort,
  },
  {
    commands: [
      {
        name: 'router',
        description: 'routers: join subnets to each other and to an external network (SNAT, floating IPs)',
      },
    ],
    load: async () => (await import('./router.ts')).registerRouter,
  },
  {
    commands: [{ name: 'floating', description: 'floating IPs' }],
    load: async () => (await import('./floating-ip.ts')).registerFloatingIp,
  },
  {
    commands: [{ name: 'security', description: 'security groups and their rules' }],
    load: async () => (await import('./security-group.ts')).registerSecurityGroup,
  },
  {
    commands: [{ name: 'volume', description: 'volumes: block storage servers attach or boot from' }],
    load: async () => (await import('./volume.ts')).registerVolume,
  },
  {
    commands: [
      { name: 'quota', description: 'quotas: what a project may hold (limits, -1 unlimited) and what it uses' },
    ],
    load: async () => (await import('./quota.ts')).registerQuota,
  },
];
