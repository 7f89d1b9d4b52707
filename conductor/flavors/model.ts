// A flavor: a named instance size. Immutable once created (as in Nova), so an
// instance can copy it at boot and never depend on it again.
export interface FlavorRecord {
  id: string;
  name: string;
  vcpus: number;
  ramMib: number;
  diskGib: number;
  createdAt: string;
}

/**
 * Upper bounds that catch typos (a RAM size given in bytes) rather than real
 * hosts; the API edge holds requests to them (conductor/api/schemas/flavors.ts).
 */
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
