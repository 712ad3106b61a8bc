// The pledge entry form's typed text (yuan, counts, chosen ids) turned into the raw input the pledge schema validates: one path for browser and server action.
import { apportion } from './apportion';
import type { MessageRef } from './errors';
import { MONEY_ERROR_KEYS } from './validation/money-errors';
import { parseYuan } from './money';
import { fieldErrors } from './validation/common';
import { pledgeInputSchema } from './validation/pledge';

export type AllocationRowValues = { placeId: string; category: string; amount: string };
/** One row of the instalment schedule; a row left wholly blank is no instalment. */
export type InstalmentRowValues = { dueOn: string; amount: string };

/** Everything the form holds, as the text the person typed or picked. */
export type PledgeFormValues = {
  donorId: string;
  amount: string;
  form: string;
  channel: string;
  pledgedOn: string;
  dueOn: string;
  projectName: string;
  note: string;
  beneficiaries: string;
  jobs: string;
  peopleTrained: string;
  /** false: one place and category (placeId, category); true: the allocation rows */
  split: boolean;
  placeId: string;
  category: string;
  allocations: AllocationRowValues[];
  /** the schedule's rows as shown; none (or only blank ones) means no schedule, which also removes one when editing */
  instalments: InstalmentRowValues[];
};

/** What the server action answers: field messages already in the person's language, or what was saved. */
export type PledgeFormState =
  | {
      ok: boolean;
      message?: string;
      fields?: Record<string, string>;
      /** someone else saved the pledge first */
      conflict?: boolean;
      saved?: { id: number; amountFen: number; donorName: string | null; donorNameZh: string | null };
    }
  | undefined;

export const TEXT_FIELDS = ['donorId', 'amount', 'form', 'channel', 'pledgedOn', 'dueOn', 'projectName', 'note', 'beneficiaries', 'jobs', 'peopleTrained', 'placeId', 'category'] as const;

// Full-width digits come from Chinese IMEs; separators in a head count ("1,200") are harmless.
function countValue(text: string): number | null | 'bad' {
  const s = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30)).replace(/[,，\s]/g, '');
  if (s === '') return null;
  if (!/^\d{1,12}$/.test(s)) return 'bad';
  return Number(s);
}

function idValue(text: string): number | undefined {
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}

const isBlankRow = (row: InstalmentRowValues) => row.dueOn.trim() === '' && row.amount.trim() === '';

/**
 * Form text → raw pledge input. Amounts go through parseYuan (never floats); a blank choice or an unreadable amount
 * becomes a field error here, everything else is left for the pledge schema to judge. Errors of instalment rows are
 * keyed by the row as shown (`instalments.2.amountFen`); instalmentRows maps each instalment sent on to that row.
 */
export function pledgeFormToRaw(v: PledgeFormValues): { raw: Record<string, unknown>; errors: Record<string, MessageRef>; instalmentRows: number[] } {
  const errors: Record<string, MessageRef> = {};
  const money = (text: string, field: string): number | undefined => {
    const parsed = parseYuan(text);
    if (parsed.ok) return parsed.fen;
    errors[field] = { key: MONEY_ERROR_KEYS[parsed.error] };
    return undefined;
  };
  const count = (text: string, field: string): number | null | undefined => {
    const n = countValue(text);
    if (n === 'bad') {
      errors[field] = { key: 'count' };
      return undefined;
    }
    return n;
  };

  const donorId = idValue(v.donorId);
  if (donorId === undefined) errors.donorId = { key: 'donorRequired' };
  const raw: Record<string, unknown> = {
    donorId,
    form: v.form || undefined,
    amountFen: money(v.amount, 'amountFen'),
    pledgedOn: v.pledgedOn,
    dueOn: v.dueOn || null,
    channel: v.channel || undefined,
    projectName: v.projectName,
    note: v.note,
    beneficiaries: count(v.beneficiaries, 'beneficiaries'),
    jobs: count(v.jobs, 'jobs'),
    peopleTrained: count(v.peopleTrained, 'peopleTrained'),
  };
  if (!v.split) {
    raw.placeId = idValue(v.placeId);
    raw.category = v.category || undefined;
    if (raw.placeId === undefined) errors.placeId = { key: 'placeRequired' };
    if (raw.category === undefined) errors.category = { key: 'categoryRequired' };
  } else {
    raw.allocations = v.allocations.map((row, i) => {
      const placeId = idValue(row.placeId);
      if (placeId === undefined) errors[`allocations.${i}.placeId`] = { key: 'placeRequired' };
      if (!row.category) errors[`allocations.${i}.category`] = { key: 'categoryRequired' };
      return { placeId, category: row.category || undefined, amountFen: money(row.amount, `allocations.${i}.amountFen`) };
    });
  }
  const instalmentRows = v.instalments.flatMap((row, i) => (isBlankRow(row) ? [] : [i]));
  raw.instalments = instalmentRows.map((i) => {
    const row = v.instalments[i]!;
    const dueOn = row.dueOn.trim();
    if (dueOn === '') errors[`instalments.${i}.dueOn`] = { key: 'instalmentDueRequired' };
    const amountFen = money(row.amount, `instalments.${i}.amountFen`);
    // the schema's word for a zero amount speaks of receipts
    if (amountFen === 0) errors[`instalments.${i}.amountFen`] = { key: 'instalmentAmountZero' };
    return { dueOn, amountFen };
  });
  return { raw, errors, instalmentRows };
}

/** Every problem with the form at once: the typed-text errors first, then whatever the pledge schema finds. */
export function checkPledgeForm(v: PledgeFormValues): { raw: Record<string, unknown>; errors: Record<string, MessageRef> } {
  const { raw, errors, instalmentRows } = pledgeFormToRaw(v);
  const parsed = pledgeInputSchema.safeParse(raw);
  // The schema numbers instalments without the blank rows: name the row the person sees instead.
  const schemaErrors = Object.fromEntries(
    Object.entries(parsed.success ? {} : fieldErrors(parsed.error)).map(([field, m]) => {
      const at = /^instalments\.(\d+)\.(.+)$/.exec(field);
      return [at ? `instalments.${instalmentRows[Number(at[1])] ?? at[1]}.${at[2]}` : field, m];
    }),
  );
  // A blank or unreadable entry already has its own message; the schema would only add a vaguer one.
  return { raw, errors: { ...schemaErrors, ...errors } };
}

/** Only as many rows as the schema allows (50 allocations, 60 instalments) are ever read from a form. */
const MAX_ROWS = 50;
export const MAX_INSTALMENT_ROWS = 60;

/** The form's FormData (field names as the form writes them) → its values. */
export function pledgeFormValues(form: FormData): PledgeFormValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const allocations: AllocationRowValues[] = [];
  for (let i = 0; i < MAX_ROWS && form.has(`allocations.${i}.placeId`); i++) {
    allocations.push({ placeId: text(`allocations.${i}.placeId`), category: text(`allocations.${i}.category`), amount: text(`allocations.${i}.amount`) });
  }
  const instalments: InstalmentRowValues[] = [];
  for (let i = 0; i < MAX_INSTALMENT_ROWS && form.has(`instalments.${i}.dueOn`); i++) {
    instalments.push({ dueOn: text(`instalments.${i}.dueOn`), amount: text(`instalments.${i}.amount`) });
  }
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(f)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return { ...values, split: text('split') === '1', allocations, instalments };
}

/** Sum of the rows' amounts that parse, in fen (integers only); complete when every row has one, unreadable counts rows typed but not readable. */
export function rowsFen(rows: readonly { amount: string }[]): { fen: number; complete: boolean; unreadable: number } {
  let fen = 0;
  let complete = true;
  let unreadable = 0;
  for (const row of rows) {
    const parsed = parseYuan(row.amount);
    if (parsed.ok) fen += parsed.fen;
    else {
      complete = false;
      if (row.amount.trim() !== '') unreadable += 1;
    }
  }
  return { fen, complete, unreadable };
}

/** The instalment rows that count: those not left wholly blank. */
export const filledInstalments = <T extends InstalmentRowValues>(rows: readonly T[]): T[] => rows.filter((row) => !isBlankRow(row));

/**
 * `totalFen` in `n` equal instalments, exact to the fen: whole yuan shared as evenly as possible (earlier instalments
 * take the odd yuan), any odd fen in the first.
 */
export function evenInstalmentsFen(totalFen: number, n: number): number[] {
  if (n < 1) return [];
  const fen = totalFen % 100;
  return apportion((totalFen - fen) / 100, Array.from({ length: n }, () => 1)).map((yuan, i) => yuan * 100 + (i === 0 ? fen : 0));
}
