import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PledgeDetail } from '@/db/queries/pledges';
import { displayName } from '@/lib/names';
import { Card, CardTitle } from '@/components/ui/card';

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** Every recorded field of the pledge, with who recorded it and when. */
export async function PledgeDetailFields({ pledge }: { pledge: PledgeDetail }) {
  const [t, tc, locale] = await Promise.all([getTranslations('pledges.detail'), getTranslations(), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const dash = <span className="text-slate-500">—</span>;
  const count = (n: number | null) => (n === null ? dash : <span className="tabular">{n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</span>);
  const rows: [string, ReactNode][] = [
    [t('donor'), t('donorWithType', { name: displayName({ name: pledge.donorName, nameZh: pledge.donorNameZh }, lang), type: tc(`donorTypes.${pledge.donorType}`) })],
    [t('form'), tc(`forms.${pledge.form}`)],
    [t('channel'), tc(`channels.${pledge.channel}`)],
    [t('pledgedOn'), <span key="p" className="tabular">{pledge.pledgedOn}</span>],
    [t('dueOn'), pledge.dueOn ? <span key="d" className="tabular">{pledge.dueOn}</span> : dash],
    [t('projectName'), pledge.projectName ?? dash],
    [t('note'), pledge.note ? <span key="n" className="whitespace-pre-line">{pledge.note}</span> : dash],
    [t('beneficiaries'), count(pledge.beneficiaries)],
    [t('jobs'), count(pledge.jobs)],
    [t('peopleTrained'), count(pledge.peopleTrained)],
    [t('createdBy'), t('byAt', { name: pledge.createdByName ?? tc('audit.system'), at: formatDateTime(pledge.createdAt, lang) })],
    [t('updatedAt'), formatDateTime(pledge.updatedAt, lang)],
    [t('version'), <span key="v" className="tabular">{pledge.version}</span>],
  ];
  return (
    <Card aria-labelledby="fields-title">
      <CardTitle id="fields-title">{t('fieldsTitle')}</CardTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
