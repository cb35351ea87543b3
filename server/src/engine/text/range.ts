// Comparing positions and ranges (LSP-style: zero-based line, UTF-16 character), written once.
import type { Position, Range } from '../model';

/** Negative when `a` comes first, positive when `b` does, 0 when they are the same place. */
export const comparePositions = (a: Position, b: Position): number => a.line - b.line || a.character - b.character;

/** Whether `a` comes strictly before `b`. */
export const isBefore = (a: Position, b: Position): boolean => comparePositions(a, b) < 0;

/** Sorts things with a range (findings, edits, cells) by where they start. */
export const byStart = (a: { range: Range }, b: { range: Range }): number => comparePositions(a.range.start, b.range.start);

/** Whether two ranges share a position (ranges that touch at an end overlap). */
export const overlaps = (a: Range, b: Range): boolean => !isBefore(a.end, b.start) && !isBefore(b.end, a.start);

/** Whether `p` lies within `r`, its ends included. */
export const contains = (r: Range, p: Position): boolean => !isBefore(p, r.start) && !isBefore(r.end, p);
