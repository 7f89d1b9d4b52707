// Moving a domain to another libvirtd, peer to peer: this host's libvirtd dials the
// destination's over TLS (strato's host certificates as its client PKI) and QEMU
// streams memory and the writable disks (NBD, no shared storage) straight to the
// destination's address. The domain XML travels with the destination's paths (each
// agent has its own state directory). Without UNDEFINE_SOURCE the source keeps its
// stopped definition and files until the agent deletes them (a resize revert needs
// them). Progress and abort go through the domain's migration job.
import { internal, isStratoError, StratoError } from '../../../common/errors.ts';
import type { MigrateOptions, MigrationProgress, PathRewrite } from '../hypervisor.ts';
import type { FlavorSpec } from '../instance-spec.ts';
import { JobStatsFlags, JobType, MigrateFlags, MigrateParam, XmlFlags } from './flags.ts';
import type { LibvirtClient } from './libvirt-client.ts';
import { updateDomainMetadata } from './metadata-update.ts';
import { type TypedParam, type TypedParams, TypedParamType } from './typed-params.ts';
import { escapeXmlAttr } from './xml-escape.ts';

/** A migration takes as long as it takes; the conductor's timeout aborts it. */
const MIGRATE_CALL_MS = 24 * 3600 * 1000;

/** Every prefix replaced in the XML, as it is written in attributes. */
export function rewritePaths(xml: string, rewrites: readonly PathRewrite[]): string {
  let out = xml;
  for (const r of rewrites) out = out.replaceAll(escapeXmlAttr(r.from), escapeXmlAttr(r.to));
  return out;
}

/** Targets of the writable file disks (the overlay): what QEMU copies. Read-only ones (the config drive) are prepared there. */
export function copiedDisks(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<disk\b[^>]*>[\s\S]*?<\/disk>/g)) {
    const disk = m[0];
    if (!/^<disk\b[^>]*\btype=['"]file['"]/.test(disk) || /<readonly\s*\/>/.test(disk)) continue;
    const target = /<target\b[^>]*\bdev=['"]([^'"]+)['"]/.exec(disk)?.[1];
    if (target !== undefined) out.push(target);
  }
  return out;
}

/**
 * Every volume disk's initiator name set to `name` (the destination's): the storage
 * host admits the destination under its own name, not under the source's.
 */
export function withInitiator(xml: string, name: string | undefined): string {
  if (name === undefined) return xml;
  return xml.replace(/(<initiator>\s*<iqn\s+name=)(['"])[^'"]*\2/g, `$1$2${escapeXmlAttr(name)}$2`);
}

const hostPart = (address: string): string => (address.includes(':') ? `[${address}]` : address);

/** qemu+tls://<address>/system, with the client PKI directory when given. */
export function destinationUri(address: string, pkiDir?: string): string {
  const base = `qemu+tls://${hostPart(address)}/system`;
  return pkiDir === undefined ? base : `${base}?pkipath=${encodeURIComponent(pkiDir)}`;
}

/** The call's flags and typed parameters: a pure plan, table-tested. */
export function migrationPlan(
  o: MigrateOptions,
  xml: { live: string; persistent: string },
): { flags: number; params: TypedParam[] } {
  const destXml = withInitiator(rewritePaths(xml.live, o.rewrites), o.initiatorName);
  const disks = copiedDisks(destXml);
  let flags = MigrateFlags.PEER2PEER | MigrateFlags.PERSIST_DEST;
  flags |= o.live ? MigrateFlags.LIVE : MigrateFlags.PAUSED;
  if (disks.length > 0) flags |= MigrateFlags.NON_SHARED_DISK;
  const S = TypedParamType.STRING;
  const params: TypedParam[] = [
    { field: MigrateParam.URI, type: S, value: `tcp://${hostPart(o.address)}` },
    // The destination's QEMU listens on its underlay address only, not on every address.
    { field: MigrateParam.LISTEN_ADDRESS, type: S, value: o.address },
    { field: MigrateParam.DEST_XML, type: S, value: destXml },
    {
      field: MigrateParam.PERSIST_XML,
      type: S,
      value: withInitiator(rewritePaths(xml.persistent, o.rewrites), o.initiatorName),
    },
    ...disks.map((d) => ({ field: MigrateParam.MIGRATE_DISKS, type: S, value: d })),
  ];
  if (o.bandwidthMiBs > 0) {
    params.push({ field: MigrateParam.BANDWIDTH, type: TypedParamType.ULLONG, value: o.bandwidthMiBs });
  }
  return { flags, params };
}

function num(stats: TypedParams, key: string): number {
  const v = stats[key];
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0;
}

/** libvirt's job statistics → strato's progress. */
export function progressOf(stats: TypedParams): MigrationProgress {
  return {
    elapsedMs: num(stats, 'time_elapsed'),
    memoryTotal: num(stats, 'memory_total'),
    memoryProcessed: num(stats, 'memory_processed'),
    memoryRemaining: num(stats, 'memory_remaining'),
    diskTotal: num(stats, 'disk_total'),
    diskProcessed: num(stats, 'disk_processed'),
    diskRemaining: num(stats, 'disk_remaining'),
    ...(stats.downtime === undefined ? {} : { downtimeMs: num(stats, 'downtime') }),
  };
}

export async function migrateDomain(
  client: LibvirtClient,
  name: string,
  o: MigrateOptions,
): Promise<MigrationProgress | undefined> {
  const live = await client.getDomainXml(name, XmlFlags.MIGRATABLE);
  const persistent = await client.getDomainXml(name, XmlFlags.INACTIVE | XmlFlags.MIGRATABLE);
  const { flags, params } = migrationPlan(o, { live, persistent });
  await client.migratePeerToPeer(name, destinationUri(o.address, o.pkiDir), params, flags, MIGRATE_CALL_MS);
  try {
    const done = await client.getJobStats(name, JobStatsFlags.COMPLETED);
    return done.type === JobType.NONE ? undefined : progressOf(done.stats);
  } catch {
    return undefined; // the figures are a bonus: the guest has moved
  }
}

export async function migrationProgress(client: LibvirtClient, name: string): Promise<MigrationProgress | undefined> {
  try {
    const job = await client.getJobStats(name, 0);
    return job.type === JobType.NONE ? undefined : progressOf(job.stats);
  } catch (err) {
    // No domain, or a stopped one ("domain is not running"): no job.
    if (isStratoError(err, 'NOT_FOUND') || isStratoError(err, 'FAILED_PRECONDITION')) return undefined;
    throw err;
  }
}

export async function abortMigration(client: LibvirtClient, name: string): Promise<void> {
  try {
    await client.abortJob(name);
  } catch (err) {
    // No domain, or no job running ("no job is active on the domain"): nothing to cancel.
    if (isStratoError(err, 'NOT_FOUND') || isStratoError(err, 'FAILED_PRECONDITION')) return;
    throw err;
  }
}

/** The inactive definition with other vCPUs and memory (libvirt writes memory back in KiB). */
export function withFlavor(xml: string, flavor: Pick<FlavorSpec, 'vcpus' | 'ramMiB'>): string {
  const kib = String(flavor.ramMiB * 1024);
  const steps: [RegExp, string][] = [
    [/<memory\b[^>]*>\d+<\/memory>/, `<memory unit='KiB'>${kib}</memory>`],
    [/<currentMemory\b[^>]*>\d+<\/currentMemory>/, `<currentMemory unit='KiB'>${kib}</currentMemory>`],
    [/<vcpu\b([^>]*)>\d+<\/vcpu>/, `<vcpu$1>${flavor.vcpus}</vcpu>`],
  ];
  let out = xml;
  for (const [re, to] of steps) {
    if (!re.test(out)) throw internal('DOMAIN_XML_UNEXPECTED', `the domain definition has no ${re.source}`);
    out = out.replace(re, to);
  }
  return out;
}

export async function setDomainFlavor(client: LibvirtClient, name: string, flavor: FlavorSpec): Promise<void> {
  const { state } = await client.getDomainState(name);
  if (state !== 'SHUTOFF') {
    throw new StratoError('FAILED_PRECONDITION', 'INVALID_POWER_STATE', `domain ${name} must be stopped (is ${state})`);
  }
  await client.defineDomain(withFlavor(await client.getDomainXml(name, XmlFlags.INACTIVE), flavor));
  await updateDomainMetadata(client, name, false, (m) => ({ ...m, flavor: { ...flavor } }));
}
