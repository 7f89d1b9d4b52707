// Plain data the scheduler plans over. Snapshots are immutable values: a claim
// produces a new snapshot rather than mutating one, so a selection computed from a
// snapshot can always be re-checked against the latest one before it is committed.

/** An amount of the three resources the scheduler places by. */
export interface Resources {
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
}

/** Over-commit factors per resource, as in Nova/Placement: usable = (capacity - reserved) × ratio. */
export interface AllocationRatio {
  cpu: number;
  ram: number;
  disk: number;
}

export interface HostSnapshot {
  hostId: string;
  /** Operator switch (`host disable`): a disabled host keeps its instances but gets no new ones. */
  enabled: boolean;
  /**
   * false for a host without the compute role (only storage and/or network: its agent
   * serves volumes or routers, not guests). Absent: a compute host.
   */
  compute?: boolean;
  /** Wall-clock ms of the last agent heartbeat; 0 when never heard from. */
  lastHeartbeatMs: number;
  /** Physical size reported by the agent. */
  capacity: Resources;
  allocationRatio: AllocationRatio;
  /** Held back for the hypervisor itself; subtracted before the ratio is applied. */
  reserved?: Partial<Resources>;
  /** Sum of the flavors of the instances claimed on this host. */
  usage: Resources;
  instanceCount: number;
}

/**
 * Where the scheduler follows host facts: the store records under `prefix` (the hosts
 * registry's), each turned into a snapshot whose usage is ignored (the claimer owns usage).
 */
export interface HostSource {
  prefix: string;
  snapshot(record: unknown): HostSnapshot;
}

export interface PlacementRequest {
  requestId: string;
  instanceId: string;
  projectId: string;
  flavor: Resources;
  /** Admin only: place on exactly this host (still subject to every other filter). */
  forceHost?: string;
  /** Hosts that already failed this build; never chosen again for it. */
  excludeHosts?: string[];
  /** Why excludeHosts are excluded, for "No valid host". @default 'already failed this build' */
  excludeWhy?: string;
}

export interface Placement {
  hostId: string;
  /** Next-best hosts, best first, at most `maxAlternates`; never includes `hostId`. */
  alternates: string[];
}

export interface FilterRejection {
  /** Filter name, e.g. `cpu`. */
  filter: string;
  /** How many hosts this filter was the first to reject. */
  rejected: number;
  /** A few human-readable reasons, `<hostId>: <why>`. */
  examples?: string[];
}

export interface NoValidHost {
  /** One entry per filter that rejected at least one host, in filter order. */
  reasons: FilterRejection[];
  /** Hosts considered (the whole cluster). */
  hostCount: number;
}

export type SelectionResult = { ok: true; placement: Placement } | { ok: false; noValidHost: NoValidHost };

/** Everything a filter may consult besides the host and the request. */
export interface FilterContext {
  /** Injected clock reading, so up/down is testable and consistent within one request. */
  nowMs: number;
  /** A host whose last heartbeat is older than this is down. */
  downTimeMs: number;
  /** Whether the caller holds the admin role (`forceHost` is refused otherwise). */
  isAdmin: boolean;
}

/** A filter returns null to keep the host, or a short human-readable reason to drop it. */
export type FilterFn = (host: HostSnapshot, request: PlacementRequest, ctx: FilterContext) => string | null;

export interface HostFilter {
  name: string;
  check: FilterFn;
}
