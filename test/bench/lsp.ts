// A bare LSP client over stdio for the bench and the hostile-client test: it spawns the
// real server bundle (dist/server.js --stdio), frames JSON-RPC with Content-Length
// headers, and can also write raw bytes (malformed messages).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers';

/** The server bundle: this build's, or another's to compare with (NIANBAO_BENCH_SERVER=path/to/server.js). */
export const SERVER = process.env.NIANBAO_BENCH_SERVER ?? path.join(ROOT, 'dist', 'server.js');

export interface Message { jsonrpc: '2.0'; id?: number | string | null; method?: string; params?: any; result?: any; error?: { code: number; message: string } }

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number | string, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private listeners: ((m: Message) => void)[] = [];
  /** Every notification received, in order (tests inspect them). */
  readonly notifications: Message[] = [];
  stderr = '';
  exited = false;

  /** `nodeArgs`: options for the server's node (e.g. --cpu-prof to profile it). */
  constructor(args: string[] = ['--stdio'], nodeArgs: string[] = []) {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.proc.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`server exited${this.stderr ? `: ${this.stderr.slice(-500)}` : ''}`));
      this.pending.clear();
    });
    this.proc.stdin.on('error', () => undefined);
  }

  private onData(d: Buffer) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, headerEnd).toString('ascii'));
      if (!m) { this.buf = this.buf.subarray(headerEnd + 4); continue; }
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(msg: Message) {
    if (msg.method && msg.id !== undefined && msg.id !== null) {
      // A request from the server (workspace/configuration, client/registerCapability, …): answer null.
      this.write({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [null] : null });
      return;
    }
    if (msg.method) {
      if (msg.method !== 'window/logMessage') this.notifications.push(msg);
      for (const l of [...this.listeners]) l(msg);
      return;
    }
    const p = msg.id !== undefined && msg.id !== null ? this.pending.get(msg.id) : undefined;
    if (p) { this.pending.delete(msg.id!); p.resolve(msg); }
  }

  /** Writes bytes as they are: no framing. */
  raw(bytes: string | Buffer) { if (!this.exited) this.proc.stdin.write(bytes); }

  write(msg: object) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method: string, params: unknown, timeoutMs = 20000): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer in ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, { resolve: m => { clearTimeout(timer); resolve(m); }, reject: e => { clearTimeout(timer); reject(e); } });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown) { this.write({ jsonrpc: '2.0', method, params }); }

  /** The next notification satisfying `pred` (already received ones are not considered). */
  next(pred: (m: Message) => boolean, timeoutMs = 20000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const l = (m: Message) => {
        if (!pred(m)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter(x => x !== l);
        resolve(m);
      };
      const timer = setTimeout(() => { this.listeners = this.listeners.filter(x => x !== l); reject(new Error(`no matching notification in ${timeoutMs} ms`)); }, timeoutMs);
      this.listeners.push(l);
    });
  }

  /** The diagnostics published for `uri` at `version` (or any version when omitted). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Message> {
    return this.next(m => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && (version === undefined || m.params?.version === version), timeoutMs);
  }

  async initialize(initializationOptions: object = { debounceMs: 0 }, capabilities: object = {}): Promise<Message> {
    const res = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions, locale: 'en' });
    this.notify('initialized', {});
    return res;
  }

  /** CPU time the server process has used so far (user + system, ms), from /proc (Linux): steadier than wall time on a loaded machine. */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the name), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** Resident set size now and at its peak (kB), from /proc (Linux). */
  memory(): { rssKb: number; peakKb: number } {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
  }

  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch { /* already gone */ }
    await new Promise<void>(resolve => {
      if (this.exited) return resolve();
      const t = setTimeout(() => { this.proc.kill(); resolve(); }, 3000);
      this.proc.on('exit', () => { clearTimeout(t); resolve(); });
    });
  }
}
