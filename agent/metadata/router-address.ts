// 169.254.169.254/32 on a router namespace's `lo`: the router's guests reach it
// through their default route (the router), and the address answers on any of the
// router's legs. `lo` must be up for the kernel to deliver to addresses on it. The
// router's own plan makes the namespace; this only adds to what exists.
import { METADATA_IP } from '../../common/network-names.ts';
import type { Netlink } from '../network/netlink/netlink.ts';
import type { RouterAddress } from './metadata-proxies.ts';

const CIDR = `${METADATA_IP}/32`;

const has = async (nl: Netlink): Promise<boolean> =>
  (await nl.listAddresses('lo')).some((a) => a.address === METADATA_IP && a.prefixLength === 32);

/**
 * `open` gives a netlink client of its own for each change, closed right after: a
 * shared client keeps a worker inside the namespace for a while, which would pin a
 * deleted router's namespace and, were it made again under the same name, keep
 * acting in the old one.
 */
export function routerAddress(open: () => Promise<Netlink>): RouterAddress {
  const inside = async (namespace: string, fn: (nl: Netlink) => Promise<void>): Promise<void> => {
    const netlink = await open();
    try {
      await fn(netlink.inNamespace(namespace));
    } finally {
      await netlink.close();
    }
  };
  return {
    ensure: (namespace) =>
      inside(namespace, async (nl) => {
        if (!(await nl.getLink('lo')).up) await nl.setUp('lo', true);
        if (!(await has(nl))) await nl.addAddress('lo', CIDR);
      }),
    remove: (namespace) =>
      inside(namespace, async (nl) => {
        if (await has(nl)) await nl.deleteAddress('lo', CIDR, { ignoreMissing: true });
      }),
  };
}
