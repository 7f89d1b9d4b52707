// A floating IP's association with a port, as store ops: the guard keys that
// let a port delete, a router change and another association see it (the
// top of floating-ips.ts says who checks which). Pure; ports.ts uses the
// dissociation when a port with floating IPs is deleted.
import type { Compare, Entry, Op } from '../store/store.ts';
import { epochKey, fipTargetKey, portFipKey, recordKey, routerFipKey } from './keys.ts';
import type { FloatingIpRecord, PortRecord, RouterRecord } from './model.ts';

/** Where an association points, resolved and checked. */
export interface Target {
  port: PortRecord;
  fixedIp: string;
  fixedSubnetId: string;
  router: Entry<RouterRecord>;
}

/** The guard keys of an association (see the top of this file). */
export function associateOps(f: FloatingIpRecord, t: Target): { compares: Compare[]; ops: Op[] } {
  return {
    compares: [
      { kind: 'exists', key: recordKey('ports', t.port.id) },
      { kind: 'modRevision', key: t.router.key, modRevision: t.router.modRevision },
    ],
    ops: [
      { kind: 'create', key: fipTargetKey(f.networkId, t.port.id, t.fixedIp), value: { floatingIpId: f.id } },
      { kind: 'put', key: portFipKey(t.port.id, f.id), value: { subnetId: t.fixedSubnetId, fixedIp: t.fixedIp } },
      { kind: 'put', key: routerFipKey(t.router.value.id, f.id), value: { subnetId: t.fixedSubnetId } },
      { kind: 'put', key: epochKey(t.port.id), value: {} },
      { kind: 'put', key: epochKey(t.router.value.id), value: {} },
    ],
  };
}

/** Removes an associated floating IP's guard keys (the record is written by the caller). */
export function dissociateOps(f: FloatingIpRecord): Op[] {
  return [
    { kind: 'delete', key: fipTargetKey(f.networkId, f.portId, f.fixedIp) },
    { kind: 'delete', key: portFipKey(f.portId, f.id) },
    { kind: 'delete', key: routerFipKey(f.routerId, f.id) },
  ];
}

export function cleared(f: FloatingIpRecord, at: string): FloatingIpRecord {
  return { ...f, portId: '', fixedIp: '', routerId: '', updatedAt: at };
}
