// Timing helpers: samples of one operation, their median and 95th percentile.

export const now = () => performance.now();

export function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
export const median = (s: readonly number[]) => quantile(s, 0.5);
export const p95 = (s: readonly number[]) => quantile(s, 0.95);

/** Milliseconds, to a sensible precision. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : x >= 0.01 ? `${x.toFixed(3)} ms` : `${(x * 1000).toFixed(2)} µs`;
}
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}×` : '—');

/**
 * Times each operation in `ops` round-robin, `runs` times after `warmup` rounds, so their
 * ratios are measured in the same run under the same conditions. Returns samples per op.
 */
export function interleaved(ops: Record<string, () => unknown>, runs: number, warmup = 3): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(ops).map(k => [k, []]));
  for (let r = 0; r < warmup + runs; r++) {
    for (const [k, op] of Object.entries(ops)) {
      const t = now();
      op();
      const dt = now() - t;
      if (r >= warmup) out[k].push(dt);
    }
  }
  return out;
}

/** Repeats a cheap operation `inner` times per sample so the timer's resolution does not matter. */
export function batched(op: () => unknown, inner: number): () => void {
  return () => { for (let i = 0; i < inner; i++) op(); };
}

export function mark(met: boolean): string {
  return met ? 'met' : 'MISSED';
}
