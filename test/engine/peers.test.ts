// Peers from files (engine/peers.ts): the cheap body keys cover every name bodyNames gives,
// so a file is parsed only when it may matter, and at most once per stamp.
import assert from 'node:assert/strict';
import { PeerFiles, ReportDocument, type PeerFile } from '../../server/src/engine';
import { bodyKeysOfText, wantedKeys } from '../../server/src/engine/peers';
import { readSample, sampleNames } from '../helpers';

describe('peers from files', () => {
  it('an outline read (no tables) gives every sample the same reports, years, titles, dates and parts as a full parse', () => {
    // What peers learn from the outline: it must be what cross-year would see in the full model.
    const outline = (doc: ReportDocument) => doc.model.reports.map(r => JSON.stringify([r.range, r.year, r.yearSource, r.title, r.dates, r.parts]));
    for (const name of sampleNames()) {
      const text = readSample(name);
      const light = new ReportDocument(text, { tables: false });
      assert.deepEqual(outline(light), outline(new ReportDocument(text)), name);
      assert.equal(Object.keys(light.model.reports[0].tables).length, 0);
    }
  });

  it('every sample\'s own body keys are among the keys of its text (the filter never hides a peer)', () => {
    for (const name of sampleNames()) {
      const text = readSample(name);
      const keys = bodyKeysOfText(text);
      for (const k of wantedKeys(new ReportDocument(text))) assert.ok(keys.has(k), `${name}: ${k} not in ${[...keys].join(' ')}`);
    }
  });

  it('corpus 03 (洪泽区 2024) among all samples: the first 洪泽区 2023 file (02) is the peer; each file read once however often asked, none after it', () => {
    const reads = new Map<string, number>();
    const files: PeerFile[] = sampleNames().map(n => ({ path: n, stamp: '1', read: () => { reads.set(n, (reads.get(n) ?? 0) + 1); return readSample(n); } }));
    const pool = new PeerFiles();
    const mine = new ReportDocument(readSample('03_'));
    const self = files.find(f => f.path.startsWith('03_'))!.path;
    for (let i = 0; i < 3; i++) {
      const peers = pool.peersOf(mine, files, self).map(d => pool.pathOf(d));
      assert.deepEqual(peers, sampleNames().filter(n => /^02_/.test(n)));
    }
    assert.ok([...reads.values()].every(n => n === 1), JSON.stringify([...reads]));
    assert.equal(reads.has(self), false);
    assert.deepEqual([...reads.keys()].filter(n => /^(11|12)_/.test(n)), [], 'the search stops at 02');
    // A new stamp is read again.
    files[0].stamp = '2';
    pool.peersOf(mine, files, self);
    assert.equal(reads.get(files[0].path), 2);
  });
});
