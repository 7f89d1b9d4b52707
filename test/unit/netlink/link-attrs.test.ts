import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttrStream, FlagsNew, ifla, rt } from 'netlink';
import {
  AF_BRIDGE,
  addressRequest,
  bridgeRequest,
  fdbFlags,
  fdbRequest,
  neighbourRequest,
  setLinkRequest,
  streamToBuffer,
  vethRequest,
  vxlanData,
  vxlanRequest,
} from '../../../agent/network/netlink/link-attrs.ts';
import { isStratoError } from '../../../common/errors.ts';

function info(linkinfo: Buffer | undefined): ifla.Info {
  assert.ok(linkinfo, 'IFLA_LINKINFO present');
  return ifla.parseInfo(linkinfo);
}

describe('link request building', () => {
  it('builds a bridge with common options', () => {
    const req = bridgeRequest('brq1', { mtu: 1450, mac: 'fa:16:3e:00:00:01', masterIndex: 9, up: true });
    assert.equal(req.attrs.ifname, 'brq1');
    assert.equal(req.attrs.mtu, 1450);
    assert.equal(req.attrs.master, 9);
    assert.equal(req.attrs.address?.toString('hex'), 'fa163e000001');
    assert.deepEqual(req.data, { flags: { up: true }, change: { up: true } });
    assert.equal(info(req.attrs.linkinfo).kind, 'bridge');
    assert.deepEqual(bridgeRequest('b').data, {});
  });

  it('puts the veth peer (ifinfomsg + IFLA attributes) in VETH_INFO_PEER', () => {
    const req = vethRequest('v0', { name: 'v1', netNsFd: 42, mtu: 1400 }, { mtu: 1400 });
    const i = info(req.attrs.linkinfo);
    assert.equal(i.kind, 'veth');
    assert.ok(i.data);
    const peer = ifla.parseVethInfo(i.data).peer;
    assert.ok(peer);
    assert.deepEqual([...peer.subarray(0, 16)], new Array(16).fill(0), 'empty ifinfomsg first');
    const attrs = ifla.parseLinkAttrs(peer.subarray(16));
    assert.equal(attrs.ifname, 'v1');
    assert.equal(attrs.netNsFd, 42);
    assert.equal(attrs.mtu, 1400);
  });

  it('encodes VXLAN options with defaults spelled out', () => {
    const req = vxlanRequest('vxlan-100', {
      vni: 100,
      local: '10.0.0.1',
      devIndex: 3,
      port: 4789,
      learning: false,
      ttl: 64,
    });
    const i = info(req.attrs.linkinfo);
    assert.equal(i.kind, 'vxlan');
    assert.ok(i.data);
    const v = ifla.parseVxlan(i.data);
    assert.equal(v.id, 100);
    assert.equal(v.link, 3);
    assert.equal(v.learning, 0);
    assert.equal(v.ttl, 64);
    assert.equal(v.port?.toString('hex'), '12b5', 'port 4789 big-endian');
    assert.equal(v.local?.toString('hex'), '0a000001');
    const v6 = vxlanData({ vni: 5, local: 'fd00::1', group: 'ff05::1', port: 8472, learning: true });
    assert.equal(v6.local, undefined);
    assert.equal(v6.local6?.length, 16);
    assert.equal(v6.group6?.length, 16);
    assert.equal(v6.learning, 1);
  });

  it('rejects out-of-range VXLAN parameters', () => {
    const bad = (fn: () => unknown) => assert.throws(fn, (e: unknown) => isStratoError(e, 'INVALID_ARGUMENT'));
    bad(() => vxlanData({ vni: 0, port: 4789, learning: false }));
    bad(() => vxlanData({ vni: 1 << 24, port: 4789, learning: false }));
    bad(() => vxlanData({ vni: 1, port: 70000, learning: false }));
    bad(() => vxlanData({ vni: 1, port: 4789, learning: false, ttl: 300 }));
  });

  it('changes links by name: down clears IFF_UP through the change mask', () => {
    assert.deepEqual(setLinkRequest('tap1', { up: false }), {
      data: { change: { up: true } },
      attrs: { ifname: 'tap1' },
    });
    assert.deepEqual(setLinkRequest('tap1', { up: true }).data, { change: { up: true }, flags: { up: true } });
    assert.equal(setLinkRequest('tap1', { masterIndex: 0 }).attrs.master, 0, 'master 0 releases');
    assert.equal(setLinkRequest('tap1', { netNsFd: 7 }).attrs.netNsFd, 7);
  });

  it('builds `bridge fdb append 00:00:00:00:00:00 dev X dst D` exactly', () => {
    assert.equal(fdbFlags('append'), FlagsNew.CREATE | FlagsNew.APPEND);
    assert.equal(fdbFlags('add'), FlagsNew.CREATE | FlagsNew.EXCL);
    assert.equal(fdbFlags('replace'), FlagsNew.CREATE | FlagsNew.REPLACE);
    assert.equal(fdbFlags('delete'), 0);
    const req = fdbRequest(5, '00:00:00:00:00:00', '10.0.0.2');
    const out = new AttrStream();
    rt.formatNeighborMessage({ kind: 'neighbor', data: req.data, attrs: req.attrs }, out);
    const bytes = Buffer.concat(out.bufs);
    assert.equal(bytes[0], AF_BRIDGE, 'ndm_family');
    assert.equal(bytes.readInt32LE(4), 5, 'ndm_ifindex');
    assert.equal(bytes.readUInt16LE(8), 0x80 | 0x40, 'ndm_state = NUD_PERMANENT|NUD_NOARP');
    assert.equal(bytes[10], 0x02, 'ndm_flags = NTF_SELF');
    const parsed = rt.parseNeighborMessage(bytes);
    assert.equal(parsed.attrs.lladdr?.toString('hex'), '000000000000');
    assert.equal(parsed.attrs.dst?.toString('hex'), '0a000002');
    assert.equal(fdbRequest(5, 'fa:16:3e:00:00:01').attrs.dst, undefined);
  });

  it('builds addresses and IP neighbours with the right family', () => {
    const a = addressRequest(4, Buffer.from([10, 0, 0, 1]), 4, 24);
    assert.deepEqual(a.data, { family: 2, prefixlen: 24, index: 4 });
    assert.equal(a.attrs.local?.toString('hex'), '0a000001');
    assert.equal(addressRequest(4, Buffer.alloc(16), 6, 64).data.family, 10);
    const n = neighbourRequest(3, 'fd00::2', 'fa:16:3e:00:00:02');
    assert.equal(n.data.family, 10);
    assert.deepEqual(n.data.state, { permanent: true });
    assert.equal(n.attrs.lladdr?.toString('hex'), 'fa163e000002');
  });

  it('flattens attribute streams', () => {
    // 4-byte header + 'bridge\0'; padding is added by the enclosing attribute
    assert.equal(streamToBuffer(ifla.formatInfo({ kind: 'bridge' })).length, 11);
  });
});
