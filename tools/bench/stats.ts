export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Nearest-rank percentile (the smallest value with at least `p` percent of the values at or
 * below it): always a value that was measured, never an interpolation between two.
 */
export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted(sortedCopy(values), p);
}

export function summarize(values: readonly number[]): Summary {
  const sorted = sortedCopy(values);
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

function sortedCopy(values: readonly number[]): number[] {
  // A typed array sorts numerically, and without spreading a million values onto the stack.
  return Array.from(Float64Array.from(values).sort());
}

function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is not within 0..100`);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
