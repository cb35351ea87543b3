// The PDF layout on small made-up pages, one behaviour each: a blank cell stays blank, a
// header broken over lines is one cell, a merged cell is written once, page footers go, a
// table cut by a page break (no rule along the break) is one table, lines of a paragraph
// are joined (across a page too) and headings stay paragraphs of their own.
import assert from 'node:assert/strict';
import { layout, type Page, type Segment, type TextItem } from '../../server/src/import/pdf-layout';

const item = (text: string, x: number, y: number, size = 10): TextItem => ({ text, x, y, width: text.length * size, size });
const h = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });
const page = (number: number, items: TextItem[], segments: Segment[] = []): Page => ({ number, width: 595, height: 842, items, segments });

/** A ruled grid: column edges xs, row edges ys (top first), every line drawn. */
const grid = (xs: number[], ys: number[]) => [
  ...ys.map(y => h(y, xs[0], xs[xs.length - 1])),
  ...xs.map(x => v(x, ys[ys.length - 1], ys[0])),
];
const texts = (rows: { text: string; merged?: boolean }[][]) => rows.map(r => r.map(c => (c.merged ? '~' : c.text)));

describe('PDF layout', () => {
  it('reads cells by the ruled grid: a blank cell stays blank, a two-line header is one cell', () => {
    const xs = [50, 200, 300, 400], ys = [700, 660, 630];
    const blocks = layout([page(1, [
      item('信息内容', 60, 680), item('本年制发', 210, 685), item('件数', 210, 670), item('现行有效', 310, 680),
      item('规章', 60, 640), item('3', 220, 640),
    ], grid(xs, ys))]);
    assert.equal(blocks.length, 1);
    const t = blocks[0];
    assert.equal(t.kind, 'table');
    assert.deepEqual(t.kind === 'table' && texts(t.rows), [['信息内容', '本年制发\n件数', '现行有效'], ['规章', '3', '']]);
  });

  it('a cell without its inner rule is merged: written once, its continuations marked', () => {
    // Row 1's first two columns have no rule between them.
    const segs = [h(700, 50, 400), h(660, 50, 400), h(630, 50, 400), v(50, 630, 700), v(400, 630, 700), v(200, 630, 660), v(300, 630, 700)];
    const [t] = layout([page(1, [item('申请人情况', 60, 680), item('总计', 310, 680), item('自然人', 60, 640), item('法人', 210, 640), item('9', 310, 640)], segs)]);
    assert.deepEqual(t.kind === 'table' && texts(t.rows), [['申请人情况', '~', '总计'], ['自然人', '法人', '9']]);
  });

  it('drops `- N -` page footers, keeps numbers in the text', () => {
    const blocks = layout([page(1, [item('一、总体情况', 80, 700), item('本年收到申请 21 件。', 50, 680), item('- 1 -', 280, 40)])]);
    assert.deepEqual(blocks.map(b => b.kind === 'paragraph' && b.text), ['一、总体情况', '本年收到申请21件。']);
  });

  it('joins the lines of a paragraph, also across a page break; an indented line starts a new one', () => {
    const full = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const blocks = layout([
      page(1, [item('（一）主动公开。' + full.slice(0, 19), 80, 700), item(full, 50, 680), item(full, 50, 660)]),
      page(2, [item('完。', 50, 760), item('（二）依申请公开。', 80, 740)]),
    ]);
    assert.deepEqual(blocks.map(b => b.kind === 'paragraph' && b.text), ['（一）主动公开。' + full.slice(0, 19) + full + full + '完。', '（二）依申请公开。']);
  });

  it('a table cut by a page break, with no rule along the break, is one table; its rows in order', () => {
    const xs = [50, 200, 300];
    // Page 1: top rule at 200, a row, then the vertical rules run on to the page bottom (60) without a closing rule.
    const p1 = page(1, [item('正文。', 50, 700), item('1.属于国家秘密', 60, 180), item('1', 210, 180), item('2.其他', 60, 120), item('0', 210, 120)],
      [h(200, 50, 300), h(160, 50, 300), ...xs.map(x => v(x, 60, 200))]);
    // Page 2: the verticals start at the page top (780) without a rule there.
    const p2 = page(2, [item('3.危及', 60, 750), item('5', 210, 750), item('- 2 -', 280, 40)],
      [h(730, 50, 300), ...xs.map(x => v(x, 730, 780))]);
    const blocks = layout([p1, p2]);
    assert.deepEqual(blocks.map(b => b.kind), ['paragraph', 'table']);
    const t = blocks[1];
    assert.deepEqual(t.kind === 'table' && texts(t.rows), [['1.属于国家秘密', '1'], ['2.其他', '0'], ['3.危及', '5']]);
  });

  it('a label cell merged down across the break is one cell, its two pieces joined', () => {
    const xs = [50, 120, 250, 300];
    // Column 0 is one cell from 200 down to the page bottom; columns 1–2 have a row each.
    const p1 = page(1, [item('（四）无', 55, 180), item('1.本机关不掌握', 130, 180), item('7', 260, 180)],
      [h(200, 50, 300), h(140, 120, 300), ...xs.map(x => v(x, 60, 200))]);
    const p2 = page(2, [item('法提供', 55, 760), item('2.没有现成信息', 130, 760), item('3', 260, 760), item('3.补正后', 130, 720), item('0', 260, 720)],
      [h(740, 120, 300), h(700, 50, 300), ...xs.map(x => v(x, 700, 780))]);
    const [t] = layout([p1, p2]);
    assert.ok(t.kind === 'table');
    const rows = texts(t.rows);
    assert.equal(rows[0][0], '（四）无\n法提供');
    assert.ok(!rows.slice(1).some(r => r[0] !== '~' && r[0] !== ''), JSON.stringify(rows));
  });

  it('a table drawn without rules: columns from where the values stand, a missing value a blank cell', () => {
    const blocks = layout([page(1, [
      item('信息内容', 50, 700), item('本年制发件数', 200, 700), item('本年废止件数', 300, 700),
      item('规章', 50, 680), item('1', 230, 680), item('0', 330, 680),
      item('行政规范性文件', 50, 660), item('26', 325, 660),
      item('8', 230, 640), item('9', 330, 640),
      item('正文另起一段。', 80, 600),
    ])]);
    assert.deepEqual(blocks.map(b => b.kind), ['paragraph', 'table', 'paragraph']);
    const t = blocks[1];
    assert.deepEqual(t.kind === 'table' && texts(t.rows), [['规章', '1', '0'], ['行政规范性文件', '', '26'], ['', '8', '9']]);
  });
});
