// The fake hypervisor's serial console: a Duplex that behaves like the test image's
// ttyS0 with its command reader (scripts/test-image/rootfs/etc/strato/console-reader):
// what is typed is echoed as a tty echoes it (LF as CR LF), and each whole line runs
// in a tiny shell that knows `echo` (with $((a op b)) arithmetic, as busybox sh) and
// answers anything else with "not found". Enough for the conformance suite and for
// tests of the layers above; it never pretends to be a full shell.
import { Duplex } from 'node:stream';

export class FakeConsole extends Duplex {
  private line = '';
  private ended = false;

  constructor(onClose: (c: FakeConsole) => void) {
    super({ allowHalfOpen: false });
    this.once('close', () => onClose(this));
  }

  override _read(): void {}

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    for (const ch of chunk.toString('latin1')) {
      if (ch === '\r' || ch === '\n') {
        this.print('\r\n');
        const cmd = this.line.trim();
        this.line = '';
        if (cmd !== '') this.print(`${runLine(cmd)}\r\n`);
      } else {
        this.line += ch;
        this.print(ch);
      }
    }
    cb();
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.hangUp();
    cb();
  }

  /** The console's end of data: the guest stopped, or another session took over. */
  hangUp(): void {
    if (this.ended) return;
    this.ended = true;
    this.push(null);
  }

  private print(s: string): void {
    if (!this.ended) this.push(Buffer.from(s, 'latin1'));
  }
}

const ARITH = /\$\(\((\d+)\s*([-+*/])\s*(\d+)\)\)/g;

function runLine(cmd: string): string {
  const [name, ...args] = cmd.split(/\s+/);
  if (name !== 'echo') return `sh: ${name}: not found`;
  return args.join(' ').replace(ARITH, (_m, a: string, op: string, b: string) => {
    const x = Number(a);
    const y = Number(b);
    return String(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : Math.trunc(x / y));
  });
}
