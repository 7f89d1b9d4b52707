// Domain procedures: one small encoder/decoder pair per call, from remote_protocol.x.
import { DomainState, type DomainStateName } from './flags.ts';
import { Limits, Proc } from './procedures.ts';
import { type DomainRef, readDomain, writeDomain, writeUuid } from './remote-types.ts';
import type { Caller, CallSettings } from './session.ts';
import { decodeTypedParams, type TypedParams } from './typed-params.ts';
import type { XdrWriter } from './xdr.ts';

const none = (): void => {};
const domFlags =
  (dom: DomainRef, flags: number) =>
  (w: XdrWriter): void => {
    writeDomain(w, dom);
    w.uint(flags);
  };

export interface DomainStateInfo {
  state: DomainStateName | `UNKNOWN_${number}`;
  stateCode: number;
  reason: number;
}

export interface DomainStats {
  domain: DomainRef;
  stats: TypedParams;
}

const stateNames = new Map<number, DomainStateName>(
  Object.entries(DomainState).map(([name, code]) => [code, name as DomainStateName]),
);

export function stateInfo(stateCode: number, reason: number): DomainStateInfo {
  return { state: stateNames.get(stateCode) ?? `UNKNOWN_${stateCode}`, stateCode, reason };
}

export function lookupByName(c: Caller, name: string): Promise<DomainRef> {
  return c.call(Proc.DOMAIN_LOOKUP_BY_NAME, 'domainLookupByName', (w) => w.string(name), readDomain);
}

export function lookupByUuid(c: Caller, uuid: string): Promise<DomainRef> {
  return c.call(Proc.DOMAIN_LOOKUP_BY_UUID, 'domainLookupByUUID', (w) => writeUuid(w, uuid), readDomain);
}

export function listAll(c: Caller, flags: number): Promise<DomainRef[]> {
  return c.call(
    Proc.CONNECT_LIST_ALL_DOMAINS,
    'connectListAllDomains',
    (w) => w.int(1).uint(flags),
    (r) => {
      const doms = r.array(readDomain, Limits.DOMAIN_LIST_MAX);
      r.uint(); // ret: the count again
      return doms;
    },
  );
}

export function defineXml(c: Caller, xml: string, flags: number): Promise<DomainRef> {
  return c.call(Proc.DOMAIN_DEFINE_XML_FLAGS, 'domainDefineXMLFlags', (w) => w.string(xml).uint(flags), readDomain);
}

export function create(c: Caller, dom: DomainRef, flags: number, s?: CallSettings): Promise<DomainRef> {
  return c.call(Proc.DOMAIN_CREATE_WITH_FLAGS, 'domainCreateWithFlags', domFlags(dom, flags), readDomain, s);
}

export function shutdown(c: Caller, dom: DomainRef, flags: number): Promise<void> {
  return c.call(Proc.DOMAIN_SHUTDOWN_FLAGS, 'domainShutdownFlags', domFlags(dom, flags), none);
}

export function reboot(c: Caller, dom: DomainRef, flags: number): Promise<void> {
  return c.call(Proc.DOMAIN_REBOOT, 'domainReboot', domFlags(dom, flags), none);
}

export function reset(c: Caller, dom: DomainRef): Promise<void> {
  return c.call(Proc.DOMAIN_RESET, 'domainReset', domFlags(dom, 0), none);
}

export function destroy(c: Caller, dom: DomainRef, flags: number, s?: CallSettings): Promise<void> {
  return c.call(Proc.DOMAIN_DESTROY_FLAGS, 'domainDestroyFlags', domFlags(dom, flags), none, s);
}

export function undefine(c: Caller, dom: DomainRef, flags: number): Promise<void> {
  return c.call(Proc.DOMAIN_UNDEFINE_FLAGS, 'domainUndefineFlags', domFlags(dom, flags), none);
}

export function suspend(c: Caller, dom: DomainRef): Promise<void> {
  return c.call(Proc.DOMAIN_SUSPEND, 'domainSuspend', (w) => writeDomain(w, dom), none);
}

export function resume(c: Caller, dom: DomainRef): Promise<void> {
  return c.call(Proc.DOMAIN_RESUME, 'domainResume', (w) => writeDomain(w, dom), none);
}

export function managedSave(c: Caller, dom: DomainRef, flags: number, s?: CallSettings): Promise<void> {
  return c.call(Proc.DOMAIN_MANAGED_SAVE, 'domainManagedSave', domFlags(dom, flags), none, s);
}

export function hasManagedSaveImage(c: Caller, dom: DomainRef): Promise<boolean> {
  return c.call(
    Proc.DOMAIN_HAS_MANAGED_SAVE_IMAGE,
    'domainHasManagedSaveImage',
    domFlags(dom, 0),
    (r) => r.int() === 1,
  );
}

export function managedSaveRemove(c: Caller, dom: DomainRef): Promise<void> {
  return c.call(Proc.DOMAIN_MANAGED_SAVE_REMOVE, 'domainManagedSaveRemove', domFlags(dom, 0), none);
}

export function getState(c: Caller, dom: DomainRef): Promise<DomainStateInfo> {
  return c.call(Proc.DOMAIN_GET_STATE, 'domainGetState', domFlags(dom, 0), (r) => {
    const stateCode = r.int();
    return stateInfo(stateCode, r.int());
  });
}

export function getXml(c: Caller, dom: DomainRef, flags: number): Promise<string> {
  return c.call(Proc.DOMAIN_GET_XML_DESC, 'domainGetXMLDesc', domFlags(dom, flags), (r) => r.string());
}

export function attachDevice(c: Caller, dom: DomainRef, xml: string, flags: number, s?: CallSettings): Promise<void> {
  return c.call(
    Proc.DOMAIN_ATTACH_DEVICE_FLAGS,
    'domainAttachDeviceFlags',
    (w) => {
      writeDomain(w, dom);
      w.string(xml).uint(flags);
    },
    none,
    s,
  );
}

export function detachDevice(c: Caller, dom: DomainRef, xml: string, flags: number, s?: CallSettings): Promise<void> {
  return c.call(
    Proc.DOMAIN_DETACH_DEVICE_FLAGS,
    'domainDetachDeviceFlags',
    (w) => {
      writeDomain(w, dom);
      w.string(xml).uint(flags);
    },
    none,
    s,
  );
}

export function blockResize(c: Caller, dom: DomainRef, disk: string, size: bigint, flags: number): Promise<void> {
  return c.call(
    Proc.DOMAIN_BLOCK_RESIZE,
    'domainBlockResize',
    (w) => {
      writeDomain(w, dom);
      w.string(disk).uhyper(size).uint(flags);
    },
    none,
  );
}

/** connectGetAllDomainStats; `doms` empty means every domain matching `flags`. */
export function getAllDomainStats(
  c: Caller,
  doms: readonly DomainRef[],
  groups: number,
  flags: number,
  s?: CallSettings,
): Promise<DomainStats[]> {
  return c.call(
    Proc.CONNECT_GET_ALL_DOMAIN_STATS,
    'connectGetAllDomainStats',
    (w) => {
      w.array(doms, (w, d) => writeDomain(w, d));
      w.uint(groups).uint(flags);
    },
    (r) =>
      r.array((r) => {
        const domain = readDomain(r);
        return { domain, stats: decodeTypedParams(r, Limits.DOMAIN_STATS_PARAMS_MAX) };
      }, Limits.DOMAIN_LIST_MAX),
    s,
  );
}

/**
 * virDomainSetMetadata. `type` is MetadataType; for ELEMENT, `key` is the prefix and
 * `uri` the namespace libvirt files the element under; `metadata` null removes it.
 */
export function setMetadata(
  c: Caller,
  dom: DomainRef,
  type: number,
  metadata: string | null,
  key: string | null,
  uri: string | null,
  flags: number,
): Promise<void> {
  return c.call(
    Proc.DOMAIN_SET_METADATA,
    'domainSetMetadata',
    (w) => {
      writeDomain(w, dom);
      w.int(type).optionalString(metadata).optionalString(key).optionalString(uri).uint(flags);
    },
    none,
  );
}

export interface BlockInfo {
  /** Bytes the guest sees. */
  capacity: bigint;
  allocation: bigint;
  physical: bigint;
}

/** virDomainGetBlockInfo; `disk` is a target (vdc) or a source path. */
export function getBlockInfo(c: Caller, dom: DomainRef, disk: string): Promise<BlockInfo> {
  return c.call(
    Proc.DOMAIN_GET_BLOCK_INFO,
    'domainGetBlockInfo',
    (w) => {
      writeDomain(w, dom);
      w.string(disk).uint(0);
    },
    (r) => {
      const allocation = r.uhyper();
      const capacity = r.uhyper();
      return { allocation, capacity, physical: r.uhyper() };
    },
  );
}
