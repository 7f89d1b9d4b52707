// Up or down, from the age of the last heartbeat. Pure, with the clock passed in,
// so the scheduler's up filter, the Hosts API and the tests all agree.

export type HostState = 'up' | 'down';

export interface HostTiming {
  /** How often agents are asked to heartbeat. @default 10_000 */
  heartbeatIntervalMs: number;
  /** A host silent for longer than this is down. @default 60_000 */
  downTimeMs: number;
}

export const DEFAULT_HOST_TIMING: Readonly<HostTiming> = { heartbeatIntervalMs: 10_000, downTimeMs: 60_000 };

/** Same rule as the scheduler's up filter: never heard from, or silent for longer than downTimeMs. */
export function hostState(lastHeartbeatMs: number, nowMs: number, downTimeMs: number): HostState {
  if (lastHeartbeatMs <= 0) return 'down';
  return nowMs - lastHeartbeatMs <= downTimeMs ? 'up' : 'down';
}
