// The destination's half of a move, before the hypervisor brings the domain: the
// instance's files exist here, at this host's paths, as a spawn would make them (the
// image in the cache, an empty overlay of the flavor's size on it, the config drive,
// volume secrets, wired taps), and no domain is defined. A failure leaves nothing; a
// repeat starts afresh (no domain means nothing here is in use yet).
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StratoError } from '../../common/errors.ts';
import { configDriveTree } from '../config-drive/config-drive-tree.ts';
import { ensureDir, GROUP_DIR_MODE, GROUP_READ_MODE, GROUP_WRITE_MODE, restrict } from '../state-dir/file-access.ts';
import { requireFreeSpace } from './disk-space.ts';
import { recordIncomingVolumes } from './incoming-volumes.ts';
import { instancePaths } from './instance-paths.ts';
import { requirePortsWired } from './port-wiring.ts';
import { Reverter } from './reverter.ts';
import type { SpawnDeps } from './spawn.ts';
import { instanceSpecFor, requestVolumes, type SpawnRequest } from './spawn-request.ts';

/** Where an instance lands on the destination; the source rewrites its paths with it. */
export interface IncomingPlace {
  /** The destination hypervisor's address for migrations (its underlay IP). */
  migrationAddress: string;
  instanceDir: string;
  /** The image cache's directory (the root disk's base is named by its sha256 in it). */
  imageDir: string;
  /**
   * The initiator name this host's QEMU presents for the instance's volumes ('' without
   * volumes): the source writes it into the migrated domain, as the storage host admits it.
   */
  initiatorName: string;
}

/** The directory the image cache keeps bases in (`pathOf` names a base by its sha256 there). */
export function imageDirOf(images: SpawnDeps['images']): string {
  return dirname(images.pathOf('0'.repeat(64)));
}

/** Prepares the files of `req` here; the caller holds the instance's lock. */
export async function prepareIncoming(
  deps: SpawnDeps,
  req: SpawnRequest,
  migrationAddress: string | undefined,
): Promise<IncomingPlace> {
  const { hv, images, disks, log } = deps;
  const gid = deps.guestGid;
  const paths = instancePaths(deps.stateDir, req.instanceId);
  // Validates the request as a spawn would (nothing is used from the spec itself).
  instanceSpecFor(req, {
    paths,
    basePath: req.image === undefined ? '' : images.pathOf(req.image.sha256),
    virtType: deps.virtType,
    createdAt: new Date().toISOString(),
  });
  if (migrationAddress === undefined) {
    throw new StratoError(
      'FAILED_PRECONDITION',
      'MIGRATION_ADDRESS_UNKNOWN',
      'this agent does not know its migration address (set --migration-address or --underlay-ip)',
    );
  }
  if ((await hv.powerState(req.instanceId)) !== undefined) {
    throw new StratoError(
      'FAILED_PRECONDITION',
      'INSTANCE_EXISTS',
      `a domain for instance ${req.instanceId} is defined on this host`,
      { details: { instanceId: req.instanceId } },
    );
  }
  await requireFreeSpace(deps.stateDir, deps.diskReserveBytes ?? 0, deps.freeSpace);
  await rm(paths.dir, { recursive: true, force: true });
  const reverter = new Reverter();
  const release = req.image === undefined ? undefined : images.hold?.(req.image.sha256);
  try {
    await ensureDir(paths.dir, GROUP_DIR_MODE, gid);
    reverter.add('instance directory', () => rm(paths.dir, { recursive: true, force: true }));
    if (req.bootVolume === undefined && req.image !== undefined) {
      const base = await images.ensure(req.image);
      // The same virtual size as the source's overlay: the copy needs the target that large.
      const size = disks.overlaySize(req.flavor.diskGiB, await images.virtualSize(base));
      await disks.createOverlay(base, paths.disk, size);
      await restrict(paths.disk, GROUP_WRITE_MODE, gid);
    }
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
    if (!req.noConfigDrive) {
      await disks.writeConfigDrive(drive, paths.configDrive);
      await restrict(paths.configDrive, GROUP_READ_MODE, gid);
    }
    const volumes = requestVolumes(req);
    for (const v of volumes) {
      await hv.setVolumeSecret(v.volumeId, v.chapSecret);
      reverter.add(`volume secret ${v.volumeId}`, () => hv.removeVolumeSecret(v.volumeId));
    }
    // Until the domain arrives (its metadata names them), a delete finds the volumes here.
    if (volumes.length > 0)
      await recordIncomingVolumes(
        paths.dir,
        volumes.map((v) => v.volumeId),
      );
    await requirePortsWired(deps, req.ports, 'UNAVAILABLE');
    reverter.success();
    log.info({ instanceId: req.instanceId }, 'incoming instance prepared');
    const initiatorName = requestVolumes(req)[0]?.initiatorName ?? '';
    return { migrationAddress, instanceDir: paths.dir, imageDir: imageDirOf(images), initiatorName };
  } catch (err) {
    const failedUndos = await reverter.revert(log);
    log.warn({ instanceId: req.instanceId, err, failedUndos }, 'incoming preparation failed; rolled back');
    throw err;
  } finally {
    release?.();
  }
}
