// issue 15, item 8: the server under load. A client that stops reading gets at most the
// newest diagnostics per document when it reads again; with many reports open, an edit that
// changes nothing the others read re-checks none of them; a long check lets requests in.
// (How fast: test/bench. Here only what is sent, and in which order.)
import assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { readSample, setCell } from '../helpers';
import { Client } from './lsp-client';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const lastLine = (text: string) => text.split('\n').length - 1;

describe('language server under load', function () {
  this.timeout(180000);
  let client: Client | undefined;
  afterEach(async () => { if (client) assert.equal(await client.stop(), 0); client = undefined; });

  it('a client that stops reading: when it reads again, at most the newest diagnostics per document are waiting', async () => {
    const c = client = await Client.start({ locale: 'en', debounceMs: 0 });
    // ≈ 3,000 findings: each diagnostics message is far larger than a pipe holds.
    const uri = 'file:///load/many.txt';
    const text = readSample('02_') + '\n' + '一、总体情况\n'.repeat(3000);
    await c.open(uri, text);
    await c.diagnosticsFor(uri, 1);
    const before = c.published.length;
    c.proc.stdout!.pause();
    let version = 1;
    const end = lastLine(text);
    for (let i = 0; i < 30; i++) {
      // Type a character at the end, then delete it; each change checked before the next.
      const range = { start: { line: end, character: 0 }, end: { line: end, character: i % 2 } };
      version = await c.change(uri, [{ range, text: i % 2 ? '' : '。' }]);
      await sleep(250);
    }
    await sleep(2000);
    c.proc.stdout!.resume();
    await c.diagnosticsFor(uri, version);
    await sleep(500);
    const got = c.published.slice(before).filter(p => p.uri === uri);
    assert.equal(got[got.length - 1].version, version, 'the newest came last');
    assert.ok(got.length <= 3, `${got.length} diagnostics messages for ${version - 1} edits`);
  });

  it('40 reports open: 20 keystrokes in one report\'s prose re-check and re-publish no other; a change to its 四 re-checks its next year\'s', async () => {
    const c = client = await Client.start({ locale: 'en', debounceMs: 10 });
    // Corpus 02 is 洪泽区 2023, corpus 03 洪泽区 2024: 03 reads 02's 四 (cross-year). The rest: copies of other reports.
    const last = 'file:///load/0/洪泽区2023.txt', next = 'file:///load/0/洪泽区2024.txt';
    await c.open(last, readSample('02_'));
    await c.open(next, readSample('03_'));
    const others = ['000', '001', '002', '003', '004', '01_', '12'];
    const uris = [last, next];
    for (let i = 0; i < 38; i++) {
      const uri = `file:///load/${i + 1}/r.txt`;
      uris.push(uri);
      await c.open(uri, readSample(others[i % others.length]));
    }
    for (const u of uris) await c.diagnosticsFor(u, 1);
    await sleep(1500);
    const start = c.published.length;
    // Keystrokes at the end of a prose line of 02 (part 五, after the tables).
    const lines = c.text(last).split('\n');
    const at = lines.findIndex((l, i) => i > 150 && l.length > 20 && !/\d/.test(l));
    assert.ok(at > 0);
    let version = 1;
    for (let i = 0; i < 20; i++) {
      version = await c.change(last, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '年' }]);
      await sleep(15);
    }
    await c.diagnosticsFor(last, version);
    await sleep(1500);
    const afterTyping = c.published.slice(start);
    assert.deepEqual([...new Set(afterTyping.map(p => p.uri))], [last], 'only the edited report is published');

    // Last year's 四 × 自然人 changed: next year's report reads it, and gets a cross-year finding.
    const mark = c.published.length;
    await c.change(last, [{ text: setCell(c.text(last), 'applications', 'carried_forward', 'natural_person', '5') }]);
    const republished = await c.waitFor(() => c.published.slice(mark).find(p => p.uri === next), 'next year\'s report re-checked');
    assert.ok(republished.diagnostics.some(d => d.code === 'cross-year'), JSON.stringify(republished.diagnostics.map(d => d.code)));
    await sleep(1500);
    const rechecked = new Set(c.published.slice(mark).map(p => p.uri));
    assert.ok(!uris.slice(2).some(u => rechecked.has(u)), 'reports whose findings did not change are not published again');
  });

  it('a large compilation being checked: hovers on it are answered while it is checked, not only before and after', async () => {
    const c = client = await Client.start({ locale: 'en', debounceMs: 0 });
    const big = 'file:///load/big.txt';
    await c.open(big, (readSample('002') + '\n').repeat(300));
    let checked = false;
    const published = c.diagnosticsFor(big, 1).then(() => { checked = true; });
    // Hovers one after another (each answered once the document is parsed) until its diagnostics come.
    let answered = 0;
    while (!checked) {
      await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: big }, position: { line: 318, character: 10 } });
      if (!checked) answered++;
    }
    await published;
    // A check that held the thread from start to end would let one or two in (between the parse and the check).
    assert.ok(answered >= 5, `${answered} hovers answered before the compilation's diagnostics`);
  });
});
