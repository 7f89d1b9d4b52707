// Where the metadata service listens, from the applied state, and how each listener
// tells a request's network from its source address.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metadataTargets, networkOfTarget } from '../../../agent/metadata/metadata-targets.ts';

describe('metadataTargets', () => {
  it('a qdhcp listener per network whose DHCP serves metadata, a qrouter one per router that does', () => {
    const t = metadataTargets({
      networks: [
        { networkId: 'n1', dhcp: { metadata: true } },
        { networkId: 'n2', dhcp: { metadata: false } },
        { networkId: 'n3', dhcp: {} },
        { networkId: 'n4' },
      ],
      routers: [
        { routerId: 'r1', metadata: true, interfaces: [{ networkId: 'n5', ipCidr: '10.5.0.1/24' }] },
        { routerId: 'r2', interfaces: [{ networkId: 'n6', ipCidr: '10.6.0.1/24' }] },
      ],
    });
    assert.deepEqual(
      [...t.values()],
      [
        { namespace: 'qdhcp-n1', kind: 'dhcp', networks: [{ networkId: 'n1' }] },
        { namespace: 'qrouter-r1', kind: 'router', networks: [{ networkId: 'n5', cidr: '10.5.0.1/24' }] },
      ],
    );
  });

  it('nothing before the first state', () => {
    assert.equal(metadataTargets(undefined).size, 0);
  });
});

describe('networkOfTarget', () => {
  it('a router finds the network by the interface subnet holding the source; others are no one', () => {
    const [t] = metadataTargets({
      networks: [],
      routers: [
        {
          routerId: 'r',
          metadata: true,
          interfaces: [
            { networkId: 'a', ipCidr: '10.0.0.1/24' },
            { networkId: 'b', ipCidr: '10.0.1.1/24' },
            { networkId: 'v6', ipCidr: 'fd00::1/64' },
            { networkId: 'bad', ipCidr: 'nonsense' },
          ],
        },
      ],
    }).values();
    assert.deepEqual(t!.networks.map((n) => n.networkId), ['a', 'b']);
    const of = networkOfTarget(t!);
    assert.equal(of('10.0.0.7'), 'a');
    assert.equal(of('10.0.1.200'), 'b');
    assert.equal(of('10.0.2.5'), undefined);
    assert.equal(of('fd00::5'), undefined);
    assert.equal(of(''), undefined);
  });

  it('a DHCP namespace serves only its network, to IPv4 sources', () => {
    const [t] = metadataTargets({ networks: [{ networkId: 'n', dhcp: { metadata: true } }] }).values();
    const of = networkOfTarget(t!);
    assert.equal(of('10.9.9.9'), 'n');
    assert.equal(of('::ffff:10.9.9.9'), undefined);
  });
});
