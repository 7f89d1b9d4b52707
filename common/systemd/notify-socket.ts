// The sd_notify protocol (man sd_notify): newline-separated VAR=value assignments in one
// datagram to the UNIX socket named by NOTIFY_SOCKET. Node cannot send a UNIX datagram
// by itself; node-unix-socket (napi-rs, prebuilt) can, without spawning systemd-notify
// (whose npm wrapper blocks on a barrier: LIBRARIES.md).
//
// Abstract addresses (`@name`) are recognised but cannot be reached through
// node-unix-socket 0.2.7: it always passes sizeof(sockaddr_un) as the address length,
// so the kernel looks up the name padded with NULs, which is another socket. systemd
// itself hands services a path (/run/systemd/notify), so a daemon under systemd is
// unaffected; under a manager that hands out an abstract address the notifier says so
// once and sends nothing.
import { createRequire } from 'node:module';
import type { DgramSocket } from 'node-unix-socket';
import type { Logger } from '../log.ts';

export type NotifyAddress = { kind: 'path'; path: string } | { kind: 'abstract'; name: string };

/** NOTIFY_SOCKET as systemd defines it: an absolute path, or `@name` for the abstract namespace. */
export function parseNotifyAddress(value: string | undefined): NotifyAddress | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.startsWith('@') && value.length > 1) return { kind: 'abstract', name: value.slice(1) };
  if (value.startsWith('/')) return { kind: 'path', path: value };
  return undefined;
}

/** One datagram: `KEY=value` lines; a value may not contain a newline (STATUS= is one line). */
export function encodeNotify(fields: Readonly<Record<string, string | number>>): Buffer {
  const lines = Object.entries(fields).map(([k, v]) => `${k}=${String(v).replaceAll('\n', ' ')}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Sends notifications; every method is a no-op without a usable NOTIFY_SOCKET. */
export interface NotifySink {
  readonly enabled: boolean;
  send(fields: Readonly<Record<string, string | number>>): Promise<void>;
  close(): void;
}

// From a bundle (dist/*.mjs) too: Node looks for node_modules from dist/ upwards, the
// same install root; scripts/build-dist keeps the addon's package external.
const requireCjs = createRequire(import.meta.url);

class DatagramSink implements NotifySink {
  readonly enabled = true;
  private readonly socket: DgramSocket;
  private readonly path: string;
  private readonly log: Logger;
  private failing = false;

  constructor(path: string, log: Logger) {
    // Loaded only when there is a socket to talk to: processes outside systemd never map the addon.
    const { DgramSocket: Dgram } = requireCjs('node-unix-socket') as typeof import('node-unix-socket');
    this.socket = new Dgram();
    this.path = path;
    this.log = log;
  }

  send(fields: Readonly<Record<string, string | number>>): Promise<void> {
    const buf = encodeNotify(fields);
    return new Promise((resolve) => {
      this.socket.sendTo(buf, 0, buf.length, this.path, (err) => {
        // A manager that went away (or a full socket) must not take the daemon down:
        // log the first failure of a run of them and carry on.
        if (err !== undefined && !this.failing) this.log.warn({ err, socket: this.path }, 'sd_notify failed');
        this.failing = err !== undefined;
        resolve();
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

const disabled: NotifySink = { enabled: false, send: async () => {}, close: () => {} };

/**
 * The sink for NOTIFY_SOCKET in `env`. Like sd_notify(unset_environment=1), it removes
 * NOTIFY_SOCKET from `env` so the daemon's children (dnsmasq, qemu-img …) do not
 * inherit it.
 */
export function openNotifySink(env: NodeJS.ProcessEnv, log: Logger): NotifySink {
  const address = parseNotifyAddress(env.NOTIFY_SOCKET);
  delete env.NOTIFY_SOCKET;
  if (address === undefined) return disabled;
  if (address.kind === 'abstract') {
    log.warn({ socket: `@${address.name}` }, 'abstract notify socket unsupported');
    return disabled;
  }
  return new DatagramSink(address.path, log);
}
