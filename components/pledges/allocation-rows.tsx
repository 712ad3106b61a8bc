'use client';
// A pledge split over several places or categories: one row each, with what is still unallocated shown live, exact to the fen.
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { rowsFen } from '@/lib/pledge-form-input';
import { fenToYuanText, formatYuan } from '@/lib/money';
import { MAX_ALLOCATIONS } from '@/lib/validation/pledge';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';
import { Field, Select, describedBy } from '@/components/ui/field';
import { AmountField } from './form-amount';
import type { PlaceChoice } from './form-hooks';
import { PlacePicker } from './place-picker';

export type AllocationRow = { key: string; place: PlaceChoice | null; category: string; amount: string };
export type CategoryOption = { code: string; label: string };

export function AllocationRows({
  rows,
  onChange,
  onAdd,
  categories,
  totalFen,
  errors,
}: {
  rows: AllocationRow[];
  onChange: (rows: AllocationRow[]) => void;
  onAdd: () => void;
  categories: CategoryOption[];
  /** the pledge's amount, or null while it does not read as one */
  totalFen: number | null;
  errors: Record<string, string>;
}) {
  const t = useTranslations('pledgeForm');
  const sum = rowsFen(rows);
  const diff = totalFen === null ? null : totalFen - sum.fen;
  const mismatch = errors.allocations;
  const update = (i: number, patch: Partial<AllocationRow>) => onChange(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const emptyRow = rows.findIndex((r) => r.amount.trim() === '');

  let status: string;
  if (diff === null) status = t('allocateNeedsTotal');
  else if (diff > 0) status = t('unallocated', { amount: formatYuan(diff) });
  else if (diff < 0) status = t('overAllocated', { amount: formatYuan(-diff) });
  else status = t('allAllocated', { amount: formatYuan(sum.fen) });
  const balanced = diff === 0 && sum.complete;

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t('splitIntro')}</p>
      <ol className="flex flex-col gap-3">
        {rows.map((row, i) => {
          const n = i + 1;
          const base = `pf-alloc-${i}`;
          const catError = errors[`allocations.${i}.category`];
          return (
            <li key={row.key} className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-[minmax(0,5fr)_minmax(0,3fr)_minmax(0,3fr)_auto] sm:items-start">
              <input type="hidden" name={`allocations.${i}.placeId`} value={row.place ? String(row.place.id) : ''} />
              <PlacePicker id={`${base}-place`} generalHint={false} label={t('rowPlace', { n })} value={row.place} onChange={(place) => update(i, { place })} error={errors[`allocations.${i}.placeId`]} />
              <Field id={`${base}-category`} label={t('rowCategory', { n })} error={catError} required>
                <Select
                  id={`${base}-category`}
                  name={`allocations.${i}.category`}
                  value={row.category}
                  onChange={(e) => update(i, { category: e.target.value })}
                  aria-invalid={Boolean(catError) || undefined}
                  aria-describedby={describedBy(`${base}-category`, catError)}
                  aria-required
                >
                  <option value="">{t('chooseCategory')}</option>
                  {categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <AmountField
                id={`${base}-amount`}
                name={`allocations.${i}.amount`}
                label={t('rowAmount', { n })}
                value={row.amount}
                onChange={(amount) => update(i, { amount })}
                error={errors[`allocations.${i}.amountFen`]}
                invalid={Boolean(mismatch)}
                alsoDescribedBy={mismatch ? 'pf-alloc-error' : 'pf-alloc-status'}
              />
              <RemoveRowButton label={t('removeRow', { n })} shortLabel={t('removeRowShort')} disabled={rows.length <= 1} onClick={() => onChange(rows.filter((_, k) => k !== i))} />
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onAdd} disabled={rows.length >= MAX_ALLOCATIONS}>
            <span aria-hidden="true">＋</span> {t('addRow')}
          </Button>
          {diff !== null && diff > 0 && emptyRow >= 0 && (
            <Button variant="ghost" onClick={() => update(emptyRow, { amount: fenToYuanText(diff) })}>
              {t('fillRest', { amount: formatYuan(diff), n: emptyRow + 1 })}
            </Button>
          )}
        </div>
        <RowsStatus id="pf-alloc-status" testId="unallocated" balanced={balanced}>
          {status}
          {sum.unreadable > 0 && diff !== null && <span className="font-normal"> {t('rowsUnreadable')}</span>}
        </RowsStatus>
      </div>
      {mismatch && (
        <p id="pf-alloc-error" role="alert" className="text-sm font-medium text-warn-700">
          {mismatch}
        </p>
      )}
    </div>
  );
}

/** The ✕ at the end of a row (spelled out on a phone, where rows stack). */
export function RemoveRowButton({ label, shortLabel, disabled, onClick }: { label: string; shortLabel: string; disabled?: boolean; onClick: () => void }) {
  return (
    <div className="flex sm:pt-6">
      <Button variant="ghost" className="min-h-10 px-3 text-warn-700 hover:bg-warn-50" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
        <span aria-hidden="true">✕</span>
        <span className="sm:hidden">{shortLabel}</span>
      </Button>
    </div>
  );
}

/** How far rows are from the amount pledged, announced as it changes: green once they add up exactly. */
export function RowsStatus({ id, testId, balanced, children }: { id: string; testId: string; balanced: boolean; children: ReactNode }) {
  return (
    <p id={id} role="status" data-testid={testId} className={cn('tabular rounded-md px-3 py-2 text-sm font-medium', balanced ? 'bg-green-50 text-ok-600' : 'bg-warn-50 text-warn-700')}>
      {children}
    </p>
  );
}
