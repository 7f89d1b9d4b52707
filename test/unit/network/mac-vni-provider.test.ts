import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { normalizeMac, randomMac } from '../../../conductor/network/mac.ts';
import { planProvider } from '../../../conductor/network/networks.ts';
import { pickVni, vniRangeProblem } from '../../../conductor/network/vni.ts';

const reasonOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof StratoError) return `${err.code}/${err.reason}`;
    throw err;
  }
  return 'ok';
};

describe('MAC addresses', () => {
  it('generates fa:16:3e MACs: locally administered, unicast, well-formed', () => {
    for (let i = 0; i < 200; i++) {
      const mac = randomMac();
      assert.match(mac, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
      const first = Number.parseInt(mac.slice(0, 2), 16);
      assert.equal(first & 1, 0, 'unicast');
      assert.equal(first & 2, 2, 'locally administered');
    }
  });

  it('uses the random source after the prefix', () => {
    assert.equal(
      randomMac('fa:16:3e', (n) => new Uint8Array(n).fill(0xab)),
      'fa:16:3e:ab:ab:ab',
    );
    assert.equal(
      randomMac('02', (n) => Uint8Array.from({ length: n }, (_, i) => i)),
      '02:00:01:02:03:04',
    );
    assert.throws(() => randomMac('FA:16'), /prefix/);
    assert.throws(() => randomMac('fa:16:3e:00:00:00'), /prefix/);
  });

  const table: [string, string][] = [
    ['FA:16:3E:01:02:03', 'fa:16:3e:01:02:03'],
    ['fa-16-3e-01-02-03', 'fa:16:3e:01:02:03'],
    ['52:54:00:12:34:56', '52:54:00:12:34:56'],
    ['01:00:5e:00:00:01', 'INVALID_ARGUMENT/MAC_INVALID'],
    ['ff:ff:ff:ff:ff:ff', 'INVALID_ARGUMENT/MAC_INVALID'],
    ['00:00:00:00:00:00', 'INVALID_ARGUMENT/MAC_INVALID'],
    ['fa:16:3e:01:02', 'INVALID_ARGUMENT/MAC_INVALID'],
    ['fa163e010203', 'INVALID_ARGUMENT/MAC_INVALID'],
    ['zz:16:3e:01:02:03', 'INVALID_ARGUMENT/MAC_INVALID'],
  ];
  for (const [input, want] of table) {
    it(`normalises ${input} → ${want}`, () => {
      let got: string;
      try {
        got = normalizeMac(input);
      } catch (err) {
        got = err instanceof StratoError ? `${err.code}/${err.reason}` : String(err);
      }
      assert.equal(got, want);
    });
  }
});

describe('VNIs', () => {
  it('picks the lowest free VNI, skipping used and lost ones', () => {
    const r = { min: 1000, max: 1003 };
    assert.equal(pickVni(r, new Set()), 1000);
    assert.equal(pickVni(r, new Set([1000, 1001])), 1002);
    assert.equal(pickVni(r, new Set([1000]), new Set([1001, 1002])), 1003);
    assert.equal(pickVni(r, new Set([1000, 1001, 1002, 1003])), undefined);
    assert.equal(pickVni(r, new Set([999, 1004])), 1000, 'out-of-range keys do not matter');
  });

  it('validates ranges', () => {
    assert.equal(vniRangeProblem({ min: 1000, max: 16_000_000 }), undefined);
    assert.equal(vniRangeProblem({ min: 1, max: 16_777_215 }), undefined);
    assert.ok(vniRangeProblem({ min: 0, max: 10 }));
    assert.ok(vniRangeProblem({ min: 10, max: 16_777_216 }));
    assert.ok(vniRangeProblem({ min: 20, max: 10 }));
    assert.ok(vniRangeProblem({ min: 1.5, max: 10 }));
  });
});

describe('network provider settings', () => {
  const table: [string, { providerType: string; physicalBridge: string; mtu: number }, string][] = [
    ['vxlan default mtu = underlay - 50', { providerType: '', physicalBridge: '', mtu: 0 }, 'vxlan//1450'],
    ['vxlan explicit mtu', { providerType: 'vxlan', physicalBridge: '', mtu: 1400 }, 'vxlan//1400'],
    [
      'vxlan mtu above underlay - 50',
      { providerType: 'vxlan', physicalBridge: '', mtu: 1451 },
      'INVALID_ARGUMENT/MTU_INVALID',
    ],
    ['mtu below 68', { providerType: 'vxlan', physicalBridge: '', mtu: 67 }, 'INVALID_ARGUMENT/MTU_INVALID'],
    ['flat default mtu = underlay', { providerType: 'flat', physicalBridge: 'br-ex', mtu: 0 }, 'flat/br-ex/1500'],
    [
      'flat without bridge',
      { providerType: 'flat', physicalBridge: '', mtu: 0 },
      'INVALID_ARGUMENT/PHYSICAL_BRIDGE_INVALID',
    ],
    [
      'flat bridge name too long',
      { providerType: 'flat', physicalBridge: 'a-very-long-bridge', mtu: 0 },
      'INVALID_ARGUMENT/PHYSICAL_BRIDGE_INVALID',
    ],
    [
      'flat bridge with slash',
      { providerType: 'flat', physicalBridge: 'br/0', mtu: 0 },
      'INVALID_ARGUMENT/PHYSICAL_BRIDGE_INVALID',
    ],
    [
      'vxlan with bridge',
      { providerType: 'vxlan', physicalBridge: 'br-ex', mtu: 0 },
      'INVALID_ARGUMENT/PHYSICAL_BRIDGE_INVALID',
    ],
    ['vlan', { providerType: 'vlan', physicalBridge: '', mtu: 0 }, 'INVALID_ARGUMENT/PROVIDER_TYPE_INVALID'],
  ];
  for (const [name, input, want] of table) {
    it(`${name}: ${want}`, () => {
      let got = '';
      const r = reasonOf(() => {
        const p = planProvider(input, 1500);
        got = `${p.providerType}/${p.physicalBridge}/${p.mtu}`;
      });
      assert.equal(r === 'ok' ? got : r, want);
    });
  }
});
