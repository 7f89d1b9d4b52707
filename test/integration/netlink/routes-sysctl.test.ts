// Reading routes and sysctls through a namespace's worker (what a router's observation
// relies on): each handle sees its own namespace's forwarding switch and routes, never
// the agent's or another namespace's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { isStratoError } from '../../../common/errors.ts';
import { run } from '../../harness/exec.ts';
import { buildNativeAddon, uniqueName } from './helpers.ts';

const on = uniqueName('strato-nlr-a-');
const off = uniqueName('strato-nlr-b-');

describe('netlink routes and sysctls per namespace (real kernel)', () => {
  let root: Netlink;

  before(async () => {
    await buildNativeAddon();
    root = await openNetlink();
    for (const ns of [on, off]) await root.createNamespace(ns);
    const a = root.inNamespace(on);
    await a.createVeth('r0', 'r1', { up: true });
    await a.setUp('r1', true);
    await a.addAddress('r0', '10.66.0.2/24');
    await run('nsenter', [`--net=/run/netns/${on}`, '--', 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
    await run('ip', ['-n', on, 'route', 'add', 'default', 'via', '10.66.0.1', 'dev', 'r0']);
  });

  after(async () => {
    for (const ns of [on, off]) await root?.deleteNamespace(ns, { ignoreMissing: true });
    await root?.close();
  });

  it('reads the forwarding switch of the handle’s own namespace', async () => {
    assert.equal((await root.inNamespace(on).readSysctl('net/ipv4/ip_forward')).trim(), '1');
    assert.equal((await root.inNamespace(off).readSysctl('net/ipv4/ip_forward')).trim(), '0');
  });

  it('lists the main table’s IPv4 routes with gateway and device', async () => {
    const routes = await root.inNamespace(on).listRoutes4();
    assert.deepEqual(
      routes.find((r) => r.prefixLength === 0),
      { dst: '0.0.0.0', prefixLength: 0, gateway: '10.66.0.1', dev: 'r0' },
    );
    assert.ok(routes.some((r) => r.dst === '10.66.0.0' && r.prefixLength === 24 && r.dev === 'r0'));
    assert.deepEqual(await root.inNamespace(off).listRoutes4(), [], 'a fresh namespace has none');
  });

  it('refuses a sysctl name that climbs out of /proc/sys', async () => {
    await assert.rejects(root.inNamespace(on).readSysctl('net/../../etc/passwd'), (e) =>
      isStratoError(e, 'INVALID_ARGUMENT'),
    );
  });
});
