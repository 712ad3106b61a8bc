'use client';
import { useActionState, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ReceiptForm as ReceiptFormCode } from '@/lib/codes';
import { RECEIPT_FORMS } from '@/lib/codes';
import { formatYuan, parseYuan } from '@/lib/money';
import { recordReceiptAction } from '@/app/pledges/[id]/actions';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';

/** The quick add-receipt form: amount prefilled with what is outstanding, today's date, the pledge's usual form. */
export function ReceiptForm({ pledgeId, outstandingFen, defaultForm, today, inKind }: { pledgeId: number; outstandingFen: number; defaultForm: ReceiptFormCode; today: string; inKind: boolean }) {
  const t = useTranslations('receipts.form');
  const tc = useTranslations();
  const id = useId();
  const [state, action, pending] = useActionState(recordReceiptAction, undefined);
  // Grouped like the figures on the page ("1,680,000.00"); parseYuan reads it back exactly.
  const prefill = outstandingFen > 0 ? formatYuan(outstandingFen).replace('¥', '') : '';
  const [amount, setAmount] = useState(prefill);
  // After a save (or a void elsewhere on the page) the outstanding amount changes: offer the new one.
  const [seen, setSeen] = useState({ state, outstandingFen });
  if (seen.state !== state || seen.outstandingFen !== outstandingFen) {
    setSeen({ state, outstandingFen });
    if (state?.ok || seen.outstandingFen !== outstandingFen) setAmount(prefill);
  }
  const error = state?.ok ? undefined : state;
  const v = error?.values;
  const f = error?.fields ?? {};
  const parsed = parseYuan(amount);
  const overBy = parsed.ok && parsed.fen > outstandingFen ? parsed.fen - outstandingFen : 0;
  const askConfirm = overBy > 0 || Boolean(f.confirmOverReceipt);
  const fid = (name: string) => `${id}-${name}`;

  return (
    <form action={action} noValidate className="flex flex-col gap-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200" aria-labelledby={fid('title')}>
      <h3 id={fid('title')} className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <input type="hidden" name="pledgeId" value={pledgeId} />
      {error?.message && (
        <p role="alert" className="rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
          {error.message}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-ok-600">
          {t('saved')}
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id={fid('amount')} label={inKind ? t('verifiedAmount') : t('amount')} hint={t('amountHint', { outstanding: formatYuan(outstandingFen) })} error={f.amountFen} required>
          <Input
            id={fid('amount')}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={Boolean(f.amountFen)}
            aria-describedby={describedBy(fid('amount'), f.amountFen, true)}
            className="tabular text-right"
          />
        </Field>
        <Field id={fid('receivedOn')} label={t('receivedOn')} error={f.receivedOn} required>
          <Input id={fid('receivedOn')} name="receivedOn" type="date" max={today} defaultValue={v?.receivedOn ?? today} aria-invalid={Boolean(f.receivedOn)} aria-describedby={describedBy(fid('receivedOn'), f.receivedOn)} />
        </Field>
        <Field id={fid('form')} label={t('form')} error={f.form} required>
          <Select key={v?.form ?? defaultForm} id={fid('form')} name="form" defaultValue={v?.form ?? defaultForm} aria-invalid={Boolean(f.form)} aria-describedby={describedBy(fid('form'), f.form)}>
            {RECEIPT_FORMS.map((code) => (
              <option key={code} value={code}>
                {tc(`receiptForms.${code}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fid('reference')} label={t('reference')} hint={t('referenceHint')} error={f.reference}>
          <Input id={fid('reference')} name="reference" maxLength={100} defaultValue={v?.reference} aria-invalid={Boolean(f.reference)} aria-describedby={describedBy(fid('reference'), f.reference, true)} />
        </Field>
        <Field id={fid('note')} label={t('note')} error={f.note} className="sm:col-span-2 lg:col-span-2">
          <Input id={fid('note')} name="note" maxLength={2000} defaultValue={v?.note} aria-invalid={Boolean(f.note)} aria-describedby={describedBy(fid('note'), f.note)} />
        </Field>
        <Field id={fid('confirmedBy')} label={t('confirmedBy')} hint={t('confirmedByHint')} error={f.confirmedBy}>
          <Input id={fid('confirmedBy')} name="confirmedBy" maxLength={100} defaultValue={v?.confirmedBy} aria-invalid={Boolean(f.confirmedBy)} aria-describedby={describedBy(fid('confirmedBy'), f.confirmedBy, true)} />
        </Field>
        <Field id={fid('confirmedOn')} label={t('confirmedOn')} error={f.confirmedOn}>
          <Input id={fid('confirmedOn')} name="confirmedOn" type="date" defaultValue={v?.confirmedOn} aria-invalid={Boolean(f.confirmedOn)} aria-describedby={describedBy(fid('confirmedOn'), f.confirmedOn)} />
        </Field>
      </div>
      {askConfirm && (
        <div className="rounded-md bg-warn-50 px-3 py-2 ring-1 ring-warn-600/40">
          {overBy > 0 && <p className="mb-1 text-sm text-warn-700">{t('overWarning', { over: formatYuan(overBy), outstanding: formatYuan(outstandingFen) })}</p>}
          <label className="inline-flex min-h-9 items-center gap-2 text-sm font-medium text-slate-900">
            <input type="checkbox" name="confirmOverReceipt" className="size-4 accent-warn-600" aria-invalid={Boolean(f.confirmOverReceipt)} aria-describedby={f.confirmOverReceipt ? fid('confirm-error') : undefined} />
            {t('confirmOver')}
          </label>
          {f.confirmOverReceipt && (
            <p id={fid('confirm-error')} className="text-xs font-medium text-warn-700">
              {f.confirmOverReceipt}
            </p>
          )}
        </div>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
