// Finding a report's .nianbao.json: the nearest one from the report's folder upwards (as
// markdownlint finds .markdownlint.json), or the one `--config` names. No zod here: the
// validator (schema.ts) is loaded only when a configuration file exists.
import fs from 'node:fs';
import path from 'node:path';
import type { Generation } from '../engine/templates';
import type { Locale } from '../engine/i18n';
import type { Severity } from '../engine/model';
import { CONFIG_FILE } from '../report-files';

export { CONFIG_FILE } from '../report-files';

/** What a configuration file sets (only the keys it writes). */
export interface ConfigOptions {
  /** The file it was read from. */
  path: string;
  severity?: Record<string, Severity | 'off'>;
  template?: 'auto' | Generation;
  locale?: Locale;
  /** Glob patterns, relative to the file's folder, of the files that are reports. */
  files?: string[];
  detect?: 'ask' | 'always' | 'never';
  inlayHints?: { enabled?: boolean; markdownTables?: boolean };
  format?: { tables?: 'markdown' | 'tabs' };
}

export type ParseConfig = (path: string, text: string) => ConfigOptions;

/** The configuration that applies to a file, or why it cannot be read; neither when there is none. */
export interface ConfigLookup { config?: ConfigOptions; error?: string }

const isFile = (f: string) => { try { return fs.statSync(f).isFile(); } catch { return false; } };

/** The nearest configuration file from `dir` upwards. */
export function findConfigFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ;) {
    const f = path.join(d, CONFIG_FILE);
    if (isFile(f)) return f;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/**
 * Configurations for report files. `explicit` names one file for all (`--config`); else each
 * report's is found from its folder up. A file is read again when it changed on disk.
 */
export class Configs {
  private readonly read = new Map<string, { stamp: string; lookup: ConfigLookup }>();
  constructor(private readonly parser: () => ParseConfig, private readonly explicit?: string) {}

  forFile(file: string): ConfigLookup {
    const found = this.explicit ?? findConfigFile(path.dirname(path.resolve(file)));
    return found ? this.load(found) : {};
  }

  private load(file: string): ConfigLookup {
    // Modification time and size: two saves within the clock's resolution rarely keep both.
    let stamp: string;
    try { const st = fs.statSync(file); stamp = `${st.mtimeMs}:${st.size}`; } catch { return { error: `${file}: no such configuration file` }; }
    const hit = this.read.get(file);
    if (hit && hit.stamp === stamp) return hit.lookup;
    let lookup: ConfigLookup;
    try {
      lookup = { config: this.parser()(file, fs.readFileSync(file, 'utf8')) };
    } catch (e) {
      lookup = { error: (e as Error).message };
    }
    this.read.set(file, { stamp, lookup });
    return lookup;
  }
}

/** A glob (`*` within a folder, `**` across folders, `?` one character) as a pattern on /-separated paths. */
export function globPattern(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { i++; if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*'; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a configuration's `files` take `file` as a report (every file when it names none). */
export function isReportFile(config: ConfigOptions | undefined, file: string): boolean {
  if (!config?.files) return true;
  const rel = path.relative(path.dirname(config.path), path.resolve(file)).split(path.sep).join('/');
  return config.files.some(g => globPattern(g.replace(/^\.\//, '')).test(rel));
}
