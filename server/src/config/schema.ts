// .nianbao.json: the VS Code settings without their `nianbao.` prefix, plus `locale` and
// `files`, validated with zod. The JSON schema VS Code validates the file with
// (schemas/nianbao.schema.json, contributed in package.json) is generated from this
// declaration (scripts/gen-config-schema.mjs) and a test keeps the two in step.
// Loaded only when a configuration file exists (find.ts has no zod): not on the start path.
import { z } from 'zod';
import { RULES } from '../engine/rules';
import { GENERATIONS } from '../engine/templates';
import { SEVERITY_SETTING, Settings } from '../settings';
import { parseJsonc, JsoncError } from './jsonc';
import type { ConfigOptions } from './find';

const severity = z.strictObject(Object.fromEntries(RULES.map(r => [r.code, SEVERITY_SETTING.optional().describe(r.doc.en)])))
  .describe('Severity per rule code: error, warning, information, hint or off. Written here, it wins over the rule\'s default and over the nianbao.severity setting.');

export const ConfigFile = z.strictObject({
  $schema: z.string().optional(),
  severity: severity.optional(),
  template: z.enum(['auto', ...GENERATIONS]).optional()
    .describe('Which template generation to check against: auto (the report\'s own, by its year) or a fixed one.'),
  locale: z.enum(['en', 'zh-cn']).optional().describe('Language of the messages (the CLI\'s --locale wins over it).'),
  files: z.array(z.string().min(1)).optional()
    .describe('Which files are reports: glob patterns relative to this file\'s folder (* within a folder, ** across folders). A folder given to nianbao check is searched for these only.'),
  detect: Settings.shape.detect.removeDefault().optional().describe('Offer the nianbao language for plain-text and Markdown documents that look like reports (editor only).'),
  inlayHints: z.strictObject({ enabled: z.boolean().optional(), markdownTables: z.boolean().optional() }).optional().describe('Column names before numbers (editor only).'),
  format: z.strictObject({ tables: z.enum(['markdown', 'tabs']).optional() }).optional().describe('How Format Document writes tables (editor only).'),
}).describe('nianbao configuration (.nianbao.json), found from a report\'s folder upwards; used by the editor and by nianbao check.');
export type ConfigFile = z.infer<typeof ConfigFile>;

/** A configuration file that does not parse or validate: every problem with its line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads a configuration file's text; throws a ConfigError naming `path:line` for each problem. */
export function parseConfig(path: string, text: string): ConfigOptions {
  let parsed;
  try { parsed = parseJsonc(text); } catch (e) {
    if (e instanceof JsoncError) throw new ConfigError(`${path}:${e.line}: ${e.message}`);
    throw e;
  }
  const result = ConfigFile.safeParse(parsed.value);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map(i => {
      const keys = i.code === 'unrecognized_keys' ? i.keys : [];
      const where = keys.length ? [...i.path, keys[0]] : i.path;
      return `${path}:${parsed.lineOf(where)}: ${[...i.path, ...keys.slice(0, 1)].join('.') || '(top)'}: ${i.message}`;
    }).join('\n'));
  }
  const c = result.data;
  return {
    path,
    ...(c.severity ? { severity: c.severity as ConfigOptions['severity'] } : {}),
    ...(c.template ? { template: c.template } : {}),
    ...(c.locale ? { locale: c.locale } : {}),
    ...(c.files ? { files: c.files } : {}),
    ...(c.detect ? { detect: c.detect } : {}),
    ...(c.inlayHints ? { inlayHints: c.inlayHints } : {}),
    ...(c.format ? { format: c.format } : {}),
  };
}

/** The JSON schema of the file (draft 2020-12 as zod writes it), for schemas/nianbao.schema.json. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigFile, { io: 'input', unrepresentable: 'any' });
}
