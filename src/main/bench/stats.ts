/** Median and 95th percentile of samples (ms), nearest-rank: what the benchmark reports per operation. */
export interface Percentiles {
  samples: number;
  medianMs: number;
  p95Ms: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { samples: sorted.length, medianMs: round2(rank(50)), p95Ms: round2(rank(95)) };
}

export function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}
