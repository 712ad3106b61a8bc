import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/db/queries/audit';
import type { PledgeDetail } from '@/db/queries/pledges';
import type { ReceiptView } from '@/db/queries/receipts';
import { formatYuan } from '@/lib/money';
import { displayName } from '@/lib/names';
import { voidPledgeAction } from '@/app/pledges/[id]/actions';
import { EntityHistory } from '@/components/audit/entity-history';
import { buttonClass } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/card';
import { ReceiptsPanel } from '@/components/receipts/receipts-panel';
import { PledgeDetailAllocations } from './pledge-detail-allocations';
import { PledgeDetailFields, formatDateTime } from './pledge-detail-fields';
import { PledgeDetailFigures } from './pledge-detail-figures';
import { PledgeDetailInstalments } from './pledge-detail-instalments';
import { StatusBadge } from './status-badge';
import { VoidDialog } from './void-dialog';

const truncate = (text: string, max: number) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join('')}…` : text);

/** One pledge: figures, allocations, receipts, schedule, fields and history; write controls only where allowed. */
export async function PledgeDetailView({ pledge, receipts, history, canWrite }: { pledge: PledgeDetail; receipts: ReceiptView[]; history: AuditRow[]; canWrite: boolean }) {
  const [t, tc, locale] = await Promise.all([getTranslations('pledges'), getTranslations(), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const donor = displayName({ name: pledge.donorName, nameZh: pledge.donorNameZh }, lang);
  const voided = pledge.voidedAt !== null;
  const writable = canWrite && !voided;
  // Pledges without a project name (most of the 2020 report) are best described by their note.
  const title = pledge.projectName ?? (pledge.note ? truncate(pledge.note, 60) : donor);
  const voidEntry = voided ? history.find((h) => h.action === 'void' && h.entityType === 'pledge') : undefined;

  return (
    <div className="flex flex-col gap-5">
      <Link href="/pledges" className="no-print -mb-2 self-start text-sm text-brand-700 underline-offset-2 hover:underline">
        ← {t('detail.backToList')}
      </Link>
      <PageTitle
        subtitle={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span data-testid="pledge-status">
              <StatusBadge status={pledge.status} />
            </span>
            <span>{t('detail.subtitle', { id: pledge.id, donor, date: pledge.pledgedOn })}</span>
          </span>
        }
        actions={
          writable && (
            <>
              <Link href={`/pledges/${pledge.id}/edit`} className={buttonClass('secondary')}>
                {tc('common.edit')}
              </Link>
              <VoidDialog
                action={voidPledgeAction}
                hidden={{ pledgeId: pledge.id, version: pledge.version }}
                texts={{
                  trigger: t('void.trigger'),
                  title: t('void.title'),
                  description: t('void.description', { donor, amount: formatYuan(pledge.amountFen) }),
                  reason: t('void.reason'),
                  reasonHint: t('void.reasonHint'),
                  confirm: t('void.confirm'),
                  confirming: t('void.confirming'),
                  cancel: tc('common.cancel'),
                }}
              />
            </>
          )
        }
      >
        <span className={voided ? 'text-slate-500 line-through' : undefined}>{title}</span>
      </PageTitle>

      {voided && (
        <div role="note" aria-label={t('detail.voidedTitle')} className="rounded-lg border-l-4 border-warn-600 bg-warn-50 px-4 py-3 text-sm text-warn-700">
          <p className="text-base font-semibold">{t('detail.voidedTitle')}</p>
          <p className="mt-1 text-slate-800">{t('detail.voidedReason', { reason: pledge.voidReason ?? '' })}</p>
          <p className="mt-1 text-slate-700">
            {t('detail.voidedBy', { name: voidEntry?.userName ?? tc('audit.system'), at: formatDateTime(pledge.voidedAt!, lang) })}
          </p>
        </div>
      )}

      <div className={voided ? '[&_dd]:text-slate-600 [&_dd]:line-through' : undefined}>
        <PledgeDetailFigures pledge={pledge} />
      </div>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-5 lg:col-span-2">
          <PledgeDetailAllocations pledge={pledge} />
          <PledgeDetailInstalments pledge={pledge} />
          <ReceiptsPanel pledge={pledge} receipts={receipts} canWrite={writable} />
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <PledgeDetailFields pledge={pledge} />
          <EntityHistory rows={history} />
        </div>
      </div>
    </div>
  );
}
