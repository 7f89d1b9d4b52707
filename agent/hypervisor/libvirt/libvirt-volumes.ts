// Volume disks on a libvirt domain: hot-plug, unplug and block resize of iSCSI disks,
// each idempotent and keyed by the volume id (the disk's serial), each keeping the
// domain's metadata in step. What a disk needs from the host (its CHAP secret) is
// volume-secrets.ts; the Hypervisor seam over both is libvirt-hypervisor.ts.
import { invalidArgument, isStratoError, notFound, StratoError } from '../../../common/errors.ts';
import { withoutVolume, withVolume } from '../instance-metadata.ts';
import type { VolumeSpec } from '../instance-spec.ts';
import { volumeMissing } from '../volume-targets.ts';
import { deviceReleased } from './device-release.ts';
import { type DiskFound, detachDiskXml, domainDisks } from './disk-lookup.ts';
import { buildVolumeDiskXml } from './domain-xml-disks.ts';
import { AffectFlags, BlockResizeFlags, XmlFlags } from './flags.ts';
import type { LibvirtClient } from './libvirt-client.ts';
import { updateDomainMetadata } from './metadata-update.ts';

/**
 * QEMU's iSCSI initiator failing its login (a wrong CHAP password or initiator name,
 * a target that refuses or does not answer) reaches us as libvirt's INTERNAL_ERROR
 * carrying QEMU's words, which start with `iSCSI:`. For the caller that is the
 * storage side's state, not a hypervisor fault: UNAVAILABLE, QEMU's words kept.
 */
export function iscsiLoginFailure(err: unknown): unknown {
  if (!isStratoError(err) || err.code !== 'INTERNAL' || !/\biSCSI: /.test(err.message)) return err;
  return new StratoError(
    'UNAVAILABLE',
    'VOLUME_UNREACHABLE',
    `the volume's iSCSI target refused or did not answer the login: ${err.message}`,
    { cause: err, details: err.details },
  );
}

interface Disks {
  active: boolean;
  /** The running domain's disks (undefined when it does not run). */
  live?: DiskFound[];
  /** The persistent definition's disks. */
  config: DiskFound[];
}

/** The disks of the live domain and of its definition. Throws NOT_FOUND without a domain. */
async function observeDisks(client: LibvirtClient, name: string): Promise<Disks> {
  const { state } = await client.getDomainState(name);
  const active = state !== 'SHUTOFF';
  const [live, config] = await Promise.all([
    active ? client.getDomainXml(name) : Promise.resolve(undefined),
    client.getDomainXml(name, XmlFlags.INACTIVE),
  ]);
  return { active, config: domainDisks(config), ...(live === undefined ? {} : { live: domainDisks(live) }) };
}

export async function attachVolumeDisk(client: LibvirtClient, name: string, volume: VolumeSpec): Promise<void> {
  const disks = await observeDisks(client, name);
  // Only the halves still missing: a retry after a partial attach completes it.
  const liveMissing = disks.live !== undefined && volumeMissing(disks.live, volume, name);
  const configMissing = volumeMissing(disks.config, volume, name);
  const flags = (liveMissing ? AffectFlags.LIVE : 0) | (configMissing ? AffectFlags.CONFIG : 0);
  const xml = buildVolumeDiskXml(volume);
  if (flags !== 0) {
    try {
      // libvirt saves the definition only once the live half worked: a failed login leaves neither.
      await client.attachDevice(name, xml, flags);
    } catch (err) {
      throw iscsiLoginFailure(err);
    }
  }
  try {
    await updateDomainMetadata(client, name, disks.active, (m) => withVolume(m, volume));
  } catch (err) {
    // Unrecorded, the disk would be unknown to a restarted agent: take back what this call plugged.
    if (flags !== 0) await client.detachDevice(name, xml, flags).catch(() => {});
    throw err;
  }
}

// QEMU refuses a second device_del while the guest has not answered the first.
const unplugPending = (err: unknown): boolean =>
  isStratoError(err) && /already in the process of unplug/.test(err.message);

export async function detachVolumeDisk(
  client: LibvirtClient,
  name: string,
  volumeId: string,
  timeoutMs: number,
): Promise<void> {
  let disks: Disks;
  try {
    disks = await observeDisks(client, name);
  } catch (err) {
    if (isStratoError(err, 'NOT_FOUND')) return;
    throw err;
  }
  const live = disks.live?.find((d) => d.serial === volumeId);
  const config = disks.config.find((d) => d.serial === volumeId);
  const found = live ?? config;
  if (found !== undefined) {
    const flags = (live ? AffectFlags.LIVE : 0) | (config ? AffectFlags.CONFIG : 0);
    // Listen before asking: the event may arrive before detachDevice's reply.
    const released =
      live?.alias === undefined
        ? undefined
        : deviceReleased(client, name, live.alias, timeoutMs, {
            timeoutCode: 'DEADLINE_EXCEEDED',
            what: `volume ${volumeId} (${live.target})`,
          });
    try {
      await client.detachDevice(name, detachDiskXml(found), flags).catch((err: unknown) => {
        if (!unplugPending(err)) throw err;
      });
      await released?.wait;
    } finally {
      released?.cancel();
    }
  }
  await updateDomainMetadata(client, name, disks.active, (m) => withoutVolume(m, volumeId));
}

export async function resizeVolumeDisk(
  client: LibvirtClient,
  name: string,
  volumeId: string,
  sizeBytes: number,
): Promise<void> {
  const disks = await observeDisks(client, name);
  const disk = (disks.live ?? disks.config).find((d) => d.serial === volumeId);
  if (disk === undefined) {
    throw notFound('VOLUME_NOT_ATTACHED', `volume ${volumeId} is not attached to ${name}`, { details: { volumeId } });
  }
  // A stopped guest opens the volume afresh at its next start, at whatever size it has then.
  if (disks.live === undefined) return;
  const size = BigInt(sizeBytes);
  const { capacity } = await client.getBlockInfo(name, disk.target);
  if (size < capacity) {
    throw invalidArgument(
      'VOLUME_SHRINK_REFUSED',
      `size_bytes: ${size} is below the ${capacity} bytes ${disk.target} has now; volumes only grow`,
      { details: { field: 'size_bytes' } },
    );
  }
  if (size === capacity) return;
  await client.blockResize(name, disk.target, size, BlockResizeFlags.BYTES);
}
