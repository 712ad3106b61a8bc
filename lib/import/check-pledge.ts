// Checks one staged pledge row against the ledger: what it means, what is wrong with it, what deserves a second look.
import type { CategoryCode, DonorType, PledgeForm } from '../codes';
import { pledgeInputSchema } from '../validation/pledge';
import { Columns, DonorIndex, newDonorNames, readAmount, schemaIssues, statusOf, type CheckedRow, type Issue } from './check-common';
import { TEMPLATE_EXAMPLE_NOTE, type ImportField } from './fields';
import { PlaceIndex, type PlacePart } from './place-index';
import { isTotalsLabel, matchCategory, matchChannel, matchDonorType, matchForm, normalizeKey, parseCountCell, parseDateCell, type Cell } from './values';

/** What the commit hands to pledgeRecorder().record once the donor exists (donorId null: create `newDonor` first). */
export type PledgePayload = {
  donorId: number | null;
  newDonor: { name: string | null; nameZh: string | null; type: DonorType } | null;
  form: PledgeForm;
  amountFen: number;
  pledgedOn: string;
  dueOn: string | null;
  channel: 'direct' | 'coordinated';
  projectName: string | null;
  note: string | null;
  beneficiaries: number | null;
  jobs: number | null;
  peopleTrained: number | null;
  placeId: number;
  category: CategoryCode;
};

export type PledgeCheckContext = {
  donors: DonorIndex;
  places: PlaceIndex;
  /** donorId|placeId|amountFen|pledgedOn of live pledges → pledge id */
  existing: Map<string, number>;
  closedYears: Set<number>;
};

/** When no form is given: consumption assistance is a purchase, training is training, the rest is funds (the import screen says so). */
export function defaultForm(category: CategoryCode): PledgeForm {
  return category === 'consumption' ? 'purchase' : category === 'training' ? 'training' : 'cash';
}

/** Without a type column a new donor is created as a private enterprise (the import screen says so). */
export const DEFAULT_DONOR_TYPE: DonorType = 'enterprise';

function dateField(cols: Columns, cells: Cell[], field: ImportField, required: boolean, issues: Issue[]): string | null {
  const cell = cols.cell(cells, field);
  if (cell === null || (typeof cell === 'string' && !cell.trim())) {
    if (required) issues.push({ c: cols.col(field), k: 'required' });
    return null;
  }
  const parsed = parseDateCell(cell);
  if (parsed.ok) return parsed.date;
  issues.push({ c: cols.col(field), k: parsed.error });
  return null;
}

function countField(cols: Columns, cells: Cell[], field: ImportField, issues: Issue[]): number | null {
  const parsed = parseCountCell(cols.cell(cells, field));
  if (parsed.ok) return parsed.value;
  issues.push({ c: cols.col(field), k: 'count' });
  return null;
}

function placeParts(cols: Columns, cells: Cell[]): PlacePart[] {
  const parts: PlacePart[] = [];
  if (cols.has('place') && cols.text(cells, 'place')) parts.push(...PlaceIndex.splitPath(cols.text(cells, 'place')));
  for (const [field, level] of [['county', 'county'], ['town', 'town'], ['village', 'village']] as const) {
    const text = cols.text(cells, field);
    if (text) parts.push({ text, level });
  }
  return parts;
}

const SCHEMA_FIELDS: Record<string, ImportField[]> = {
  amountFen: ['amountYuan', 'amountWan'],
  pledgedOn: ['pledgedOn'],
  dueOn: ['dueOn'],
  projectName: ['projectName'],
  note: ['note'],
  beneficiaries: ['beneficiaries'],
  jobs: ['jobs'],
  peopleTrained: ['peopleTrained'],
  category: ['category'],
  form: ['form'],
  channel: ['channel'],
  placeId: ['village', 'town', 'place', 'county'],
  donorId: ['donor'],
};

export function checkPledgeRow(cells: Cell[], cols: Columns, ctx: PledgeCheckContext): CheckedRow<PledgePayload> {
  const issues: Issue[] = [];
  const donorText = cols.text(cells, 'donor');
  const firstText = cells.find((c) => c !== null && String(c).trim() !== '');
  if (isTotalsLabel(donorText) || (firstText !== undefined && isTotalsLabel(String(firstText)))) {
    return { status: 'error', issues: [{ c: cols.col('donor'), k: 'totalRow' }], payload: null, dupKey: null, amountFen: null, autoExclude: true };
  }
  if (cols.text(cells, 'note') === TEMPLATE_EXAMPLE_NOTE) return { status: 'error', issues: [{ c: cols.col('note'), k: 'exampleRow' }], payload: null, dupKey: null, amountFen: null, autoExclude: true };

  // Donor: an existing one by name, else a new one (a warning, so the person sees it before committing).
  let donorId: number | null = null;
  let newDonor: PledgePayload['newDonor'] = null;
  const typeText = cols.text(cells, 'donorType');
  const type = typeText ? matchDonorType(typeText) : null;
  if (typeText && !type) issues.push({ c: cols.col('donorType'), k: 'unknownDonorType', v: { value: typeText } });
  if (!donorText) issues.push({ c: cols.col('donor'), k: 'required' });
  else if (donorText.length > 200) issues.push({ c: cols.col('donor'), k: 'errors.tooLong' });
  else {
    const match = ctx.donors.match(donorText);
    if (match.kind === 'existing') donorId = match.id;
    else if (match.kind === 'ambiguous') issues.push({ c: cols.col('donor'), k: 'ambiguousDonor', v: { value: donorText } });
    else if (!typeText || type) {
      newDonor = { ...newDonorNames(donorText), type: type ?? DEFAULT_DONOR_TYPE };
      issues.push({ c: cols.col('donor'), k: type ? 'newDonor' : 'newDonorDefaultType', v: { name: donorText.trim(), type: newDonor.type }, w: true });
    }
  }

  const amountFen = readAmount(cols, cells, 'amountYuan', 'amountWan', issues);

  const categoryText = cols.text(cells, 'category');
  const category = categoryText ? matchCategory(categoryText) : null;
  if (!categoryText) issues.push({ c: cols.col('category'), k: 'required' });
  else if (!category) issues.push({ c: cols.col('category'), k: 'unknownCategory', v: { value: categoryText } });

  const formText = cols.text(cells, 'form');
  let form: PledgeForm | null = formText ? matchForm(formText) : null;
  if (formText && !form) issues.push({ c: cols.col('form'), k: 'unknownForm', v: { value: formText } });
  if (!formText && category) form = defaultForm(category);

  const channelText = cols.text(cells, 'channel');
  const channel = channelText ? matchChannel(channelText) : 'coordinated';
  if (!channel) issues.push({ c: cols.col('channel'), k: 'unknownChannel', v: { value: channelText } });

  const place = ctx.places.resolve(placeParts(cols, cells));
  const placeCol = cols.col('village') ?? cols.col('town') ?? cols.col('place') ?? cols.col('county');
  if (!place.ok) issues.push({ c: placeCol, k: place.error, v: { value: place.text } });

  const pledgedOn = dateField(cols, cells, 'pledgedOn', true, issues);
  const dueOn = dateField(cols, cells, 'dueOn', false, issues);
  if (pledgedOn && ctx.closedYears.has(Number(pledgedOn.slice(0, 4)))) issues.push({ c: cols.col('pledgedOn'), k: 'errors.yearClosed', v: { year: Number(pledgedOn.slice(0, 4)) } });

  const beneficiaries = countField(cols, cells, 'beneficiaries', issues);
  const jobs = countField(cols, cells, 'jobs', issues);
  const peopleTrained = countField(cols, cells, 'peopleTrained', issues);
  const projectName = cols.text(cells, 'projectName') || null;
  const note = cols.text(cells, 'note') || null;

  const blocked = issues.some((i) => !i.w);
  if (blocked || amountFen === null || !category || !form || !channel || !place.ok || !pledgedOn) {
    return { status: 'error', issues, payload: null, dupKey: null, amountFen, autoExclude: false };
  }

  const payload: PledgePayload = { donorId, newDonor, form, amountFen, pledgedOn, dueOn, channel, projectName, note, beneficiaries, jobs, peopleTrained, placeId: place.placeId, category };
  // The same rules as the form and the API: the domain schema has the last word (zero amounts, due dates, lengths).
  const { newDonor: _new, donorId: _id, ...fields } = payload;
  const parsed = pledgeInputSchema.safeParse({ ...fields, donorId: donorId ?? 1 });
  if (!parsed.success) {
    const columnOf = (path: string) => {
      for (const f of SCHEMA_FIELDS[path.split('.')[0]!] ?? []) if (cols.has(f)) return cols.col(f);
      return null;
    };
    issues.push(...schemaIssues(parsed.error, columnOf));
    return { status: 'error', issues, payload: null, dupKey: null, amountFen, autoExclude: false };
  }

  if (donorId !== null) {
    const same = ctx.existing.get(`${donorId}|${place.placeId}|${amountFen}|${pledgedOn}`);
    if (same !== undefined) issues.push({ c: null, k: 'possibleDuplicate', v: { id: same }, w: true });
  }
  const donorKey = donorId !== null ? `d${donorId}` : `n${normalizeKey(donorText)}`;
  return { status: statusOf(issues), issues, payload, dupKey: `${donorKey}|${place.placeId}|${amountFen}|${pledgedOn}`, amountFen };
}
