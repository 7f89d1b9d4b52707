// A server's NICs as compute sees them, and the narrow networking seam the
// compute workflows use: one small interface per role, ServerNetworking all of
// them (implemented over conductor/network, the network pusher and the agents'
// AgentNetwork by server-networking/; stubbed in unit tests).
import type { StratoError } from '../../common/errors.ts';
import type { PortSpec } from '../../common/gen/strato/agent/v1/PortSpec.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import type { Principal } from '../identity/model.ts';

export interface InstanceNic {
  networkId: string;
  networkName: string;
  /** '' until the workflow made the port (a NIC on a network). */
  portId: string;
  /** The address asked for (NICs on a network only); '' = from the pools. */
  fixedIp: string;
  /** The server made the port (and deletes it); false for a port the user gave (unbound and kept). */
  owned: boolean;
  /** Copied from the port once it is made, for `addresses`. */
  mac: string;
  ips: string[];
}

/** One entry of CreateServerRequest.networks / AddServerPortRequest. */
export interface NicRequest {
  network: string;
  port: string;
  fixedIp: string;
}

/** Who the server's ports are made for. */
export interface NicOwner {
  id: string;
  projectId: string;
  userId: string;
}

/** What a push did for the host the instance goes to. */
export type HostPush = { ok: true } | { ok: false; error: StratoError };

/** Checks of what a request asks for, before anything is made. */
export interface NicRequests {
  /**
   * Checks NIC requests as `principal` sees things, before anything is made:
   * networks and ports resolved (the server's project's only), ports unused,
   * fixed IPs inside a subnet and free. Returns NICs without ports yet (given
   * ports carry their id). Errors: see CreateServer in server.proto.
   * `projectId` is the server's project (a cloud admin adding a NIC to another
   * project's server names that project's networks). @default the principal's
   */
  resolve(principal: Principal, requests: readonly NicRequest[], projectId?: string): Promise<InstanceNic[]>;
  /** A port's id as `principal` sees it (by id or name). Errors: NOT_FOUND/PORT_NOT_FOUND. */
  portId(principal: Principal, ref: string): Promise<string>;
}

/** A server's ports: made or claimed, bound to its host, let go. */
export interface NicPorts {
  /**
   * Makes the port of every NIC that has none (adopting a port made for the
   * owner before a crash) and claims given ports for the owner. Idempotent.
   * Errors: those of a port create (IP_IN_USE, IP_POOL_EXHAUSTED, ...), PORT_IN_USE.
   */
  allocate(owner: NicOwner, nics: readonly InstanceNic[]): Promise<InstanceNic[]>;
  /** Binds the NICs' ports to the owner on `hostId` ('' = no host, still the owner's). Idempotent. */
  bindHost(ownerId: string, nics: readonly InstanceNic[], hostId: string): Promise<void>;
  /**
   * Wires the NICs' ports on a move's destination too (`hostId`), or no longer
   * ('' ), keeping their binding; idempotent. Optional: networking without it
   * cannot move servers with NICs.
   */
  bindMigrating?(ownerId: string, nics: readonly InstanceNic[], hostId: string): Promise<void>;
  /**
   * Lets go of NICs: deletes owned ports, unbinds given ones; with `orphans`,
   * also deletes ports made for the owner that no NIC names (a crash between
   * making a port and recording it). Idempotent.
   */
  release(owner: NicOwner, nics: readonly InstanceNic[], orphans: boolean): Promise<void>;
}

/** The hosts' network state (bridges, taps, DHCP, rules) following the ports. */
export interface HostNetworkPush {
  /** Pushes the host's current network state and waits for it (UNIMPLEMENTED counts as ok). */
  pushHost(hostId: string): Promise<HostPush>;
  /** Pushes whatever changed, without waiting (e.g. after a delete). */
  pushSoon(): void;
}

/** The NICs as a spawn carries them. */
export interface NicSpawnParts {
  /** The NICs as the agent needs them, and network_data.json for the config drive. */
  spawnParts(nics: readonly InstanceNic[]): Promise<{ ports: PortSpec[]; networkDataJson: string }>;
}

/** NICs plugged into and out of a running guest by its host's agent. */
export interface PortHotplug {
  attach(host: AgentTarget, instanceId: string, port: PortSpec, signal?: AbortSignal): Promise<void>;
  detach(host: AgentTarget, instanceId: string, portId: string, signal?: AbortSignal): Promise<void>;
}

export interface ServerNetworking extends NicRequests, NicPorts, HostNetworkPush, NicSpawnParts, PortHotplug {}

/** Network name → addresses, as Server.addresses shows them. */
export function addressesOf(nics: readonly InstanceNic[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of nics) {
    if (n.ips.length === 0) continue;
    const key = n.networkName || n.networkId;
    out[key] = [...(out[key] ?? []), ...n.ips];
  }
  return out;
}
