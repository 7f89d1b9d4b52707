// The real Netlink: validates input on the main thread (bad input changes
// nothing and never reaches a worker), then hands each operation to the worker of
// the handle's namespace. Every method is async; no kernel work runs here.
import { checkIfname, checkMtu, checkNamespaceName, macToBuffer, parseCidr } from './codec.ts';
import type { FdbMode } from './link-attrs.ts';
import * as namespaces from './namespaces.ts';
import type {
  AddressInfo,
  CreateLinkOptions,
  DeleteOptions,
  FdbEntry,
  FdbSpec,
  LinkInfo,
  NeighbourEntry,
  Netlink,
  TapOptions,
  VethOptions,
  VxlanOptions,
} from './netlink.ts';
import { isMissingCode, netlinkErrnoCode } from './netlink-errors.ts';
import { type PoolOptions, WorkerPool } from './worker-pool.ts';

export interface OpenNetlinkOptions extends PoolOptions {
  /** Named namespace the returned handle acts in. @default the agent's own */
  namespace?: string;
}

async function ignoringMissing(promise: Promise<void>, options: DeleteOptions | undefined): Promise<void> {
  try {
    await promise;
  } catch (err) {
    const code = netlinkErrnoCode(err);
    if (options?.ignoreMissing && code !== undefined && isMissingCode(code)) return;
    throw err;
  }
}

function checkCreate(options: CreateLinkOptions): void {
  if (options.mtu !== undefined) checkMtu(options.mtu);
  if (options.mac !== undefined) macToBuffer(options.mac);
  if (options.master !== undefined) checkIfname(options.master, 'master');
}

function checkFdb(entry: FdbSpec): FdbSpec {
  checkIfname(entry.dev, 'dev');
  macToBuffer(entry.mac);
  if (entry.dst !== undefined) parseCidr(`${entry.dst}/0`);
  return { dev: entry.dev, mac: entry.mac.toLowerCase(), ...(entry.dst === undefined ? {} : { dst: entry.dst }) };
}

export class NetlinkClient implements Netlink {
  readonly namespace: string | undefined;
  readonly #pool: WorkerPool;
  readonly #ownsPool: boolean;

  constructor(pool: WorkerPool, namespace: string | undefined, ownsPool: boolean) {
    this.#pool = pool;
    this.namespace = namespace;
    this.#ownsPool = ownsPool;
  }

  #link(name: string): string {
    return `link ${checkIfname(name)}${this.namespace === undefined ? '' : ` in namespace ${this.namespace}`}`;
  }

  listLinks(): Promise<LinkInfo[]> {
    return this.#pool.run(this.namespace, 'listLinks', []);
  }

  async getLink(name: string): Promise<LinkInfo> {
    return this.#pool.run(this.namespace, 'getLink', [name], this.#link(name));
  }

  async findLink(name: string): Promise<LinkInfo | undefined> {
    try {
      return await this.getLink(name);
    } catch (err) {
      const code = netlinkErrnoCode(err);
      if (code !== undefined && isMissingCode(code)) return undefined;
      throw err;
    }
  }

  async createBridge(name: string, options: CreateLinkOptions = {}): Promise<void> {
    const subject = this.#link(name);
    checkCreate(options);
    await this.#pool.run(this.namespace, 'createBridge', [name, options], subject);
  }

  async createVeth(name: string, peer: string, options: VethOptions = {}): Promise<void> {
    const subject = `${this.#link(name)} (peer ${checkIfname(peer, 'peer name')})`;
    checkCreate(options);
    if (options.peerNamespace !== undefined) checkNamespaceName(options.peerNamespace);
    await this.#pool.run(this.namespace, 'createVeth', [name, peer, options], subject);
  }

  async createTap(name: string, options: TapOptions = {}): Promise<void> {
    const subject = this.#link(name);
    checkCreate(options);
    await this.#pool.run(this.namespace, 'createTap', [name, options], subject);
  }

  async createVxlan(name: string, vxlan: VxlanOptions, options: CreateLinkOptions = {}): Promise<void> {
    const subject = this.#link(name);
    checkCreate(options);
    if (vxlan.dev !== undefined) checkIfname(vxlan.dev, 'vxlan dev');
    await this.#pool.run(this.namespace, 'createVxlan', [name, vxlan, options], subject);
  }

  async deleteLink(name: string, options?: DeleteOptions): Promise<void> {
    const subject = this.#link(name);
    await ignoringMissing(this.#pool.run(this.namespace, 'deleteLink', [name], subject), options);
  }

  async setUp(name: string, up: boolean): Promise<void> {
    await this.#pool.run(this.namespace, 'setUp', [name, up], this.#link(name));
  }

  async setMtu(name: string, mtu: number): Promise<void> {
    const subject = this.#link(name);
    await this.#pool.run(this.namespace, 'setMtu', [name, checkMtu(mtu)], subject);
  }

  async setMaster(name: string, master: string | null): Promise<void> {
    const subject = this.#link(name);
    if (master !== null) checkIfname(master, 'master');
    await this.#pool.run(this.namespace, 'setMaster', [name, master], subject);
  }

  async moveToNamespace(name: string, namespace: string | null): Promise<void> {
    const subject = this.#link(name);
    if (namespace !== null) checkNamespaceName(namespace);
    await this.#pool.run(this.namespace, 'moveToNamespace', [name, namespace], subject);
  }

  async listAddresses(link?: string): Promise<AddressInfo[]> {
    if (link !== undefined) checkIfname(link);
    return this.#pool.run(this.namespace, 'listAddresses', link === undefined ? [] : [link]);
  }

  async addAddress(link: string, cidr: string): Promise<void> {
    const subject = `address ${cidr} on ${this.#link(link)}`;
    parseCidr(cidr);
    await this.#pool.run(this.namespace, 'addAddress', [link, cidr], subject);
  }

  async deleteAddress(link: string, cidr: string, options?: DeleteOptions): Promise<void> {
    const subject = `address ${cidr} on ${this.#link(link)}`;
    parseCidr(cidr);
    await ignoringMissing(this.#pool.run(this.namespace, 'deleteAddress', [link, cidr], subject), options);
  }

  async listFdb(dev?: string): Promise<FdbEntry[]> {
    if (dev !== undefined) checkIfname(dev);
    return this.#pool.run(this.namespace, 'listFdb', dev === undefined ? [] : [dev]);
  }

  async #fdb(mode: FdbMode, entry: FdbSpec): Promise<void> {
    const spec = checkFdb(entry);
    const subject = `fdb ${spec.mac}${spec.dst === undefined ? '' : ` dst ${spec.dst}`} on ${this.#link(spec.dev)}`;
    await this.#pool.run(this.namespace, 'modifyFdb', [mode, spec], subject);
  }

  addFdb(entry: FdbSpec): Promise<void> {
    return this.#fdb('add', entry);
  }

  appendFdb(entry: FdbSpec): Promise<void> {
    return this.#fdb('append', entry);
  }

  replaceFdb(entry: FdbSpec): Promise<void> {
    return this.#fdb('replace', entry);
  }

  deleteFdb(entry: FdbSpec, options?: DeleteOptions): Promise<void> {
    return ignoringMissing(this.#fdb('delete', entry), options);
  }

  async listNeighbours(dev?: string): Promise<NeighbourEntry[]> {
    if (dev !== undefined) checkIfname(dev);
    return this.#pool.run(this.namespace, 'listNeighbours', dev === undefined ? [] : [dev]);
  }

  async replaceNeighbour(dev: string, ip: string, mac: string): Promise<void> {
    const subject = `neighbour ${ip} on ${this.#link(dev)}`;
    parseCidr(`${ip}/0`);
    macToBuffer(mac);
    await this.#pool.run(this.namespace, 'replaceNeighbour', [dev, ip, mac], subject);
  }

  async deleteNeighbour(dev: string, ip: string, options?: DeleteOptions): Promise<void> {
    const subject = `neighbour ${ip} on ${this.#link(dev)}`;
    parseCidr(`${ip}/0`);
    await ignoringMissing(this.#pool.run(this.namespace, 'deleteNeighbour', [dev, ip], subject), options);
  }

  inNamespace(name: string): Netlink {
    return new NetlinkClient(this.#pool, checkNamespaceName(name), false);
  }

  createNamespace(name: string): Promise<void> {
    return namespaces.createNamespace(this.#pool, name);
  }

  deleteNamespace(name: string, options?: DeleteOptions): Promise<void> {
    return namespaces.deleteNamespace(this.#pool, name, options);
  }

  listNamespaces(): Promise<string[]> {
    return namespaces.listNamespaces();
  }

  namespaceExists(name: string): Promise<boolean> {
    return namespaces.namespaceExists(name);
  }

  /** The owning handle stops every worker; a derived handle only its namespace's. */
  async close(): Promise<void> {
    if (this.#ownsPool) await this.#pool.closeAll();
    else await this.#pool.closeNamespace(this.namespace);
  }
}

/**
 * Opens a client whose handle acts in `options.namespace` (or the agent's own).
 * The namespace's worker starts on first use; a missing namespace rejects NOT_FOUND then.
 */
export async function openNetlink(options: OpenNetlinkOptions = {}): Promise<Netlink> {
  const namespace = options.namespace === undefined ? undefined : checkNamespaceName(options.namespace);
  const pool = new WorkerPool(options);
  return new NetlinkClient(pool, namespace, true);
}
