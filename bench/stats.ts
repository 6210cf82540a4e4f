/**
 * Medians, percentiles and interleaving. The machine is shared and noisy, so the bench never trusts one run:
 * it alternates the things it compares, run by run, so that a burst of load hits both, and reports medians.
 */
import type { Failure } from './report';

/** The value below which `p` of the sorted values lie (nearest rank), or NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** The median; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Spread {
  median: number;
  p95: number;
  min: number;
  max: number;
  count: number;
}

export function spread(values: readonly number[]): Spread {
  return {
    median: median(values),
    p95: percentile(values, 0.95),
    min: Math.min(...values),
    max: Math.max(...values),
    count: values.length,
  };
}

/** Ratios of paired runs, `a[i] / b[i]`: the pairs ran back to back, so each ratio saw the same load. */
export function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.min(a.length, b.length);
  return Array.from({ length: n }, (_, i) => a[i] / b[i]);
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function now(): number {
  return performance.now();
}

/** Runs `body` and returns what it returned and how long it took. */
export async function timed<T>(body: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = now();
  const value = await body();
  return { value, ms: now() - t0 };
}

/** `count` indices spread evenly over `0..total-1`, each in the middle of its share, so none sits at an end. */
export function spreadIndices(total: number, count: number): number[] {
  const n = Math.min(total, count);
  return Array.from({ length: n }, (_, j) => Math.floor(((j + 0.5) * total) / n));
}

/** What one build gave over the rounds of a row: its samples, or the failure that ended them. */
export interface Series<T> {
  samples: T[];
  failure?: Failure;
}

/**
 * Runs `rounds` rounds of `step` over `count` builds, A B A B ..., so that a burst of load on the machine hits
 * every build alike. A build that fails stops there; the others go on.
 */
export async function interleave<T extends object>(
  count: number,
  rounds: number,
  step: (build: number, round: number) => Promise<T | Failure>,
): Promise<Series<T>[]> {
  const series: Series<T>[] = Array.from({ length: count }, () => ({ samples: [] }));
  for (let round = 0; round < rounds; round++) {
    for (let b = 0; b < count; b++) {
      if (series[b].failure) continue;
      const result = await step(b, round);
      if ('kind' in result && isFailureKind(result.kind)) series[b].failure = result;
      else series[b].samples.push(result as T);
    }
  }
  return series;
}

function isFailureKind(kind: unknown): boolean {
  return kind === 'timeout' || kind === 'oom' || kind === 'failed';
}
