// The hosts' network state after a port change, through the network pusher:
// waited for when a boot or hot-plug needs the host ready, fire-and-forget
// after a port went away.
import { unavailable } from '../../../common/errors.ts';
import type { Logger } from '../../../common/log.ts';
import type { NetworkPusher } from '../../network-push/network-pusher.ts';
import type { HostNetworkPush } from '../nics.ts';

export function pusherHostPush(pusher: Pick<NetworkPusher, 'sync'>, log: Logger): HostNetworkPush {
  return {
    async pushHost(hostId) {
      const results = await pusher.sync([hostId]);
      const r = results.get(hostId);
      if (!r) return { ok: false, error: unavailable('NETWORK_PUSH_STOPPED', 'the conductor is shutting down') };
      switch (r.kind) {
        case 'applied':
        case 'unimplemented':
          return { ok: true };
        case 'unknown-host':
          return {
            ok: false,
            error: unavailable('HOST_NOT_REGISTERED', `host ${hostId} is not registered`, {
              details: { host: hostId },
            }),
          };
        case 'failed':
          return { ok: false, error: r.error };
      }
    },

    pushSoon() {
      pusher.sync([]).catch((err: unknown) => log.warn({ err }, 'network push failed'));
    },
  };
}
