// The browser bundle (dist/web/server.js), run as a web worker would run it: `self` is the
// message port. The same core as the node server, so one round trip shows it is wired.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, readSample } from '../helpers';
import { sampleUri } from './lsp-client';

interface Message { id?: number; method?: string; params?: any; result?: any }

describe('language server (browser bundle)', () => {
  it('answers initialize and publishes the diagnostics of seed 002 over postMessage', async () => {
    const sent: Message[] = [];
    let wake = () => {};
    const port = {
      onmessage: null as null | ((e: { data: unknown }) => void),
      addEventListener() {},
      postMessage(m: Message) { sent.push(m); wake(); },
    };
    new Function('self', readFileSync(path.join(ROOT, 'dist', 'web', 'server.js'), 'utf8'))(port);
    const send = (m: Message) => port.onmessage!({ data: { jsonrpc: '2.0', ...m } });
    const next = (pred: (m: Message) => boolean) => new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out')), 10000);
      const look = () => {
        const m = sent.find(pred);
        if (m) { clearTimeout(timer); resolve(m); } else wake = look;
      };
      look();
    });

    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, locale: 'en', capabilities: {}, initializationOptions: { debounceMs: 0 } } });
    const init = await next(m => m.id === 1);
    assert.equal(init.result.capabilities.textDocumentSync.change, 2);
    send({ method: 'initialized', params: {} });
    const uri = sampleUri('002');
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'nianbao', version: 1, text: readSample('002') } } });
    const published = await next(m => m.method === 'textDocument/publishDiagnostics');
    const lines = published.params.diagnostics.filter((d: { code: string }) => d.code === 'results-total').map((d: { range: { start: { line: number } } }) => d.range.start.line);
    assert.deepEqual(lines, [318, 324]);
    send({ id: 2, method: 'shutdown' });
    await next(m => m.id === 2);
  });
});
