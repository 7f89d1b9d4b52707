// A one-line progress bar on stderr, drawn only when stderr is a terminal
// (a log file or a pipe gets nothing), redrawn at most 10 times a second.
import type { Sink } from './context.ts';

const MiB = 1024 * 1024;

/** `[#######.......]  45%  12.0/27.0 MiB  5.1 MiB/s` fitted to `width` columns. */
export function renderProgress(done: number, total: number, elapsedMs: number, width: number): string {
  const frac = total > 0 ? Math.min(1, done / total) : 1;
  const pct = `${Math.floor(frac * 100)}%`.padStart(4);
  const rate = elapsedMs > 0 ? done / MiB / (elapsedMs / 1000) : 0;
  const tail = ` ${pct}  ${(done / MiB).toFixed(1)}/${(total / MiB).toFixed(1)} MiB  ${rate.toFixed(1)} MiB/s`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 3));
  const filled = Math.round(frac * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]${tail}`;
}

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function progressBar(sink: Sink, total: number, now: () => number = Date.now): Progress {
  if (!sink.isTTY) return { update() {}, finish() {} };
  const start = now();
  let lastDraw = 0;
  let done = 0;
  const draw = () => sink.write(`\r${renderProgress(done, total, now() - start, sink.columns ?? 80)}`);
  return {
    update(n: number) {
      done = n;
      const t = now();
      if (t - lastDraw >= 100) {
        lastDraw = t;
        draw();
      }
    },
    finish() {
      draw();
      sink.write('\n');
    },
  };
}
