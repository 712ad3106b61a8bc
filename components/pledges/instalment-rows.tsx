'use client';
// The optional instalment schedule of a pledge: one row per instalment (due date, amount), what is still unscheduled shown live, exact to the fen.
import { useTranslations } from 'next-intl';
import { evenInstalmentsFen, filledInstalments, MAX_INSTALMENT_ROWS, rowsFen } from '@/lib/pledge-form-input';
import { formatYuan } from '@/lib/money';
import { Button } from '@/components/ui/button';
import { Field, Input, describedBy } from '@/components/ui/field';
import { RemoveRowButton, RowsStatus } from './allocation-rows';
import { AmountField } from './form-amount';
import { amountText } from './form-initial';

export type InstalmentRow = { key: string; dueOn: string; amount: string };

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function InstalmentSchedule({
  open,
  rows,
  onChange,
  newKey,
  totalFen,
  pledgedOn,
  errors,
  hadSchedule,
}: {
  /** false: only the button that opens the schedule; a closed schedule sends no rows, so saving removes any schedule */
  open: boolean;
  rows: InstalmentRow[];
  onChange: (open: boolean, rows: InstalmentRow[]) => void;
  newKey: () => string;
  /** the pledge's amount, or null while it does not read as one */
  totalFen: number | null;
  pledgedOn: string;
  errors: Record<string, string>;
  /** the pledge being edited has a schedule now */
  hadSchedule: boolean;
}) {
  const t = useTranslations('pledgeForm');

  if (!open) {
    return (
      <div className="mt-5 border-t border-slate-200 pt-4">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
          <Button
            id="pf-inst-open"
            variant="secondary"
            className="self-start"
            aria-describedby="pf-inst-hint"
            onClick={() => {
              onChange(true, [
                { key: newKey(), dueOn: '', amount: '' },
                { key: newKey(), dueOn: '', amount: '' },
              ]);
              focusSoon('pf-inst-0-dueOn');
            }}
          >
            <span aria-hidden="true">＋</span> {t('scheduleAdd')}
          </Button>
          <p id="pf-inst-hint" className="text-xs text-slate-500">
            {t('scheduleAddHint')}
          </p>
        </div>
        {hadSchedule && (
          <p role="status" className="mt-3 text-sm font-medium text-warn-700">
            {t('scheduleWillBeRemoved')}
          </p>
        )}
      </div>
    );
  }

  const filled = filledInstalments(rows);
  const sum = rowsFen(filled);
  const diff = totalFen === null ? null : totalFen - sum.fen;
  const mismatch = errors.instalments;
  const update = (i: number, patch: Partial<InstalmentRow>) => onChange(true, rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    const rest = rows.filter((_, k) => k !== i);
    onChange(rest.length > 0, rest);
    focusSoon(rest.length > 0 ? `pf-inst-${Math.min(i, rest.length - 1)}-dueOn` : 'pf-inst-open');
  };
  const emptyRow = rows.findIndex((r) => r.amount.trim() === '');
  const total = formatYuan(sum.fen);

  let status: string;
  if (diff === null) status = t('allocateNeedsTotal');
  else if (diff > 0) status = t('scheduleShort', { total, amount: formatYuan(diff) });
  else if (diff < 0) status = t('scheduleOver', { total, amount: formatYuan(-diff) });
  else status = t('scheduleEven', { total });
  const balanced = diff === 0 && sum.complete && filled.length > 0;

  return (
    <div role="group" aria-labelledby="pf-inst-title" className="mt-5 flex flex-col gap-3 border-t border-slate-200 pt-4">
      <p id="pf-inst-title" className="text-base font-semibold text-slate-900">
        {t('scheduleTitle')} <span className="text-sm font-normal text-slate-500">{t('optionalSection')}</span>
      </p>
      <p className="text-sm text-slate-600">{t('scheduleIntro')}</p>
      <ol className="flex flex-col gap-3">
        {rows.map((row, i) => {
          const n = i + 1;
          const base = `pf-inst-${i}`;
          const dateError = errors[`instalments.${i}.dueOn`];
          return (
            <li key={row.key} className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] sm:items-start">
              <Field id={`${base}-dueOn`} label={t('instalmentDueOn', { n })} error={dateError} required>
                <Input
                  id={`${base}-dueOn`}
                  name={`instalments.${i}.dueOn`}
                  type="date"
                  value={row.dueOn}
                  min={pledgedOn || undefined}
                  onChange={(e) => update(i, { dueOn: e.target.value })}
                  aria-invalid={Boolean(dateError) || undefined}
                  aria-describedby={describedBy(`${base}-dueOn`, dateError)}
                  aria-required
                />
              </Field>
              <AmountField
                id={`${base}-amount`}
                name={`instalments.${i}.amount`}
                label={t('instalmentAmount', { n })}
                value={row.amount}
                onChange={(amount) => update(i, { amount })}
                error={errors[`instalments.${i}.amountFen`]}
                invalid={Boolean(mismatch)}
                alsoDescribedBy={mismatch ? 'pf-inst-error' : 'pf-inst-status'}
              />
              <RemoveRowButton label={t('removeInstalment', { n })} shortLabel={t('removeInstalmentShort')} onClick={() => remove(i)} />
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={rows.length >= MAX_INSTALMENT_ROWS}
            onClick={() => {
              onChange(true, [...rows, { key: newKey(), dueOn: '', amount: '' }]);
              focusSoon(`pf-inst-${rows.length}-dueOn`);
            }}
          >
            <span aria-hidden="true">＋</span> {t('addInstalment')}
          </Button>
          {totalFen !== null && totalFen > 0 && rows.length >= 2 && (
            <Button
              variant="ghost"
              className="text-left"
              onClick={() => {
                const shares = evenInstalmentsFen(totalFen, rows.length);
                onChange(true, rows.map((r, k) => ({ ...r, amount: amountText(shares[k]!) })));
              }}
            >
              {t('splitEvenly', { n: rows.length })}
            </Button>
          )}
          {diff !== null && diff > 0 && emptyRow >= 0 && (
            <Button variant="ghost" className="text-left" onClick={() => update(emptyRow, { amount: amountText(diff) })}>
              {t('fillRestInstalment', { amount: formatYuan(diff), n: emptyRow + 1 })}
            </Button>
          )}
        </div>
        <RowsStatus id="pf-inst-status" testId="unscheduled" balanced={balanced}>
          {status}
          {sum.unreadable > 0 && diff !== null && <span className="font-normal"> {t('rowsUnreadable')}</span>}
        </RowsStatus>
      </div>
      {mismatch && (
        <p id="pf-inst-error" role="alert" className="text-sm font-medium text-warn-700">
          {mismatch}
        </p>
      )}
      <div>
        <Button
          variant="ghost"
          onClick={() => {
            onChange(false, []);
            focusSoon('pf-inst-open');
          }}
        >
          {t('scheduleRemove')}
        </Button>
      </div>
    </div>
  );
}
