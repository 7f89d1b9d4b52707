// qemu-img as the storage backends use it: every image is opened by a JSON spec that
// names its driver (so nothing is ever probed) and, for qcow2, sets `backing: null`
// (so a backing file named inside the image is never opened: the image cache refuses
// such images already, this is the second lock). Volumes are always `raw`.
import { stat } from 'node:fs/promises';
import { copyTimeoutMs, runChecked } from './run-process.ts';
import type { ImageFormat } from './volume-driver.ts';

/** QEMU's protocol driver for a path: `host_device` for block devices (LVs), `file` otherwise. */
export type Protocol = 'file' | 'host_device';

export const protocolOf = async (path: string): Promise<Protocol> =>
  (await stat(path)).isBlockDevice() ? 'host_device' : 'file';

/** The `json:` filename qemu-img opens `path` with, as `format` and nothing else. */
export function imageSpec(path: string, format: ImageFormat, protocol: Protocol = 'file'): string {
  const spec: Record<string, unknown> = { driver: format, file: { driver: protocol, filename: path } };
  if (format === 'qcow2') spec.backing = null;
  return `json:${JSON.stringify(spec)}`;
}

export async function virtualSize(path: string, format: ImageFormat): Promise<number> {
  // -U: the image cache may have the file open read-only for a running guest.
  const out = await runChecked(
    ['qemu-img', 'info', '-U', '--output=json', imageSpec(path, format)],
    'IMAGE_INFO_FAILED',
    {
      timeoutMs: 60_000,
    },
  );
  const size = (JSON.parse(out) as { 'virtual-size'?: unknown })['virtual-size'];
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw new Error(`qemu-img info gave no virtual size for ${path}`);
  }
  return size;
}

const PROGRESS = /\((\d+(?:\.\d+)?)\/100%\)/g;

/** The last percentage in a chunk of `qemu-img -p` output, if any. */
export function lastProgress(chunk: string): number | undefined {
  let last: number | undefined;
  for (const m of chunk.matchAll(PROGRESS)) last = Number(m[1]);
  return last;
}

export interface ConvertOptions {
  /** Size of the target, for the deadline. */
  sizeBytes: number;
  /** The target already reads as zeros: qemu-img may skip writing zero areas. */
  targetIsZero: boolean;
  onProgress?: ((percent: number) => void) | undefined;
}

/**
 * Streams `source` into the existing raw `target` (a file or a block device) without
 * a temporary copy; never resizes the target.
 */
export async function convertInto(
  source: { path: string; format: ImageFormat },
  target: string,
  opts: ConvertOptions,
): Promise<void> {
  const argv = ['qemu-img', 'convert', '-p', '-n', '-O', 'raw'];
  if (opts.targetIsZero) argv.push('--target-is-zero');
  argv.push(imageSpec(source.path, source.format, await protocolOf(source.path)), target);
  await runChecked(argv, 'IMAGE_CONVERT_FAILED', {
    timeoutMs: copyTimeoutMs(opts.sizeBytes),
    onStdout: (chunk) => {
      const p = lastProgress(chunk);
      if (p !== undefined) opts.onProgress?.(Math.floor(p));
    },
  });
}
