// A fake of systemd's notification socket for unit tests: a real UNIX datagram socket
// (bound through node-unix-socket, as the daemons send through it) that records every
// datagram as a map of its KEY=value lines, so tests can wait for READY=1, WATCHDOG=1 …
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DgramSocket } from 'node-unix-socket';

export type Notification = Record<string, string>;

export interface FakeNotifySocket {
  path: string;
  received: Notification[];
  /** Resolves with the first notification (already received or to come) matching `pred`. */
  waitFor(pred: (n: Notification) => boolean, timeoutMs?: number): Promise<Notification>;
  /** WATCHDOG=1 datagrams received since index `from`. */
  pings(from?: number): number;
  close(): Promise<void>;
}

export function parseNotification(buf: Buffer): Notification {
  const n: Notification = {};
  for (const line of buf.toString('utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) n[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return n;
}

export async function fakeNotifySocket(): Promise<FakeNotifySocket> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-notify-'));
  const path = join(dir, 'notify.sock');
  const socket = new DgramSocket();
  const received: Notification[] = [];
  const waiters: Array<() => void> = [];
  socket.on('data', (buf: Buffer) => {
    received.push(parseNotification(buf));
    for (const w of waiters.splice(0)) w();
  });
  socket.bind(path);
  return {
    path,
    received,
    waitFor(pred, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching notification in ${timeoutMs} ms`)), timeoutMs);
        const check = (): void => {
          const hit = received.find(pred);
          if (hit !== undefined) {
            clearTimeout(timer);
            resolve(hit);
          } else waiters.push(check);
        };
        check();
      });
    },
    pings(from = 0) {
      return received.slice(from).filter((n) => n.WATCHDOG === '1').length;
    },
    async close() {
      socket.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
