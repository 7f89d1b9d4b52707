// The agent's one-line account of itself for systemd's STATUS= (and `systemctl status`):
// what it serves and, when it cannot, why. It follows the hypervisor link's events and
// the registrar's turns; losing either makes the agent degraded, never dead (the link
// and the registrar retry on their own). The same facts give the degraded reasons the
// agent reports to the conductor (`strato host show`) and its gRPC health.
import { EventEmitter } from 'node:events';
import type { HealthGate } from '../common/grpc/health-gate.ts';
import type { HypervisorEvents } from './hypervisor/hypervisor.ts';

export interface AgentFacts {
  hostId: string;
  /** The conductor endpoint tried first. */
  conductor: string;
  libvirtConnected: boolean;
  registered: boolean;
  /** The last register or heartbeat got an answer (undefined: none tried yet). */
  conductorAnswered: boolean | undefined;
}

/** Worst first: a host without libvirt serves nothing, whatever the conductor says. */
export function agentStatus(f: AgentFacts): string {
  if (!f.libvirtConnected) return 'degraded: libvirt unreachable, reconnecting';
  if (f.conductorAnswered === false) return `degraded: conductor ${f.conductor} unreachable, retrying`;
  if (!f.registered) return `starting: registering with conductor ${f.conductor}`;
  return `serving as ${f.hostId}, registered with conductor ${f.conductor}`;
}

/**
 * What the host cannot do now, as short phrases for the conductor to show. The
 * conductor's own reachability is not among them: whoever reads this heard from us.
 */
export function degradedReasons(f: AgentFacts): string[] {
  return f.libvirtConnected ? [] : ['libvirt unreachable'];
}

export class AgentHealth extends EventEmitter<{ change: [] }> {
  private readonly facts: AgentFacts;

  constructor(hostId: string, conductor: string) {
    super();
    this.facts = { hostId, conductor, libvirtConnected: true, registered: false, conductorAnswered: undefined };
  }

  get status(): string {
    return agentStatus(this.facts);
  }

  get libvirtConnected(): boolean {
    return this.facts.libvirtConnected;
  }

  get degradedReasons(): string[] {
    return degradedReasons(this.facts);
  }

  watchHypervisor(hv: EventEmitter<HypervisorEvents>): void {
    hv.on('disconnected', () => this.update({ libvirtConnected: false }));
    hv.on('reconnected', () => this.update({ libvirtConnected: true }));
  }

  /** After each turn of the registrar's loop. */
  conductorTurn(answered: boolean, registered: boolean, conductor: string): void {
    this.update({ conductorAnswered: answered, registered, conductor });
  }

  private update(change: Partial<AgentFacts>): void {
    const before = this.status;
    Object.assign(this.facts, change);
    if (this.status !== before) this.emit('change');
  }
}

/** The HealthGate dependency the services that drive guests need. */
export const LIBVIRT = 'libvirt';

/** Reports the hypervisor link to `gate` as it comes and goes (the link starts up: connect succeeded). */
export function gateOnHypervisor(gate: Pick<HealthGate, 'set'>, hv: EventEmitter<HypervisorEvents>): void {
  hv.on('disconnected', () => gate.set(LIBVIRT, 'libvirt unreachable'));
  hv.on('reconnected', () => gate.set(LIBVIRT, undefined));
}
