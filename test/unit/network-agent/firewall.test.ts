// Security-group rendering and the firewall planner: rules per protocol/port/CIDR,
// stable hashes, one transaction per change touching only the ports that changed,
// stable mark ids and conntrack zones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCidrs } from '../../../agent/network/linux/addr.ts';
import { type PortFirewallSpec, renderPort, ruleLines } from '../../../agent/network/linux/firewall-render.ts';
import { emptyFirewall, type ObservedFirewall } from '../../../agent/network/linux/observed.ts';
import { planFirewall } from '../../../agent/network/linux/plan-firewall.ts';
import type { Step } from '../../../agent/network/linux/steps.ts';

/** The planner with no VXLAN sources unless a test names them. */
const plan = (
  ports: PortFirewallSpec[],
  bridges: string[],
  obs: ObservedFirewall,
  vxlanSources: string[] = [],
): Step[] => planFirewall({ ports, bridges, vxlanSources }, obs);

/** The planner's single nft step. */
function only(steps: Step[]): Extract<Step, { kind: 'nft' }> {
  assert.equal(steps.length, 1);
  const [step] = steps;
  assert.equal(step?.kind, 'nft');
  return step as Extract<Step, { kind: 'nft' }>;
}

const spec = (tap: string, extra: Partial<PortFirewallSpec> = {}): PortFirewallSpec => ({
  tap,
  mac: 'fa:16:3e:00:00:01',
  ips: ['10.0.0.5'],
  rules: [{ direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] }],
  portSecurity: true,
  ...extra,
});

/** The observed tables after applying `ports` with these ids. */
function applied(ports: PortFirewallSpec[], ids: number[], bridges: string[]): ObservedFirewall {
  const obs = emptyFirewall();
  Object.assign(obs, { inetTable: true, bridgeTable: true, baseOk: true });
  ports.forEach((p, i) => {
    const id = p.portSecurity ? ids[i] : undefined;
    const r = renderPort(p, id);
    for (const c of r.chains) obs.chains.push({ family: c.family, name: c.name });
    obs.portHashes.set(p.tap, r.hash);
    obs.fromPort.add(p.tap);
    obs.toPort.add(p.tap);
    if (id !== undefined) {
      obs.egress.set(p.tap, id);
      obs.ingress.set(p.tap, id);
      if (r.hostKeys.length > 0) {
        obs.hostIn.set(p.tap, [...r.hostKeys]);
        obs.hostOut.set(p.tap, [...r.hostKeys]);
      }
    }
  });
  bridges.forEach((b, i) => {
    obs.zones.set(b, i + 1);
    obs.bridges.add(b);
  });
  return obs;
}

describe('ruleLines', () => {
  const cases: [string, Parameters<typeof ruleLines>[0], string[]][] = [
    [
      'icmp from a CIDR',
      { direction: 'ingress', protocol: 'icmp', remoteCidrs: ['10.0.0.0/24'] },
      ['ip saddr { 10.0.0.0/24 } meta l4proto icmp accept'],
    ],
    [
      'tcp port range',
      { direction: 'ingress', protocol: 'tcp', portMin: 22, portMax: 23, remoteCidrs: ['0.0.0.0/0'] },
      ['meta nfproto ipv4 tcp dport 22-23 accept'],
    ],
    [
      'single udp port',
      { direction: 'ingress', protocol: 'udp', portMin: 53, remoteCidrs: ['10.1.2.3'] },
      ['ip saddr { 10.1.2.3/32 } udp dport 53 accept'],
    ],
    [
      'any protocol, v4 and v6',
      { direction: 'ingress', protocol: 'any', remoteCidrs: ['fd00::/64', '10.0.0.9/8'] },
      ['ip saddr { 10.0.0.0/8 } accept', 'ip6 saddr { fd00::/64 } accept'],
    ],
    ['remote group without members', { direction: 'ingress', protocol: 'any', remoteCidrs: [] }, []],
  ];
  for (const [name, rule, want] of cases) it(name, () => assert.deepEqual(ruleLines(rule, 'accept'), want));

  it('egress rules match the destination and return (so ingress of the peer port is still checked)', () => {
    assert.deepEqual(
      ruleLines({ direction: 'egress', protocol: 'tcp', portMin: 80, remoteCidrs: ['192.0.2.0/24'] }, 'return'),
      ['ip daddr { 192.0.2.0/24 } tcp dport 80 return'],
    );
  });

  it('refuses bad protocols and ports', () => {
    assert.throws(
      () => ruleLines({ direction: 'ingress', protocol: 'sctp' as 'tcp', remoteCidrs: ['0.0.0.0/0'] }, 'accept'),
      /protocol/,
    );
    assert.throws(
      () => ruleLines({ direction: 'ingress', protocol: 'tcp', portMin: 70000, remoteCidrs: ['0.0.0.0/0'] }, 'accept'),
      /out of range/,
    );
    assert.throws(
      () => ruleLines({ direction: 'ingress', protocol: 'tcp', remoteCidrs: ['10.0.0.0/33'] }, 'accept'),
      /CIDR/,
    );
  });
});

describe('normalizeCidrs', () => {
  it('drops contained and duplicate prefixes (nft refuses overlapping intervals)', () => {
    assert.deepEqual(normalizeCidrs(['10.1.0.0/16', '10.0.0.0/8', '192.168.1.7', '192.168.1.7/32'], 'x'), {
      v4: ['10.0.0.0/8', '192.168.1.7/32'],
      v6: [],
    });
  });
});

describe('renderPort', () => {
  it('anti-spoofs by MAC, IP and ARP, blocks DHCP server replies, and tags the mark', () => {
    const r = renderPort(spec('tapA'), 3);
    const from = r.chains.find((c) => c.name === 'from-tapA')!.rules;
    assert.deepEqual(from, [
      'ether saddr != fa:16:3e:00:00:01 drop',
      'meta mark set 0x00000003',
      'ether type arp arp saddr ether != fa:16:3e:00:00:01 drop',
      'ether type arp arp saddr ip != { 0.0.0.0, 10.0.0.5 } drop',
      'ether type arp accept',
      'ip protocol udp udp sport 67 drop',
      'ip saddr 0.0.0.0 ip daddr 255.255.255.255 udp sport 68 udp dport 67 accept',
      'ip saddr { 10.0.0.5 } accept',
      'drop',
    ]);
    assert.deepEqual(
      r.chains.find((c) => c.name === 'to-tapA')!.rules[0],
      'meta mark set meta mark & 0x0000ffff | 0x00030000',
    );
    const inRules = r.chains.find((c) => c.name === 'in-tapA')!.rules;
    assert.equal(inRules.at(-1), 'drop', 'default deny inbound');
  });

  it('hashes content: same input same hash, any change a new one', () => {
    assert.equal(renderPort(spec('tapA'), 1).hash, renderPort(spec('tapA'), 1).hash);
    assert.notEqual(renderPort(spec('tapA'), 1).hash, renderPort(spec('tapA'), 2).hash);
    assert.notEqual(renderPort(spec('tapA'), 1).hash, renderPort(spec('tapA', { ips: ['10.0.0.6'] }), 1).hash);
  });

  it('without port security: no marks, no filtering', () => {
    const r = renderPort(spec('tapA', { portSecurity: false }), undefined);
    assert.deepEqual(
      r.chains.map((c) => `${c.name}: ${c.rules.join('; ')}`),
      ['from-tapA: accept', 'to-tapA: accept'],
    );
  });
});

describe('planFirewall', () => {
  it('nothing wanted, nothing there: no step; tables there: delete them', () => {
    assert.deepEqual(plan([], [], emptyFirewall()), []);
    const obs = applied([spec('tapA')], [1], ['brq1']);
    assert.deepEqual(
      plan([], [], obs).map((s) => (s as { changes: string[] }).changes),
      [['delete tables']],
    );
  });

  it('rebuilds both tables in one script when the base is missing', () => {
    const step = only(plan([spec('tapA')], ['brq1'], emptyFirewall()));
    assert.equal(step.kind, 'nft');
    assert.match(step.script, /delete table inet strato/);
    assert.match(step.script, /add element inet strato egress \{ 1 : jump out-tapA \}/);
    assert.match(step.script, /add element inet strato zones \{ "brq1" : 1 \}/);
  });

  it('is a no-op when the tables match', () => {
    const ports = [spec('tapA'), spec('tapB', { portSecurity: false })];
    assert.deepEqual(plan(ports, ['brq1'], applied(ports, [1, 0], ['brq1'])), []);
  });

  it('rewrites only the changed port, keeping its mark id, in one transaction', () => {
    const ports = [spec('tapA'), spec('tapB')];
    const obs = applied(ports, [7, 3], ['brq1']);
    const changed = [ports[0]!, spec('tapB', { rules: [] })];
    const steps = [only(plan(changed, ['brq1'], obs))];
    assert.equal(steps.length, 1);
    assert.deepEqual(steps[0]!.changes, ['update port tapB']);
    assert.doesNotMatch(steps[0]!.script, /tapA/);
    assert.match(steps[0]!.script, /flush chain inet strato out-tapB/);
    assert.match(steps[0]!.script, /add element inet strato egress \{ 3 : jump out-tapB \}/);
  });

  it('removes a port’s elements before its chains, and gives a new port the lowest free id', () => {
    const obs = applied([spec('tapA'), spec('tapB')], [1, 2], ['brq1']);
    const step = only(plan([spec('tapB'), spec('tapC')], ['brq1'], obs));
    assert.deepEqual(step.changes, ['remove port tapA', 'add port tapC']);
    const lines = step.script.split('\n');
    const elemDel = lines.findIndex((l) => l.startsWith('delete element inet strato egress { 1 }'));
    const chainDel = lines.indexOf('delete chain inet strato out-tapA');
    assert.ok(elemDel >= 0 && chainDel > elemDel);
    assert.ok(
      lines.includes('add element inet strato egress { 3 : jump out-tapC }'),
      'ids of removed ports are not reused in the same transaction',
    );
  });

  it('adds and removes conntrack zones per bridge', () => {
    const obs = applied([spec('tapA')], [1], ['brq1', 'brq2']);
    const step = only(plan([spec('tapA')], ['brq1', 'brq3'], obs));
    assert.match(step.script, /delete element inet strato zones \{ "brq2" \}/);
    assert.match(step.script, /add element inet strato zones \{ "brq3" : 3 \}/);
  });
});

describe('host paths on a flat bridge', () => {
  const flat = (tap: string, extra: Partial<PortFirewallSpec> = {}): PortFirewallSpec =>
    spec(tap, { hostBridge: 'br-ex', ...extra });

  const cases: [string, PortFirewallSpec, string[]][] = [
    [
      'a flat port: one key per IPv4 address',
      flat('tapA', { ips: ['10.0.0.6', '10.0.0.5'] }),
      ['"br-ex" . 10.0.0.5', '"br-ex" . 10.0.0.6'],
    ],
    ['a VXLAN port (no host bridge): none', spec('tapA'), []],
    ['no port security: none (nothing is filtered)', flat('tapA', { portSecurity: false }), []],
    ['no addresses: none', flat('tapA', { ips: [] }), []],
  ];
  for (const [name, p, want] of cases) {
    it(name, () => assert.deepEqual(renderPort(p, p.portSecurity ? 1 : undefined).hostKeys, want));
  }

  it('the base tables hook output and input, with the network zone on output', () => {
    const step = only(plan([flat('tapA')], ['br-ex'], emptyFirewall()));
    assert.match(step.script, /hook output priority raw;[^}]*ct zone set oifname map @zones/);
    assert.match(step.script, /hook output priority filter;[^}]*oifname \. ip daddr vmap @host_in/);
    assert.match(step.script, /hook input priority filter;[^}]*iifname \. ip saddr vmap @host_out/);
  });

  it('host → guest goes through the port’s ingress chain, guest → host through its egress chain', () => {
    const lines = only(plan([flat('tapA')], ['br-ex'], emptyFirewall())).script.split('\n');
    assert.ok(lines.includes('add element inet strato host_in { "br-ex" . 10.0.0.5 : jump in-tapA }'));
    assert.ok(lines.includes('add element inet strato host_out { "br-ex" . 10.0.0.5 : jump out-tapA }'));
  });

  it('is a no-op when the host elements are in place', () => {
    const ports = [flat('tapA'), spec('tapB')];
    assert.deepEqual(plan(ports, ['br-ex', 'brq1'], applied(ports, [1, 2], ['br-ex', 'brq1'])), []);
  });

  it('a missing host element rewrites the port', () => {
    const obs = applied([flat('tapA')], [1], ['br-ex']);
    obs.hostOut.delete('tapA');
    const step = only(plan([flat('tapA')], ['br-ex'], obs));
    assert.deepEqual(step.changes, ['update port tapA']);
    assert.match(step.script, /delete element inet strato host_in \{ "br-ex" \. 10\.0\.0\.5 \}/);
    assert.match(step.script, /add element inet strato host_out \{ "br-ex" \. 10\.0\.0\.5 : jump out-tapA \}/);
  });

  it('an address change swaps the host elements in the same transaction', () => {
    const obs = applied([flat('tapA')], [1], ['br-ex']);
    const step = only(plan([flat('tapA', { ips: ['10.0.0.9'] })], ['br-ex'], obs));
    const lines = step.script.split('\n');
    const del = lines.indexOf('delete element inet strato host_out { "br-ex" . 10.0.0.5 }');
    const add = lines.indexOf('add element inet strato host_out { "br-ex" . 10.0.0.9 : jump out-tapA }');
    assert.ok(del >= 0 && add > del);
  });

  it('a removed flat port loses its host elements before its chains', () => {
    const obs = applied([flat('tapA')], [1], ['br-ex']);
    const lines = only(plan([], ['br-ex'], obs)).script.split('\n');
    const del = lines.indexOf('delete element inet strato host_in { "br-ex" . 10.0.0.5 }');
    const chain = lines.indexOf('delete chain inet strato in-tapA');
    assert.ok(del >= 0 && chain > del);
  });
});

describe('VXLAN sources (the kernel’s VXLAN socket is wildcard-bound)', () => {
  const withSources = (obs: ObservedFirewall, ips: string[]): ObservedFirewall => {
    obs.vxlanSources = new Set(ips);
    return obs;
  };

  it('the input hook drops UDP 4789 from any address outside the sets, counted, before anything else', () => {
    const script = only(plan([spec('tapA')], ['brq1'], emptyFirewall())).script;
    const input =
      /chain input \{\n([^}]*)\}/
        .exec(script)?.[1]
        ?.split('\n')
        .map((l) => l.trim()) ?? [];
    assert.deepEqual(input.slice(0, 3), [
      'type filter hook input priority filter; policy accept;',
      'udp dport 4789 ip saddr != @vxlan_sources4 counter name "vxlan_dropped" drop comment "strato-fw-3"',
      'udp dport 4789 ip6 saddr != @vxlan_sources6 counter name "vxlan_dropped" drop',
    ]);
    assert.match(script, /set vxlan_sources4 \{ type ipv4_addr; \}/);
    assert.match(script, /set vxlan_sources6 \{ type ipv6_addr; \}/);
    assert.doesNotMatch(script, /add element inet strato vxlan_sources/, 'no sources: every VXLAN packet is dropped');
  });

  it('a rebuild fills both sets in the same transaction as the tables', () => {
    const step = only(plan([spec('tapA')], ['brq1'], emptyFirewall(), ['192.0.2.2', '2001:db8::2', '192.0.2.3']));
    const lines = step.script.split('\n');
    const table = lines.indexOf('table inet strato {');
    const v4 = lines.indexOf('add element inet strato vxlan_sources4 { 192.0.2.2, 192.0.2.3 }');
    const v6 = lines.indexOf('add element inet strato vxlan_sources6 { 2001:db8::2 }');
    assert.ok(table >= 0 && v4 > table && v6 > table);
  });

  it('is a no-op when the sets hold exactly the sources', () => {
    const obs = withSources(applied([spec('tapA')], [1], ['brq1']), ['192.0.2.2', '2001:db8::2']);
    assert.deepEqual(plan([spec('tapA')], ['brq1'], obs, ['2001:db8::2', '192.0.2.2']), []);
  });

  it('a source change and a port change travel in one transaction', () => {
    const obs = withSources(applied([spec('tapA')], [1], ['brq1']), ['192.0.2.2', '192.0.2.3']);
    const step = only(plan([spec('tapA'), spec('tapB')], ['brq1'], obs, ['192.0.2.3', '192.0.2.4']));
    assert.deepEqual(step.changes, ['add port tapB', 'vxlan source +192.0.2.4', 'vxlan source -192.0.2.2']);
    const lines = step.script.split('\n');
    assert.ok(lines.includes('delete element inet strato vxlan_sources4 { 192.0.2.2 }'));
    assert.ok(lines.includes('add element inet strato vxlan_sources4 { 192.0.2.4 }'));
    assert.ok(lines.includes('add element inet strato egress { 2 : jump out-tapB }'));
  });

  it('nothing wanted: the tables (filter included) go, whatever the sources', () => {
    const obs = withSources(applied([spec('tapA')], [1], ['brq1']), ['192.0.2.2']);
    assert.deepEqual(only(plan([], [], obs, ['192.0.2.2'])).changes, ['delete tables']);
  });
});
