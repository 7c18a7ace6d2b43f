/** Shared shape of every benchmark's result, printed as one table (or JSON with --json). */
export interface Target {
  what: string;
  value: number;
  /** e.g. "< 150 ms" */
  target: string;
  ok: boolean;
}

export interface BenchResult {
  name: string;
  /** counts, intervals, process count: what the figures were measured on */
  setup: string;
  figures: Record<string, number | string>;
  targets: Target[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const below = (what: string, value: number, limit: number, unit: string): Target => ({ what, value: round(value, 3), target: `< ${limit} ${unit}`, ok: value < limit });
export const atLeast = (what: string, value: number, limit: number, unit: string): Target => ({ what, value: round(value, 1), target: `≥ ${limit} ${unit}`, ok: value >= limit });
