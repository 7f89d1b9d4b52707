// Copies one volume file into another for snapshots and clones: a reflink (FICLONE)
// where the filesystem offers one, which is instant and atomic; otherwise a sparse
// copy (holes stay holes). `cp` does both in one call and keeps the destination's
// inode, so the 0600 mode set when the in-progress file was made survives.
import { copyTimeoutMs, runChecked } from '../run-process.ts';

export async function copyVolumeFile(src: string, dst: string, sizeBytes: number): Promise<void> {
  await runChecked(['cp', '--reflink=auto', '--sparse=always', '--', src, dst], 'VOLUME_COPY_FAILED', {
    timeoutMs: copyTimeoutMs(sizeBytes),
  });
}
