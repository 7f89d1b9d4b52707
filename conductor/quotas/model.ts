// Quotas as the conductor keeps them: per-project limits (what an admin set,
// else the cloud's defaults from the conductor's configuration) and per-project
// usage, counted from the records that hold each resource (usage-source.ts).
// Limits follow Nova, Cinder and Neutron: instances, cores and RAM (MiB) of
// servers; volumes, gigabytes (volume plus snapshot GiB) and snapshots; networks,
// ports, security groups, floating IPs and routers. -1 means unlimited.

/** The resources, in the order they are shown; `name` is the API's (proto, CLI, errors). */
export const QUOTA_RESOURCES = [
  { key: 'instances', name: 'instances' },
  { key: 'cores', name: 'cores' },
  { key: 'ramMib', name: 'ram' },
  { key: 'volumes', name: 'volumes' },
  { key: 'gigabytes', name: 'gigabytes' },
  { key: 'snapshots', name: 'snapshots' },
  { key: 'networks', name: 'networks' },
  { key: 'ports', name: 'ports' },
  { key: 'securityGroups', name: 'security_groups' },
  { key: 'floatingIps', name: 'floating_ips' },
  { key: 'routers', name: 'routers' },
] as const;

export type QuotaResource = (typeof QUOTA_RESOURCES)[number]['key'];

/** One number per resource: a project's usage, or its limits. */
export type QuotaCounts = Record<QuotaResource, number>;

/** A change of usage: what a create adds (a delete: the same, released). */
export type QuotaDelta = Partial<QuotaCounts>;

export const UNLIMITED = -1;

/**
 * The largest limit that can be set: usage is a sum of numbers JavaScript holds
 * exactly, and a limit beyond this is "unlimited" in all but name.
 */
export const MAX_LIMIT = 2 ** 40;

/** Nova's, Cinder's and Neutron's defaults (the conductor's quotaDefaults overrides them). */
export const DEFAULT_LIMITS: Readonly<QuotaCounts> = Object.freeze({
  instances: 10,
  cores: 20,
  ramMib: 51_200,
  volumes: 10,
  gigabytes: 1000,
  snapshots: 10,
  networks: 100,
  ports: 500,
  securityGroups: 10,
  floatingIps: 50,
  routers: 10,
});

export const NO_LIMITS: Readonly<QuotaCounts> = Object.freeze(
  Object.fromEntries(QUOTA_RESOURCES.map((r) => [r.key, UNLIMITED])) as QuotaCounts,
);

export const ZERO_USAGE: Readonly<QuotaCounts> = Object.freeze(
  Object.fromEntries(QUOTA_RESOURCES.map((r) => [r.key, 0])) as QuotaCounts,
);

/** A project's limits as an admin set them: only the resources set (the others follow the defaults). */
export interface LimitsRecord {
  limits: QuotaDelta;
  updatedAt: string;
}

/** One resource of a project: its limit (and whether that is the default) and what is in use. */
export interface QuotaLine {
  resource: QuotaResource;
  name: string;
  limit: number;
  inUse: number;
  isDefault: boolean;
}

export interface QuotaView {
  projectId: string;
  lines: QuotaLine[];
}

export const apiName = (r: QuotaResource): string => QUOTA_RESOURCES.find((x) => x.key === r)?.name ?? r;
