// Byte access to a volume through the path its driver exports (a file or a block
// device): what the conformance subjects of the real backends use.
import { open } from 'node:fs/promises';
import type { VolumeDriver } from '../../../agent/storage/volume-driver.ts';

export async function readAt(path: string, offset: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function writeAt(path: string, offset: number, data: Uint8Array): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.write(data, 0, data.length, offset);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export function pathIo(driver: VolumeDriver) {
  return {
    read: async (volumeId: string, offset: number, length: number) =>
      readAt(await driver.localPath(volumeId), offset, length),
    write: async (volumeId: string, offset: number, data: Uint8Array) =>
      writeAt(await driver.localPath(volumeId), offset, data),
  };
}
