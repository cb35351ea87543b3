// V8 settings of the language server's Node process, set by its entry (node.ts) before any
// document is read, and by the bench (test/bench/run.ts) so it measures the engine as the
// server runs it.
//
// Allocation-site pretenuring: after the first full parse of a large document V8 decides
// that the parser's objects (cells, ranges, rows) live long and allocates them straight
// into the old generation. Every keystroke's re-parse then leaves its short-lived objects
// there, which only a full collection frees: measured on the 2 MB compilation (bench 2), a
// table-cell digit took 0.71–0.78 ms median, 1.3–1.5 ms p95 with it, and 0.31–0.36 ms,
// 0.48–0.57 ms without; Enter and the other line-moving edits 4.6–5.6 ms (p95 ≈ 22 ms) with
// it, 2.6–4.5 ms (p95 7–10 ms) without; the full check is the same either way.
import v8 from 'node:v8';

export const SERVER_V8_FLAGS = ['--no-allocation-site-pretenuring'] as const;

/** Sets the server's V8 flags in this process (they apply to what is allocated after). */
export function applyServerV8Flags(): void {
  for (const flag of SERVER_V8_FLAGS) v8.setFlagsFromString(flag);
}
