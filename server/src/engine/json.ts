// The model as machine-readable JSON (`nianbao parse --format json`): spec ids throughout.
import type { DocumentModel, Report, Table } from './model';

function tableJson(t: Table) {
  const cells: Record<string, Record<string, { value: number | null; text: string; unit?: string; range: Table['range']; recovered?: { run: string; range: Table['range'] } }>> = {};
  for (const row of Object.values(t.rows)) {
    cells[row.id] = {};
    for (const c of Object.values(row.cells)) {
      cells[row.id][c.column] = {
        value: c.value, text: c.text, ...(c.unit ? { unit: c.unit } : {}), range: c.range,
        ...(c.recovered ? { recovered: { run: c.recovered.run, range: c.recovered.range } } : {}),
      };
    }
  }
  const labels = Object.fromEntries(Object.values(t.rows).filter(r => r.label).map(r => [r.id, { text: r.label!.text, matched: r.label!.canonical, how: r.label!.how }]));
  // Runs that could not be split: only where there are some, so ordinary output is unchanged.
  const unsplit = t.unsplit.length ? { unsplit: t.unsplit.map(u => ({ ...u, count: Number.isFinite(u.count) ? u.count : null })) } : {};
  // Rows read with doubt, and why: only where there are some.
  const doubtful = Object.values(t.rows).filter(r => r.doubt);
  const doubts = doubtful.length ? { doubts: Object.fromEntries(doubtful.map(r => [r.id, { reason: r.doubt!.reason, range: r.doubt!.range ?? r.range }])) } : {};
  return { generation: t.generation, encoding: t.encoding, range: t.range, cells, labels, unplaced: t.unplaced, ...unsplit, ...doubts };
}

export function reportJson(r: Report) {
  return {
    template: r.template,
    year: r.year ?? null,
    yearSource: r.yearSource ?? null,
    title: r.title?.text ?? null,
    dates: r.dates,
    parts: r.parts.map(p => ({ number: p.number, heading: p.text, numbering: p.numeral, range: p.range })),
    tables: {
      proactive: r.tables.proactive ? tableJson(r.tables.proactive) : null,
      applications: r.tables.applications ? tableJson(r.tables.applications) : null,
      review_litigation: r.tables.review_litigation ? tableJson(r.tables.review_litigation) : null,
    },
  };
}

/** One report: its object; several: `{reports: [...]}`. */
export function toJson(model: DocumentModel) {
  if (model.reports.length === 1) return reportJson(model.reports[0]);
  return { reports: model.reports.map(reportJson) };
}
