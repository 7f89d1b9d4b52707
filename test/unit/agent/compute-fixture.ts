// The instance manager over the stateful fake hypervisor, with fake disk tools and an
// image store that write real placeholder files (so "nothing left behind" is checked
// on a real directory), and the requests the unit tests send it: spawns, and volumes
// served by the fake's pretend iSCSI targets.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import {
  type InstanceChange,
  InstanceManager,
  type InstanceManagerOptions,
} from '../../../agent/compute/instance-manager.ts';
import type { DiskTools, ImageStore } from '../../../agent/compute/spawn.ts';
import type { SpawnRequest } from '../../../agent/compute/spawn-request.ts';
import { type VolumeAttachment, volumeSpecOf } from '../../../agent/compute/volume-request.ts';
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import type { CachedImage, ImageRef } from '../../../agent/images/image-source.ts';
import { log } from '../../../common/log.ts';

export const quiet = log.child({});
quiet.level = 'silent';
const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

export const SHA = 'a'.repeat(64);
export const MiB = 1024 * 1024;
export const INITIATOR = 'iqn.2026-01.io.strato:host:h1';

export class FakeImages implements ImageStore {
  fail: Error | undefined;
  ensured = 0;
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }
  pathOf(sha: string): string {
    return join(this.dir, sha);
  }
  async ensure(ref: ImageRef): Promise<CachedImage> {
    this.ensured++;
    if (this.fail) throw this.fail;
    return { path: this.pathOf(ref.sha256), format: ref.diskFormat, sha256: ref.sha256 };
  }
  async virtualSize(): Promise<number> {
    return 40 * 1024 * 1024;
  }
}

export const disks: DiskTools = {
  async createOverlay(_base, overlay) {
    await writeFile(overlay, 'overlay');
  },
  overlaySize: (gib) => gib * 1024 ** 3,
  async writeConfigDrive(files, iso) {
    await writeFile(iso, files.map((f) => f.path).join('\n'));
  },
};

export async function setup(
  opts: { acpiTimeoutS?: number; hv?: FakeHypervisor; stateDir?: string; deps?: Partial<InstanceManagerOptions> } = {},
) {
  const stateDir = opts.stateDir ?? (await mkdtemp(join(tmpdir(), 'strato-im-')));
  dirs.push(stateDir);
  const hv = opts.hv ?? new FakeHypervisor();
  const images = new FakeImages(join(stateDir, 'images'));
  const manager = new InstanceManager({
    hv,
    images,
    disks,
    stateDir,
    virtType: 'qemu',
    availabilityZone: 'nova',
    acpiTimeoutS: opts.acpiTimeoutS ?? 1,
    log: quiet,
    ...opts.deps,
  });
  const changes: InstanceChange[] = [];
  manager.on('changed', (c) => changes.push(c));
  return { stateDir, hv, images, manager, changes };
}

export function req(id = randomUUID()): SpawnRequest {
  return {
    instanceId: id,
    name: 'vm',
    projectId: 'p1',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 256, diskGiB: 1 },
    image: { id: 'img', sha256: SHA, sizeBytes: 10, diskFormat: 'qcow2' },
    userData: Buffer.from('#!/bin/sh\necho hi\n'),
    metadata: {},
    networkDataJson: '',
    ports: [],
  };
}

/**
 * A volume as the conductor sends it, exported by a pretend storage host the fake's
 * guests log in to; `password` is what that target wants (default: the request's).
 */
export function servedVolume(
  hv: FakeHypervisor,
  o: { device?: string; password?: string; sizeBytes?: number } = {},
): VolumeAttachment {
  const volumeId = randomUUID();
  const att: VolumeAttachment = {
    volumeId,
    device: o.device ?? 'vdc',
    portal: '192.0.2.10:3260',
    targetIqn: `iqn.2026-01.io.strato:${volumeId}`,
    lun: 1,
    chapUser: `strato-${volumeId}`,
    chapSecret: `chap-${volumeId.slice(0, 18)}`,
    initiatorName: INITIATOR,
    sizeBytes: o.sizeBytes ?? 16 * MiB,
  };
  hv.iscsi.serve(volumeSpecOf(att, 'volume', att.device === 'vda'), {
    chapUser: att.chapUser,
    password: o.password ?? att.chapSecret,
    initiator: INITIATOR,
    sizeBytes: att.sizeBytes,
  });
  return att;
}

export const settle = (): Promise<unknown> => new Promise((r) => setTimeout(r, 20));
