// The request/response contract between the client (main thread) and a netlink
// worker (one per network namespace). Arguments and results are plain data, so
// they cross the thread boundary by structured clone.
import type { ErrorCode } from '../../../common/errors.ts';
import type { FdbMode } from './link-attrs.ts';
import type {
  AddressInfo,
  CreateLinkOptions,
  FdbEntry,
  FdbSpec,
  LinkInfo,
  NeighbourEntry,
  RouteInfo,
  TapOptions,
  VethOptions,
  VxlanOptions,
} from './netlink.ts';
import type { WireError } from './netlink-errors.ts';

/** What one worker can do; names match the Netlink methods they serve. */
export interface WorkerOps {
  listLinks(): Promise<LinkInfo[]>;
  getLink(name: string): Promise<LinkInfo>;
  createBridge(name: string, options: CreateLinkOptions): Promise<void>;
  createVeth(name: string, peer: string, options: VethOptions): Promise<void>;
  createTap(name: string, options: TapOptions): Promise<void>;
  createVxlan(name: string, vxlan: VxlanOptions, options: CreateLinkOptions): Promise<void>;
  deleteLink(name: string): Promise<void>;
  setUp(name: string, up: boolean): Promise<void>;
  setMtu(name: string, mtu: number): Promise<void>;
  setMaster(name: string, master: string | null): Promise<void>;
  moveToNamespace(name: string, namespace: string | null): Promise<void>;
  listAddresses(link?: string): Promise<AddressInfo[]>;
  addAddress(link: string, cidr: string): Promise<void>;
  deleteAddress(link: string, cidr: string): Promise<void>;
  listFdb(dev?: string): Promise<FdbEntry[]>;
  modifyFdb(mode: FdbMode, entry: FdbSpec): Promise<void>;
  listNeighbours(dev?: string): Promise<NeighbourEntry[]>;
  replaceNeighbour(dev: string, ip: string, mac: string): Promise<void>;
  deleteNeighbour(dev: string, ip: string): Promise<void>;
  listRoutes4(): Promise<RouteInfo[]>;
  readSysctl(name: string): Promise<string>;
  netnsCreate(name: string): Promise<void>;
  netnsDelete(name: string): Promise<void>;
}

export type OpName = keyof WorkerOps;

export interface WorkerInit {
  /** Named namespace to enter before opening the socket; undefined = stay. */
  namespace: string | undefined;
  addonPath: string;
}

export interface OpRequest {
  id: number;
  op: OpName;
  args: unknown[];
}

/** A StratoError raised inside the worker (e.g. input validation), kept as is. */
export interface WireStratoError {
  code: ErrorCode;
  reason: string;
  message: string;
  details: Record<string, string>;
}

export type OpResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError; strato?: WireStratoError };

export type WorkerStatus = { type: 'ready' } | { type: 'init-error'; error: WireError };
