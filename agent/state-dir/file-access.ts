// Who may read what under the agent's state directory. It holds tenant data (config
// drives with user data, root disk overlays, cached private images, DHCP host lists),
// so no file in it is readable by any account but root and the one daemon account
// that must open it: QEMU for disks and images, dnsmasq for its hosts and options.
// The gate is the directories: each is entered only through its daemon's group
// (0710, root lists), so even a file a tool created 0644 is out of reach; the files
// get the narrowest mode as well. The state directory itself is 0711: QEMU and
// dnsmasq pass through it to their own subdirectories, no one else can list it.
import { chmod, chown, mkdir, rename, writeFile } from 'node:fs/promises';

/** The state directory: traversed by QEMU and dnsmasq, listed by root only. */
export const STATE_DIR_MODE = 0o711;
/** A directory one daemon account enters through its group; only root lists it. */
export const GROUP_DIR_MODE = 0o710;
/** A file one daemon account reads through its group (a base image, a config drive, DHCP hosts). */
export const GROUP_READ_MODE = 0o640;
/** A file one daemon account writes through its group (a root disk overlay). */
export const GROUP_WRITE_MODE = 0o660;
/** The agent's own records: root only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Sets the mode and, when given, the group; the owner stays (root, or QEMU while
 * libvirt has lent it a disk).
 */
export async function restrict(path: string, mode: number, gid?: number): Promise<void> {
  if (gid !== undefined) await chown(path, -1, gid);
  await chmod(path, mode);
}

/**
 * Creates `dir` if needed, then sets its group and mode whatever they were:
 * directories an older agent made 0755 are tightened too. Missing parents (outside
 * the state directory, e.g. /var/lib/strato) are made 0711, so QEMU and dnsmasq
 * can pass through them and no one else can list them.
 */
export async function ensureDir(dir: string, mode: number, gid?: number): Promise<void> {
  await mkdir(dir, { recursive: true, mode: STATE_DIR_MODE });
  await restrict(dir, mode, gid);
}

/**
 * Write-then-rename with the final group and mode set before the rename: a crash
 * leaves the previous file or none, and the new one is never visible more open
 * than `mode`. A `.tmp` left by a crash is reused with its mode reset.
 */
export async function writeFileAtomic(path: string, content: string, mode: number, gid?: number): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, content, { mode: PRIVATE_FILE_MODE });
  await restrict(tmp, mode, gid);
  await rename(tmp, path);
}
