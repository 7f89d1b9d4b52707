// The backing file a qcow2 image names, read from its header (the qcow2 spec: magic
// "QFI\xfb", then version, then backing_file_offset as a big-endian u64 and
// backing_file_size as a u32), so finding which cached bases are in use costs one
// small read per overlay rather than a qemu-img process each.
import { open } from 'node:fs/promises';

const MAGIC = 0x514649fb;
/** The spec caps the name at 1023 bytes. */
const MAX_NAME = 1023;

/** The backing file named in the header; undefined when none. Throws when the file is no qcow2. */
export async function qcow2BackingFile(path: string): Promise<string | undefined> {
  const fh = await open(path, 'r');
  try {
    const header = Buffer.alloc(20);
    const { bytesRead } = await fh.read(header, 0, 20, 0);
    if (bytesRead < 20 || header.readUInt32BE(0) !== MAGIC) throw new Error(`${path}: not a qcow2 image`);
    const offset = header.readBigUInt64BE(8);
    const size = header.readUInt32BE(16);
    if (offset === 0n || size === 0) return undefined;
    if (size > MAX_NAME) throw new Error(`${path}: backing file name of ${size} bytes`);
    const name = Buffer.alloc(size);
    const read = await fh.read(name, 0, size, Number(offset));
    if (read.bytesRead !== size) throw new Error(`${path}: backing file name cut short`);
    return name.toString('utf8');
  } finally {
    await fh.close();
  }
}
