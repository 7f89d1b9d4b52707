// Instance disks: a qcow2 overlay on a cached base, created by qemu-img with both
// formats named (-f and -F) so QEMU never probes a guest-writable image, and sized
// to the flavor's disk (never smaller than the base's virtual size).
import { invalidArgument } from '../../common/errors.ts';
import { runTool } from './run-tool.ts';

const GiB = 1024 ** 3;

export async function virtualSizeBytes(path: string, format: 'qcow2' | 'raw'): Promise<number> {
  // -U: a running guest may hold the base open (read-only) already.
  const { stdout } = await runTool('qemu-img', ['info', '-U', '--output=json', '-f', format, path], 'QEMU_IMG_FAILED');
  const size = (JSON.parse(stdout) as { 'virtual-size'?: number })['virtual-size'];
  if (typeof size !== 'number') throw new Error(`qemu-img info ${path}: no virtual-size`);
  return size;
}

/** The overlay's virtual size: the flavor's disk, or the base's own size when the flavor says 0. */
export function overlaySizeBytes(flavorDiskGiB: number, baseVirtualBytes: number): number {
  if (flavorDiskGiB === 0) return baseVirtualBytes;
  const want = flavorDiskGiB * GiB;
  if (want < baseVirtualBytes) {
    throw invalidArgument(
      'FLAVOR_DISK_TOO_SMALL',
      `the image's virtual size (${baseVirtualBytes} bytes) exceeds the flavor's disk (${flavorDiskGiB} GiB)`,
      { details: { field: 'flavor.disk_gib' } },
    );
  }
  return want;
}

export async function createOverlay(
  base: { path: string; format: 'qcow2' | 'raw' },
  overlayPath: string,
  sizeBytes: number,
): Promise<void> {
  await runTool(
    'qemu-img',
    ['create', '-q', '-f', 'qcow2', '-F', base.format, '-b', base.path, overlayPath, String(sizeBytes)],
    'OVERLAY_CREATE_FAILED',
  );
}
