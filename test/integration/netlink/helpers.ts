// Shared set-up for the netlink integration tests: tool traps proving the client
// never runs `ip`/`virsh`, the native addon build, and throw-away names.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../harness/exec.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

export interface ToolTraps {
  /** Written by any trapped tool that gets run. */
  marker: string;
  spawned(): boolean;
  restore(): Promise<void>;
}

/** Puts failing `ip` and `virsh` stand-ins first on PATH (call before any worker starts). */
export async function trapTools(): Promise<ToolTraps> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-nl-trap-'));
  const marker = join(dir, 'spawned');
  for (const tool of ['ip', 'virsh']) {
    const script = join(dir, tool);
    await writeFile(script, `#!/bin/sh\necho "${tool} $*" >> '${marker}'\nexit 1\n`);
    await chmod(script, 0o755);
  }
  const oldPath = process.env.PATH;
  process.env.PATH = `${dir}:${oldPath ?? ''}`;
  return {
    marker,
    spawned: () => existsSync(marker),
    async restore() {
      process.env.PATH = oldPath;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Builds build/native/strato_netns.node if it is missing or stale. */
export async function buildNativeAddon(): Promise<void> {
  await run(join(ROOT, 'scripts/build-native'), [], { cwd: ROOT });
}

/** A name unique to this run, short enough for interface names. */
export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(3).toString('hex')}`;
}
