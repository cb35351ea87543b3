import type { Finding, Fix } from './model';
// Fixes computed when first asked for. The fixes that re-parse the report to prove an
// edit safe cost more than the whole check, and most findings are read, not fixed: the
// CLI's text output and a reviewer's batch never ask for them. They read the report as
// it was checked: a finding is current only while its report is untouched (the findings
// cache hands out a finding only then), and the re-parse works on a copy of its text.

/** The finding with `fixes` computed on first read (once). A fix that cannot be computed is no fix, never a crash. */
export function lazyFixes(finding: Omit<Finding, 'fixes'>, compute: () => Fix[]): Finding {
  let fixes: Fix[] | undefined;
  const get = () => {
    if (!fixes) { try { fixes = compute(); } catch { fixes = []; } }
    return fixes;
  };
  return Object.defineProperty(finding, 'fixes', { get, enumerable: true, configurable: true }) as Finding;
}

/** A value computed once, on first call. */
export function once<T>(compute: () => T): () => T {
  let done = false, value: T;
  return () => (done ? value : ((done = true), (value = compute())));
}
