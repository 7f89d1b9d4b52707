// The name of an instance's domain on the host, whatever the backend: `strato-<id>`
// (DESIGN.md: ownership visible from the host, e.g. in `virsh list`). The agent reports
// it to the conductor (strato.agent.v1.InstanceStatus.domain_name), and a backend
// tells its own domains from anyone else's by it.

/** Every strato domain is named with this prefix. */
export const DOMAIN_NAME_PREFIX = 'strato-';

export function domainNameFor(instanceId: string): string {
  return DOMAIN_NAME_PREFIX + instanceId;
}

const STRATO_DOMAIN = /^strato-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The instance id in a strato domain's name, or undefined for anyone else's domain. */
export function instanceIdFromDomainName(name: string): string | undefined {
  return STRATO_DOMAIN.exec(name)?.[1];
}
