import { getTranslations } from 'next-intl/server';
import type { PledgeDetail } from '@/db/queries/pledges';
import { formatRate } from '@/lib/money';
import { Money } from '@/components/ui/money';

/** Pledged vs received vs outstanding, exact to the fen. For materials: declared value vs value verified on delivery. */
export async function PledgeDetailFigures({ pledge }: { pledge: PledgeDetail }) {
  const t = await getTranslations('pledges.detail');
  const inKind = pledge.form === 'in_kind';
  const over = pledge.receivedFen - pledge.amountFen;
  const tiles = [
    { label: inKind ? t('declaredValue') : t('pledgedAmount'), fen: pledge.amountFen, testId: 'pledge-amount' },
    { label: inKind ? t('verifiedValue') : t('receivedAmount'), fen: pledge.receivedFen, testId: 'pledge-received' },
    over > 0
      ? { label: t('overReceived'), fen: over, testId: 'pledge-over', warn: true }
      : { label: t('outstanding'), fen: -over, testId: 'pledge-outstanding' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {tiles.map((tile) => (
        <div key={tile.testId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <dt className="text-xs text-slate-600">{tile.label}</dt>
          <dd data-testid={tile.testId} className={`tabular mt-1 text-base font-semibold sm:text-lg ${'warn' in tile ? 'text-warn-700' : 'text-slate-900'}`}>
            <Money fen={tile.fen} exact />
          </dd>
        </div>
      ))}
      <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <dt className="text-xs text-slate-600">{t('rate')}</dt>
        <dd data-testid="pledge-rate" className="tabular mt-1 text-base font-semibold text-slate-900 sm:text-lg">
          {formatRate(pledge.receivedFen, pledge.amountFen)}
        </dd>
        <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
          <div className="h-full bg-ok-600" style={{ width: `${pledge.amountFen > 0 ? Math.min(100, Math.floor((pledge.receivedFen * 100) / pledge.amountFen)) : 0}%` }} />
        </div>
      </div>
    </dl>
  );
}
