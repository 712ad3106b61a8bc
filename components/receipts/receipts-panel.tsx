import { getTranslations } from 'next-intl/server';
import type { PledgeDetail } from '@/db/queries/pledges';
import type { ReceiptView } from '@/db/queries/receipts';
import type { PledgeForm, ReceiptForm as ReceiptFormCode } from '@/lib/codes';
import { todayInChina } from '@/lib/time';
import { Card, CardTitle } from '@/components/ui/card';
import { ReceiptForm } from './receipt-form';
import { ReceiptList } from './receipt-list';

const DEFAULT_RECEIPT_FORM: Record<PledgeForm, ReceiptFormCode> = { cash: 'transfer', in_kind: 'materials', purchase: 'purchase_settled', training: 'transfer' };

/** What actually arrived against the pledge, and (for write roles on a live pledge) the quick way to record more. */
export async function ReceiptsPanel({ pledge, receipts, canWrite }: { pledge: PledgeDetail; receipts: ReceiptView[]; canWrite: boolean }) {
  const t = await getTranslations('receipts');
  const inKind = pledge.form === 'in_kind';
  const liveCount = receipts.filter((r) => !r.voidedAt).length;
  return (
    <Card aria-labelledby="receipts-title" className="flex flex-col gap-4">
      <div>
        <CardTitle id="receipts-title" action={<span className="text-sm text-slate-600">{t('countLine', { count: liveCount })}</span>}>
          {t('title')}
        </CardTitle>
        {inKind && <p className="-mt-1 text-sm text-slate-600">{t('inKindNote')}</p>}
      </div>
      {receipts.length === 0 ? (
        <p className="rounded-md bg-slate-50 px-3 py-4 text-center text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ReceiptList receipts={receipts} receivedFen={pledge.receivedFen} inKind={inKind} canWrite={canWrite} />
      )}
      {canWrite && (
        <ReceiptForm
          pledgeId={pledge.id}
          outstandingFen={Math.max(0, pledge.amountFen - pledge.receivedFen)}
          defaultForm={DEFAULT_RECEIPT_FORM[pledge.form]}
          today={todayInChina()}
          inKind={inKind}
        />
      )}
    </Card>
  );
}
