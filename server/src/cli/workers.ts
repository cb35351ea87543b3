// Checking many files in worker threads. Each worker is the CLI bundle itself started with
// a tagged workerData (run() sees the tag and serves checks instead of parsing argv); the
// files go out one at a time to whichever worker is free, and the results come back in
// input order.
import type { Worker } from 'node:worker_threads';
import { checkFile } from './check-file';
import { outcomeOf, type CheckInput, type CheckSettings, type Outcome } from './results';

const TAG = 'nianbao-check-worker';

interface Task extends CheckInput { index: number }
interface Done { index: number; outcome: Outcome }

/** node:worker_threads is required when first needed: a run of a few files never loads it. */
const threads = () => require('node:worker_threads') as typeof import('node:worker_threads');

/** Whether this thread was started by checkInWorkers (which also puts the tag in its argv, so the main thread tells without loading worker_threads). */
export function isCheckWorker(): boolean {
  if (!process.argv.includes(TAG)) return false;
  const { isMainThread, workerData } = threads();
  return !isMainThread && (workerData as { tag?: string } | null)?.tag === TAG;
}

/** The worker's side: check each file it is sent, answer with the result. */
export function serveChecks(): void {
  const { parentPort, workerData } = threads();
  const settings = (workerData as { settings: CheckSettings }).settings;
  parentPort!.on('message', (t: Task) => {
    parentPort!.postMessage({ index: t.index, outcome: outcomeOf(checkFile(t.path, settings, t.named, t.imported), settings) } satisfies Done);
  });
}

/** Tasks kept queued at each worker, so it never waits for the next file. */
const IN_FLIGHT = 2;

/**
 * Checks `files` in `count` workers running `script`; `emit` gets every result in input
 * order, as soon as all earlier ones are in. A worker that dies has its files checked here.
 */
export function checkInWorkers(
  script: string, count: number, files: CheckInput[],
  settings: CheckSettings, emit: (o: Outcome) => void,
): Promise<void> {
  const results: (Outcome | undefined)[] = new Array(files.length);
  const here = (i: number) => outcomeOf(checkFile(files[i].path, settings, files[i].named, files[i].imported), settings);
  let handedOut = 0, emitted = 0;
  const flush = () => {
    while (emitted < files.length && results[emitted]) {
      emit(results[emitted]!);
      results[emitted++] = undefined;
    }
  };

  return new Promise(resolve => {
    const live = new Set<Worker>();
    const finishIfDone = () => {
      if (emitted < files.length) return;
      const all = [...live];
      live.clear();
      for (const w of all) void w.terminate();
      resolve();
    };
    const start = () => {
      const worker = new (threads().Worker)(script, { argv: [TAG], workerData: { tag: TAG, settings }, stdout: false, stderr: false });
      const pending = new Set<number>();
      const feed = () => {
        while (pending.size < IN_FLIGHT && handedOut < files.length) {
          const index = handedOut++;
          pending.add(index);
          worker.postMessage({ index, ...files[index] } satisfies Task);
        }
      };
      worker.on('message', (d: Done) => {
        pending.delete(d.index);
        results[d.index] = d.outcome;
        feed();
        flush();
        finishIfDone();
      });
      const lost = () => {
        // A worker that failed or quit: check what it held here, let the others (or this thread) go on.
        if (!live.delete(worker)) return;
        for (const index of pending) results[index] = here(index);
        pending.clear();
        if (!live.size) while (handedOut < files.length) { const i = handedOut++; results[i] = here(i); }
        flush();
        finishIfDone();
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      live.add(worker);
      feed();
    };
    for (let i = 0; i < count && handedOut < files.length; i++) start();
    finishIfDone();
  });
}
