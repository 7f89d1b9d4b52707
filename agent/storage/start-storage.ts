// Wiring of the storage role (composition only): the backend the configuration names,
// the tgt target manager on the storage portal, the storage service, and the resync
// that gives a restarted tgtd its targets back within seconds. tgtd being down at
// start is not fatal: exports fail UNAVAILABLE until it answers, and the resync loop
// repairs the portal and the filter then.
import type { Logger } from '../../common/log.ts';
import { BackedVolumeDriver } from './backed-volume-driver.ts';
import { FileBackend } from './file/file-backend.ts';
import { TgtTargetManager } from './iscsi/target-manager.ts';
import { Tgtadm } from './iscsi/tgtadm.ts';
import { TestOnlyLoopStandIn } from './lvm/loop-stand-in.ts';
import { DeviceMapperActivator, hasDeviceMapper, type LvActivator } from './lvm/lv-activator.ts';
import { LvmBackend } from './lvm/lvm-backend.ts';
import { LvmRunner } from './lvm/lvm-runner.ts';
import type { StorageConfig } from './storage-config.ts';
import { type StorageImages, StorageService } from './storage-service.ts';
import type { VolumeDriver } from './volume-driver.ts';

/** How often known exports are checked against tgtd (a restarted tgtd is repaired within this). */
export const EXPORT_RESYNC_MS = 5000;

export interface RunningStorage {
  service: StorageService;
  /** strato targets the conductor's exports do not name (TgtTargetManager.orphanTargets). */
  orphanTargets(): Promise<string[]>;
  stop(): void;
}

function lvmDriver(cfg: StorageConfig, log: Logger): VolumeDriver {
  const dm = hasDeviceMapper();
  const runner = new LvmRunner({ activation: dm });
  let activator: LvActivator = new DeviceMapperActivator(runner, dm);
  if (cfg.lvmTestLoopStandIn && !dm) activator = new TestOnlyLoopStandIn(runner);
  if (cfg.lvmTestLoopStandIn && dm) log.warn('device-mapper is present: the LVM test stand-in is ignored');
  return new BackedVolumeDriver(
    new LvmBackend({ volumeGroup: cfg.volumeGroup!, wipe: cfg.wipe, runner, activator, log }),
    log,
  );
}

export async function startStorage(
  cfg: StorageConfig,
  deps: { images: StorageImages; underlayIp: string; log: Logger },
): Promise<RunningStorage> {
  const { log } = deps;
  const driver =
    cfg.backend === 'lvm'
      ? lvmDriver(cfg, log)
      : new BackedVolumeDriver(
          new FileBackend({
            dir: cfg.dir,
            wipe: cfg.wipe,
            log,
            ...(cfg.capacityBytes ? { capacityBytes: cfg.capacityBytes } : {}),
          }),
          log,
        );
  await driver.init();
  const targets = new TgtTargetManager({
    tgtadm: new Tgtadm({ controlPort: cfg.tgtControlPort }),
    portal: cfg.portal ?? { address: deps.underlayIp, port: 3260 },
    log,
  });
  await targets.init().catch((err: unknown) => log.warn({ err }, 'iscsi target manager not ready; retrying'));
  const service = new StorageService({ driver, exporter: targets, images: deps.images, log });
  const timer = setInterval(() => {
    service.resync().catch((err: unknown) => log.warn({ err }, 'iscsi resync failed'));
  }, EXPORT_RESYNC_MS);
  timer.unref();
  log.info({ backend: cfg.backend, portal: targets.portal, wipe: cfg.wipe }, 'storage role started');
  return { service, orphanTargets: () => targets.orphanTargets(), stop: () => clearInterval(timer) };
}
