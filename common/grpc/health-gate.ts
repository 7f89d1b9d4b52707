// Health that means something: a service is SERVING while every dependency it
// needs is usable, NOT_SERVING while one is not. The daemon says which services
// (of which servers) need what — the conductor's services need its store; the
// agent's Agent service needs libvirt while its network and storage services do
// not — and reports each dependency as it changes (a probe, a link's events).
// A status is set only when a service's verdict changes; '' (the whole server)
// is a service like the others here, gated by what the daemon lists for it.
import type { Logger } from '../log.ts';
import type { ServingStatus } from './health-service.ts';

export interface HealthSink {
  setHealth(service: string, status: ServingStatus): void;
}

export interface GatedServer {
  server: HealthSink;
  /** Service name ('' for the whole server) → the dependencies it needs. */
  needs: Readonly<Record<string, readonly string[]>>;
}

export class HealthGate {
  private readonly targets: readonly GatedServer[];
  private readonly log: Logger;
  /** Dependency → why it is unusable; absent when usable. */
  private readonly down = new Map<string, string>();
  /** What was last set, per target and service (SERVING until told otherwise, as servers start). */
  private readonly shown = new Map<HealthSink, Map<string, ServingStatus>>();

  constructor(targets: readonly GatedServer[], log: Logger) {
    this.targets = targets;
    this.log = log.child({ component: 'health' });
  }

  /** Reports a dependency usable (`problem` undefined) or not, and why. Idempotent. */
  set(dependency: string, problem: string | undefined): void {
    const before = this.down.get(dependency);
    if (before === problem) return;
    if (problem === undefined) {
      this.down.delete(dependency);
      this.log.info({ dependency, was: before }, 'dependency usable again');
    } else {
      this.down.set(dependency, problem);
      this.log.warn({ dependency, reason: problem }, 'dependency unusable');
    }
    this.apply();
  }

  /** The unusable dependencies and why, in the order they failed. */
  problems(): ReadonlyMap<string, string> {
    return this.down;
  }

  /** What a service of `server` should report now. */
  statusOf(target: GatedServer, service: string): ServingStatus {
    const needs = target.needs[service] ?? [];
    return needs.every((d) => !this.down.has(d)) ? 'SERVING' : 'NOT_SERVING';
  }

  private apply(): void {
    for (const target of this.targets) {
      let shown = this.shown.get(target.server);
      if (shown === undefined) {
        shown = new Map();
        this.shown.set(target.server, shown);
      }
      for (const service of Object.keys(target.needs)) {
        const status = this.statusOf(target, service);
        if ((shown.get(service) ?? 'SERVING') === status) continue;
        shown.set(service, status);
        target.server.setHealth(service, status);
      }
    }
  }
}

/** `needs` for a server all of whose services (and the server itself, '') need `dependencies`. */
export function allServicesNeed(
  services: readonly string[],
  dependencies: readonly string[],
): Record<string, readonly string[]> {
  return Object.fromEntries(['', ...services].map((s) => [s, dependencies]));
}
