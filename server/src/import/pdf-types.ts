// The shapes the PDF layout works on: what pdf.ts reads from a page, and the blocks the
// layout hands to the writer.
import type { GridCell } from './write';

export interface TextItem { text: string; x: number; y: number; width: number; size: number }
/** A ruling line, horizontal (y0 = y1) or vertical (x0 = x1), in page space (y up). */
export interface Segment { x0: number; y0: number; x1: number; y1: number }
export interface Page { number: number; width: number; height: number; items: TextItem[]; segments: Segment[] }

export interface ParagraphBlock { kind: 'paragraph'; text: string; page: number; x: number; y: number }
/** A table: its grid, and for each place the row and column of the cell covering it (merged cells cover several). */
export interface TableBlock { kind: 'table'; rows: GridCell[][]; roots: { r: number; c: number }[][]; page: number; columns: number[]; top: number; bottom: number; endsPage: boolean; startsPage: boolean }
export type Block = ParagraphBlock | TableBlock;
