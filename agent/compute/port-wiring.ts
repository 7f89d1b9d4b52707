// "A domain starts only after its ports are fully wired": the network driver creates
// each port's tap, bridge membership and rules when the conductor pushes the host's
// network state, which it does before it spawns or hot-plugs. The two calls may still
// cross on the wire, so a spawn or hot-plug waits a few seconds for the push before
// it gives up; it never wires a port itself, because only the pushed state carries
// the port's network, security groups and DHCP entry (a tap without its rules would
// be an unfiltered port).
import { StratoError } from '../../common/errors.ts';
import type { PortRef } from '../network/network-state.ts';
import type { SpawnPort } from './spawn-request.ts';

export interface PortWiring {
  /** Resolves with the ids of the ports still not wired after at most `timeoutMs`. */
  waitWired(refs: readonly PortRef[], timeoutMs: number): Promise<string[]>;
}

export interface PortWait {
  wiring?: PortWiring;
  /** How long to wait for the push. */
  portWaitMs?: number;
}

export const DEFAULT_PORT_WAIT_MS = 5000;

/**
 * Throws `code` (reason PORT_NOT_WIRED) naming the ports whose taps are not wired:
 * UNAVAILABLE for a spawn (the conductor retries it after its push), FAILED_PRECONDITION
 * for a hot-plug (push the state first).
 */
export async function requirePortsWired(
  deps: PortWait,
  ports: readonly SpawnPort[],
  code: 'UNAVAILABLE' | 'FAILED_PRECONDITION',
): Promise<void> {
  if (ports.length === 0) return;
  if (deps.wiring === undefined) {
    throw new StratoError('FAILED_PRECONDITION', 'NETWORKING_DISABLED', 'this agent runs without a network driver');
  }
  const refs = ports.map((p) => ({ portId: p.id, tap: p.tap, mac: p.mac }));
  const missing = await deps.wiring.waitWired(refs, deps.portWaitMs ?? DEFAULT_PORT_WAIT_MS);
  if (missing.length === 0) return;
  throw new StratoError(
    code,
    'PORT_NOT_WIRED',
    `port(s) ${missing.join(', ')} are not wired on this host: the host's network state with them has not been applied`,
    { details: { portIds: missing.join(',') } },
  );
}
