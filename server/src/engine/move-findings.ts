// The findings of a report that only moved (lines inserted or deleted above it), moved
// with it rather than found again (check.ts). A compilation has thousands of findings
// after a keystroke's line: a moved finding is one small object of the shape the rule gave
// it, its fixes shared code read through `this`, so that moving them all stays cheap.
import type { Finding, Fix } from './model';
import { moveRange, shiftLines } from './moved';

/**
 * How a finding is moved: its key order (a literal per usual order, keeps the JSON of a
 * check equal to a fresh one's) and whether its fixes are known to be none. Worked out
 * once per finding a rule made, then carried with the moved copies.
 */
export const enum Shape { Keys = 3, Other = 0, Plain = 1, WithCells = 2, NoFixes = 4 }

/** Where a moved finding's fixes come from: its place in a fresh check of its report as it stands. */
interface Source { at: number; of: () => Finding[]; fixes?: readonly Fix[] }
const SOURCE = Symbol('moved finding');
const NONE: readonly Fix[] = [];

/** A moved finding's fixes (they may read the document, where the report no longer stands): a fresh check's, on first read. */
function movedFixes(this: Finding): readonly Fix[] {
  const s = (this as unknown as Record<symbol, Source>)[SOURCE];
  if (!s.fixes) {
    try {
      const now = s.of()[s.at];
      s.fixes = now && now.code === this.code ? now.fixes : [];
    } catch { s.fixes = []; }
  }
  return s.fixes;
}
const LAZY: PropertyDescriptor = { get: movedFixes, enumerable: true, configurable: true };

/**
 * A plain object (its prototype is Object's) with a hidden class of its own: literals of
 * the same keys share theirs with the rules' findings, whose lazy fixes (one getter each)
 * turn it into a slow dictionary once `fixes` is defined with ours.
 */
const Blank = function (this: object) {} as unknown as new () => Record<string, unknown>;
Blank.prototype = Object.prototype;

/** How `f` (as a rule made it, or moved) is moved. Reads no fixes (reading computes lazy ones). */
export function shapeOf(f: Finding): Shape {
  const keys = Object.keys(f);
  const own = Object.getOwnPropertyDescriptor(f, 'fixes');
  const none = own && 'value' in own && Array.isArray(own.value) && !own.value.length ? Shape.NoFixes : 0;
  const usual = keys[0] === 'code' && keys[1] === 'severity' && keys[2] === 'message' && keys[3] === 'range';
  if (usual && keys.length === 5 && keys[4] === 'fixes') return Shape.Plain | none;
  if (usual && keys.length === 6 && keys[4] === 'cells' && keys[5] === 'fixes') return Shape.WithCells | none;
  return Shape.Other | none;
}

/**
 * `f` moved `delta` lines; `at` is its index in `fresh()`, a check of its report where it
 * now stands, which its fixes are taken from when first read.
 */
export function moveFinding(f: Finding, shape: Shape, delta: number, at: number, fresh: () => Finding[]): Finding {
  const range = moveRange(f.range, delta);
  const none = (shape & Shape.NoFixes) !== 0;
  let out: Record<string, unknown>;
  switch (shape & Shape.Keys) {
    case Shape.Plain:
      if (none) return { code: f.code, severity: f.severity, message: f.message, range, fixes: NONE };
      out = new Blank();
      out.code = f.code; out.severity = f.severity; out.message = f.message; out.range = range;
      break;
    case Shape.WithCells:
      if (none) return { code: f.code, severity: f.severity, message: f.message, range, cells: f.cells, fixes: NONE };
      out = new Blank();
      out.code = f.code; out.severity = f.severity; out.message = f.message; out.range = range; out.cells = f.cells;
      break;
    default:
      out = new Blank();
      for (const key in f) {
        if (key === 'fixes') { if (none) out.fixes = NONE; else Object.defineProperty(out, 'fixes', LAZY); continue; }
        const v = (f as unknown as Record<string, unknown>)[key];
        out[key] = key === 'range' ? range : v !== null && typeof v === 'object' && key !== 'cells' ? shiftLines(v, delta) : v;
      }
      if (!none) Object.defineProperty(out, SOURCE, { value: { at, of: fresh } satisfies Source });
      return out as unknown as Finding;
  }
  Object.defineProperty(out, SOURCE, { value: { at, of: fresh } satisfies Source });
  Object.defineProperty(out, 'fixes', LAZY);
  return out as unknown as Finding;
}
