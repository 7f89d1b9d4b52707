// Shared timing helpers for benchmarks: each benchmark measures strato's way and a
// baseline (the same work done by stock tools) in the same run and prints medians
// and the ratio, so figures are comparable on whatever machine runs them.
import { performance } from 'node:perf_hooks';

export const smoke = process.argv.includes('--smoke') || process.env.STRATO_BENCH_SMOKE === '1';

export function median(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] as number;
}

/** Runs `fn` `runs` times and returns each run's duration in milliseconds. */
export async function sample(runs: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export interface Comparison {
  figure: string;
  strato: number[];
  baseline: number[];
  baselineName: string;
}

/** Prints one line per figure: medians in ms and strato/baseline ratio (lower is better). */
export function report(benchmark: string, rows: Comparison[]): void {
  for (const r of rows) {
    const s = median(r.strato);
    const b = median(r.baseline);
    const line = {
      benchmark,
      figure: r.figure,
      runs: r.strato.length,
      stratoMedianMs: Number(s.toFixed(3)),
      baseline: r.baselineName,
      baselineMedianMs: Number(b.toFixed(3)),
      ratio: Number((s / b).toFixed(3)),
    };
    console.log(
      `${benchmark.padEnd(18)} ${r.figure.padEnd(34)} strato ${line.stratoMedianMs.toString().padStart(10)} ms   ` +
        `${r.baselineName} ${line.baselineMedianMs.toString().padStart(10)} ms   ratio ${line.ratio}`,
    );
  }
}
