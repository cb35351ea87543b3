// Whose report it is: the body's names as a report writes them, and whether two reports are
// of one body. Shared by the cross-year rule, the peer search (peers.ts) and the server's
// folder peers; no rule module, so those need not import one.
import type { ReportDocument } from './document';
import type { Report } from './model';

/** A line's text as a name: NFKC, without spaces and Markdown marks. */
export const cleanName = (s: string) => s.normalize('NFKC').replace(/[\s\u3000#*]/g, '');

/** Lines naming the report's body: the title before its year, or the line above the title or the signature. */
export function bodyNames({ doc, report }: { doc: ReportDocument; report: Report }): string[] {
  const lineAbove = (line: number) => {
    for (let i = line - 1; i >= Math.max(0, line - 2); i--) if (cleanName(doc.line(i))) return cleanName(doc.line(i));
    return undefined;
  };
  const names: string[] = [];
  if (report.title) {
    const before = cleanName(report.title.text).split(/(?:19|20)\d\d年/)[0];
    const above = lineAbove(report.title.range.start.line);
    if (before) names.push(before);
    else if (above && above.length <= 30 && !/[\d。，]/.test(above)) names.push(above);
  }
  const sig = report.dates.signature;
  if (sig) {
    const above = lineAbove(sig.range.start.line);
    if (above && above.length <= 30 && !/[。，\d]/.test(above)) names.push(above);
  }
  return names;
}

const norm = (s: string) => s.replace(/人民政府$/, '');
/**
 * Names of one body share this key (the last three characters, or the whole of a shorter
 * name): sameBody() needs equal names, or names of three or more where one ends the other.
 */
export const bodyKey = (name: string): string => norm(name).slice(-3);
/** Same body: one name equals the other, give or take a trailing 人民政府 or a leading parent (淮安市洪泽区 ⊃ 洪泽区). */
export function sameBody(a: string[], b: string[]): boolean {
  return a.some(x => b.some(y => {
    const [p, q] = [norm(x), norm(y)];
    return p === q || (p.length >= 3 && q.length >= 3 && (p.endsWith(q) || q.endsWith(p)));
  }));
}
