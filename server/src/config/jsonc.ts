// JSON with comments (// and /* */) and trailing commas, as VS Code's settings files are
// written, read with the line of every value kept: a problem in .nianbao.json names its line.

export class JsoncError extends Error {
  constructor(message: string, readonly line: number) { super(message); }
}

export interface Jsonc {
  value: unknown;
  /** The 1-based line of the value at `path` (or of the nearest enclosing value that exists). */
  lineOf(path: readonly PropertyKey[]): number;
}

export function parseJsonc(text: string): Jsonc {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new Map<string, number>();
  const breaks: number[] = [];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) breaks.push(k);
  const lineAt = (i: number) => { let lo = 0, hi = breaks.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (breaks[mid] < i) lo = mid + 1; else hi = mid; } return lo + 1; };
  const fail = (what: string): never => { throw new JsoncError(what, lineAt(Math.min(at, text.length))); };

  function skip() {
    for (;;) {
      while (at < text.length && /\s/.test(text[at])) at++;
      if (text.startsWith('//', at)) { const nl = text.indexOf('\n', at); at = nl < 0 ? text.length : nl + 1; }
      else if (text.startsWith('/*', at)) { const end = text.indexOf('*/', at + 2); if (end < 0) fail('unterminated comment'); at = end + 2; }
      else return;
    }
  }

  function string(): string {
    const m = /^"(?:[^"\\\n]|\\.)*"/.exec(text.slice(at, at + 100000));
    if (!m) fail('expected a string in double quotes');
    at += m![0].length;
    return JSON.parse(m![0]) as string;
  }

  function value(path: string[]): unknown {
    skip();
    lines.set(JSON.stringify(path), lineAt(at));
    const c = text[at];
    if (c === '{') {
      at++;
      const out: Record<string, unknown> = {};
      for (;;) {
        skip();
        if (text[at] === '}') { at++; return out; }
        const key = string();
        skip();
        if (text[at] !== ':') fail(`expected ':' after "${key}"`);
        at++;
        Object.defineProperty(out, key, { value: value([...path, key]), enumerable: true, writable: true, configurable: true });
        skip();
        if (text[at] === ',') { at++; continue; }
        if (text[at] === '}') { at++; return out; }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      at++;
      const out: unknown[] = [];
      for (;;) {
        skip();
        if (text[at] === ']') { at++; return out; }
        out.push(value([...path, String(out.length)]));
        skip();
        if (text[at] === ',') { at++; continue; }
        if (text[at] === ']') { at++; return out; }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!m) fail(at >= text.length ? 'unexpected end of file' : `unexpected '${c}'`);
    at += m![0].length;
    return JSON.parse(m![0]);
  }

  const result = value([]);
  skip();
  if (at < text.length) fail('unexpected text after the end');
  return {
    value: result,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const hit = lines.get(JSON.stringify(path.slice(0, n).map(String)));
        if (hit !== undefined) return hit;
      }
      return 1;
    },
  };
}
