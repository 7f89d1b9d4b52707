// The native addon's listenTcpInNamespace (root): the socket lives in the named
// namespace (reachable there, not from the agent's own), the calling thread is back
// in its own namespace afterwards, on success and on every error path, and the fd
// is the caller's to close.
import assert from 'node:assert/strict';
import { closeSync, readlinkSync } from 'node:fs';
import { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadNetnsAddon } from '../../../agent/network/netlink/native-addon.ts';
import { run } from '../../harness/exec.ts';
import { buildNativeAddon, uniqueName } from './helpers.ts';

const connects = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.connect(port, host);
  });

describe('listenTcpInNamespace (native)', () => {
  const ns = uniqueName('meta-lis');
  const own = (): string => readlinkSync('/proc/thread-self/ns/net');
  let home: string;

  before(async () => {
    await buildNativeAddon();
    await run('ip', ['netns', 'add', ns]);
    await run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    home = own();
  });
  after(() => run('ip', ['netns', 'delete', ns]).catch(() => undefined));

  it('makes the socket in the namespace and leaves the thread where it was', async () => {
    const addon = loadNetnsAddon();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const fd = addon.listenTcpInNamespace(`/run/netns/${ns}`, '127.0.0.1', port, 8);
    try {
      assert.equal(own(), home);
      assert.match(readlinkSync(`/proc/self/fd/${fd}`), /^socket:/);
      const inside = await run('ip', ['netns', 'exec', ns, 'ss', '-Htln']);
      assert.match(inside.stdout, new RegExp(`127\\.0\\.0\\.1:${port}\\b`));
      assert.equal(await connects(port), false, 'not listening in the agent’s own namespace');
    } finally {
      closeSync(fd);
    }
    const gone = await run('ip', ['netns', 'exec', ns, 'ss', '-Htln']);
    assert.doesNotMatch(gone.stdout, new RegExp(`:${port}\\b`));
  });

  it('binds an address the namespace does not hold yet (it may come later)', () => {
    const fd = loadNetnsAddon().listenTcpInNamespace(`/run/netns/${ns}`, '169.254.169.254', 80, 8);
    closeSync(fd);
    assert.equal(own(), home);
  });

  it('errors name the step, and the thread is home after each', () => {
    const addon = loadNetnsAddon();
    assert.throws(() => addon.listenTcpInNamespace('/run/netns/no-such-ns-here', '127.0.0.1', 1, 8), /ENOENT/);
    assert.throws(() => addon.listenTcpInNamespace('/etc/hostname', '127.0.0.1', 1, 8), /setns.*EINVAL/);
    assert.throws(() => addon.listenTcpInNamespace(`/run/netns/${ns}`, 'not-an-ip', 1, 8), /IPv4/);
    assert.throws(() => addon.listenTcpInNamespace(`/run/netns/${ns}`, '127.0.0.1', 70000, 8), /0-65535/);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = addon.listenTcpInNamespace(`/run/netns/${ns}`, '127.0.0.1', port, 8);
    try {
      assert.throws(() => addon.listenTcpInNamespace(`/run/netns/${ns}`, '127.0.0.1', port, 8), /listen|bind.*EADDRINUSE/);
    } finally {
      closeSync(first);
    }
    assert.equal(own(), home);
  });
});
