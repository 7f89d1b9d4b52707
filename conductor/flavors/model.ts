// A flavor: a named instance size. Immutable once created (as in Nova), so an
// instance can copy it at boot and never depend on it again.
import { invalidArgument } from '../../common/errors.ts';
import { validateName } from '../naming/names.ts';

export interface FlavorRecord {
  id: string;
  name: string;
  vcpus: number;
  ramMib: number;
  diskGib: number;
  createdAt: string;
}

/** Upper bounds that catch typos (a RAM size given in bytes) rather than real hosts. */
export const FLAVOR_LIMITS = {
  vcpus: 1024,
  ramMib: 16 * 1024 * 1024,
  diskGib: 64 * 1024,
} as const;

export interface FlavorInput {
  name: string;
  vcpus: number;
  ramMib: number;
  diskGib: number;
}

function sized(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw invalidArgument('FLAVOR_INVALID', `${field} must be an integer from 1 to ${max}, got ${value}`, {
      details: { field },
    });
  }
  return value;
}

/** Errors: INVALID_ARGUMENT NAME_INVALID / FLAVOR_INVALID naming the field. */
export function validateFlavor(input: FlavorInput): FlavorInput {
  return {
    name: validateName('name', input.name),
    vcpus: sized('vcpus', input.vcpus, FLAVOR_LIMITS.vcpus),
    ramMib: sized('ram_mib', input.ramMib, FLAVOR_LIMITS.ramMib),
    diskGib: sized('disk_gib', input.diskGib, FLAVOR_LIMITS.diskGib),
  };
}
