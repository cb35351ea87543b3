// What every verb gets (its output streams) and the error for a command line it cannot run.

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /**
   * The script `check` starts as worker threads. Default: this bundle, when it is the
   * program being run (dist/cli.js); otherwise (a test bundle) files are checked in-thread.
   */
  workerScript?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
  /** A bundle loaded on demand (dist/export.js) has its own copy of this class: known by name. */
  static [Symbol.hasInstance](value: unknown): boolean { return value instanceof Error && value.name === 'UsageError'; }
}
