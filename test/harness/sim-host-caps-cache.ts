// A fresh libvirtd probes QEMU's capabilities (4 s per emulator binary here) the first
// time it needs them. Every simulated host runs the same binaries, so the probe results
// are shared: copied into a new host's private /var/cache/libvirt before it starts, and
// copied back when a cluster is torn down (kept in $STRATO_CACHE, like the test image).
// libvirt checks each cached file against the binary, libvirtd and kernel it runs with
// and probes again when one changed, so a stale copy costs time, never correctness.
import { copyFile, mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

const CAPS_SUBDIR = join('qemu', 'capabilities');

/** A file libvirt wrote completely (it is not written atomically). */
async function complete(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.trimEnd().endsWith('</qemuCaps>');
}

async function copyComplete(fromDir: string, toDir: string): Promise<void> {
  const names = await readdir(fromDir).catch(() => [] as string[]);
  const xml = names.filter((n) => n.endsWith('.xml'));
  if (xml.length === 0) return;
  await mkdir(toDir, { recursive: true, mode: 0o700 });
  for (const n of xml) {
    if (!(await complete(join(fromDir, n)))) continue;
    // tmp + rename: a host starting in parallel never reads half a file
    const tmp = join(toDir, `.${n}.${process.pid}.tmp`);
    await copyFile(join(fromDir, n), tmp);
    await rename(tmp, join(toDir, n));
  }
}

/** Seeds `hostCacheDir` (the host's /var/cache/libvirt) from the shared cache. */
export function seedCapsCache(sharedDir: string, hostCacheDir: string): Promise<void> {
  return copyComplete(sharedDir, join(hostCacheDir, CAPS_SUBDIR));
}

/** Keeps what a host probed for the next hosts. Best effort: a failure only costs time. */
export async function harvestCapsCache(hostCacheDir: string, sharedDir: string): Promise<void> {
  await copyComplete(join(hostCacheDir, CAPS_SUBDIR), sharedDir).catch(() => undefined);
}
