// The editor snippets (snippets/nianbao.code-snippets), generated from the templates by
// scripts/gen-snippets.mjs: every standard table of both generations, the report skeleton
// of the current generation, the 统计期限 sentence and the signature block. A test keeps the
// committed file equal to what this module produces.
import { GENERATIONS, TABLE_IDS, TEMPLATES, currentGeneration, tableDecl, type Generation, type TableId } from '../templates';
import { escapeSnippet } from './encode';
import { renderSnippetTable } from './index';

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Placeholder defaults: a report on this year, signed early the next. The clerk types over them. */
const DEFAULT_YEAR = 2024;
const BODY_NAME = '××单位';
const TEXT = '（正文）';


const stop = (n: number, def: string) => `\${${n}:${escapeSnippet(def)}}`;
const period = (yearStop: number) =>
  `本报告中所列数据的统计期限自${stop(yearStop, String(DEFAULT_YEAR))}年1月1日起至${stop(yearStop, String(DEFAULT_YEAR))}年12月31日止。`;
const signatureDate = (n: number) => stop(n, `${DEFAULT_YEAR + 1}年1月31日`);

function yearsOf(gen: Generation): string {
  const { from, to } = TEMPLATES[gen].years;
  return to === undefined ? `${from}年及以后年度` : `${from}—${to}年度`;
}

function partOf(gen: Generation, table: TableId) {
  return TEMPLATES[gen].parts.find(p => p.number === tableDecl(gen, table).part)!;
}

function tableSnippet(gen: Generation, table: TableId): [string, Snippet] {
  const decl = tableDecl(gen, table);
  const part = partOf(gen, table);
  const short = `b${decl.part}`;
  const prefix = [`${decl.name}${gen}`, `${short}_${gen}`];
  if (gen === currentGeneration()) prefix.unshift(decl.name, short);
  return [`${decl.name} ${part.heading}（${gen}版）`, {
    prefix,
    body: renderSnippetTable(gen, table).text.split('\n'),
    description: `${decl.name}「${part.heading}」标准表格（${TEMPLATES[gen].prescribedBy}，${yearsOf(gen)}报告适用），按 Tab 逐格填写数字。`,
  }];
}

function skeleton(gen: Generation): [string, Snippet] {
  const t = TEMPLATES[gen];
  const lines: string[] = [];
  let next = 1;
  const unit = next++;
  const year = next++;
  lines.push(`${stop(unit, BODY_NAME)}${stop(year, String(DEFAULT_YEAR))}年政府信息公开工作年度报告`, '');
  lines.push(`本报告根据《中华人民共和国政府信息公开条例》和${escapeSnippet(t.prescribedBy)}的要求编制。${period(year)}`, '');
  for (const p of t.parts) {
    lines.push(`${p.numeral}、${escapeSnippet(p.heading)}`);
    const table = TABLE_IDS.find(id => tableDecl(gen, id).part === p.number);
    if (table) {
      const rendered = renderSnippetTable(gen, table, { firstStop: next });
      next = rendered.nextStop;
      lines.push('', ...rendered.text.split('\n'));
    } else {
      lines.push(stop(next++, TEXT));
    }
    // Part 六 must report what the template asks for (2021: 信息处理费).
    if (p.number === 6) for (const m of t.part6Mentions) lines.push(`本年度收取${escapeSnippet(m)}${stop(next++, '0')}元。`);
    lines.push('');
  }
  lines.push(stop(unit, BODY_NAME), signatureDate(next++));
  return [`年报全文框架（${gen}版）`, {
    prefix: ['年报', 'nb', '年度报告', 'ndbg'],
    body: lines,
    description: `政府信息公开工作年度报告全文框架：标题、统计期限、六个部分及表二、表三、表四（${t.prescribedBy}，${yearsOf(gen)}报告适用）、落款。`,
  }];
}

/** Every snippet, in the order the file lists them. */
export function buildSnippets(): Record<string, Snippet> {
  const current = currentGeneration();
  const entries: [string, Snippet][] = [
    skeleton(current),
    ['统计期限', { prefix: ['统计期限', 'tjqx'], body: [period(1)], description: '统计期限句：本报告中所列数据的统计期限自某年1月1日起至12月31日止。' }],
    ['落款', { prefix: ['落款', 'lk'], body: [stop(1, BODY_NAME), signatureDate(2)], description: '落款：发布机关名称和成文日期。' }],
  ];
  const order = [current, ...GENERATIONS.filter(g => g !== current)];
  for (const gen of order) for (const table of TABLE_IDS) entries.push(tableSnippet(gen, table));
  return Object.fromEntries(entries);
}

/** The snippets file exactly as committed. */
export function snippetsFileText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}
