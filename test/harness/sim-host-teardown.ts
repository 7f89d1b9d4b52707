// Removing a simulated cluster, from its registry record alone, so the same code serves a
// test's t.after and the clean-up of a crashed earlier run. Every step tolerates what is
// already gone (idempotent) and the steps go on after a failure; errors are reported at the end.
import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { deleteLink, deleteNetns, listLinks, listNetns, netnsIdByName } from './host-plumbing.ts';
import { listHostCgroups, stopHostProcesses } from './sim-host-processes.ts';
import {
  CLUSTER_ID_PATTERN,
  type ClusterRecord,
  type HostRecord,
  ownerAlive,
  readRecords,
  removeRecord,
} from './sim-host-registry.ts';

async function teardownHost(h: HostRecord): Promise<void> {
  const ids = [await netnsIdByName(h.netns), h.mntId].filter((id): id is string => id !== undefined);
  // QEMU, libvirtd, virtlogd, the holder and anything a later agent started: all of them
  // are in the host's cgroup or namespaces, and a namespace only goes away with its last process.
  await stopHostProcesses({ namespaceIds: ids, ...(h.cgroup === undefined ? {} : { cgroup: h.cgroup }) });
  await deleteLink(h.outer);
  await deleteNetns(h.netns);
}

export async function teardownRecord(rec: ClusterRecord): Promise<void> {
  const errors: unknown[] = [];
  const results = await Promise.allSettled(rec.hosts.map(teardownHost));
  for (const r of results) if (r.status === 'rejected') errors.push(r.reason);
  for (const step of [() => deleteLink(rec.bridge), () => rm(rec.dir, { recursive: true, force: true })]) {
    try {
      await step();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `teardown of simulated cluster ${rec.id} incomplete`);
  await removeRecord(rec.id);
}

/**
 * Removes what crashed runs left: clusters whose owner process is dead, then any netns,
 * cgroup, root link or directory under `base` carrying the harness's naming but no live cluster's
 * id (a crash between creating a thing and recording it, or a record deleted by hand).
 */
export async function sweepLeftovers(base?: string): Promise<void> {
  for (const rec of await readRecords()) {
    if (!(await ownerAlive(rec))) await teardownRecord(rec);
  }
  const nsNames = await listNetns();
  const links = await listLinks();
  const cgroups = await listHostCgroups();
  const dirs = base === undefined ? [] : await readdir(base).catch(() => [] as string[]);
  // Read the records again only after listing: a parallel harness records a cluster before
  // creating any of its parts, so whatever we listed is covered by this second read.
  const live = new Set<string>();
  for (const rec of await readRecords()) if (await ownerAlive(rec)) live.add(rec.id);
  const orphan = (name: string): boolean => {
    const id = CLUSTER_ID_PATTERN.exec(name)?.[1];
    return id !== undefined && !live.has(id);
  };
  for (const ns of nsNames.filter(orphan)) {
    const id = await netnsIdByName(ns);
    if (id !== undefined) await stopHostProcesses({ namespaceIds: [id] });
    await deleteNetns(ns);
  }
  for (const cg of cgroups.filter((path) => orphan(basename(path)))) {
    await stopHostProcesses({ namespaceIds: [], cgroup: cg });
  }
  // Bridges last: the veths on them are gone with their namespaces by now.
  const stale = links.filter((l) => orphan(l.ifname));
  stale.sort((a, b) => Number(a.ifname.startsWith('sbr')) - Number(b.ifname.startsWith('sbr')));
  for (const l of stale) await deleteLink(l.ifname);
  if (base !== undefined) {
    for (const d of dirs.filter(orphan)) await rm(join(base, d), { recursive: true, force: true });
  }
}
