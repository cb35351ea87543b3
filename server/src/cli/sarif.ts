// The SARIF 2.1.0 format of `nianbao check`, for code-scanning dashboards: the rules from
// the registry with their documentation, one result per finding (1-based regions in
// UTF-16 code units, as the engine counts), the safe fixes, and files that could not be
// checked as tool notifications.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Finding, type Locale, type Range } from '../engine';
import { isFailed, severityWord, type FileResult } from './results';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A file's URI: relative paths stay relative to the working directory (%SRCROOT%). */
function artifact(file: string) {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** An empty range (a blank cell) is an insertion point: a zero-width region. */
function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

const firstSentence = (s: string) => /^.*?(?:。|\.(?=\s|$))/.exec(s)?.[0] ?? s;

/**
 * A finding in an imported file (a PDF …) is located in the file, without a region (the
 * region is in the imported text, given as a property), its message names the place in
 * the source, and it has no fixes (nothing rewrites such a file).
 */
function result(file: string, f: Finding, ruleIndex: Map<string, number>, imported?: { from: string; source?: string }) {
  const location = imported ? { artifactLocation: artifact(file) } : { artifactLocation: artifact(file), region: region(f.range) };
  const preferred = imported ? [] : f.fixes.filter(x => x.preferred);
  return {
    ruleId: f.code,
    ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
    level: severityWord(f),
    message: { text: imported?.source ? `${f.message} (${imported.source})` : f.message },
    ...(imported ? { properties: { importedFrom: imported.from, importedRegion: region(f.range), ...(imported.source ? { source: imported.source } : {}) } } : {}),
    locations: [{ physicalLocation: location }],
    ...(f.related?.length ? {
      relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: imported ? { artifactLocation: artifact(file) } : { artifactLocation: artifact(file), region: region(r.range) } })),
    } : {}),
    ...(preferred.length ? {
      fixes: preferred.map(x => ({
        description: { text: x.title },
        artifactChanges: [{
          artifactLocation: artifact(file),
          replacements: x.edits.map(e => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        }],
      })),
    } : {}),
  };
}

export function toSarif(results: FileResult[], locale: Locale) {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  const failed = results.filter(isFailed);
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'nianbao',
          rules: RULES.map(r => ({
            id: r.code,
            name: r.code,
            shortDescription: { text: firstSentence(r.doc[locale]) },
            fullDescription: { text: r.doc[locale] },
            help: { text: r.doc[locale], markdown: `${r.doc[locale]}\n\n${r.doc[locale === 'en' ? 'zh-cn' : 'en']}\n\nSee docs/rules.md#${r.code}.` },
            defaultConfiguration: { level: r.severity === 'error' || r.severity === 'warning' ? r.severity : 'note' },
          })),
        },
      },
      language: locale === 'zh-cn' ? 'zh-CN' : 'en-US',
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
      invocations: [{
        executionSuccessful: !failed.some(r => !r.skipped),
        toolExecutionNotifications: failed.map(r => ({
          level: r.skipped ? 'note' : 'error',
          message: { text: r.error },
          locations: [{ physicalLocation: { artifactLocation: artifact(r.path) } }],
        })),
      }],
      results: results.flatMap(r => (isFailed(r) ? [] : r.findings.map((f, i) => result(r.path, f, ruleIndex, r.imported && { from: r.imported.from, source: r.imported.sources[i] })))),
    }],
  };
}
