// Which files are reports, for every reader of files (the CLI, its peers, the server's folder
// peers and its file watcher). Platform-neutral: names and sizes only.

/** The file extensions a folder walk and the peers take (lower case, with the dot). */
export const REPORT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.nianbao'];

/** Whether a file name has a report extension (any case). */
export function isReportName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && REPORT_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** Larger files are not reports (the 2 MB compilation is the largest seen): one limit for the CLI, its peers and the server. */
export const MAX_REPORT_BYTES = 16 << 20;

/** A glob of the report files in any folder, e.g. for a file watcher. */
export const REPORT_GLOB = `**/*.{${REPORT_EXTENSIONS.map(e => e.slice(1)).join(',')}}`;
