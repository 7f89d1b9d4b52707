// Domain events: the event IDs we register (connectDomainEventCallbackRegisterAny), the
// MESSAGE procedures they arrive as, and their decoders into typed plain objects.
import { LIFECYCLE_DETAILS, LIFECYCLE_EVENTS, type LifecycleEventName } from './flags.ts';
import { Proc } from './procedures.ts';
import { type DomainRef, readDomain } from './remote-types.ts';
import { XdrReader } from './xdr.ts';

export interface LifecycleEvent {
  domain: DomainRef;
  /** e.g. STOPPED; `UNKNOWN_<n>` for codes newer than this client. */
  event: LifecycleEventName | `UNKNOWN_${number}`;
  /** e.g. SHUTDOWN, DESTROYED; `UNKNOWN_<n>` when not known. */
  detail: string;
  eventCode: number;
  detailCode: number;
}

export interface DeviceEvent {
  domain: DomainRef;
  /** The device alias from the domain XML, e.g. `virtio-disk1`, `net1`, `ua-…`. */
  devAlias: string;
}

export interface RebootEvent {
  domain: DomainRef;
}

/** Typed event names → listener arguments, for EventEmitter<…>. */
export interface DomainEventMap {
  lifecycle: [LifecycleEvent];
  reboot: [RebootEvent];
  'device-added': [DeviceEvent];
  'device-removed': [DeviceEvent];
  'device-removal-failed': [DeviceEvent];
}
export type DomainEventName = keyof DomainEventMap;

/** virDomainEventID per name. */
export const DOMAIN_EVENT_IDS: Record<DomainEventName, number> = {
  lifecycle: 0,
  reboot: 1,
  'device-removed': 15,
  'device-added': 19,
  'device-removal-failed': 22,
};

export const DOMAIN_EVENT_NAMES = Object.keys(DOMAIN_EVENT_IDS) as DomainEventName[];

export type DecodedEvent = {
  [K in DomainEventName]: { name: K; callbackId: number; payload: DomainEventMap[K][0] };
}[DomainEventName];

function lifecycle(domain: DomainRef, eventCode: number, detailCode: number): LifecycleEvent {
  const event = LIFECYCLE_EVENTS[eventCode];
  const details = event === undefined ? undefined : LIFECYCLE_DETAILS[event];
  return {
    domain,
    event: event ?? `UNKNOWN_${eventCode}`,
    detail: details?.[detailCode] ?? `UNKNOWN_${detailCode}`,
    eventCode,
    detailCode,
  };
}

/** Decodes a `*_EVENT_CALLBACK_*` message; null for procedures we do not subscribe to. */
export function decodeDomainEvent(proc: number, body: Buffer): DecodedEvent | null {
  const r = new XdrReader(body);
  switch (proc) {
    case Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE: {
      const callbackId = r.int();
      const domain = readDomain(r);
      const eventCode = r.int();
      const detailCode = r.int();
      return { name: 'lifecycle', callbackId, payload: lifecycle(domain, eventCode, detailCode) };
    }
    case Proc.DOMAIN_EVENT_CALLBACK_REBOOT: {
      const callbackId = r.int();
      return { name: 'reboot', callbackId, payload: { domain: readDomain(r) } };
    }
    case Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED:
    case Proc.DOMAIN_EVENT_CALLBACK_DEVICE_ADDED:
    case Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED: {
      // All three are (callbackID, dom, devAlias) on the wire.
      const callbackId = r.int();
      const domain = readDomain(r);
      const devAlias = r.string();
      const name =
        proc === Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED
          ? 'device-removed'
          : proc === Proc.DOMAIN_EVENT_CALLBACK_DEVICE_ADDED
            ? 'device-added'
            : 'device-removal-failed';
      return { name, callbackId, payload: { domain, devAlias } };
    }
    default:
      return null;
  }
}
