// A private storage host for compute-side tests: a network namespace of the test's own
// running its own tgtd (private-tgtd.ts), joined to the root namespace by a veth pair
// (a random /30 of 10.233/16: the storage address inside, the initiator's on the
// root side, where libvirtd's QEMU logs in). Volumes are files of the real file
// backend, exported by strato's own storage service (agent/storage: tgt targets,
// CHAP, name ACL, address filter), exactly as a storage agent serves them.
// Everything is named with a per-run tag and removed by close(), also after a failure.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VolumeAttachment } from '../../agent/compute/volume-request.ts';
import { BackedVolumeDriver } from '../../agent/storage/backed-volume-driver.ts';
import { FileBackend } from '../../agent/storage/file/file-backend.ts';
import { TgtTargetManager } from '../../agent/storage/iscsi/target-manager.ts';
import { runProcess } from '../../agent/storage/run-process.ts';
import { StorageService } from '../../agent/storage/storage-service.ts';
import type { VolumeSource } from '../../agent/storage/volume-driver.ts';
import { StratoError } from '../../common/errors.ts';
import { type Logger, log } from '../../common/log.ts';
import { PrivateTgtd } from './private-tgtd.ts';

/** What a compute host needs to attach one exported volume (strato.agent.v1.VolumeSpec as plain data). */
export type LabVolume = VolumeAttachment;

export interface LabVolumeOptions {
  sizeBytes?: number;
  /** Fill it from a file (e.g. the test image) in the named format, converted to raw. */
  source?: { path: string; format: 'qcow2' | 'raw' };
}

const MiB = 1024 * 1024;

const sh = async (argv: string[]): Promise<void> => {
  const r = await runProcess(argv, { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr.trim()}`);
};

export class IscsiLab {
  readonly tag = randomBytes(3).toString('hex');
  readonly ns = `strato-vl-${this.tag}`;
  /** The root namespace's end of the veth pair (≤ 15 characters). */
  readonly hostLink = `stvl${this.tag}`;
  readonly #base = (() => {
    const b = randomBytes(2);
    return `10.233.${b[0]!}.${(b[1]! % 63) * 4}`;
  })();
  /** The initiator's address: QEMU's connections come from here. */
  readonly initiatorIp = this.#base.replace(/\.(\d+)$/, (_m, d: string) => `.${Number(d) + 1}`);
  /** The portal's address, inside the namespace. */
  readonly targetIp = this.#base.replace(/\.(\d+)$/, (_m, d: string) => `.${Number(d) + 2}`);
  readonly initiatorName: string;
  readonly tgtd = new PrivateTgtd(this.ns);
  dir = '';
  storage!: StorageService;
  driver!: BackedVolumeDriver;
  #made: Array<() => Promise<void>> = [];
  readonly #log: Logger;

  constructor(initiatorName = `iqn.2026-01.io.strato:host:lab-${randomBytes(3).toString('hex')}`) {
    this.initiatorName = initiatorName;
    this.#log = log.child({ component: 'iscsi-lab' });
    this.#log.level = 'error';
  }

  get portal(): string {
    return `${this.targetIp}:3260`;
  }

  async open(): Promise<this> {
    try {
      this.dir = await mkdtemp(join(tmpdir(), 'strato-iscsilab-'));
      await chmod(this.dir, 0o700);
      this.#made.push(() => rm(this.dir, { recursive: true, force: true }));
      await sh(['ip', 'netns', 'add', this.ns]);
      this.#made.push(() => sh(['ip', 'netns', 'del', this.ns]));
      await sh(['ip', '-n', this.ns, 'link', 'set', 'lo', 'up']);
      await sh(['ip', 'link', 'add', this.hostLink, 'type', 'veth', 'peer', 'name', 'vt', 'netns', this.ns]);
      this.#made.push(() => sh(['ip', 'link', 'del', this.hostLink]));
      await sh(['ip', 'addr', 'add', `${this.initiatorIp}/30`, 'dev', this.hostLink]);
      await sh(['ip', '-n', this.ns, 'addr', 'add', `${this.targetIp}/30`, 'dev', 'vt']);
      await sh(['ip', 'link', 'set', this.hostLink, 'up']);
      await sh(['ip', '-n', this.ns, 'link', 'set', 'vt', 'up']);
      await this.tgtd.start();
      this.#made.push(() => this.tgtd.kill());
      const exporter = new TgtTargetManager({
        tgtadm: this.tgtd.tgtadm,
        portal: { address: this.targetIp, port: 3260 },
        netns: this.ns,
        log: this.#log,
      });
      await exporter.init();
      this.driver = new BackedVolumeDriver(new FileBackend({ dir: join(this.dir, 'volumes'), wipe: 'none' }), this.#log);
      await this.driver.init();
      const images = {
        ensure: async () => {
          throw new StratoError('UNIMPLEMENTED', 'LAB_HAS_NO_IMAGES', 'the iSCSI lab fills volumes from files');
        },
      };
      this.storage = new StorageService({ driver: this.driver, exporter, images, log: this.#log });
      return this;
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  /** A new volume exported to the lab's initiator with a fresh CHAP secret. */
  async volume(o: LabVolumeOptions = {}): Promise<LabVolume> {
    const volumeId = randomUUID();
    const source: VolumeSource =
      o.source === undefined ? { kind: 'empty' } : { kind: 'image', path: o.source.path, format: o.source.format };
    const v = await this.driver.create({ volumeId, sizeBytes: o.sizeBytes ?? 16 * MiB, source });
    return this.export(volumeId, v.sizeBytes);
  }

  /** (Re-)exports `volumeId` to `initiatorName` with a fresh CHAP secret (a new attachment). */
  async export(volumeId: string, sizeBytes?: number, initiatorName = this.initiatorName): Promise<LabVolume> {
    const chapSecret = randomBytes(18).toString('base64url');
    const exp = await this.storage.export({
      volumeId,
      initiatorName,
      initiatorAddress: this.initiatorIp,
      chapSecret,
    });
    const size = sizeBytes ?? (await this.storage.get(volumeId)).sizeBytes;
    return {
      volumeId,
      device: 'vdc',
      portal: exp.portal,
      targetIqn: exp.targetIqn,
      lun: exp.lun,
      chapUser: exp.chapUser,
      chapSecret,
      initiatorName,
      sizeBytes: size,
    };
  }

  /** ExtendVolume as the storage agent does it: grow the file, re-create the LUN at the new size. */
  async grow(volumeId: string, sizeBytes: number): Promise<void> {
    await this.storage.extend(volumeId, sizeBytes);
  }

  /** The volume's file on the storage side (to look at what a guest wrote). */
  localPath(volumeId: string): Promise<string> {
    return this.driver.localPath(volumeId);
  }

  async close(): Promise<void> {
    for (const undo of this.#made.reverse()) await undo().catch(() => {});
    this.#made = [];
  }
}
