// The import layer's registry: which formats nianbao opens, how each is recognised (its
// bytes first, then its file name), which importer reads it and whether that importer can
// run in a browser. Importers are loaded only when a file of their format is imported
// (each is its own bundle, dist/import/<module>.js, see esbuild.mjs): the host says how
// (load.ts in Node). UTF-8 text passes through unchanged.
//
// To add a format: write server/src/import/<module>.ts exporting `importer`, add one line
// to FORMATS. esbuild.mjs builds a bundle for every module exporting `importer`, and a
// browser bundle (dist/web/import/<module>.js) for the lines with `browser: true`.
import { fill, type Msg } from '../engine/i18n';
import { isDocx, isHtml, isMhtml, isXlsx, isZip } from './sniff';
import { ImportError, type ImportResult, type Importer } from './types';

export * from './types';
export { describeSource, sourceAt } from './describe';

export interface Format {
  /** What the user calls it. */
  label: string;
  /** File name endings, lower case with the dot. */
  extensions: string[];
  /** Whether the file's bytes are this format (a PDF named .txt is still a PDF). */
  sniff?: (bytes: Uint8Array) => boolean;
  /** The importer module: server/src/import/<module>.ts, bundled as dist/import/<module>.js. */
  module: string;
  /** Whether the importer runs in a browser (the web extension); else it needs the desktop. */
  browser: boolean;
}

const ascii = (head: Uint8Array, at = 0, n = 16) => String.fromCharCode(...head.subarray(at, at + n));
/** The first bytes are `magic` (after any of the leading bytes a format allows). */
export const startsWith = (magic: string) => (head: Uint8Array) => ascii(head, 0, magic.length) === magic;

import { TEXT_EXTENSIONS } from '../report-files';
export { TEXT_EXTENSIONS };

export const FORMATS: readonly Format[] = [
  { label: 'PDF', extensions: ['.pdf'], sniff: head => ascii(head, 0, 1024).includes('%PDF-'), module: 'pdf', browser: false },
  { label: 'Word', extensions: ['.docx'], sniff: isDocx, module: 'docx', browser: true },
  { label: 'Excel', extensions: ['.xlsx'], sniff: isXlsx, module: 'xlsx', browser: true },
  { label: 'HTML', extensions: ['.html', '.htm', '.mhtml', '.mht'], sniff: b => isHtml(b) || isMhtml(b), module: 'html', browser: true },
  // Text that is not UTF-8 (GBK, GB18030, UTF-16): recognised by elimination, so no sniff.
  { label: 'GBK/UTF-16 text', extensions: [...TEXT_EXTENSIONS], module: 'text', browser: true },
];

/** Whether the first bytes of a file (a few KB) say it is a format to import rather than text. */
export const looksImported = (head: Uint8Array) => isZip(head) || FORMATS.some(f => f.sniff?.(head));

/** Files that are imported first (text files only when they are not UTF-8). */
export const IMPORT_EXTENSIONS: readonly string[] = [...new Set(FORMATS.flatMap(f => f.extensions))].filter(e => !TEXT_EXTENSIONS.includes(e));
/** Every file a folder given to `check` includes. */
export const REPORT_EXTENSIONS: readonly string[] = [...new Set([...TEXT_EXTENSIONS, ...IMPORT_EXTENSIONS])];

const extensionOf = (fileName: string) => /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase() ?? '';

/** Whether a file name is one nianbao imports (by its extension). */
export const isImportable = (fileName: string) => IMPORT_EXTENSIONS.includes(extensionOf(fileName));

/** The format of a file: the one its bytes say (its extension decides between look-alikes such as zip files), else UTF-8 text, else by its extension. */
export function formatOf(bytes: Uint8Array, fileName: string): Format | 'utf-8' | undefined {
  const ext = extensionOf(fileName);
  const sniffed = FORMATS.filter(f => f.sniff?.(bytes));
  if (sniffed.length) return sniffed.find(f => f.extensions.includes(ext)) ?? sniffed[0];
  if (isUtf8Text(bytes)) return 'utf-8';
  return FORMATS.find(f => f.extensions.includes(ext));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try { utf8.decode(bytes); return true; } catch { return false; }
}

/** How a host loads an importer module (Node: require its bundle; browser: its web bundle). */
export type LoadImporter = (module: string) => Importer | Promise<Importer>;

export interface ImportOptions {
  load: LoadImporter;
  /** In a browser: formats whose importer needs the desktop are refused with a message. */
  browser?: boolean;
}

const NOT_TEXT: Msg = {
  en: 'not UTF-8 text, and not a format nianbao imports ({formats})',
  'zh-cn': '不是 UTF-8 文本，也不是 nianbao 能导入的格式（{formats}）',
};
const NEEDS_DESKTOP: Msg = {
  en: '{format} files are imported by the desktop version of VS Code (or the nianbao command line), not in the browser',
  'zh-cn': '{format} 文件需要在桌面版 VS Code（或 nianbao 命令行）中导入，浏览器中无法导入',
};
/** A file's bytes → report text. Throws ImportError (with a message for the user) when it cannot be read. */
export async function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const format = formatOf(bytes, fileName);
  if (format === 'utf-8') {
    return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8', notes: [], provenance: [] };
  }
  if (!format) throw new ImportError(fill(NOT_TEXT, { formats: IMPORT_EXTENSIONS.join(' ') }));
  if (options.browser && !format.browser) throw new ImportError(fill(NEEDS_DESKTOP, { format: format.label }));
  const importer = await options.load(format.module);
  return importer(bytes, fileName);
}
