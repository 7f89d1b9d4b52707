// What an agent's Register may say about its host, table-tested: each bad
// field answers INVALID_ARGUMENT with its own reason and the field it names,
// quoting the input within bounds; a good request becomes what the registry
// records (capacity in the registry's units, the underlay address trimmed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { type Registration, registerInput, validateHostId } from '../../../conductor/hosts/registration.ts';

const good: Registration = {
  address: '10.0.0.5:9090',
  capacity: { vcpus: 4, ramMib: 8192, diskGib: 100 },
  virtType: 'qemu',
  agentVersion: '0.1.0',
  underlayIp: ' 192.0.2.5 ',
};

function refusal(f: () => unknown): { reason: string; field: string; message: string } {
  try {
    f();
  } catch (err) {
    assert.ok(isStratoError(err, 'INVALID_ARGUMENT'), String(err));
    return { reason: err.reason, field: err.details['field'] ?? '', message: err.message };
  }
  return assert.fail('accepted');
}

describe('host registration', () => {
  it('turns a good request into the record input', () => {
    assert.deepEqual(registerInput('hv-1', good), {
      id: 'hv-1',
      address: '10.0.0.5:9090',
      capacity: { vcpus: 4, ramMiB: 8192, diskGiB: 100 },
      virtType: 'qemu',
      agentVersion: '0.1.0',
      underlayIp: '192.0.2.5',
    });
    assert.equal(registerInput('hv-1', { ...good, underlayIp: '', address: '[fd00::1]:9090' }).underlayIp, '');
  });

  const hostIds: [unknown, string][] = [
    ['', 'FIELD_REQUIRED'],
    [undefined, 'FIELD_REQUIRED'],
    ['-starts-with-dash', 'HOST_ID_INVALID'],
    ['has space', 'HOST_ID_INVALID'],
    ['x'.repeat(254), 'HOST_ID_INVALID'],
  ];
  for (const [value, reason] of hostIds) {
    it(`host_id ${JSON.stringify(value)?.slice(0, 30)} → ${reason}`, () => {
      const r = refusal(() => validateHostId(value));
      assert.deepEqual([r.reason, r.field], [reason, 'host_id']);
      assert.ok(r.message.length < 200, r.message);
    });
  }
  it('takes a host name as host_id', () => {
    assert.equal(validateHostId('hv-1.rack2.example'), 'hv-1.rack2.example');
  });

  const fields: [string, Partial<Registration>, string, string][] = [
    ['no address', { address: '' }, 'FIELD_REQUIRED', 'address'],
    ['an address without a port', { address: '10.0.0.5' }, 'ADDRESS_INVALID', 'address'],
    ['an address with a path', { address: 'h:1/x' }, 'ADDRESS_INVALID', 'address'],
    ['no capacity', { capacity: null }, 'CAPACITY_INVALID', 'capacity'],
    ['no vCPUs', { capacity: { vcpus: 0, ramMib: 1, diskGib: 1 } }, 'CAPACITY_INVALID', 'capacity'],
    ['no RAM', { capacity: { vcpus: 1, ramMib: 0, diskGib: 1 } }, 'CAPACITY_INVALID', 'capacity'],
    ['no disk', { capacity: { vcpus: 1, ramMib: 1, diskGib: -1 } }, 'CAPACITY_INVALID', 'capacity'],
    ['an underlay that is no IPv4 address', { underlayIp: '192.0.2.300' }, 'UNDERLAY_IP_INVALID', 'underlay_ip'],
    ['an IPv6 underlay', { underlayIp: 'fd00::1' }, 'UNDERLAY_IP_INVALID', 'underlay_ip'],
  ];
  for (const [what, change, reason, field] of fields) {
    it(`refuses ${what}: ${reason} naming ${field}`, () => {
      const r = refusal(() => registerInput('hv-1', { ...good, ...change }));
      assert.deepEqual([r.reason, r.field], [reason, field]);
    });
  }

  it('quotes a long address within bounds', () => {
    const r = refusal(() => registerInput('hv-1', { ...good, address: 'y'.repeat(5000) }));
    assert.doesNotMatch(r.message, /y{200}/);
  });
});
