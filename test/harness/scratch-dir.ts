// Fresh per-test directories under the system tmpdir, removed when the test ends.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScratchDirOptions {
  /** Removes the directory when this test (a TestContext) ends, even when it fails. */
  t?: { after(fn: () => unknown): void };
  /** Mode 0755, so QEMU (as libvirt-qemu) and dnsmasq (as nobody) reach files inside. @default false */
  traversable?: boolean;
}

/** A new directory `<tmpdir>/<prefix>XXXXXX`. */
export async function scratchDir(prefix: string, o: ScratchDirOptions = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  o.t?.after(() => removeScratchDir(dir));
  if (o.traversable) await chmod(dir, 0o755);
  return dir;
}

/** Removes it, unless STRATO_KEEP_TEST_DIRS=1 asks to keep it (logs, state) for a post-mortem. */
export async function removeScratchDir(dir: string | undefined): Promise<void> {
  if (dir === undefined) return;
  if (process.env.STRATO_KEEP_TEST_DIRS) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
