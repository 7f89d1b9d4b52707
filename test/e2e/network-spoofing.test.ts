// Anti-spoofing per port, seen from both ends: a guest that changes its IP, or its
// MAC, gets nothing through to a peer on another host, and a DHCP server it runs
// reaches nobody. The network's security group lets everything in, so only the
// anti-spoofing rules on the spoofer's tap stand in the way. The peer counts every
// echo request that reaches it and every DHCP lease it is offered; the spoofer reports
// what it sent and what came back (and that its rogue server did send offers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStratoError } from '../../common/errors.ts';
import { LEAK, LEASE, peerScript, SPOOF_DONE, spooferScript } from './lib/extra-spoof.ts';
import { useCloud } from './lib/fixture.ts';
import { script, tagged } from './lib/net-guest.ts';
import { type NetGuest, NetWorld } from './lib/net-setup.ts';

const PREFIX = '10.84.0';
const IP_P = `${PREFIX}.10`;
const IP_X = `${PREFIX}.11`;

describe('anti-spoofing (e2e: a guest forging IP, MAC or DHCP across two hosts)', { timeout: 600_000 }, () => {
  const cloud = useCloud({ hosts: 2 });
  const world = new NetWorld(cloud);
  cloud.beforeStop(() => world.cleanUp());
  let peer: NetGuest;
  let spoofer: NetGuest;

  it('boots a peer and a spoofer on one network without DHCP, security group open', async () => {
    const cl = cloud();
    const api = cl.admin;
    const sg = await api.securityGroups.CreateSecurityGroup({ name: 'spoof-open', description: 'all in, all out' });
    world.securityGroups.push(sg);
    for (const direction of ['ingress', 'egress']) {
      await api.securityGroups
        .CreateSecurityGroupRule({ securityGroup: sg.id, direction, protocol: 'any', remoteIpPrefix: '0.0.0.0/0' })
        .catch((err: unknown) => {
          if (!isStratoError(err, 'ALREADY_EXISTS')) throw err; // a new group may come with egress open
        });
    }
    const net = await api.networks.CreateNetwork({ name: 'spoof-net', providerType: 'vxlan' });
    world.networks.push(net);
    world.subnets.push(
      await api.subnets.CreateSubnet({ name: 'spoof-v4', network: net.id, cidr: `${PREFIX}.0/24`, disableDhcp: true }),
    );
    const [pp, px] = [
      await world.port('spoof-p', net.id, IP_P, [sg.id]),
      await world.port('spoof-x', net.id, IP_X, [sg.id]),
    ];
    [peer, spoofer] = await Promise.all([
      world.boot('spoof-peer', cl.hosts[0]!.id, pp, script(peerScript(IP_P))),
      world.boot(
        'spoof-x',
        cl.hosts[1]!.id,
        px,
        script(
          spooferScript({
            ip: IP_X,
            peer: IP_P,
            spoofIp: `${PREFIX}.50`,
            spoofMac: 'fa:16:3e:de:ad:02',
            prefix: PREFIX,
          }),
        ),
      ),
    ]);
  });

  it('a changed IP, a changed MAC and a rogue DHCP server get nothing through', async () => {
    const xl = await world.untilConsole(spoofer, (ls) => ls.some((l) => l.includes(SPOOF_DONE)), 240_000, 'the probes');
    const got = (tag: string) => Number(tagged(xl, tag)?.split('/')[0]);
    const why = `\nspoofer console:\n${xl.filter((l) => l.includes('E2E-')).join('\n')}`;
    // The honest phases prove the path works, so the spoofed ones can fail for the right reason.
    assert.equal(got('E2E-REACH'), 1, `peer never reachable${why}`);
    assert.equal(got('E2E-BEFORE'), 3, `pings before spoofing${why}`);
    assert.equal(tagged(xl, 'E2E-SPOOF-IP-HASIP'), '1', `the spoofed IP was set${why}`);
    assert.equal(got('E2E-SPOOF-IP'), 0, `pings from a changed IP got answers${why}`);
    assert.equal(got('E2E-IP-RESTORED'), 1, `pings after restoring the IP${why}`);
    assert.match(tagged(xl, 'E2E-SPOOF-MAC-HASIP') ?? '', /^1 fa:16:3e:de:ad:02$/, `the spoofed MAC was set${why}`);
    assert.equal(got('E2E-SPOOF-MAC'), 0, `pings from a changed MAC got answers${why}`);
    assert.equal(got('E2E-MAC-RESTORED'), 1, `pings after restoring the MAC${why}`);
    const offers = Number(tagged(xl, 'E2E-UDHCPD-OFFERS'));
    assert.ok(offers >= 1, `the rogue DHCP server never sent an offer (so the case proves nothing)${why}`);

    // The peer's own count of echo requests, read over TCP just before and just after
    // each spoofed phase (no honest pings in between): a spoofed echo that got through
    // shows as a leak, whatever the timing of honest pings under load.
    const leaks = xl.filter((l) => l.startsWith(LEAK));
    assert.equal(leaks.length, 2, `both spoofed phases measured the peer's counter${why}`);
    for (const l of leaks)
      assert.match(l, /^E2E-LEAK (ip|mac) 0 b=\d+ a=\d+$/, `spoofed echoes reached the peer${why}`);

    // The peer's console, a few seconds after the rogue server stopped (its DHCP client
    // retries every second or so, so a lease would show by then).
    await new Promise((r) => setTimeout(r, 3000));
    const pl = await world.untilConsole(peer, (ls) => ls.length > 0, 30_000, 'the peer console');
    assert.deepEqual(
      pl.filter((l) => l.includes(LEASE)),
      [],
      'the peer got a lease from the rogue DHCP server',
    );
  });
});
