// The agent's links to the host's services, for the metrics: whether libvirt is
// connected, how often the link came back, and the calls that failed — libvirt's
// per procedure and code, netlink's per operation and code. The netlink count
// wraps the agent's Netlink handle (and every namespace handle made from it), so
// nothing in agent/network needs to know about metrics.
import type { EventEmitter } from 'node:events';
import { Counter, Gauge, type Registry } from 'prom-client';
import { isStratoError } from '../../common/errors.ts';
import type { HypervisorEvents } from '../hypervisor/hypervisor.ts';
import type { Netlink } from '../network/netlink/netlink.ts';

export interface HostLinkMetrics {
  /** Follows the hypervisor link (its state and reconnects); once, after it connected. */
  watchLibvirt(hv: EventEmitter<HypervisorEvents> & { readonly connected: boolean }): void;
  /** For LibvirtHypervisor's onCallError (given before it connects). */
  libvirtCallFailed(procedure: string, err: unknown): void;
  /** The same handle, its failed calls counted. */
  countNetlinkErrors(netlink: Netlink): Netlink;
}

const codeOf = (err: unknown): string => (isStratoError(err) ? err.code : 'UNKNOWN');

export function hostLinkMetrics(registry: Registry): HostLinkMetrics {
  const registers = [registry];
  let link: { readonly connected: boolean } | undefined;
  new Gauge({
    name: 'strato_agent_libvirt_connected',
    help: '1 while the agent is connected to libvirtd, 0 while it reconnects.',
    registers,
    collect() {
      this.set(link?.connected ? 1 : 0);
    },
  });
  const reconnects = new Counter({
    name: 'strato_agent_libvirt_reconnects_total',
    help: 'Times the link to libvirtd came back after it was lost.',
    registers,
  });
  const libvirtErrors = new Counter({
    name: 'strato_agent_libvirt_errors_total',
    help: 'libvirt calls that failed, per procedure and strato error code (NOT_FOUND: no such domain; UNAVAILABLE: no link).',
    labelNames: ['procedure', 'code'],
    registers,
  });
  const netlinkErrors = new Counter({
    name: 'strato_agent_netlink_errors_total',
    help: 'netlink operations that failed, per operation and strato error code.',
    labelNames: ['op', 'code'],
    registers,
  });

  const counted = (netlink: Netlink): Netlink =>
    new Proxy(netlink, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        const op = String(prop);
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          // A namespace handle is a Netlink too: count its failures the same way.
          if (op === 'inNamespace') return counted(out as Netlink);
          if (out instanceof Promise) {
            out.catch((err: unknown) => netlinkErrors.inc({ op, code: codeOf(err) }));
          }
          return out;
        };
      },
    });

  return {
    watchLibvirt(hv) {
      link = hv;
      hv.on('reconnected', () => reconnects.inc());
    },
    libvirtCallFailed: (procedure, err) => libvirtErrors.inc({ procedure, code: codeOf(err) }),
    countNetlinkErrors: counted,
  };
}
