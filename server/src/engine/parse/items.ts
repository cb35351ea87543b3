// Lexed lines → a stream of classified items (values, blanks, labels, fragments, text).
// Everything after this point is blind to the encoding the table came in.
import type { Encoding } from '../model';
import { readCell, looksNumeric, type CellReading } from '../text/number';
import { classifyLabel, type LabelMatch } from './labels';
import type { LexLine } from './lex';

export type ItemKind = 'value' | 'blank' | 'soft' | 'label' | 'fragment' | 'text';

export interface Item {
  kind: ItemKind;
  line: number;
  start: number;
  end: number;
  text: string;
  /** Paragraph number: blank lines separate paragraphs. */
  para: number;
  /** The only cell on its line. */
  alone: boolean;
  encoding: Encoding | null;
  reading?: CellReading;
  labels?: LabelMatch[];
}

/** Items of lines [from, to) of a section; `lineOf(i)` gives the absolute line of lexed line i. */
export function itemize(lexed: readonly LexLine[], firstLine: number): Item[] {
  const items: Item[] = [];
  let para = 0;
  for (let i = 0; i < lexed.length; i++) {
    const lx = lexed[i];
    if (lx.blank) { para++; continue; }
    if (lx.noise) continue;
    const alone = lx.tokens.length === 1;
    for (const t of lx.tokens) {
      const base = { line: firstLine + i, start: t.start, end: t.end, text: t.text, para, alone, encoding: lx.encoding };
      if (t.soft) { items.push({ ...base, kind: 'soft' }); continue; }
      if (t.text === '') { items.push({ ...base, kind: 'blank' }); continue; }
      const reading = looksNumeric(t.text) || t.text.length <= 2 ? readCell(t.text) : undefined;
      if (reading?.kind === 'number') { items.push({ ...base, kind: 'value', reading }); continue; }
      if (reading?.kind === 'blank') { items.push({ ...base, kind: 'blank', reading }); continue; }
      const c = classifyLabel(t.text);
      if (c.matches.length) items.push({ ...base, kind: 'label', labels: c.matches });
      else items.push({ ...base, kind: c.fragment ? 'fragment' : 'text', reading: reading ?? { kind: 'text' } });
    }
  }
  return items;
}
