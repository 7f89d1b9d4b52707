// What an agent's Register says about its host, checked before anything is
// written: a host id that can be a certificate's CN and a store key, an
// address to call back, a capacity the scheduler can place on, and an optional
// VXLAN underlay address. Bad input gets INVALID_ARGUMENT naming the field.
import { echo, invalidArgument } from '../../common/errors.ts';
import { HOST_ID_RE, requireField } from '../naming/names.ts';
import { parseIp } from '../network/ipv4.ts';
import type { RegisterInput } from './host-registry.ts';

/** The fields of RegisterRequest (strato.host.v1) this reads, as plain data. */
export interface Registration {
  address: string;
  capacity: { vcpus: number; ramMib: number; diskGib: number } | null;
  virtType: string;
  agentVersion: string;
  underlayIp: string;
}

const ADDRESS_RE = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/** The host id an agent speaks for. Errors: INVALID_ARGUMENT FIELD_REQUIRED / HOST_ID_INVALID. */
export function validateHostId(value: unknown): string {
  const id = requireField('host_id', value);
  if (!HOST_ID_RE.test(id)) {
    throw invalidArgument('HOST_ID_INVALID', `host_id must be a host name, got ${echo(id)}`, {
      details: { field: 'host_id' },
    });
  }
  return id;
}

/**
 * What HostRegistry.register records for host `hostId` (already validated).
 * Errors: INVALID_ARGUMENT FIELD_REQUIRED / ADDRESS_INVALID / CAPACITY_INVALID / UNDERLAY_IP_INVALID.
 */
export function registerInput(hostId: string, r: Registration): RegisterInput {
  const address = requireField('address', r.address);
  if (!ADDRESS_RE.test(address)) {
    throw invalidArgument('ADDRESS_INVALID', `address must be host:port, got ${echo(address)}`, {
      details: { field: 'address' },
    });
  }
  const cap = r.capacity;
  if (!cap || !(cap.vcpus > 0) || !(cap.ramMib > 0) || !(cap.diskGib > 0)) {
    throw invalidArgument('CAPACITY_INVALID', 'capacity needs vcpus, ram_mib and disk_gib above 0', {
      details: { field: 'capacity' },
    });
  }
  const underlayIp = r.underlayIp.trim();
  if (underlayIp !== '' && parseIp(underlayIp) === undefined) {
    throw invalidArgument('UNDERLAY_IP_INVALID', `underlay_ip must be an IPv4 address, got ${echo(underlayIp)}`, {
      details: { field: 'underlay_ip' },
    });
  }
  return {
    id: hostId,
    address,
    capacity: { vcpus: cap.vcpus, ramMiB: cap.ramMib, diskGiB: cap.diskGib },
    virtType: r.virtType,
    agentVersion: r.agentVersion,
    underlayIp,
  };
}
