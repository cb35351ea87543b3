// Whole lines: the document's own line break, and an edit that puts text on lines of its own.
import type { ReportDocument } from '../document';
import type { Edit } from '../model';

/** The document's line break (the first one it uses). */
export function eolOf(doc: ReportDocument): string {
  if (doc.lineCount < 2) return '\n';
  const s = doc.getTextIn({ start: { line: 0, character: doc.line(0).length }, end: { line: 1, character: 0 } });
  return s || '\n';
}

/**
 * An edit putting `text` on its own line(s) before or after a line; with `blankBefore`, a
 * blank line separates it from the text above (a heading is not glued to a paragraph).
 */
export function lineInsertion(doc: ReportDocument, at: { line: number; before: boolean }, text: string, blankBefore = false): Edit {
  const eol = eolOf(doc);
  const lines = text.split(/\r\n|\r|\n/).join(eol);
  const above = at.before ? at.line - 1 : at.line;
  const gap = blankBefore && above >= 0 && doc.line(above).trim() !== '' ? eol : '';
  if (at.before) return { range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, newText: gap + lines + eol };
  const end = { line: at.line, character: doc.line(at.line).length };
  return { range: { start: end, end }, newText: eol + gap + lines };
}
