// The agent's one-line account of itself for systemd's STATUS= (and `systemctl status`):
// what it serves and, when it cannot, why. It follows the hypervisor link's events and
// the registrar's turns; losing either makes the agent degraded, never dead (the link
// and the registrar retry on their own).
import { EventEmitter } from 'node:events';
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

export class AgentHealth extends EventEmitter<{ change: [] }> {
  private readonly facts: AgentFacts;

  constructor(hostId: string, conductor: string) {
    super();
    this.facts = { hostId, conductor, libvirtConnected: true, registered: false, conductorAnswered: undefined };
  }

  get status(): string {
    return agentStatus(this.facts);
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
