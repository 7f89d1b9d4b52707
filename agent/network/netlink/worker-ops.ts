// The operations a netlink worker performs on its own rtnetlink socket, which was
// opened inside the worker's namespace. Runs in a worker thread: blocking sends and
// the short synchronous fs calls here never stall the agent's event loop.
import { closeSync, openSync, readFileSync } from 'node:fs';
import type { RtNetlinkSocket } from 'netlink';
import { checkMtu, checkSysctlName, parseCidr } from './codec.ts';
import { decodeAddress, decodeFdb, decodeLink, decodeNeighbour, decodeRoute4 } from './decode.ts';
import {
  AF_BRIDGE,
  AF_INET,
  AF_UNSPEC,
  addressRequest,
  bridgeRequest,
  type CommonLinkFields,
  type FdbMode,
  fdbFlags,
  fdbRequest,
  type LinkRequest,
  neighbourRequest,
  setLinkRequest,
  vethRequest,
  vxlanRequest,
} from './link-attrs.ts';
import type { NetnsAddon } from './native-addon.ts';
import type { CreateLinkOptions, FdbSpec, LinkInfo, TapOptions, VethOptions, VxlanOptions } from './netlink.ts';
import type { WorkerOps } from './protocol.ts';

const CREATE_EXCL = 0x400 | 0x200; // NLM_F_CREATE | NLM_F_EXCL
const REPLACE_CREATE = 0x100 | 0x400; // NLM_F_REPLACE | NLM_F_CREATE

/** A lookup miss, shaped like the kernel's own answer so callers see ENODEV either way. */
function noSuchLink(name: string): Error {
  return Object.assign(new Error(`no link named ${name}`), { code: 'ENODEV', errno: 19 });
}

/** fd of a named namespace, or of the agent's own (the main thread's: /proc/self is the thread-group leader). */
function openNamespace(namespace: string | null): number {
  return openSync(namespace === null ? '/proc/self/ns/net' : `/run/netns/${namespace}`, 'r');
}

function withNamespaceFd<T>(
  namespace: string | null | undefined,
  fn: (fd: number | undefined) => Promise<T>,
): Promise<T> {
  if (namespace === undefined) return fn(undefined);
  const fd = openNamespace(namespace);
  return fn(fd).finally(() => closeSync(fd));
}

/**
 * Requests go out one at a time (worker.ts queues operations, and each operation
 * awaits its own requests in turn): the package keeps a single multipart buffer per
 * socket, so a dump interleaved with any other reply is mis-assembled. Nothing is
 * lost by it: the kernel does rtnetlink work synchronously inside sendmsg anyway.
 */
export class RtnlOps implements WorkerOps {
  readonly #sockets: () => RtNetlinkSocket;
  readonly #addon: NetnsAddon;

  /** `sockets` returns the worker's current socket (opened on demand, see worker.ts). */
  constructor(sockets: () => RtNetlinkSocket, addon: NetnsAddon) {
    this.#sockets = sockets;
    this.#addon = addon;
  }

  get #socket(): RtNetlinkSocket {
    return this.#sockets();
  }

  async #index(name: string): Promise<number> {
    const [msg] = await this.#socket.getLink({}, { ifname: name });
    if (msg?.data.index === undefined) throw noSuchLink(name);
    return msg.data.index;
  }

  async #names(): Promise<(index: number) => string | undefined> {
    const links = await this.#socket.getLinks();
    const byIndex = new Map(links.map((l) => [l.data.index ?? 0, l.attrs.ifname ?? '']));
    return (index) => byIndex.get(index);
  }

  async #common(options: CreateLinkOptions, netNsFd?: number): Promise<CommonLinkFields> {
    const fields: CommonLinkFields = {};
    if (options.mtu !== undefined) fields.mtu = checkMtu(options.mtu);
    if (options.mac !== undefined) fields.mac = options.mac;
    if (options.master !== undefined) fields.masterIndex = await this.#index(options.master);
    if (options.up !== undefined) fields.up = options.up;
    if (netNsFd !== undefined) fields.netNsFd = netNsFd;
    return fields;
  }

  async #newLink(req: LinkRequest): Promise<void> {
    await this.#socket.newLink(req.data, req.attrs, { flags: CREATE_EXCL });
  }

  async listLinks(): Promise<LinkInfo[]> {
    const links = await this.#socket.getLinks();
    const byIndex = new Map(links.map((l) => [l.data.index ?? 0, l.attrs.ifname ?? '']));
    return links.map((l) => decodeLink(l, (i) => byIndex.get(i)));
  }

  async getLink(name: string): Promise<LinkInfo> {
    const [msg] = await this.#socket.getLink({}, { ifname: name });
    if (msg === undefined) throw noSuchLink(name);
    const master = msg.attrs.master;
    if (master === undefined || master === 0) return decodeLink(msg, () => undefined);
    const [masterMsg] = await this.#socket.getLink({ index: master });
    return decodeLink(msg, (i) => (i === master ? masterMsg?.attrs.ifname : undefined));
  }

  async createBridge(name: string, options: CreateLinkOptions): Promise<void> {
    await this.#newLink(bridgeRequest(name, await this.#common(options)));
  }

  async createVeth(name: string, peer: string, options: VethOptions): Promise<void> {
    const fields = await this.#common(options);
    await withNamespaceFd(options.peerNamespace, async (netNsFd) => {
      const peerFields = {
        name: peer,
        ...(netNsFd === undefined ? {} : { netNsFd }),
        ...(fields.mtu ? { mtu: fields.mtu } : {}),
      };
      await this.#newLink(vethRequest(name, peerFields, fields));
    });
  }

  async createTap(name: string, options: TapOptions): Promise<void> {
    const { persist = true, owner, group, vnetHdr } = options;
    const fields = await this.#common(options);
    try {
      this.#addon.createTap(name, {
        persist,
        vnetHdr: vnetHdr === true,
        ...(owner === undefined ? {} : { owner }),
        ...(group === undefined ? {} : { group }),
      });
    } catch (err) {
      // TUNSETIFF says EBUSY for a taken name; report it like rtnetlink does.
      if ((err as { code?: string }).code === 'EBUSY') throw Object.assign(err as Error, { code: 'EEXIST', errno: 17 });
      throw err;
    }
    if (fields.mtu === undefined && fields.masterIndex === undefined && !fields.up && fields.mac === undefined) return;
    try {
      // Taps cannot be created by rtnetlink, so their settings follow in one SETLINK.
      const req = setLinkRequest(name, fields);
      await this.#socket.setLink(req.data, req.attrs);
    } catch (err) {
      await this.#socket.delLink({}, { ifname: name }).catch(() => undefined);
      throw err;
    }
  }

  async createVxlan(name: string, vxlan: VxlanOptions, options: CreateLinkOptions): Promise<void> {
    const fields = await this.#common(options);
    const devIndex = vxlan.dev === undefined ? undefined : await this.#index(vxlan.dev);
    const v = {
      vni: vxlan.vni,
      port: vxlan.port ?? 4789,
      learning: vxlan.learning ?? false,
      ...(vxlan.local === undefined ? {} : { local: vxlan.local }),
      ...(vxlan.group === undefined ? {} : { group: vxlan.group }),
      ...(vxlan.ttl === undefined ? {} : { ttl: vxlan.ttl }),
      ...(devIndex === undefined ? {} : { devIndex }),
    };
    await this.#newLink(vxlanRequest(name, v, fields));
  }

  async deleteLink(name: string): Promise<void> {
    await this.#socket.delLink({}, { ifname: name });
  }

  async setUp(name: string, up: boolean): Promise<void> {
    const req = setLinkRequest(name, { up });
    await this.#socket.setLink(req.data, req.attrs);
  }

  async setMtu(name: string, mtu: number): Promise<void> {
    const req = setLinkRequest(name, { mtu: checkMtu(mtu) });
    await this.#socket.setLink(req.data, req.attrs);
  }

  async setMaster(name: string, master: string | null): Promise<void> {
    const masterIndex = master === null ? 0 : await this.#index(master);
    const req = setLinkRequest(name, { masterIndex });
    await this.#socket.setLink(req.data, req.attrs);
  }

  async moveToNamespace(name: string, namespace: string | null): Promise<void> {
    const fd = openNamespace(namespace);
    try {
      const req = setLinkRequest(name, { netNsFd: fd });
      await this.#socket.setLink(req.data, req.attrs);
    } finally {
      closeSync(fd);
    }
  }

  async listAddresses(link?: string) {
    const msgs = await this.#socket.getAddresses();
    const names = await this.#names();
    const all = msgs.map((m) => decodeAddress(m, names)).filter((a) => a !== undefined);
    return link === undefined ? all : all.filter((a) => a.link === link);
  }

  async #address(link: string, cidr: string, add: boolean): Promise<void> {
    const c = parseCidr(cidr);
    const req = addressRequest(await this.#index(link), c.bytes, c.family, c.prefixLength);
    if (add) await this.#socket.newAddress(req.data, req.attrs, { flags: CREATE_EXCL });
    else await this.#socket.delAddress(req.data, req.attrs);
  }

  addAddress(link: string, cidr: string): Promise<void> {
    return this.#address(link, cidr, true);
  }

  deleteAddress(link: string, cidr: string): Promise<void> {
    return this.#address(link, cidr, false);
  }

  async listRoutes4() {
    const msgs = await this.#socket.getRoutes({ family: AF_INET });
    const names = await this.#names();
    return msgs.map((m) => decodeRoute4(m, names)).filter((r) => r !== undefined);
  }

  /** Synchronous on purpose: the read runs on this thread, which lives in the namespace. */
  async readSysctl(name: string): Promise<string> {
    return readFileSync(`/proc/sys/${checkSysctlName(name)}`, 'utf8');
  }

  async listFdb(dev?: string) {
    const msgs = await this.#socket.getNeighbors({ family: AF_BRIDGE });
    const names = await this.#names();
    const all = msgs.map((m) => decodeFdb(m, names)).filter((e) => e !== undefined);
    return dev === undefined ? all : all.filter((e) => e.dev === dev);
  }

  async modifyFdb(mode: FdbMode, entry: FdbSpec): Promise<void> {
    const req = fdbRequest(await this.#index(entry.dev), entry.mac, entry.dst);
    if (mode === 'delete') await this.#socket.delNeighbor(req.data, req.attrs);
    else await this.#socket.newNeighbor(req.data, req.attrs, { flags: fdbFlags(mode) });
  }

  async listNeighbours(dev?: string) {
    const msgs = await this.#socket.getNeighbors({ family: AF_UNSPEC });
    const names = await this.#names();
    const all = msgs.map((m) => decodeNeighbour(m, names)).filter((e) => e !== undefined);
    return dev === undefined ? all : all.filter((e) => e.dev === dev);
  }

  async replaceNeighbour(dev: string, ip: string, mac: string): Promise<void> {
    const req = neighbourRequest(await this.#index(dev), ip, mac);
    await this.#socket.newNeighbor(req.data, req.attrs, { flags: REPLACE_CREATE });
  }

  async deleteNeighbour(dev: string, ip: string): Promise<void> {
    const req = neighbourRequest(await this.#index(dev), ip);
    await this.#socket.delNeighbor(req.data, req.attrs);
  }

  async netnsCreate(name: string): Promise<void> {
    this.#addon.netnsCreate(name);
  }

  async netnsDelete(name: string): Promise<void> {
    this.#addon.netnsDelete(name);
  }
}
