// Listening sockets inside named network namespaces, for the metadata service: the
// native addon creates the socket in the namespace and returns the calling thread to
// its own at once (agent/network/netlink/native/netns.c says why: no process per
// namespace). And the identity of a named namespace, so a listener whose namespace
// was deleted and made again under the same name is noticed: its socket still
// lives in the old one.
import { stat } from 'node:fs/promises';
import { checkNamespaceName } from '../network/netlink/codec.ts';
import { loadNetnsAddon, type NetnsAddon } from '../network/netlink/native-addon.ts';
import { NETNS_RUN_DIR } from '../network/netlink/namespaces.ts';

const BACKLOG = 64;

export interface NamespaceSockets {
  /** A listening TCP socket's fd in `namespace`, owned by the caller. */
  listen(namespace: string, address: string, port: number): number;
  /** The namespace's identity (device and inode of its nsfs file); undefined when it does not exist. */
  identity(namespace: string): Promise<string | undefined>;
}

export function namespaceSockets(addon: NetnsAddon = loadNetnsAddon()): NamespaceSockets {
  return {
    listen: (namespace, address, port) =>
      addon.listenTcpInNamespace(`${NETNS_RUN_DIR}/${checkNamespaceName(namespace)}`, address, port, BACKLOG),
    async identity(namespace) {
      try {
        const s = await stat(`${NETNS_RUN_DIR}/${checkNamespaceName(namespace)}`);
        return `${s.dev}:${s.ino}`;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}
