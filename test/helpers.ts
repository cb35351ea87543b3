// Shared test helpers: the bundled sample reports and a stable rendering of a model.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { ReportDocument, applyEdits, check, type CheckOptions, type DocumentModel, type Range, type Table, type TableId } from '../server/src/engine';

/** The repository: the nearest folder above the running bundle (dist/test/<suite>/…) holding package.json. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
export const SAMPLES = path.join(ROOT, 'samples');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The crawled web pages of test/fixtures/web (each report on one line), by name or prefix. */
export const webNames = (): string[] => readdirSync(path.join(FIXTURES, 'web')).filter(f => f.endsWith('.txt')).sort();
export const readWeb = (name: string): string => readFileSync(path.join(FIXTURES, 'web', webNames().find(n => n.startsWith(name))!), 'utf8');

/** The text of a physical range (`<from-to>` when it spans lines). */
export function textIn(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line !== r.end.line) return `<${r.start.line}-${r.end.line}>`;
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

export const sampleNames = (): string[] => readdirSync(SAMPLES).filter(f => f.endsWith('.txt')).sort();
export const readSample = (name: string): string => readFileSync(path.join(SAMPLES, name.endsWith('.txt') ? name : `${sampleByPrefix(name)}`), 'utf8');
/** '002' → '002_e246dbc8ebcc4636.txt' */
export function sampleByPrefix(prefix: string): string {
  const hit = sampleNames().find(n => n.startsWith(prefix));
  if (!hit) throw new Error(`no sample ${prefix}`);
  return hit;
}

function tableLines(key: string, t: Table): string[] {
  const out = [`${key} generation=${t.generation} encoding=${t.encoding}`];
  for (const row of Object.values(t.rows)) {
    const cells = Object.values(row.cells).map(c => (c.kind === 'number' ? `${c.value}${c.unit ?? ''}` : c.kind === 'blank' ? '_' : `'${c.text}'`));
    const label = row.label ? (row.label.how === 'exact' ? '' : ` [${row.label.how}]`) : ' [no label]';
    out.push(`${key}.${row.id}${label}: ${cells.join(' ')}`);
  }
  for (const u of t.unplaced) out.push(`${key} unplaced ${u.kind} ${JSON.stringify(u.text)} line ${u.range.start.line + 1}`);
  return out;
}

/** A compact, reviewable rendering of a parse: what the golden files hold. */
export function renderModel(model: DocumentModel): string {
  const out: string[] = [];
  for (const r of model.reports) {
    out.push(`report template=${r.template} year=${r.year ?? '-'} (${r.yearSource ?? '-'})`);
    out.push(`parts ${r.parts.map(p => `${p.number}${p.standardNumbering ? '' : `(${p.numeral})`}@${p.range.start.line + 1}`).join(' ')}`);
    for (const key of ['proactive', 'applications', 'review_litigation'] as const) {
      const t = r.tables[key];
      if (t) out.push(...tableLines(key, t));
      else out.push(`${key} missing`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * What a golden file says about cells, independent of how the text encodes them: the report
 * line, the part numbers (not their lines), and each row's values (not how its label matched).
 */
export function cellsOf(rendered: string): string {
  return rendered.split('\n').map(l => l
    .replace(/^parts .*/, m => m.replace(/@\d+/g, ''))
    .replace(/ encoding=\S+/, '')
    .replace(/ \[(prefix|fuzzy|normalized)\]:/, ':')).join('\n');
}

/** A report's findings of one rule code (English unless asked otherwise). */
export function findings(text: string, code: string, options: CheckOptions = {}) {
  const doc = new ReportDocument(text);
  return { doc, found: check(doc, { locale: 'en', ...options }).filter(f => f.code === code) };
}

/** A cell of the first report, asserting it exists. */
export function cellOf(doc: ReportDocument, table: TableId, row: string, column: string) {
  const c = doc.model.reports[0].tables[table]?.rows[row]?.cells[column];
  assert.ok(c, `no cell ${table}.${row}.${column}`);
  return c;
}

/** The report with one cell's text replaced, wherever and however the table is encoded. */
export function setCell(text: string, table: TableId, row: string, column: string, written: string): string {
  return applyEdits(text, [{ range: cellOf(new ReportDocument(text), table, row, column).range, newText: written }]);
}
