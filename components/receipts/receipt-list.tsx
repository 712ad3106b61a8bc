import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { ReceiptView } from '@/db/queries/receipts';
import { formatYuan } from '@/lib/money';
import { cn } from '@/lib/cn';
import { voidReceiptAction } from '@/app/pledges/[id]/actions';
import { Money } from '@/components/ui/money';
import { Table, TableBox, Td, Th } from '@/components/ui/table';
import { VoidDialog } from '@/components/pledges/void-dialog';

type Props = { receipts: ReceiptView[]; receivedFen: number; inKind: boolean; canWrite: boolean };

/** Every receipt of the pledge, voided ones struck through with their reason: a table on wider screens, cards on phones. */
export async function ReceiptList({ receipts, receivedFen, inKind, canWrite }: Props) {
  const [t, tc] = await Promise.all([getTranslations('receipts'), getTranslations()]);
  const strike = (r: ReceiptView) => (r.voidedAt ? 'line-through text-slate-500' : undefined);
  const voidButton = (r: ReceiptView): ReactNode =>
    canWrite && !r.voidedAt ? (
      <VoidDialog
        compact
        action={voidReceiptAction}
        hidden={{ receiptId: r.id }}
        texts={{
          trigger: t('void.trigger'),
          triggerLabel: t('void.triggerLabel', { date: r.receivedOn, amount: formatYuan(r.amountFen) }),
          title: t('void.title'),
          description: t('void.description', { date: r.receivedOn, amount: formatYuan(r.amountFen) }),
          reason: t('void.reason'),
          reasonHint: t('void.reasonHint'),
          confirm: t('void.confirm'),
          confirming: t('void.confirming'),
          cancel: tc('common.cancel'),
        }}
      />
    ) : null;
  const confirmation = (r: ReceiptView) =>
    r.confirmedBy || r.confirmedOn ? (
      <>
        {r.confirmedBy && <span className="block">{r.confirmedBy}</span>}
        {r.confirmedOn && <span className="tabular block text-slate-500">{r.confirmedOn}</span>}
      </>
    ) : (
      <span className="text-slate-500">{t('notConfirmed')}</span>
    );
  const overFlag = (
    <span className="rounded-full bg-warn-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-warn-700 ring-1 ring-warn-600/40 ring-inset">{t('overReceiptFlag')}</span>
  );
  const voidedNote = (r: ReceiptView) => r.voidedAt && <p className="mt-1 text-xs text-warn-700">{t('voidedReason', { reason: r.voidReason ?? '' })}</p>;
  const rowTitle = (r: ReceiptView) => (r.voidedAt ? t('voidedReason', { reason: r.voidReason ?? '' }) : undefined);

  return (
    <>
      <TableBox label={t('listLabel')} className="hidden sm:block">
        <Table>
          <thead>
            <tr>
              <Th scope="col">{t('receivedOn')}</Th>
              <Th scope="col">{t('formColumn')}</Th>
              <Th scope="col" numeric>
                {inKind ? t('verifiedAmount') : t('amount')}
              </Th>
              <Th scope="col">{t('reference')}</Th>
              <Th scope="col">{t('confirmation')}</Th>
              <Th scope="col">{t('recordedBy')}</Th>
              {canWrite && (
                <Th scope="col">
                  <span className="sr-only">{t('actions')}</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody>
            {receipts.map((r) => (
              <tr key={r.id} data-voided={r.voidedAt ? true : undefined} title={rowTitle(r)} className={cn(r.voidedAt && 'bg-slate-50')}>
                <Td className={cn('tabular whitespace-nowrap', strike(r))}>{r.receivedOn}</Td>
                <Td className={cn('whitespace-nowrap', strike(r))}>{tc(`receiptForms.${r.form}`)}</Td>
                <Td numeric>
                  <span className={strike(r)}>
                    <Money fen={r.amountFen} exact />
                  </span>
                  {r.overReceipt && <span className="mt-1 block">{overFlag}</span>}
                </Td>
                <Td className="min-w-48">
                  <div className={strike(r)}>
                    {r.reference ?? <span className="text-slate-500">—</span>}
                    {r.note && <p className="mt-0.5 max-w-xs text-xs text-slate-500">{r.note}</p>}
                  </div>
                  {voidedNote(r)}
                </Td>
                <Td className={cn('text-xs whitespace-nowrap', strike(r))}>{confirmation(r)}</Td>
                <Td className={cn('text-xs whitespace-nowrap text-slate-600', strike(r))}>{r.createdByName ?? tc('audit.system')}</Td>
                {canWrite && <Td className="text-right whitespace-nowrap">{voidButton(r)}</Td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <Th scope="row" colSpan={2} className="bg-slate-50">
                {t('liveTotal')}
              </Th>
              <Td numeric className="bg-slate-50" data-testid="receipts-total">
                <Money fen={receivedFen} exact />
              </Td>
              <Td colSpan={canWrite ? 4 : 3} className="bg-slate-50" />
            </tr>
          </tfoot>
        </Table>
      </TableBox>

      <ul className="flex flex-col gap-2 sm:hidden" aria-label={t('listLabel')}>
        {receipts.map((r) => (
          <li key={r.id} data-voided={r.voidedAt ? true : undefined} className={cn('rounded-md p-3 text-sm ring-1 ring-slate-200', r.voidedAt && 'bg-slate-50')}>
            <div className={cn('flex items-baseline justify-between gap-2', strike(r))}>
              <span className="tabular">
                {r.receivedOn} · {tc(`receiptForms.${r.form}`)}
              </span>
              <span className="font-semibold">
                <Money fen={r.amountFen} exact />
              </span>
            </div>
            {r.overReceipt && <p className="mt-1">{overFlag}</p>}
            <dl className={cn('mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs', strike(r))}>
              <dt className="text-slate-500">{t('reference')}</dt>
              <dd className="min-w-0 break-words">
                {r.reference ?? '—'}
                {r.note && <span className="block text-slate-500">{r.note}</span>}
              </dd>
              <dt className="text-slate-500">{t('confirmation')}</dt>
              <dd>{confirmation(r)}</dd>
              <dt className="text-slate-500">{t('recordedBy')}</dt>
              <dd>{r.createdByName ?? tc('audit.system')}</dd>
            </dl>
            {voidedNote(r)}
            {canWrite && !r.voidedAt && <div className="mt-1 flex justify-end">{voidButton(r)}</div>}
          </li>
        ))}
        <li className="flex items-baseline justify-between rounded-md bg-slate-50 p-3 text-sm font-semibold">
          <span>{t('liveTotal')}</span>
          <Money fen={receivedFen} exact />
        </li>
      </ul>
    </>
  );
}
