import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  grpcCodeForErrno,
  isMissingCode,
  NetlinkError,
  netlinkErrnoCode,
  toStratoError,
  toWireError,
} from '../../../agent/network/netlink/netlink-errors.ts';
import { StratoError } from '../../../common/errors.ts';

describe('netlink errors', () => {
  it('reads the errno out of the netlink package rejection text', () => {
    assert.deepEqual(toWireError(new Error('Request rejected: EEXIST'), 'createBridge'), {
      errno: 17,
      code: 'EEXIST',
      op: 'createBridge',
      message: 'Request rejected: EEXIST',
    });
    const numeric = toWireError(new Error('Request rejected: -19'), 'deleteLink');
    assert.equal(numeric.errno, 19);
    assert.equal(numeric.code, 'ENODEV');
  });

  it('keeps errno and code of Node-style system errors (the native addon, fs)', () => {
    const err = Object.assign(new Error('open /run/netns/x: No such file or directory (ENOENT)'), {
      code: 'ENOENT',
      errno: 2,
    });
    assert.deepEqual(toWireError(err, 'setns'), { errno: 2, code: 'ENOENT', op: 'setns', message: err.message });
    // fs reports negative errnos
    assert.equal(toWireError(Object.assign(new Error('x'), { code: 'EACCES', errno: -13 }), 'op').errno, 13);
  });

  it('marks unknown failures as UNKNOWN', () => {
    assert.equal(toWireError(new Error('Timeout has been reached'), 'getLink').code, 'UNKNOWN');
    assert.equal(toWireError('weird', 'getLink').message, 'weird');
  });

  it('maps errnos to gRPC codes', () => {
    const table: Array<[string, string]> = [
      ['EEXIST', 'ALREADY_EXISTS'],
      ['ENODEV', 'NOT_FOUND'],
      ['ENOENT', 'NOT_FOUND'],
      ['EADDRNOTAVAIL', 'NOT_FOUND'],
      ['EINVAL', 'INVALID_ARGUMENT'],
      ['ERANGE', 'INVALID_ARGUMENT'],
      ['EPERM', 'PERMISSION_DENIED'],
      ['EBUSY', 'FAILED_PRECONDITION'],
      ['EOPNOTSUPP', 'FAILED_PRECONDITION'],
      ['ENOBUFS', 'RESOURCE_EXHAUSTED'],
      ['EWHATEVER', 'INTERNAL'],
    ];
    for (const [errno, code] of table) assert.equal(grpcCodeForErrno(errno), code, errno);
    assert.ok(isMissingCode('ENODEV') && isMissingCode('EADDRNOTAVAIL') && !isMissingCode('EEXIST'));
  });

  it('wraps into a StratoError whose cause is a NetlinkError', () => {
    const err = toStratoError(
      { errno: 17, code: 'EEXIST', op: 'createBridge', message: 'Request rejected: EEXIST' },
      'link br0',
    );
    assert.ok(err instanceof StratoError);
    assert.equal(err.code, 'ALREADY_EXISTS');
    assert.equal(err.reason, 'NETLINK_EEXIST');
    assert.match(err.message, /createBridge link br0: .*exists.*\(EEXIST\)/i);
    assert.deepEqual(err.details, { errno: 'EEXIST', op: 'createBridge', subject: 'link br0' });
    assert.ok(err.cause instanceof NetlinkError);
    assert.equal(err.cause.errno, 17);
    assert.equal(err.cause.code, 'EEXIST');
    assert.equal(netlinkErrnoCode(err), 'EEXIST');
    assert.equal(netlinkErrnoCode(new Error('x')), undefined);
  });
});
