// The metadata manager's sync never fails the agent: a namespace not made yet, or one
// that cannot be inspected, or a socket that cannot be made, leaves that namespace
// without a listener until a later sync, and the call still resolves. (Listeners on
// real namespaces: test/integration/agent/metadata-proxy.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MetadataProxies } from '../../../agent/metadata/metadata-proxies.ts';
import type { NamespaceSockets } from '../../../agent/metadata/namespace-socket.ts';
import { quiet } from '../../harness/quiet-log.ts';

const state = {
  networks: [{ networkId: 'n1', dhcp: { metadata: true } }],
  routers: [{ routerId: 'r1', metadata: true, interfaces: [{ networkId: 'n2', ipCidr: '10.0.0.1/24' }] }],
};

function manager(sockets: NamespaceSockets, ensured: string[] = []): MetadataProxies {
  return new MetadataProxies({
    lookup: { lookup: async () => Promise.reject(new Error('not asked')) },
    sockets,
    routerAddress: {
      ensure: async (ns) => {
        ensured.push(ns);
      },
      remove: async () => {},
    },
    log: quiet,
  });
}

describe('MetadataProxies.sync', () => {
  it('waits for namespaces that do not exist yet: no socket, no address, no error', async () => {
    const listened: string[] = [];
    const ensured: string[] = [];
    const m = manager(
      {
        identity: async () => undefined,
        listen: (ns) => {
          listened.push(ns);
          return -1;
        },
      },
      ensured,
    );
    await m.sync(state);
    assert.deepEqual([m.namespaces, listened, ensured], [[], [], []]);
  });

  it('resolves when a namespace cannot be inspected or a socket cannot be made', async () => {
    const m = manager({
      identity: async (ns) => {
        if (ns === 'qdhcp-n1') throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return '1:2';
      },
      listen: () => {
        throw Object.assign(new Error('setns EINVAL'), { code: 'EINVAL' });
      },
    });
    await m.sync(state);
    assert.deepEqual(m.namespaces, []);
    await m.close();
    await m.sync(state); // after close: nothing, still no error
  });
});
