// Bench material built from the real sample reports: the seeds, a ≈2 MB compilation (the
// samples pasted one after another, as a reviewer's file), and report files that differ
// from their sample only in their numbers.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, readSample, sampleNames } from '../helpers';

export const SEEDS = ['000', '001', '002', '003', '004'];

export interface Compilation { text: string; bytes: number; copies: number }

/** The samples concatenated (each ending with a blank line) until the text holds `bytes` UTF-8 bytes. */
export function compilation(bytes = 2 * 1024 * 1024): Compilation {
  const samples = sampleNames().map(n => readSample(n).replace(/\s*$/, '\n\n'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = samples[i % samples.length];
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  return { text: parts.join(''), bytes: size, copies: parts.length };
}

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same files. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text with some of its standalone numbers changed (years, dates and ordinals kept). */
export function varyNumbers(text: string, random: () => number, share = 0.3): string {
  return text.replace(/(?<![\d.年月（(第])\d{1,4}(?![\d.、年月日)）])/g, n => (random() < share ? String(Math.floor(random() * (Number(n) * 2 + 10))) : n));
}

/**
 * Web text at its worst for an editor: the crawled pages' reports (test/fixtures/web, the
 * line after the crawler's header) joined by spaces into ONE line of `bytes` UTF-8 bytes.
 */
export function webLine(bytes = 1024 * 1024): Compilation {
  const dir = path.join(FIXTURES, 'web');
  const bodies = readdirSync(dir).filter(f => f.endsWith('.txt') && !f.startsWith('w40'))
    .map(f => readFileSync(path.join(dir, f), 'utf8').split('\n').find(l => l.length > 1000)!);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const b = bodies[i % bodies.length];
    parts.push(b);
    size += Buffer.byteLength(b) + 1;
  }
  return { text: parts.join(' '), bytes: size, copies: parts.length };
}
