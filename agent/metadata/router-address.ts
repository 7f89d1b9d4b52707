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

export function routerAddress(netlink: Netlink): RouterAddress {
  return {
    async ensure(namespace) {
      const nl = netlink.inNamespace(namespace);
      if (!(await nl.getLink('lo')).up) await nl.setUp('lo', true);
      if (!(await has(nl))) await nl.addAddress('lo', CIDR);
    },
    async remove(namespace) {
      const nl = netlink.inNamespace(namespace);
      if (await has(nl)) await nl.deleteAddress('lo', CIDR, { ignoreMissing: true });
    },
  };
}
