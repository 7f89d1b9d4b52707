// A minimal QMP client for these tests: connect to QEMU's monitor socket, negotiate,
// run commands. Events are ignored; replies are matched by id.
import { createConnection, type Socket } from 'node:net';
import { StratoError } from '../../../common/errors.ts';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export class Qmp {
  readonly #socket: Socket;
  readonly #pending = new Map<string, Pending>();
  #buffer = '';
  #nextId = 1;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.#onData(chunk));
    socket.on('close', () => this.#failAll(new Error('QMP connection closed')));
    socket.on('error', (err) => this.#failAll(err));
  }

  /** Connects to QEMU's `-qmp unix:PATH,server=on,wait=off`, retrying while QEMU starts. */
  static async connect(path: string, timeoutMs = 10_000): Promise<Qmp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = createConnection(path, () => resolve(s));
          s.once('error', reject);
        });
        const qmp = new Qmp(socket);
        await qmp.execute('qmp_capabilities');
        return qmp;
      } catch (err) {
        if (Date.now() >= deadline) {
          throw new StratoError('UNAVAILABLE', 'QMP_CONNECT_FAILED', `cannot connect to QMP at ${path}`, {
            cause: err,
          });
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  execute(command: string, args?: Record<string, unknown>): Promise<unknown> {
    const id = String(this.#nextId++);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#socket.write(`${JSON.stringify({ execute: command, arguments: args, id })}\n`);
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  #onData(chunk: string): void {
    this.#buffer += chunk;
    let nl = this.#buffer.indexOf('\n');
    while (nl >= 0) {
      const line = this.#buffer.slice(0, nl).trim();
      this.#buffer = this.#buffer.slice(nl + 1);
      nl = this.#buffer.indexOf('\n');
      if (line === '') continue;
      const msg = JSON.parse(line) as { id?: string; return?: unknown; error?: { class: string; desc: string } };
      if (msg.id === undefined) continue; // greeting or event
      const pending = this.#pending.get(msg.id);
      this.#pending.delete(msg.id);
      if (msg.error) pending?.reject(new Error(`QMP ${msg.error.class}: ${msg.error.desc}`));
      else pending?.resolve(msg.return);
    }
  }

  #failAll(err: Error): void {
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }
}
