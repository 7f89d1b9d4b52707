// Spawning one instance: plan (validate, build the spec) with no side effect, then
// execute each step under a reverter, so a failure anywhere — image fetch,
// checksum, overlay, config drive, volume secrets, unwired ports, define, start
// (a volume's iSCSI login included) — leaves nothing on the host. Ports are never
// plugged here: their taps belong to the network driver. A boot from volume fetches
// no image and makes no overlay: its root disk is the volume.
import { rm } from 'node:fs/promises';
import type { Logger } from '../../common/log.ts';
import type { ConfigDriveFile } from '../config-drive/config-drive-tree.ts';
import { configDriveTree } from '../config-drive/config-drive-tree.ts';
import type { Hypervisor } from '../hypervisor/hypervisor.ts';
import type { VirtType } from '../hypervisor/instance-spec.ts';
import type { CachedImage, ImageRef } from '../images/image-source.ts';
import { ensureDir, GROUP_DIR_MODE, GROUP_READ_MODE, GROUP_WRITE_MODE, restrict } from '../state-dir/file-access.ts';
import { type FreeSpace, requireFreeSpace } from './disk-space.ts';
import { instancePaths } from './instance-paths.ts';
import { type PortWait, requirePortsWired } from './port-wiring.ts';
import { Reverter } from './reverter.ts';
import { instanceSpecFor, requestVolumes, type SpawnRequest } from './spawn-request.ts';
import type { VolumeGuard } from './volume-guard.ts';
import { requireVolumesFree, setVolumeSecrets } from './volume-ops.ts';

/** The image cache as the spawn sees it. */
export interface ImageStore {
  pathOf(sha256: string): string;
  ensure(ref: ImageRef): Promise<CachedImage>;
  virtualSize(img: CachedImage): Promise<number>;
  /** Keeps the image from eviction until the returned release is called. @default nothing is evicted */
  hold?(sha256: string): () => void;
}

/** Host tools that write disks; injectable so unit tests need no qemu-img. */
export interface DiskTools {
  createOverlay(base: { path: string; format: 'qcow2' | 'raw' }, overlay: string, sizeBytes: number): Promise<void>;
  overlaySize(flavorDiskGiB: number, baseVirtualBytes: number): number;
  writeConfigDrive(files: readonly ConfigDriveFile[], isoPath: string): Promise<void>;
}

export interface SpawnDeps extends PortWait {
  hv: Hypervisor;
  images: ImageStore;
  disks: DiskTools;
  stateDir: string;
  virtType: VirtType;
  availabilityZone: string;
  log: Logger;
  /**
   * QEMU's group (Hypervisor.guestProcessOwner): the instance directory, overlay and
   * config drive are root's and this group's only. @default the files keep the agent's group
   */
  guestGid?: number;
  /** A boot is refused while the state dir's file system has less free (bytes). @default 0 */
  diskReserveBytes?: number;
  /** @default statfs of the state dir */
  freeSpace?: FreeSpace;
}

/** Spawns `req`; the caller holds the instance's lock and its volumes' (`guard`). */
export async function spawnInstance(deps: SpawnDeps, req: SpawnRequest, guard: VolumeGuard): Promise<void> {
  const { hv, images, disks, log } = deps;
  const gid = deps.guestGid;
  const paths = instancePaths(deps.stateDir, req.instanceId);
  const spec = instanceSpecFor(req, {
    paths,
    basePath: req.image === undefined ? '' : images.pathOf(req.image.sha256),
    virtType: deps.virtType,
    createdAt: new Date().toISOString(),
  });
  const drive = configDriveTree({
    instanceId: req.instanceId,
    name: req.name,
    projectId: req.projectId,
    availabilityZone: deps.availabilityZone,
    metadata: req.metadata,
    userData: req.userData,
    networkDataJson: req.networkDataJson,
    publicKeys: req.publicKeys ?? [],
  });

  await requireVolumesFree(
    hv,
    requestVolumes(req).map((v) => v.volumeId),
    req.instanceId,
  );

  const steps: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    steps[name] = Math.round((now - t) * 10) / 10;
    t = now;
  };

  // Before the first side effect: a full disk refuses the boot and leaves nothing.
  await requireFreeSpace(deps.stateDir, deps.diskReserveBytes ?? 0, deps.freeSpace);
  // A crash during an earlier spawn may have left a directory without a domain.
  await rm(paths.dir, { recursive: true, force: true });
  const reverter = new Reverter();
  // From before the fetch until the overlay names it, the base is this boot's: never evicted.
  const release = req.image === undefined ? undefined : images.hold?.(req.image.sha256);
  try {
    // QEMU enters through its group; user data and disks are no other account's business.
    await ensureDir(paths.dir, GROUP_DIR_MODE, gid);
    reverter.add('instance directory', () => rm(paths.dir, { recursive: true, force: true }));
    if (req.bootVolume === undefined && req.image !== undefined) {
      const base = await images.ensure(req.image);
      lap('imageMs');
      const size = disks.overlaySize(req.flavor.diskGiB, await images.virtualSize(base));
      await disks.createOverlay(base, paths.disk, size);
      reverter.add('overlay', () => rm(paths.disk, { force: true }));
      await restrict(paths.disk, GROUP_WRITE_MODE, gid);
      lap('overlayMs');
    }
    if (!req.noConfigDrive) {
      await disks.writeConfigDrive(drive, paths.configDrive);
      reverter.add('config drive', () => rm(paths.configDrive, { force: true }));
      await restrict(paths.configDrive, GROUP_READ_MODE, gid);
      lap('configDriveMs');
    }
    // QEMU logs in to every volume at start with the password from its secret.
    await setVolumeSecrets(hv, requestVolumes(req), reverter);
    lap('volumeSecretsMs');
    // Checked last, so a push that crossed this spawn had the image fetch to arrive.
    await requirePortsWired(deps, req.ports, 'UNAVAILABLE');
    lap('portsMs');
    // libvirt starts its own log of the domain at define/start; it goes with the rest.
    reverter.add('hypervisor logs', () => hv.removeLogs(req.instanceId));
    await hv.define(spec);
    reverter.add('domain definition', () => hv.undefine(req.instanceId));
    lap('defineMs');
    await hv.start(req.instanceId);
    reverter.add('domain start', () => hv.destroy(req.instanceId));
    lap('startMs');
    reverter.success();
    for (const v of requestVolumes(req)) guard.remember(v.volumeId, v.chapSecret);
    log.info({ instanceId: req.instanceId, ...steps }, 'instance spawned');
  } catch (err) {
    const failedUndos = await reverter.revert(log);
    log.warn({ instanceId: req.instanceId, err, failedUndos, ...steps }, 'spawn failed; rolled back');
    throw err;
  } finally {
    release?.();
  }
}
