// Loads strato's N-API addon (native/netns.c, built by scripts/build-native):
// setns, tap creation, named-namespace bind mounts and sockets made inside a
// namespace, none of which Node can do.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { failedPrecondition } from '../../../common/errors.ts';
import { installPath } from '../../../common/install-root.ts';

export interface NativeTapOptions {
  persist?: boolean;
  owner?: number;
  group?: number;
  vnetHdr?: boolean;
}

/** Every function acts on the calling thread and throws Node-style errors (errno, code, syscall). */
export interface NetnsAddon {
  /** Moves the calling thread into the network namespace at `path`. */
  setns(path: string): void;
  /** Creates a tap device in the calling thread's namespace; returns its name. */
  createTap(name: string, options: NativeTapOptions): string;
  /** `ip netns add NAME`, leaving the calling thread where it was. */
  netnsCreate(name: string): void;
  /** `ip netns delete NAME`. */
  netnsDelete(name: string): void;
  /**
   * A listening TCP socket created inside the network namespace at `path` (the thread
   * goes back at once), bound to `address:port`; returns its fd, which the caller owns.
   */
  listenTcpInNamespace(path: string, address: string, port: number, backlog: number): number;
  /**
   * malloc_trim(0): gives the freed memory of every malloc arena back to the kernel,
   * e.g. what an ended worker thread left. Missing from an addon built before it.
   */
  mallocTrim?(): void;
}

export const DEFAULT_ADDON_PATH = installPath('build/native/strato_netns.node');

export function loadNetnsAddon(path: string = DEFAULT_ADDON_PATH): NetnsAddon {
  if (!existsSync(path)) {
    throw failedPrecondition(
      'NATIVE_ADDON_MISSING',
      `${path} is missing: run scripts/build-native (needs a C compiler)`,
    );
  }
  return createRequire(import.meta.url)(path) as NetnsAddon;
}
