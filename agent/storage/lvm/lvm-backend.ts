// The LVM backend: thick LVs in an operator's volume group, named so ownership shows
// (lvm-names.ts), read back through lvm2's JSON reports. Thick LVs reuse extents other
// LVs freed, so a new LV (and a grown tail) is zeroed before anyone can read it, and a
// deleted one is wiped per policy; both use BLKZEROOUT (`blkdiscard --zeroout`), which
// the device may offload. The data path needs the LV as a block device: see
// lv-activator.ts for what provides one, and what happens without device-mapper.
import { failedPrecondition } from '../../../common/errors.ts';
import { type Logger, log as rootLog } from '../../../common/log.ts';
import type { CopySource, Draft, VolumeBackendOps } from '../backend-ops.ts';
import { convertInto, virtualSize } from '../qemu-img.ts';
import { copyTimeoutMs, runChecked } from '../run-process.ts';
import type {
  Capacity,
  ImageFormat,
  SnapshotInfo,
  VolumeCapabilities,
  VolumeInfo,
  VolumeInventory,
  WipePolicy,
} from '../volume-driver.ts';
import type { LvActivator, LvLocation } from './lv-activator.ts';
import { newVolumeLvName, parseLvName, snapshotLvName, volumeLvName } from './lvm-names.ts';
import { groupLvs, type LvInfo, parseLvSegments, parseVgs, type VgInfo } from './lvm-report.ts';
import type { LvmRunner } from './lvm-runner.ts';

export interface LvmBackendOptions {
  volumeGroup: string;
  wipe: WipePolicy;
  runner: LvmRunner;
  activator: LvActivator;
  log?: Logger;
}

/** Zeroes `length` bytes of a block device from `offset` (BLKZEROOUT). */
async function zeroDevice(device: string, offset: number, length: number): Promise<void> {
  await runChecked(
    ['blkdiscard', '--zeroout', '--offset', String(offset), '--length', String(length), device],
    'VOLUME_ZERO_FAILED',
    { timeoutMs: copyTimeoutMs(length) },
  );
}

export class LvmBackend implements VolumeBackendOps {
  readonly backend = 'lvm' as const;
  readonly wipe: WipePolicy;
  readonly #vg: string;
  readonly #runner: LvmRunner;
  readonly #activator: LvActivator;
  readonly #log: Logger;
  #extentSize = 0;

  constructor(opts: LvmBackendOptions) {
    this.#vg = opts.volumeGroup;
    this.wipe = opts.wipe;
    this.#runner = opts.runner;
    this.#activator = opts.activator;
    this.#log = (opts.log ?? rootLog).child({ component: 'lvm-backend', vg: opts.volumeGroup });
  }

  /** Which data path runs (device-mapper or the test stand-in). */
  get dataPath(): string {
    return this.#activator.description;
  }

  capabilities(): VolumeCapabilities {
    if (this.#extentSize === 0) throw new Error('LvmBackend.init() has not run');
    return { snapshots: this.#activator.snapshots, sizeGranularityBytes: this.#extentSize };
  }

  async #vgInfo(): Promise<VgInfo> {
    const fields = ['-o', 'vg_name,vg_size,vg_free,vg_extent_size', this.#vg];
    const vg = parseVgs(await this.#runner.report('vgs', fields)).find((v) => v.name === this.#vg);
    if (vg === undefined) throw failedPrecondition('VOLUME_GROUP_NOT_FOUND', `volume group ${this.#vg} not found`);
    return vg;
  }

  async #lvs(): Promise<Map<string, LvInfo>> {
    const json = await this.#runner.report('lvs', [
      '--segments',
      '-o',
      'lv_name,lv_size,origin,seg_pe_ranges',
      this.#vg,
    ]);
    return groupLvs(parseLvSegments(json));
  }

  async #lv(name: string): Promise<LvInfo | undefined> {
    return (await this.#lvs()).get(name);
  }

  #location(lv: LvInfo): LvLocation {
    return { vg: this.#vg, lv: lv.name, sizeBytes: lv.sizeBytes, extentSizeBytes: this.#extentSize, ranges: lv.ranges };
  }

  async init(): Promise<void> {
    this.#extentSize = (await this.#vgInfo()).extentSizeBytes;
    this.#log.info({ dataPath: this.#activator.description, extentSize: this.#extentSize }, 'lvm backend ready');
    for (const lv of (await this.#lvs()).values()) {
      if (parseLvName(lv.name)?.kind !== 'in-progress') continue;
      this.#log.warn({ lv: lv.name }, 'removing an interrupted create');
      await this.#removeLv(lv);
    }
  }

  async capacity(): Promise<Capacity> {
    const [vg, lvs] = await Promise.all([this.#vgInfo(), this.#lvs()]);
    let allocatedBytes = 0;
    for (const lv of lvs.values()) if (parseLvName(lv.name) !== undefined) allocatedBytes += lv.sizeBytes;
    // vg_free already excludes every LV, strato's or not: it is what a new LV can take.
    return { totalBytes: vg.sizeBytes, allocatedBytes, freeBytes: vg.freeBytes };
  }

  async inventory(): Promise<VolumeInventory> {
    const inv: VolumeInventory = { volumes: [], snapshots: [] };
    for (const lv of (await this.#lvs()).values()) {
      const p = parseLvName(lv.name);
      if (p?.kind === 'volume') inv.volumes.push({ volumeId: p.id, sizeBytes: lv.sizeBytes });
      const origin = parseLvName(lv.origin);
      if (p?.kind === 'snapshot' && origin?.kind === 'volume') {
        inv.snapshots.push({ snapshotId: p.id, volumeId: origin.id, sizeBytes: lv.sizeBytes });
      }
    }
    return inv;
  }

  async volume(volumeId: string): Promise<VolumeInfo | undefined> {
    const lv = await this.#lv(volumeLvName(volumeId));
    return lv === undefined ? undefined : { volumeId, sizeBytes: lv.sizeBytes };
  }

  async snapshot(snapshotId: string): Promise<SnapshotInfo | undefined> {
    return (await this.inventory()).snapshots.find((s) => s.snapshotId === snapshotId);
  }

  imageSize(path: string, format: ImageFormat): Promise<number> {
    return virtualSize(path, format);
  }

  #alloc(): string[] {
    return this.#activator.requiresContiguous ? ['--alloc', 'contiguous'] : [];
  }

  async #device(name: string): Promise<string> {
    const lv = await this.#lv(name);
    if (lv === undefined) throw new Error(`LV ${this.#vg}/${name} vanished`);
    return this.#activator.activate(this.#location(lv));
  }

  async beginVolume(volumeId: string, sizeBytes: number): Promise<Draft> {
    await this.abandonVolume(volumeId);
    const name = newVolumeLvName(volumeId);
    // -Zn -Wn: lvm2 would zero only the first 4 KiB; the whole LV is zeroed below instead.
    await this.#runner.run('lvcreate', [
      '-y',
      '-Zn',
      '-Wn',
      ...this.#alloc(),
      '-n',
      name,
      '-L',
      `${sizeBytes}b`,
      this.#vg,
    ]);
    try {
      const path = await this.#device(name);
      await zeroDevice(path, 0, sizeBytes);
      return { volumeId, sizeBytes, path };
    } catch (err) {
      await this.abandonVolume(volumeId).catch((undo: unknown) => this.#log.error({ err: undo }, 'undo failed'));
      throw err;
    }
  }

  async fillFromImage(
    draft: Draft,
    image: { path: string; format: ImageFormat },
    onProgress?: (p: number) => void,
  ): Promise<void> {
    await convertInto(image, draft.path, { sizeBytes: draft.sizeBytes, targetIsZero: true, onProgress });
  }

  async fillFromCopy(draft: Draft, source: CopySource, sourceBytes: number): Promise<void> {
    const name = source.kind === 'volume' ? volumeLvName(source.volumeId) : snapshotLvName(source.snapshotId);
    // The source is a raw volume: named raw, so whatever a guest wrote into it is copied, never interpreted.
    await convertInto({ path: await this.#device(name), format: 'raw' }, draft.path, {
      sizeBytes: sourceBytes,
      targetIsZero: true,
    });
  }

  async commitVolume(draft: Draft): Promise<void> {
    await this.#runner.run('lvrename', [this.#vg, newVolumeLvName(draft.volumeId), volumeLvName(draft.volumeId)]);
  }

  async abandonVolume(volumeId: string): Promise<void> {
    const lv = await this.#lv(newVolumeLvName(volumeId));
    if (lv !== undefined) await this.#removeLv(lv);
  }

  async growVolume(volumeId: string, fromBytes: number, toBytes: number): Promise<void> {
    const name = volumeLvName(volumeId);
    try {
      await this.#runner.run('lvextend', [...this.#alloc(), '-L', `${toBytes}b`, `${this.#vg}/${name}`]);
    } catch (err) {
      if (this.#activator.requiresContiguous && /contiguous/.test((err as Error).message)) {
        throw failedPrecondition(
          'LV_NOT_CONTIGUOUS',
          `${this.#activator.description}: an LV can only grow into free extents right after it, and those are in use`,
          { cause: err, details: { volumeId } },
        );
      }
      throw err;
    }
    // The new extents may hold what an earlier LV left there.
    await zeroDevice(await this.#device(name), fromBytes, toBytes - fromBytes);
  }

  async #removeLv(lv: LvInfo): Promise<void> {
    const loc = this.#location(lv);
    if (this.wipe === 'zero') await zeroDevice(await this.#activator.activate(loc), 0, lv.sizeBytes);
    await this.#activator.deactivate(loc);
    await this.#runner.run('lvremove', ['-y', `${this.#vg}/${lv.name}`]);
  }

  async removeVolume(volumeId: string): Promise<void> {
    const lv = await this.#lv(volumeLvName(volumeId));
    if (lv !== undefined) await this.#removeLv(lv);
  }

  async takeSnapshot(snapshotId: string, volume: VolumeInfo): Promise<void> {
    // As large as the origin: the copy-on-write area can never overflow and invalidate the snapshot.
    const origin = `${this.#vg}/${volumeLvName(volume.volumeId)}`;
    await this.#runner.run('lvcreate', [
      '-y',
      '-s',
      '-n',
      snapshotLvName(snapshotId),
      '-L',
      `${volume.sizeBytes}b`,
      origin,
    ]);
  }

  async removeSnapshot(snapshotId: string): Promise<void> {
    // Zeroing a snapshot writes through its copy-on-write area, overwriting what it kept of the origin.
    const lv = await this.#lv(snapshotLvName(snapshotId));
    if (lv !== undefined) await this.#removeLv(lv);
  }

  localPath(volumeId: string): Promise<string> {
    return this.#device(volumeLvName(volumeId));
  }
}
