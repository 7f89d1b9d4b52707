// Network orphans are read off the network driver's plan: strato-named links it would
// delete, DHCP namespaces it would remove, port chains it would drop. A link it deletes
// only to recreate it (drift) is no orphan; a foreign link never appears in its plan.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkOrphans } from '../../../agent/reconcile/network-orphans.ts';

test('delete steps of taps, bridges, namespaces and port chains are orphans; a recreated tap is not', () => {
  const steps = [
    { kind: 'nft', script: '…', changes: ['remove port tapaaaaaaaaaaa', 'add port tapbbbbbbbbbbb', 'zone brq1=3'] },
    { kind: 'stop-dnsmasq', networkId: 'n1', pid: 42 },
    { kind: 'delete-namespace', name: 'qdhcp-n1' },
    { kind: 'delete-link', name: 'tapaaaaaaaaaaa' },
    { kind: 'delete-link', name: 'tapccccccccccc' },
    { kind: 'create-tap', name: 'tapccccccccccc', mac: 'fa:16:3e:00:00:01', mtu: 1450, bridge: 'brq1' },
    { kind: 'delete-link', name: 'vxlan-7' },
    { kind: 'delete-link', name: 'brq22222222222' },
  ];
  assert.deepEqual(networkOrphans(steps), [
    { kind: 'nftChains', name: 'tapaaaaaaaaaaa' },
    { kind: 'namespaces', name: 'qdhcp-n1' },
    { kind: 'taps', name: 'tapaaaaaaaaaaa' },
    { kind: 'bridges', name: 'brq22222222222' },
  ]);
  assert.deepEqual(networkOrphans([]), []);
});
