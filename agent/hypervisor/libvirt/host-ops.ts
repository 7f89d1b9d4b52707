// Connection-level procedures: capabilities XML, node info, event (de)registration.
import { Proc } from './procedures.ts';
import type { Caller } from './session.ts';

export interface NodeInfo {
  /** CPU model, e.g. `x86_64`. */
  model: string;
  /** Memory in KiB. */
  memoryKiB: bigint;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

export function getCapabilities(c: Caller): Promise<string> {
  return c.call(Proc.CONNECT_GET_CAPABILITIES, 'connectGetCapabilities', null, (r) => r.string());
}

export function getNodeInfo(c: Caller): Promise<NodeInfo> {
  return c.call(Proc.NODE_GET_INFO, 'nodeGetInfo', null, (r) => {
    // `char model[32]` is an XDR fixed array of 32 chars: 32 four-byte ints, one byte each.
    const bytes: number[] = [];
    for (let i = 0; i < 32; i++) bytes.push(r.int() & 0xff);
    const end = bytes.indexOf(0);
    const model = Buffer.from(end === -1 ? bytes : bytes.slice(0, end)).toString('latin1');
    return {
      model,
      memoryKiB: r.uhyper(),
      cpus: r.int(),
      mhz: r.int(),
      nodes: r.int(),
      sockets: r.int(),
      cores: r.int(),
      threads: r.int(),
    };
  });
}

/** Registers for one event ID on all domains; returns the daemon-wide callback ID. */
export function registerDomainEvent(c: Caller, eventId: number): Promise<number> {
  return c.call(
    Proc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
    'connectDomainEventCallbackRegisterAny',
    (w) => w.int(eventId).int(0), // dom: null = every domain
    (r) => r.int(),
  );
}

export function deregisterDomainEvent(c: Caller, callbackId: number): Promise<void> {
  return c.call(
    Proc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
    'connectDomainEventCallbackDeregisterAny',
    (w) => w.int(callbackId),
    () => {},
  );
}
