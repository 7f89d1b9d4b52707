// Secret procedures (remote_protocol.x 141–147): CHAP passwords and other credentials
// that domains reference by uuid instead of carrying them in their XML.
import { Limits, Proc } from './procedures.ts';
import { readSecret, type SecretRef, writeSecret, writeUuid } from './remote-types.ts';
import type { Caller } from './session.ts';

const none = (): void => {};

export function defineXml(c: Caller, xml: string): Promise<SecretRef> {
  return c.call(Proc.SECRET_DEFINE_XML, 'secretDefineXML', (w) => w.string(xml).uint(0), readSecret);
}

export function setValue(c: Caller, secret: SecretRef, value: Uint8Array): Promise<void> {
  return c.call(
    Proc.SECRET_SET_VALUE,
    'secretSetValue',
    (w) => {
      writeSecret(w, secret);
      w.opaque(value).uint(0);
    },
    none,
  );
}

export function getValue(c: Caller, secret: SecretRef): Promise<Buffer> {
  return c.call(
    Proc.SECRET_GET_VALUE,
    'secretGetValue',
    (w) => {
      writeSecret(w, secret);
      w.uint(0);
    },
    (r) => r.opaque(Limits.SECRET_VALUE_MAX),
  );
}

export function getXml(c: Caller, secret: SecretRef): Promise<string> {
  return c.call(
    Proc.SECRET_GET_XML_DESC,
    'secretGetXMLDesc',
    (w) => {
      writeSecret(w, secret);
      w.uint(0);
    },
    (r) => r.string(),
  );
}

export function lookupByUuid(c: Caller, uuid: string): Promise<SecretRef> {
  return c.call(Proc.SECRET_LOOKUP_BY_UUID, 'secretLookupByUUID', (w) => writeUuid(w, uuid), readSecret);
}

export function lookupByUsage(c: Caller, usageType: number, usageId: string): Promise<SecretRef> {
  return c.call(
    Proc.SECRET_LOOKUP_BY_USAGE,
    'secretLookupByUsage',
    (w) => w.int(usageType).string(usageId),
    readSecret,
  );
}

export function undefine(c: Caller, secret: SecretRef): Promise<void> {
  return c.call(Proc.SECRET_UNDEFINE, 'secretUndefine', (w) => writeSecret(w, secret), none);
}

/** connectListAllSecrets: every secret libvirtd holds (`flags` 0: all of them). */
export function listAll(c: Caller, flags = 0): Promise<SecretRef[]> {
  return c.call(
    Proc.CONNECT_LIST_ALL_SECRETS,
    'connectListAllSecrets',
    (w) => w.int(1).uint(flags),
    (r) => {
      const secrets = r.array(readSecret, Limits.SECRET_LIST_MAX);
      r.uint(); // ret: the count again
      return secrets;
    },
  );
}
