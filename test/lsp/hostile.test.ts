// The built server (dist/server.js --stdio) against a hostile or broken client: malformed
// messages, positions out of range, documents never opened, thousands of open/close
// cycles, broken framing, a client that vanishes. It keeps answering, its memory stays
// bounded, and what it publishes matches the engine on the same (clamped) edits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ReportDocument, check } from '../../server/src/engine';
import { LspClient, type Message } from '../bench/lsp';
import { readSample } from '../helpers';

const SEED = readSample('002');
const NONE = 'file:///never/opened.txt';
const body = (s: string) => `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;

/** A request that must always be answered: the outline of a document never opened. */
async function answers(c: LspClient, what: string): Promise<void> {
  const r = await c.request('textDocument/documentSymbol', { textDocument: { uri: NONE } }, 5000).catch((e: Error) => { throw new Error(`after ${what}: ${e.message}`); });
  assert.deepEqual(r.result, [], `after ${what}`);
  assert.equal(c.exited, false, `alive after ${what}`);
}

/** CPU time (ms) the process has used, from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
}

const within = (d: ReportDocument, r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  [r.start, r.end].every(p => p.line >= 0 && p.line < d.lineCount && p.character >= 0 && p.character <= d.line(p.line).length);

describe('server against a hostile client', function () {
  this.timeout(120000);
  let c: LspClient;
  const uri = 'file:///hostile/seed-002.txt';
  let version = 1;

  before(async () => {
    c = new LspClient();
    await c.initialize({ debounceMs: 0 });
    const opened = c.diagnostics(uri, 1);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: SEED } });
    await opened;
  });
  after(async () => { await c.close(); });

  it('malformed message bodies are dropped and the server keeps answering', async () => {
    const bad = ['{not json', '[1,2,3]', '42', 'null', '"text"', '{}', '{"jsonrpc":"2.0"}', '{"jsonrpc":"1.0","id":1,"method":"initialize"}',
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":5,"text":null}}}',
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"' + uri + '"},"contentChanges":"nope"}}',
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":null}',
      '{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"nianbao":{"severity":"all"}}}}',
      '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"nope"}}',
      '\u0000\u0001\u0002'];
    for (const s of bad) {
      c.raw(body(s));
      await answers(c, JSON.stringify(s));
    }
  });

  it('unknown methods: a request gets MethodNotFound, a notification is ignored', async () => {
    const r = await c.request('nianbao/noSuchThing', { x: 1 });
    assert.equal(r.error?.code, -32601);
    c.notify('nianbao/noSuchNotification', [1, 2, 3]);
    await answers(c, 'an unknown notification');
  });

  it('every request with parameters of the wrong type is answered, none kills the server', async () => {
    const junk: unknown[] = [null, 5, 'x', [], {}, { textDocument: 5 }, { textDocument: { uri }, position: 'top' }, { textDocument: { uri }, range: { start: 1, end: null } },
      { textDocument: { uri }, position: { line: 'a', character: {} } }, { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: 'none' } }];
    const methods = ['textDocument/hover', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/inlayHint',
      'workspace/executeCommand', 'nianbao/summary', 'nianbao/renderTable', 'codeAction/resolve', 'textDocument/completion'];
    for (const m of methods) {
      for (const p of junk) {
        const r: Message = await c.request(m, p, 10000);
        assert.ok('result' in r || 'error' in r, `${m} ${JSON.stringify(p)}`);
      }
    }
    await answers(c, 'requests with junk parameters');
  });

  it('positions out of range: hovers and actions answer null or nothing; edits are clamped exactly as the engine clamps them', async () => {
    for (const position of [{ line: -1, character: -1 }, { line: 1e9, character: 1e9 }, { line: 3.5, character: 0.25 }, { line: 0, character: Number.MAX_SAFE_INTEGER }]) {
      const h = await c.request('textDocument/hover', { textDocument: { uri }, position });
      assert.ok(h.result === null || typeof h.result === 'object', JSON.stringify(position));
      const a = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      assert.ok(Array.isArray(a.result) || a.result === null);
    }
    // The same out-of-range edits applied by the server and by a local engine document.
    const mirror = new ReportDocument(SEED);
    const edits = [
      { range: { start: { line: 5000, character: 3 }, end: { line: 4000, character: 0 } }, text: '\n尾注' },
      { range: { start: { line: 125, character: 99 }, end: { line: 125, character: 120 } }, text: '7' },
      { range: { start: { line: -3, character: -8 }, end: { line: 0, character: 2 } }, text: '' },
      { range: { start: { line: 131, character: 2 }, end: { line: 129, character: 0 } }, text: '1' },
    ];
    for (const e of edits) {
      version++;
      mirror.update([e]);
      const got = c.diagnostics(uri, version);
      c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [e] });
      const published = (await got).params.diagnostics as { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
      const expected = check(mirror, { locale: 'en' });
      assert.deepEqual(published.map(d => `${d.code}@${JSON.stringify(d.range)}`), expected.map(f => `${f.code}@${JSON.stringify(f.range)}`), JSON.stringify(e));
      for (const d of published) assert.ok(within(mirror, d.range), JSON.stringify(d.range));
    }
  });

  it('documents never opened: every request answers empty or null; changes and closes for them are ignored', async () => {
    const requests: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: NONE }, position: { line: 0, character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri: NONE }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
      ['textDocument/foldingRange', { textDocument: { uri: NONE } }],
      ['textDocument/inlayHint', { textDocument: { uri: NONE }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } }],
      ['nianbao/summary', { uri: NONE }],
      ['workspace/executeCommand', { command: 'nianbao.server.recomputeAll', arguments: [NONE] }],
    ];
    for (const [m, p] of requests) {
      const r = await c.request(m, p);
      assert.ok(r.result === null || (Array.isArray(r.result) && r.result.length === 0), `${m}: ${JSON.stringify(r.result ?? r.error)}`);
    }
    c.notify('textDocument/didChange', { textDocument: { uri: NONE, version: 9 }, contentChanges: [{ text: 'x' }] });
    c.notify('textDocument/didClose', { textDocument: { uri: NONE } });
    await answers(c, 'changes to a document never opened');
  });

  it('thousands of open/change/close cycles: it keeps answering and its memory stays bounded', async () => {
    const cycle = async (i: number) => {
      const u = `file:///hostile/cycle-${i}.txt`;
      c.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version: 1, text: SEED } });
      c.notify('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ range: { start: { line: 125, character: 0 }, end: { line: 125, character: 2 } }, text: '21' }] });
      c.notify('textDocument/didClose', { textDocument: { uri: u } });
      if (i % 100 === 99) await answers(c, `${i + 1} cycles`);
    };
    for (let i = 0; i < 300; i++) await cycle(i); // warm up: the heap grows to its working size
    const before = c.memory().rssKb;
    for (let i = 300; i < 3300; i++) await cycle(i);
    const after = c.memory().rssKb;
    // 3,000 documents kept by mistake would be hundreds of MB; a bounded server stays near where it was.
    assert.ok(after - before < 150 * 1024, `RSS grew from ${(before / 1024).toFixed(0)} MB to ${(after / 1024).toFixed(0)} MB`);
    // The last closed document has no diagnostics left standing.
    const last = c.notifications.filter(n => n.method === 'textDocument/publishDiagnostics' && n.params.uri === 'file:///hostile/cycle-3299.txt').pop();
    if (last) assert.deepEqual(last.params.diagnostics, []);
  });
});

describe('server with broken framing or a vanishing client', function () {
  this.timeout(60000);
  for (const [what, bytes] of [
    ['a header without Content-Length', 'Content-Type: text/plain\r\n\r\n{}'],
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a Content-Length of 99 GB', 'Content-Length: 99999999999\r\n\r\n{}'],
  ] as const) {
    it(`${what}: no crash and no busy loop; it exits when the client goes away`, async () => {
      const c = new LspClient();
      await c.initialize({ debounceMs: 0 });
      c.raw(bytes);
      const cpu0 = cpuMs(c.proc.pid!);
      await new Promise(r => setTimeout(r, 1000));
      assert.equal(c.exited, false);
      assert.ok(cpuMs(c.proc.pid!) - cpu0 < 300, 'idle while waiting');
      c.proc.stdin.end();
      const exited = await new Promise<boolean>(r => { if (c.exited) r(true); c.proc.on('exit', () => r(true)); setTimeout(() => r(false), 10000); });
      if (!exited) c.proc.kill();
      assert.ok(exited, 'exits after stdin closes');
    });
  }

  it('a client that closes stdin without shutdown: the server exits', async () => {
    const c = new LspClient();
    await c.initialize({ debounceMs: 0 });
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///v.txt', languageId: 'nianbao', version: 1, text: SEED } });
    c.proc.stdin.end();
    const exited = await new Promise<boolean>(r => { if (c.exited) r(true); c.proc.on('exit', () => r(true)); setTimeout(() => r(false), 10000); });
    if (!exited) c.proc.kill();
    assert.ok(exited);
  });
});
