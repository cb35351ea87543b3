import type { Finding, Fix } from './model';
// Fixes computed when first asked for. The fixes that re-parse the report to prove an
// edit safe cost more than the whole check, and most findings are read, not fixed: the
// CLI's text output and a reviewer's batch never ask for them. They read the report as
// it was checked: a finding is current only while its report is untouched (the findings
// cache hands out a finding only then), and the re-parse works on a copy of its text.

/** What a lazy finding's fixes come from, and them once computed. */
interface Pending { compute?: () => Fix[]; fixes?: Fix[] }
const PENDING = Symbol('lazy fixes');

/**
 * One getter for every lazy finding, reading its state through `this`: a getter made per
 * finding gives each its own hidden class, which V8 (node 20) keeps in the old generation,
 * and the finding, its context and the report it was checked in then outlive the young
 * collections after it (a keystroke's findings were promoted and freed only by a full one).
 */
function pendingFixes(this: Finding): Fix[] {
  const p = (this as unknown as Record<symbol, Pending>)[PENDING];
  if (!p.fixes) {
    try { p.fixes = p.compute!(); } catch { p.fixes = []; }
    p.compute = undefined;
  }
  return p.fixes;
}
const LAZY: PropertyDescriptor = { get: pendingFixes, enumerable: true, configurable: true };

/** The finding with `fixes` computed on first read (once). A fix that cannot be computed is no fix, never a crash. */
export function lazyFixes(finding: Omit<Finding, 'fixes'>, compute: () => Fix[]): Finding {
  Object.defineProperty(finding, PENDING, { value: { compute } satisfies Pending });
  return Object.defineProperty(finding, 'fixes', LAZY) as Finding;
}

/** A value computed once, on first call. */
export function once<T>(compute: () => T): () => T {
  let done = false, value: T;
  return () => (done ? value : ((done = true), (value = compute())));
}
