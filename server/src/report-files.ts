// Which files are reports, for every reader of files (the CLI, its peers, the server's folder
// peers and its file watcher). Platform-neutral: names and sizes only.

/**
 * The extensions of report text (lower case, with the dot): what the peers and the server's
 * file watcher take. A folder given to `check` also takes the files nianbao imports
 * (REPORT_EXTENSIONS in import/index.ts).
 */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.nianbao'];

/** Whether a file name has one of these extensions (any case; default: report text). */
export function isReportName(name: string, extensions: readonly string[] = TEXT_EXTENSIONS): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && extensions.includes(name.slice(dot).toLowerCase());
}

/** Larger files are not reports (the 2 MB compilation is the largest seen): one limit for the CLI, its peers and the server. */
export const MAX_REPORT_BYTES = 16 << 20;

/** A glob of the report files in any folder, e.g. for a file watcher. */
export const REPORT_GLOB = `**/*.{${TEXT_EXTENSIONS.map(e => e.slice(1)).join(',')}}`;

/** The team's configuration file, found from a report's folder upwards (config/find.ts). */
export const CONFIG_FILE = '.nianbao.json';

/** A glob of the configuration files in any folder, for the server's file watcher. */
export const CONFIG_GLOB = `**/${CONFIG_FILE}`;
