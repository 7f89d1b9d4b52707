import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeErrorStruct,
  hasLibvirtCode,
  type LibvirtErrorStruct,
  toStratoError,
} from '../../../agent/hypervisor/libvirt/libvirt-errors.ts';
import { XdrReader, XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';

function encodeError(code: number, domain: number, message: string | null, withDom: boolean): Buffer {
  const w = new XdrWriter();
  w.int(code).int(domain).optionalString(message).int(2);
  if (withDom) w.int(1).string('vm').fixedOpaque(Buffer.alloc(16, 1), 16).int(3);
  else w.int(0);
  w.optionalString('Domain not found: %s').optionalString(null).optionalString(null).int(0).int(0).int(0);
  w.int(0x7e57); // trailing marker
  return w.bytes();
}

test('the whole error struct decodes, optional domain included', () => {
  for (const withDom of [false, true]) {
    const r = new XdrReader(encodeError(42, 10, "no domain with matching name 'x'", withDom));
    const e = decodeErrorStruct(r);
    assert.equal(e.code, 42);
    assert.equal(e.domain, 10);
    assert.equal(e.message, "no domain with matching name 'x'");
    assert.equal(e.level, 2);
    assert.equal(e.str1, 'Domain not found: %s');
    assert.equal(r.int(), 0x7e57, 'reader ends exactly after the struct');
  }
});

const err = (code: number, domain = 10): LibvirtErrorStruct => ({
  code,
  domain,
  message: 'm',
  level: 2,
  str1: null,
  str2: null,
  str3: null,
  int1: 0,
  int2: 0,
});

test('libvirt codes map to strato codes and keep libvirt facts in details', () => {
  const table: Array<[number, string, string]> = [
    [42, 'NOT_FOUND', 'DOMAIN_NOT_FOUND'],
    [66, 'NOT_FOUND', 'SECRET_NOT_FOUND'],
    [55, 'FAILED_PRECONDITION', 'OPERATION_INVALID'],
    [28, 'ALREADY_EXISTS', 'DOMAIN_EXISTS'],
    [27, 'INVALID_ARGUMENT', 'INVALID_XML'],
    [8, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT'],
    [84, 'UNIMPLEMENTED', 'OPERATION_UNSUPPORTED'],
    [88, 'PERMISSION_DENIED', 'ACCESS_DENIED'],
    [68, 'DEADLINE_EXCEEDED', 'LIBVIRT_TIMEOUT'],
    [99, 'NOT_FOUND', 'DEVICE_NOT_FOUND'],
    [1, 'INTERNAL', 'LIBVIRT_INTERNAL_ERROR'],
    [12345, 'UNKNOWN', 'LIBVIRT_ERROR'],
  ];
  for (const [code, grpc, reason] of table) {
    const s = toStratoError(err(code), 'domainLookupByName');
    assert.equal(s.code, grpc, `code for ${code}`);
    assert.equal(s.reason, reason, `reason for ${code}`);
    assert.equal(s.details.libvirtCode, String(code));
    assert.equal(s.details.libvirtDomain, '10');
    assert.equal(s.details.procedure, 'domainLookupByName');
    assert.ok(hasLibvirtCode(s, code));
  }
  assert.equal(toStratoError(err(42)).details.libvirtCodeName, 'VIR_ERR_NO_DOMAIN');
  assert.equal(toStratoError({ ...err(42), message: null }).message, 'libvirt error VIR_ERR_NO_DOMAIN');
});
