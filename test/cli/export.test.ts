// `nianbao export`: the samples, the crawled web pages and an imported PDF exported to xlsx
// and csv, read back (exceljs; csv by hand) and compared cell by cell with `nianbao parse`;
// the header rows are the template declarations'; the findings sheet holds `check`'s findings.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ReportDocument, TEMPLATES, check, tableDecl, rowsOf, GENERATIONS, TABLE_IDS, type Generation } from '../../server/src/engine';
import { run } from '../../server/src/cli/run';
import { FIXTURES, SAMPLES } from '../helpers';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await run(args, { out: s => { out += s; }, err: s => { err += s; } });
  return { code, out, err };
}

interface ParsedCell { value: number | null; text: string }
type Parsed = { template: Generation; year: number | null; tables: Record<string, { generation: Generation; cells: Record<string, Record<string, ParsedCell>> } | null> };

async function parse(file: string): Promise<Parsed[]> {
  const r = await cli(['parse', file]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  return json.reports ?? [json];
}

/** Every cell id of a generation, from the declarations. */
function cellIds(gen: Generation): string[] {
  return TABLE_IDS.flatMap(t => [...rowsOf(tableDecl(gen, t))].flatMap(([row, info]) => info.columns.map(c => `${gen}.${t}.${row}.${c.id}`)));
}

/** What an id names (row and column ids may hold dots: read them from the declarations). */
const NAMED = new Map(GENERATIONS.flatMap(gen => TABLE_IDS.flatMap(t => [...rowsOf(tableDecl(gen, t))].flatMap(([row, info]) =>
  info.columns.map((c): [string, [string, string, string, string]] => [`${gen}.${t}.${row}.${c.id}`, [gen, t, row, c.id]])))));
const splitId = (id: string) => NAMED.get(id)!;

let tmp: string;
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-export-'));
  for (const f of readdirSync(SAMPLES)) copyFileSync(path.join(SAMPLES, f), path.join(tmp, f));
  for (const f of readdirSync(path.join(FIXTURES, 'web')).filter(f => f.endsWith('.txt'))) copyFileSync(path.join(FIXTURES, 'web', f), path.join(tmp, `web_${f}`));
  copyFileSync(path.join(FIXTURES, 'import', '02_hongze_district_2023.pdf'), path.join(tmp, 'imported.pdf'));
  writeFileSync(path.join(tmp, 'notes.txt'), '这不是年报。\n');
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A sheet as rows of values (row 1 first), empty cells null. */
function rowsOf2(ws: ExcelJS.Worksheet): { values: unknown[]; cells: ExcelJS.Cell[] }[] {
  const out: { values: unknown[]; cells: ExcelJS.Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: ExcelJS.Cell[] = [];
    for (let j = 1; j <= ws.columnCount; j++) cells.push(row.getCell(j));
    out[n - 1] = { values: cells.map(c => (c.value === undefined || c.value === '' ? null : c.value)), cells };
  });
  return out;
}

describe('nianbao export', () => {
  it('xlsx: every cell of every report is what `nianbao parse` reads; unread cells are empty and marked', async () => {
    const out = path.join(tmp, 'out.xlsx');
    const r = await cli(['export', '--format', 'xlsx', '--out', out, tmp]);
    // notes.txt is not a report: listed, exit 2, everything else exported.
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /notes\.txt: not a report/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    assert.deepEqual(book.worksheets.map(w => w.name), ['年报', '问题']);
    const rows = rowsOf2(book.getWorksheet('年报')!);
    const [labels, ids] = [rows[0].values as string[], rows[1].values as string[]];
    // Header rows: the fixed columns, then one block per generation, the current one first.
    assert.deepEqual(ids.slice(0, 7), ['file', 'report', 'body', 'year', 'template', 'balances', 'unread']);
    assert.deepEqual(ids.slice(7), [...GENERATIONS].reverse().flatMap(cellIds));
    const block = tableDecl('2021', 'proactive').blocks[0];
    assert.equal(labels[7], `2021版 · 表二 · ${block.label} · ${block.rows[0].label} · ${block.columns[0].label}`);
    let compared = 0, marked = 0, reports = 0;
    for (const row of rows.slice(2)) {
      const file = String(row.values[0]);
      const parsed = (await parse(file))[Number(row.values[1]) - 1];
      reports++;
      assert.equal(row.values[4], parsed.template, file);
      assert.equal(row.values[3], parsed.year, file);
      ids.slice(7).forEach((id, j) => {
        const [gen, table, rowId, column] = splitId(id);
        const got = row.values[7 + j];
        const cell = row.cells[7 + j];
        const t = parsed.tables[table];
        const written = gen === parsed.template && t?.generation === gen ? t.cells[rowId]?.[column] : undefined;
        if (gen !== parsed.template) { assert.equal(got, null, `${file} ${id}`); return; }
        assert.equal(got, written?.value ?? null, `${file} ${id}`);
        compared++;
        const unread = !written || (written.value === null && written.text !== '' && !/^[/／—–\-无]+$/.test(written.text));
        if (!written) {
          assert.equal((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb, 'FFFFE699', `${file} ${id} not marked`);
          assert.ok(String(row.values[6]).split(' ').includes(id));
          marked++;
        } else if (!unread) assert.ok(!String(row.values[6] ?? '').split(' ').includes(id), `${file} ${id} marked but read`);
      });
    }
    assert.equal(reports, 21, 'the ten samples, the ten web pages, the PDF');
    assert.ok(compared > 3000 && marked > 0, `${compared} compared, ${marked} marked`);
  });

  it('xlsx: the findings sheet holds every finding of `check`, and whether a report balances follows them', async () => {
    const out = path.join(tmp, 'out2.xlsx');
    await cli(['export', '--locale', 'zh-cn', '--out', out, path.join(tmp, '000_84d930cebacf0df8.txt'), path.join(tmp, '002_e246dbc8ebcc4636.txt')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const findings = rowsOf2(book.getWorksheet('问题')!).slice(2);
    for (const name of ['000_84d930cebacf0df8.txt', '002_e246dbc8ebcc4636.txt']) {
      const file = path.join(tmp, name);
      const expected = check(new ReportDocument(readFileSync(file, 'utf8')), { locale: 'zh-cn' });
      const got = findings.filter(f => f.values[0] === file);
      assert.deepEqual(got.map(f => [f.values[1], f.values[3], f.values[4], f.values[5]]), expected.map(f => [f.range.start.line + 1, f.code, f.severity, f.message]));
      const balances = rowsOf2(book.getWorksheet('年报')!).slice(2).find(r => r.values[0] === file)!.values[5];
      const identity = new Set(TEMPLATES['2019'].identities.map(i => i.code));
      assert.equal(balances, !expected.some(f => identity.has(f.code) && f.severity === 'error'), name);
    }
    // Seed 002 has two results-total errors: it does not balance.
    assert.equal(rowsOf2(book.getWorksheet('年报')!)[3].values[5], false);
  });

  it('csv: the same rows, written line by line, findings beside it', async () => {
    const out = path.join(tmp, 'out.csv');
    const r = await cli(['export', '--format', 'csv', '--out', out, path.join(tmp, '004_cf77e8731c91250a.txt'), path.join(tmp, 'web_w21_pingtan_jjf_2019.txt')]);
    assert.equal(r.code, 0, r.err);
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').map(l => l.split(','));
    assert.equal(lines.length, 4);
    const ids = lines[1];
    for (const line of lines.slice(2)) {
      const parsed = (await parse(line[0]))[0];
      ids.slice(7).forEach((id, j) => {
        const [gen, table, rowId, column] = splitId(id);
        const v = gen === parsed.template ? parsed.tables[table]?.cells[rowId]?.[column]?.value ?? null : null;
        assert.equal(line[7 + j], v === null ? '' : String(v), `${line[0]} ${id}`);
      });
    }
    const findings = readFileSync(out.replace(/\.csv$/, '.findings.csv'), 'utf8');
    assert.match(findings, /^\uFEFF文件,行,列,代码,严重程度,信息,原文位置\r\nfile,line,column,code,severity,message,source\r\n/);
  });

  it('refuses a missing --out or an unknown format (exit 2)', async () => {
    assert.equal((await cli(['export', tmp])).code, 2);
    assert.equal((await cli(['export', '--format', 'ods', '--out', 'x', tmp])).code, 2);
  });
});
