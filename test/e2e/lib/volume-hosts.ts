// What the hosts hold of block storage, read from the hosts themselves: strato's tgt
// targets and CHAP accounts in each storage host's tgtd, strato's libvirt secrets and
// the volume disks of the running domains in each host's libvirtd. `exportMismatches`
// compares it all with the conductor's attachment records: after any crash and
// restart, each must match exactly one record and each record must have exactly one
// of each, or the cloud leaks (a target nobody uses) or lies (an attachment with no
// path to the guest).
import { domainDisks } from '../../../agent/hypervisor/libvirt/disk-lookup.ts';
import { volumeOfSecretUsage } from '../../../agent/hypervisor/volume-secret.ts';
import { volumeOfAccount, volumeOfTarget } from '../../../agent/storage/iscsi/iscsi-names.ts';
import type { AttachmentRecord } from '../../../conductor/volumes/model.ts';
import type { Cloud, CloudHost } from './cloud.ts';
import { withLibvirt } from './host-libvirt.ts';
import { attachmentRecords } from './store-view.ts';

export interface HostVolumeState {
  host: string;
  /** Volume ids of strato's targets in the host's tgtd ([] without one). */
  targets: string[];
  /** Volume ids of strato's CHAP accounts in the host's tgtd. */
  accounts: string[];
  /** Volume ids of strato's secrets in the host's libvirtd. */
  secrets: string[];
  /** Volume ids (disk serials) of the disks of the host's running domains. */
  disks: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ids = (xs: (string | undefined)[]): string[] => xs.filter((x): x is string => x !== undefined).sort();

export async function hostVolumeState(host: CloudHost): Promise<HostVolumeState> {
  const tgtd = host.sim.tgtd;
  const [targets, accounts] = tgtd ? await Promise.all([tgtd.targets(), tgtd.accounts()]) : [[], []];
  const { secrets, disks } = await withLibvirt(host, async (lv) => {
    const domains = (await lv.listDomains()).filter((d) => d.state === 'RUNNING' || d.state === 'PAUSED');
    const xmls = await Promise.all(domains.map((d) => lv.getDomainXml(d.name)));
    return {
      secrets: (await lv.listSecrets()).map((s) => volumeOfSecretUsage(s.usageId)),
      disks: xmls.flatMap((x) => domainDisks(x).map((d) => d.serial)).filter((s) => s !== undefined && UUID.test(s)),
    };
  });
  return {
    host: host.id,
    targets: ids(targets.map((t) => volumeOfTarget(t.iqn))),
    accounts: ids(accounts.map(volumeOfAccount)),
    secrets: ids(secrets),
    disks: ids(disks),
  };
}

/**
 * Every way the hosts differ from the attachment records ([] when they agree): per
 * storage host, its targets and accounts are exactly the volumes it exports by record;
 * per host, its secrets and its domains' volume disks exactly the volumes attached
 * there by record. Duplicates count (a volume twice is a mismatch).
 */
export async function exportMismatches(cloud: Cloud): Promise<string[]> {
  const records = attachmentRecords(cloud);
  const states = await Promise.all(cloud.hosts.map(hostVolumeState));
  return compareWithRecords(records, states);
}

export function compareWithRecords(records: readonly AttachmentRecord[], states: readonly HostVolumeState[]) {
  const out: string[] = [];
  const check = (host: string, what: string, seen: string[], expected: string[]) => {
    const want = [...expected].sort();
    if (JSON.stringify(seen) !== JSON.stringify(want)) {
      out.push(`${host} ${what}: holds [${seen.join(', ')}], the records call for [${want.join(', ')}]`);
    }
  };
  for (const s of states) {
    const exported = records.filter((r) => r.storageHost === s.host).map((r) => r.volumeId);
    const attached = records.filter((r) => r.computeHost === s.host).map((r) => r.volumeId);
    check(s.host, 'tgt targets', s.targets, exported);
    check(s.host, 'tgt accounts', s.accounts, exported);
    check(s.host, 'libvirt secrets', s.secrets, attached);
    check(s.host, 'volume disks', s.disks, attached);
  }
  return out;
}
