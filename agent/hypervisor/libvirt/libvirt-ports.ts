// NICs on a libvirt domain: hot-plug and unplug on a port's tap, each idempotent
// (plug keyed by MAC, unplug by tap), each keeping the domain's metadata in step so a
// restarted agent knows the instance's ports from the host alone.
import { isStratoError } from '../../../common/errors.ts';
import { withoutPort, withPort } from '../instance-metadata.ts';
import type { PortSpec } from '../instance-spec.ts';
import { deviceReleased } from './device-release.ts';
import { buildInterfaceXml } from './domain-xml-interfaces.ts';
import { AffectFlags, XmlFlags } from './flags.ts';
import { detachInterfaceXml, findInterface, type InterfaceFound } from './interface-lookup.ts';
import type { LibvirtClient } from './libvirt-client.ts';
import { updateDomainMetadata } from './metadata-update.ts';

interface NicFound {
  active: boolean;
  live?: InterfaceFound;
  config?: InterfaceFound;
}

/** The NIC matching `by` in the live (running) and the persistent definition. */
async function findNic(client: LibvirtClient, name: string, by: { mac?: string; tap?: string }): Promise<NicFound> {
  const { state } = await client.getDomainState(name);
  const active = state !== 'SHUTOFF';
  const [live, config] = await Promise.all([
    active ? client.getDomainXml(name) : Promise.resolve(undefined),
    client.getDomainXml(name, XmlFlags.INACTIVE),
  ]);
  const found: NicFound = { active };
  const inLive = live === undefined ? undefined : findInterface(live, by);
  const inConfig = findInterface(config, by);
  if (inLive !== undefined) found.live = inLive;
  if (inConfig !== undefined) found.config = inConfig;
  return found;
}

export async function attachNic(client: LibvirtClient, name: string, port: PortSpec): Promise<void> {
  const nic = await findNic(client, name, { mac: port.mac });
  // Only the halves still missing: a retry after a partial attach completes it.
  const flags = (nic.active && !nic.live ? AffectFlags.LIVE : 0) | (nic.config ? 0 : AffectFlags.CONFIG);
  if (flags !== 0) await client.attachDevice(name, buildInterfaceXml(port), flags);
  // A NIC with this MAC recorded already keeps its first port's identity.
  await updateDomainMetadata(client, name, nic.active, (m) => withPort(m, port));
}

export async function detachNic(client: LibvirtClient, name: string, tap: string, timeoutMs: number): Promise<void> {
  let nic: NicFound;
  try {
    nic = await findNic(client, name, { tap });
  } catch (err) {
    if (isStratoError(err, 'NOT_FOUND')) return;
    throw err;
  }
  const found = nic.live ?? nic.config;
  if (found !== undefined) {
    const flags = (nic.live ? AffectFlags.LIVE : 0) | (nic.config ? AffectFlags.CONFIG : 0);
    // Listen before asking: the event may arrive before detachDevice's reply.
    const alias = nic.live?.alias;
    const released = alias ? deviceReleased(client, name, alias, timeoutMs, { what: `NIC ${tap}` }) : undefined;
    try {
      await client.detachDevice(name, detachInterfaceXml(found.mac, tap), flags);
      await released?.wait;
    } finally {
      released?.cancel();
    }
  }
  await updateDomainMetadata(client, name, nic.active, (m) => withoutPort(m, tap));
}
