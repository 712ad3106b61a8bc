// What checking one staged row produces, and the pieces both kinds of row share: columns, amounts, donors.
import type { ZodError } from 'zod';
import { MONEY_ERROR_KEYS } from '../validation/money-errors';
import { parseYuan } from '../money';
import { displayName } from '../names';
import type { ImportField, Mapping } from './fields';
import { cellText, hasCjk, normalizeKey, type Cell } from './values';

/** One finding about a row: which column (index in the file), a message key, its values; warnings do not block a commit. */
export type Issue = { c: number | null; k: string; v?: Record<string, string | number>; w?: true };

export type CheckedRow<P> = { status: 'ready' | 'warning' | 'error'; issues: Issue[]; payload: P | null; dupKey: string | null; amountFen: number | null; autoExclude?: boolean };

export function statusOf(issues: Issue[]): CheckedRow<unknown>['status'] {
  if (issues.some((i) => !i.w)) return 'error';
  return issues.length ? 'warning' : 'ready';
}

/** The file's columns by field, and the cell of a row for a field. */
export class Columns {
  private readonly index = new Map<ImportField, number>();
  constructor(mapping: Mapping) {
    mapping.forEach((f, i) => {
      if (f) this.index.set(f, i);
    });
  }
  has(f: ImportField): boolean {
    return this.index.has(f);
  }
  col(f: ImportField): number | null {
    return this.index.get(f) ?? null;
  }
  cell(cells: Cell[], f: ImportField): Cell {
    const i = this.index.get(f);
    return i === undefined ? null : (cells[i] ?? null);
  }
  text(cells: Cell[], f: ImportField): string {
    return cellText(this.cell(cells, f));
  }
}

/** An amount from whichever of the yuan or 万元 columns is mapped; a unit written in the cell ("517.53万") wins over the column's. */
export function readAmount(cols: Columns, cells: Cell[], yuan: ImportField, wan: ImportField, issues: Issue[]): number | null {
  const field = cols.has(wan) && !cols.has(yuan) ? wan : yuan;
  const cell = cols.cell(cells, field);
  const parsed = parseYuan(typeof cell === 'number' ? cell : cellText(cell), field === wan ? 'wan' : 'yuan');
  if (parsed.ok) return parsed.fen;
  issues.push({ c: cols.col(field), k: `errors.${MONEY_ERROR_KEYS[parsed.error]}` });
  return null;
}

export type DonorMatch = { kind: 'existing'; id: number; type: string; label: string } | { kind: 'ambiguous' } | { kind: 'new' };

/** Existing donors by every name they go by (Chinese and English), compared without spaces or width differences. */
export class DonorIndex {
  private readonly byKey = new Map<string, { id: number; type: string; label: string }[]>();
  constructor(donors: { id: number; name: string | null; nameZh: string | null; type: string }[]) {
    for (const d of donors) {
      const keys = new Set([d.name, d.nameZh].filter((n): n is string => !!n).map(normalizeKey));
      for (const k of keys) this.byKey.set(k, [...(this.byKey.get(k) ?? []), { id: d.id, type: d.type, label: displayName(d, 'zh') }]);
    }
  }
  match(text: string): DonorMatch {
    const found = this.byKey.get(normalizeKey(text)) ?? [];
    if (found.length === 1) return { kind: 'existing', ...found[0]! };
    return found.length > 1 ? { kind: 'ambiguous' } : { kind: 'new' };
  }
}

/** A new donor's names from what the row wrote: Chinese text is the Chinese name, anything else the English one. */
export function newDonorNames(text: string): { name: string | null; nameZh: string | null } {
  const clean = text.trim().replace(/\s+/g, ' ');
  return hasCjk(clean) ? { name: null, nameZh: clean } : { name: clean, nameZh: null };
}

/** Issues from the domain's own zod schema (the same one the form and API use), on the column that holds the field. */
export function schemaIssues(error: ZodError, columnOf: (path: string) => number | null): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const key = issue.message.startsWith('errors.') ? issue.message : 'errors.invalidValue';
    if (seen.has(path + key)) continue;
    seen.add(path + key);
    out.push({ c: columnOf(path), k: key });
  }
  return out;
}
