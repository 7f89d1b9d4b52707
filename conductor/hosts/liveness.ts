// Heartbeats kept in memory, the store written only when its readers need it.
//
// A heartbeat that changes nothing but the time used to rewrite the host record
// (a store commit, a watch event for every follower of /hosts/) about 6 ms of
// conductor CPU each at 200 hosts. Now the registry remembers the latest beat
// of each host here and writes `lastHeartbeatMs` only when the stored value is
// older than `staleMs` (or says down), so:
// - readers through HostRegistry (Hosts API, evacuation, volume placement)
//   see the exact time: the record's value or the remembered one, whichever is later;
// - readers of the store alone (the scheduler's index through its watch, router
//   placement, another process reading the same store) see a live host's time
//   at most `staleMs` + one interval old, which stays under the down-time, so a
//   live host never looks down; a silent host looks down to them at most
//   `staleMs` earlier than to the registry (never later);
// - a conductor that crashes or restarts loses at most `staleMs` of beats: the
//   store still says up, and the agents' next beats (one interval) refresh it.
import type { HostTiming } from './host-state.ts';

/**
 * How old the stored heartbeat may grow before a beat rewrites it: half the
 * down-time, and never so much that a live host's stored beat (this plus one
 * interval, plus two intervals of slack for a late beat) could reach the down-time.
 * 0 (write every beat) when the down-time is that tight (tests run 0.5 s beats, 1.5 s down-time).
 */
export function heartbeatStaleMs(t: HostTiming): number {
  return Math.max(0, Math.min(t.downTimeMs / 2, t.downTimeMs - 3 * t.heartbeatIntervalMs));
}

/** Whether a beat at `nowMs` must be written, given the stored one. Pure. */
export function beatNeedsWrite(storedMs: number, nowMs: number, staleMs: number): boolean {
  if (storedMs <= 0) return true; // never beat, or marked down: readers of the store must see it up now
  return nowMs - storedMs >= staleMs;
}

/** The latest heartbeat of each host this conductor answered (conductor clock, ms). */
export class Liveness {
  private readonly beats = new Map<string, number>();

  /** Remembers a beat; an older one than remembered is ignored. */
  beat(hostId: string, nowMs: number): void {
    if ((this.beats.get(hostId) ?? 0) < nowMs) this.beats.set(hostId, nowMs);
  }

  /** Forgets the host's beats (it was marked down: only a new beat brings it back). */
  forget(hostId: string): void {
    this.beats.delete(hostId);
  }

  /** The later of the stored beat and the remembered one. */
  lastBeat(hostId: string, storedMs: number): number {
    const mem = this.beats.get(hostId) ?? 0;
    return Math.max(mem, storedMs);
  }

  /** `h` with its latest beat (the same object when the store already has it). */
  merge<H extends { id: string; lastHeartbeatMs: number }>(h: H): H {
    const last = this.lastBeat(h.id, h.lastHeartbeatMs);
    return last === h.lastHeartbeatMs ? h : { ...h, lastHeartbeatMs: last };
  }
}
