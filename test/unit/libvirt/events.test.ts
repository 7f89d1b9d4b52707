import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeDomainEvent } from '../../../agent/hypervisor/libvirt/events.ts';
import { Proc } from '../../../agent/hypervisor/libvirt/procedures.ts';
import { writeDomain } from '../../../agent/hypervisor/libvirt/remote-types.ts';
import { XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';

const domain = { name: 'strato-vm', uuid: '0a6a231e-d301-402b-ab16-7e6b4d9c5d24', id: 5 };

function lifecycleBody(event: number, detail: number): Buffer {
  const w = new XdrWriter().int(9);
  writeDomain(w, domain);
  return w.int(event).int(detail).bytes();
}

test('lifecycle events decode to names, keeping the raw codes', () => {
  assert.deepEqual(decodeDomainEvent(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycleBody(5, 0)), {
    name: 'lifecycle',
    callbackId: 9,
    payload: { domain, event: 'STOPPED', detail: 'SHUTDOWN', eventCode: 5, detailCode: 0 },
  });
  const started = decodeDomainEvent(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycleBody(2, 2));
  assert.equal(
    started?.name === 'lifecycle' && `${started.payload.event}/${started.payload.detail}`,
    'STARTED/RESTORED',
  );
  const future = decodeDomainEvent(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycleBody(42, 7));
  assert.equal(
    future?.name === 'lifecycle' && `${future.payload.event}/${future.payload.detail}`,
    'UNKNOWN_42/UNKNOWN_7',
  );
});

test('device events carry the alias', () => {
  for (const [proc, name] of [
    [Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, 'device-removed'],
    [Proc.DOMAIN_EVENT_CALLBACK_DEVICE_ADDED, 'device-added'],
    [Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED, 'device-removal-failed'],
  ] as const) {
    const w = new XdrWriter().int(3);
    writeDomain(w, domain);
    w.string('net1');
    assert.deepEqual(decodeDomainEvent(proc, w.bytes()), {
      name,
      callbackId: 3,
      payload: { domain, devAlias: 'net1' },
    });
  }
});

test('procedures we do not subscribe to are ignored', () => {
  assert.equal(decodeDomainEvent(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE + 2, Buffer.alloc(0)), null);
});
