// The extension's settings, validated with zod on both sides: the client reports bad
// values to the user, the server falls back to defaults for them. Settings are data only.
import { z } from 'zod';
import { visible } from './engine/i18n';
import { GENERATIONS, isGeneration, type Generation } from './engine/templates';

export const SEVERITY_SETTING = z.enum(['error', 'warning', 'information', 'hint', 'off']);

export const Settings = z.object({
  /** Severity per rule code, e.g. { "blank-cell": "off" }. */
  severity: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a rule code such as blank-cell'), SEVERITY_SETTING).default({}),
  /** Which template generation to check against: the report's own, or a fixed one. */
  template: z.custom<'auto' | Generation>(v => v === 'auto' || isGeneration(v), { error: () => `expected "auto" or a template generation: ${GENERATIONS.join(', ')}` }).default('auto'),
  /** Offer the nianbao language for plain-text and Markdown documents that look like reports. */
  detect: z.enum(['ask', 'always', 'never']).default('ask'),
  inlayHints: z.object({
    enabled: z.boolean().default(true),
    /** Markdown tables show their column headers already. */
    markdownTables: z.boolean().default(false),
  }).default({ enabled: true, markdownTables: false }),
  /** Format Document: how tables are written (aligned Markdown, or tab-separated rows). */
  format: z.object({
    tables: z.enum(['markdown', 'tabs']).default('markdown'),
  }).default({ tables: 'markdown' }),
});
export type Settings = z.infer<typeof Settings>;

export interface SettingsResult { settings: Settings; problems: string[] }

const SEVERITY_ENTRY = Settings.shape.severity.removeDefault();

/** A key as a problem names it: at most 60 characters (a key can be a megabyte long), invisible characters escaped. */
function keyShown(key: string): string {
  return visible(key.length > 60 ? `${key.slice(0, 60)}…(${key.length})` : key);
}

/**
 * Validates raw settings. Each invalid field falls back to its default and is reported
 * in words a person can act on; nothing is thrown. Linear in the number of keys: each
 * severity entry is validated alone, and a bad one dropped alone.
 */
export function readSettings(raw: unknown): SettingsResult {
  const input = raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
  const problems: string[] = [];
  const sev = input.severity;
  if (sev && typeof sev === 'object' && !Array.isArray(sev)) {
    const kept: [string, unknown][] = [];
    for (const [k, v] of Object.entries(sev)) {
      // A computed key is an own property, even '__proto__'.
      const one = SEVERITY_ENTRY.safeParse({ [k]: v });
      if (one.success) kept.push([k, v]);
      else for (const issue of one.error.issues) problems.push(`nianbao.severity.${keyShown(k)}: ${issue.message}`);
    }
    input.severity = Object.fromEntries(kept);
  }
  for (let attempt = 0; attempt < 8; attempt++) {
    const parsed = Settings.safeParse(input);
    if (parsed.success) return { settings: parsed.data, problems };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      problems.push(`nianbao.${issue.path.map(k => keyShown(String(k))).join('.')}: ${issue.message}`);
      delete input[key];
    }
  }
  return { settings: Settings.parse({}), problems };
}
