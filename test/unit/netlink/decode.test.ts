import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeAddress, decodeFdb, decodeLink, decodeNeighbour } from '../../../agent/network/netlink/decode.ts';
import { vxlanRequest } from '../../../agent/network/netlink/link-attrs.ts';

const names = (i: number) => ({ 2: 'brq1', 3: 'eth0', 5: 'vxlan-7' })[i];

describe('netlink decoding', () => {
  it('decodes a VXLAN link with master, counters and options', () => {
    const req = vxlanRequest('vxlan-7', { vni: 7, local: '10.0.0.1', devIndex: 3, port: 4789, learning: false });
    const link = decodeLink(
      {
        kind: 'link',
        data: { index: 5, flags: { up: true, running: true } },
        attrs: {
          ...req.attrs,
          mtu: 1450,
          master: 2,
          operstate: 6,
          address: Buffer.from('fa163e000007', 'hex'),
          stats64: { rxPackets: 3n, txPackets: 4n, rxBytes: 300n, txBytes: 400n, rxDropped: 1n, txDropped: 0n },
        },
      },
      names,
    );
    assert.deepEqual(link, {
      index: 5,
      name: 'vxlan-7',
      kind: 'vxlan',
      mtu: 1450,
      up: true,
      operState: 'up',
      mac: 'fa:16:3e:00:00:07',
      masterIndex: 2,
      master: 'brq1',
      stats: { rxPackets: 3, txPackets: 4, rxBytes: 300, txBytes: 400, rxDropped: 1, txDropped: 0 },
      vxlan: { vni: 7, local: '10.0.0.1', devIndex: 3, port: 4789, learning: false },
    });
  });

  it('decodes a plain device without linkinfo, master or stats64', () => {
    const link = decodeLink(
      { kind: 'link', data: { index: 1, flags: {} }, attrs: { ifname: 'lo', mtu: 65536 } },
      names,
    );
    assert.equal(link.kind, undefined);
    assert.equal(link.master, undefined);
    assert.equal(link.up, false);
    assert.equal(link.operState, 'unknown');
    assert.equal(link.stats.rxPackets, 0);
  });

  it('decodes addresses and skips other families', () => {
    const addr = decodeAddress(
      { kind: 'address', data: { family: 2, prefixlen: 24, index: 3 }, attrs: { local: Buffer.from([10, 0, 0, 1]) } },
      names,
    );
    assert.deepEqual(addr, { link: 'eth0', linkIndex: 3, family: 'inet', address: '10.0.0.1', prefixLength: 24 });
    assert.equal(decodeAddress({ kind: 'address', data: { family: 17 }, attrs: {} }, names), undefined);
  });

  it('decodes VXLAN FDB remotes and ignores IP neighbours', () => {
    const fdb = decodeFdb(
      {
        kind: 'neighbor',
        data: { family: 7, ifindex: 5, state: { permanent: true, noarp: true }, flags: { self: true } },
        attrs: { lladdr: Buffer.alloc(6), dst: Buffer.from([10, 0, 0, 2]) },
      },
      names,
    );
    assert.deepEqual(fdb, { dev: 'vxlan-7', mac: '00:00:00:00:00:00', dst: '10.0.0.2', permanent: true, self: true });
    assert.equal(decodeFdb({ kind: 'neighbor', data: { family: 2 }, attrs: {} }, names), undefined);
  });

  it('decodes IP neighbours', () => {
    const n = decodeNeighbour(
      {
        kind: 'neighbor',
        data: { family: 2, ifindex: 2, state: { permanent: true } },
        attrs: { dst: Buffer.from([10, 1, 0, 5]), lladdr: Buffer.from('fa163e000001', 'hex') },
      },
      names,
    );
    assert.deepEqual(n, { dev: 'brq1', ip: '10.1.0.5', mac: 'fa:16:3e:00:00:01', permanent: true });
    assert.equal(decodeNeighbour({ kind: 'neighbor', data: { family: 7 }, attrs: {} }, names), undefined);
  });
});
