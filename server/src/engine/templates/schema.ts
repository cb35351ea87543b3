// The shape of a template declaration. Every check, fix, hover and snippet reads a
// declaration of this shape; a provincial variant is a new declaration, not new code.
import { z } from 'zod';

const id = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/, 'ids are snake_case, optionally dotted');

/** A label as the template prints it, plus the other ways people write it. */
const labelled = {
  label: z.string().min(1),
  /** Known real-world variants (shortened labels, older wording). */
  variants: z.array(z.string().min(1)).default([]),
};

export const ColumnDecl = z.object({
  id,
  ...labelled,
  /** count: non-negative integer; signed: may carry + or −; amount: decimals allowed. */
  kind: z.enum(['count', 'signed', 'amount']).default('count'),
  /** The unit the column is declared in, when the template names one. */
  unit: z.string().optional(),
  /** The unit is not declared but reports must say which (元 or 万元). */
  unitAmbiguous: z.boolean().default(false),
  /** Header label above this column (e.g. 法人或其他组织, 行政复议). */
  group: z.string().optional(),
});

export const RowDecl = z.object({
  id,
  /** Rows whose label is lost in the template sense: table 四's single data row. */
  label: z.string().min(1).nullable(),
  variants: z.array(z.string().min(1)).default([]),
  /** Group label id this row sits under (三、本年度办理结果 → （三）不予公开 …). */
  group: id.optional(),
});

export const GroupDecl = z.object({ id, ...labelled, parent: id.optional() });

export const BlockDecl = z.object({
  id,
  /** The block's heading row (第二十条第（一）项); null for single-block tables. */
  label: z.string().min(1).nullable(),
  variants: z.array(z.string().min(1)).default([]),
  columns: z.array(ColumnDecl).min(1),
  rows: z.array(RowDecl).min(1),
});

export const TableDecl = z.object({
  id: z.enum(['proactive', 'applications', 'review_litigation']),
  /** The part (1–6) whose body holds this table. */
  part: z.number().int().min(1).max(6),
  /** Short name used in messages: 表二, 表三, 表四. */
  name: z.string(),
  /** Header-only labels: they name columns or notes, never carry numbers. */
  headerLabels: z.array(z.string()).default([]),
  groups: z.array(GroupDecl).default([]),
  blocks: z.array(BlockDecl).min(1),
});

/**
 * An identity (勾稽关系): Σ lhs = Σ rhs, stated once and applied to every row
 * (lhs/rhs name columns) or every column (lhs/rhs name rows) of a table.
 * `solveFor` is the cell a recompute fix sets; it must appear in lhs or rhs.
 */
export const IdentityDecl = z.object({
  code: z.string(),
  table: z.enum(['proactive', 'applications', 'review_litigation']),
  forEach: z.enum(['row', 'column']),
  /** Restrict forEach to these rows/columns; default: all data rows/columns of the table. */
  only: z.array(z.string()).optional(),
  lhs: z.array(z.string()).min(1),
  rhs: z.array(z.string()).min(1),
  solveFor: z.string(),
});

export const PartDecl = z.object({
  number: z.number().int().min(1).max(6),
  /** 一 … 六 */
  numeral: z.string().length(1),
  heading: z.string(),
  variants: z.array(z.string()).default([]),
  /** Words that identify the part when the wording drifts. */
  keywords: z.array(z.string()).min(1),
});

export const TemplateDecl = z
  .object({
    /** The generation's name, the year its template was prescribed in: '2019', '2021'. */
    generation: z.string().regex(/^[0-9a-z][0-9a-z-]*$/, 'a generation name such as 2021'),
    prescribedBy: z.string(),
    /** Report years this generation is used for (inclusive; `to` open-ended when absent). */
    years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
    parts: z.array(PartDecl).length(6),
    tables: z.array(TableDecl).length(3),
    identities: z.array(IdentityDecl),
    /** Part 六 must mention this (2021: 信息处理费). */
    part6Mentions: z.array(z.string()).default([]),
  })
  .superRefine((t, ctx) => {
    for (const table of t.tables) {
      const rowIds = table.blocks.flatMap(b => b.rows.map(r => r.id));
      if (new Set(rowIds).size !== rowIds.length) ctx.addIssue({ code: 'custom', message: `${table.id}: duplicate row id` });
      const groupIds = new Set(table.groups.map(g => g.id));
      for (const b of table.blocks) for (const r of b.rows) {
        if (r.group && !groupIds.has(r.group)) ctx.addIssue({ code: 'custom', message: `${table.id}.${r.id}: unknown group ${r.group}` });
      }
    }
    for (const idn of t.identities) {
      const table = t.tables.find(x => x.id === idn.table)!;
      const block = table.blocks[0];
      const known = new Set(idn.forEach === 'row' ? block.columns.map(c => c.id) : block.rows.map(r => r.id));
      for (const ref of [...idn.lhs, ...idn.rhs]) {
        if (!known.has(ref)) ctx.addIssue({ code: 'custom', message: `identity ${idn.code}: unknown ${idn.forEach === 'row' ? 'column' : 'row'} ${ref}` });
      }
      if (![...idn.lhs, ...idn.rhs].includes(idn.solveFor)) ctx.addIssue({ code: 'custom', message: `identity ${idn.code}: solveFor ${idn.solveFor} is not a term` });
    }
  });

export type ColumnDecl = z.infer<typeof ColumnDecl>;
export type RowDecl = z.infer<typeof RowDecl>;
export type GroupDecl = z.infer<typeof GroupDecl>;
export type BlockDecl = z.infer<typeof BlockDecl>;
export type TableDecl = z.infer<typeof TableDecl>;
export type IdentityDecl = z.infer<typeof IdentityDecl>;
export type PartDecl = z.infer<typeof PartDecl>;
export type TemplateDecl = z.infer<typeof TemplateDecl>;
export type TableId = TableDecl['id'];

/** Validates a declaration and fills in its defaults; throws a message naming each problem. */
export function validateTemplate(raw: unknown): TemplateDecl {
  const parsed = TemplateDecl.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid template declaration: ${parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
