// Checks one staged receipt row: which pledge it pays (by number, or by donor + pledge date + pledge amount) and whether it fits.
import type { PledgeForm, ReceiptForm } from '../codes';
import { receiptInputSchema } from '../validation/receipt';
import type { PledgeForReceipt } from '@/db/queries/imports';
import { Columns, DonorIndex, readAmount, schemaIssues, statusOf, type CheckedRow, type Issue } from './check-common';
import { TEMPLATE_EXAMPLE_NOTE, type ImportField } from './fields';
import { isTotalsLabel, matchReceiptForm, parseDateCell, type Cell } from './values';

export type ReceiptPayload = {
  pledgeId: number;
  amountFen: number;
  receivedOn: string;
  form: ReceiptForm;
  reference: string | null;
  note: string | null;
  confirmedBy: string | null;
  confirmedOn: string | null;
};

export type ReceiptCheckContext = {
  donors: DonorIndex;
  pledgeById: (id: number) => PledgeForReceipt | undefined;
  pledgesOfDonor: (donorId: number) => PledgeForReceipt[];
  sameReceipt: (pledgeId: number, amountFen: number, receivedOn: string) => number | undefined;
  /** Amounts of earlier rows of this file per pledge, so two rows cannot together overfill a pledge. */
  staged: Map<number, number>;
  closedYears: Set<number>;
  today: string;
};

/** Without a form column: funds arrive by transfer, materials are delivered, purchases are settled (as the demo ledger records them). */
export const RECEIPT_FORM_FOR: Record<PledgeForm, ReceiptForm> = { cash: 'transfer', in_kind: 'materials', purchase: 'purchase_settled', training: 'transfer' };

function optionalDate(cols: Columns, cells: Cell[], field: ImportField, issues: Issue[]): string | null {
  const cell = cols.cell(cells, field);
  if (cell === null || (typeof cell === 'string' && !cell.trim())) return null;
  const parsed = parseDateCell(cell);
  if (parsed.ok) return parsed.date;
  issues.push({ c: cols.col(field), k: parsed.error });
  return null;
}

function findPledge(cells: Cell[], cols: Columns, ctx: ReceiptCheckContext, amountFen: number | null, issues: Issue[]): PledgeForReceipt | null {
  const idText = cols.text(cells, 'pledgeId').replace(/^#/, '');
  const donorText = cols.text(cells, 'donor');
  const donor = donorText ? ctx.donors.match(donorText) : null;
  if (idText) {
    const pledge = /^\d{1,10}$/.test(idText) ? ctx.pledgeById(Number(idText)) : undefined;
    if (!pledge) {
      issues.push({ c: cols.col('pledgeId'), k: 'pledgeNotFound', v: { value: idText } });
      return null;
    }
    if (donor?.kind === 'existing' && donor.id !== pledge.donorId) {
      issues.push({ c: cols.col('donor'), k: 'pledgeDonorMismatch', v: { id: pledge.id } });
      return null;
    }
    return pledge;
  }
  if (!donorText) {
    issues.push({ c: cols.col('pledgeId') ?? cols.col('donor'), k: 'pledgeRefRequired' });
    return null;
  }
  if (donor?.kind !== 'existing') {
    issues.push({ c: cols.col('donor'), k: donor?.kind === 'ambiguous' ? 'ambiguousDonor' : 'unknownDonor', v: { value: donorText } });
    return null;
  }
  const pledgedOn = optionalDate(cols, cells, 'pledgedOn', issues);
  const pledgeAmount = cols.has('pledgeAmountYuan') || cols.has('pledgeAmountWan') ? readAmount(cols, cells, 'pledgeAmountYuan', 'pledgeAmountWan', issues) : amountFen;
  if (pledgeAmount === null || issues.length) return null;
  const candidates = ctx.pledgesOfDonor(donor.id).filter((p) => p.amountFen === pledgeAmount && (!pledgedOn || p.pledgedOn === pledgedOn));
  if (candidates.length === 1) return candidates[0]!;
  issues.push({ c: cols.col('donor'), k: candidates.length ? 'pledgeAmbiguous' : 'pledgeNotMatched', v: { value: donorText, count: candidates.length } });
  return null;
}

export function checkReceiptRow(cells: Cell[], cols: Columns, ctx: ReceiptCheckContext): CheckedRow<ReceiptPayload> {
  const issues: Issue[] = [];
  const firstText = cells.find((c) => c !== null && String(c).trim() !== '');
  if (firstText !== undefined && isTotalsLabel(String(firstText))) {
    return { status: 'error', issues: [{ c: null, k: 'totalRow' }], payload: null, dupKey: null, amountFen: null, autoExclude: true };
  }
  if (cols.text(cells, 'note') === TEMPLATE_EXAMPLE_NOTE) return { status: 'error', issues: [{ c: cols.col('note'), k: 'exampleRow' }], payload: null, dupKey: null, amountFen: null, autoExclude: true };
  const amountFen = readAmount(cols, cells, 'amountYuan', 'amountWan', issues);
  const receivedCell = cols.cell(cells, 'receivedOn');
  let receivedOn: string | null = null;
  if (receivedCell === null || (typeof receivedCell === 'string' && !receivedCell.trim())) issues.push({ c: cols.col('receivedOn'), k: 'required' });
  else {
    const parsed = parseDateCell(receivedCell);
    if (parsed.ok) receivedOn = parsed.date;
    else issues.push({ c: cols.col('receivedOn'), k: parsed.error });
  }
  const confirmedOn = optionalDate(cols, cells, 'confirmedOn', issues);
  const formText = cols.text(cells, 'receiptForm');
  const formGiven = formText ? matchReceiptForm(formText) : null;
  if (formText && !formGiven) issues.push({ c: cols.col('receiptForm'), k: 'unknownReceiptForm', v: { value: formText } });

  const pledge = findPledge(cells, cols, ctx, amountFen, issues);
  if (pledge?.voided) issues.push({ c: cols.col('pledgeId') ?? cols.col('donor'), k: 'errors.pledgeVoided' });
  if (receivedOn && receivedOn > ctx.today) issues.push({ c: cols.col('receivedOn'), k: 'errors.receivedInFuture' });
  if (receivedOn && ctx.closedYears.has(Number(receivedOn.slice(0, 4)))) issues.push({ c: cols.col('receivedOn'), k: 'errors.yearClosed', v: { year: Number(receivedOn.slice(0, 4)) } });
  if (issues.some((i) => !i.w) || !pledge || amountFen === null || !receivedOn) return { status: 'error', issues, payload: null, dupKey: null, amountFen, autoExclude: false };

  const payload: ReceiptPayload = {
    pledgeId: pledge.id,
    amountFen,
    receivedOn,
    form: formGiven ?? RECEIPT_FORM_FOR[pledge.form as PledgeForm] ?? 'transfer',
    reference: cols.text(cells, 'reference') || null,
    note: cols.text(cells, 'note') || null,
    confirmedBy: cols.text(cells, 'confirmedBy') || null,
    confirmedOn,
  };
  const parsed = receiptInputSchema.safeParse(payload);
  if (!parsed.success) {
    const fieldCol: Record<string, ImportField> = { amountFen: 'amountYuan', receivedOn: 'receivedOn', reference: 'reference', note: 'note', confirmedBy: 'confirmedBy', confirmedOn: 'confirmedOn', form: 'receiptForm' };
    issues.push(...schemaIssues(parsed.error, (p) => cols.col(fieldCol[p] ?? 'amountYuan') ?? cols.col('amountWan')));
    return { status: 'error', issues, payload: null, dupKey: null, amountFen, autoExclude: false };
  }
  if (confirmedOn && confirmedOn < receivedOn) {
    issues.push({ c: cols.col('confirmedOn'), k: 'errors.confirmedBeforeReceived' });
    return { status: 'error', issues, payload: null, dupKey: null, amountFen, autoExclude: false };
  }

  // Receipts beyond what was pledged need a person's explicit confirmation, which a bulk import cannot give.
  const before = pledge.receivedFen + (ctx.staged.get(pledge.id) ?? 0);
  if (before + amountFen > pledge.amountFen) {
    issues.push({ c: cols.col('amountYuan') ?? cols.col('amountWan'), k: 'overReceipt', v: { id: pledge.id, outstanding: Math.max(0, pledge.amountFen - before) } });
    return { status: 'error', issues, payload: null, dupKey: null, amountFen, autoExclude: false };
  }
  ctx.staged.set(pledge.id, (ctx.staged.get(pledge.id) ?? 0) + amountFen);
  const same = ctx.sameReceipt(pledge.id, amountFen, receivedOn);
  if (same !== undefined) issues.push({ c: null, k: 'receiptDuplicate', v: { id: same, pledge: pledge.id }, w: true });
  return { status: statusOf(issues), issues, payload, dupKey: `${pledge.id}|${amountFen}|${receivedOn}`, amountFen };
}
