// Small statistics for the benchmark: medians and percentiles over samples, and a sequential measuring loop.

/** The q-th quantile (0..1) by nearest rank over a copy of the samples; NaN when there are none. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: number[]) => quantile(samples, 0.5);
export const p95 = (samples: number[]) => quantile(samples, 0.95);

export type Stats = { n: number; median: number; p95: number; max: number };

export function stats(samples: number[]): Stats {
  return { n: samples.length, median: median(samples), p95: p95(samples), max: samples.length ? Math.max(...samples) : Number.NaN };
}

export type Budget = { ms: number; minRuns: number };

/**
 * Runs `once` `warmup` times unrecorded, then `runs` times in sequence, collecting what each run returns. With a budget,
 * a slow case stops early: warm-up after a quarter of it (one run at least), measuring after all of it (minRuns at least).
 */
export async function repeat<T>(warmup: number, runs: number, once: (i: number) => Promise<T> | T, budget?: Budget): Promise<T[]> {
  let started = performance.now();
  for (let i = 0; i < warmup; i++) {
    await once(-1 - i);
    if (budget && performance.now() - started > budget.ms / 4) break;
  }
  started = performance.now();
  const out: T[] = [];
  for (let i = 0; i < runs; i++) {
    out.push(await once(i));
    if (budget && out.length >= budget.minRuns && performance.now() - started > budget.ms) break;
  }
  return out;
}

/** Wall time of a synchronous function, in milliseconds, with its result. */
export function timeSync<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}
