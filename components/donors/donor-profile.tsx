import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/db/queries/audit';
import { DONOR_PLEDGE_LIMIT, type DonorProfile } from '@/lib/profiles';
import { displayName } from '@/lib/names';
import { EntityHistory } from '@/components/audit/entity-history';
import { buttonClass } from '@/components/ui/button';
import { Card, CardTitle, PageTitle } from '@/components/ui/card';
import { FigureTiles, MeasuresTable, figureLink, pledgesHref } from './figures';
import { DonorOpenItems } from './donor-open-items';
import { DonorPledges } from './donor-pledges';

async function ContactCard({ donor, canWrite }: { donor: DonorProfile['donor']; canWrite: boolean }) {
  const t = await getTranslations('directory.donorProfile');
  const none = !donor.contactPerson && !donor.phone;
  return (
    <Card aria-labelledby="contact-title">
      <CardTitle id="contact-title">{t('contactTitle')}</CardTitle>
      {none ? (
        <p className="text-sm text-slate-600">
          {t('noContact')}
          {canWrite && (
            <>
              {' '}
              <Link href={`/donors/${donor.id}/edit`} className={figureLink}>
                {t('addContact')}
              </Link>
            </>
          )}
        </p>
      ) : (
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs text-slate-500">{t('contactPerson')}</dt>
            <dd className="mt-0.5 text-base text-slate-900">{donor.contactPerson ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t('phone')}</dt>
            <dd className="mt-0.5">
              {donor.phone ? (
                <a href={`tel:${donor.phone.replace(/[^\d+]/g, '')}`} className="tabular inline-flex min-h-10 items-center gap-2 rounded-md px-0 text-base font-semibold text-brand-700 underline-offset-2 hover:underline">
                  <span aria-hidden="true">☎</span>
                  {donor.phone}
                </a>
              ) : (
                '—'
              )}
            </dd>
          </div>
        </dl>
      )}
      {donor.note && (
        <div className="mt-3 border-t border-slate-100 pt-3 text-sm">
          <p className="text-xs text-slate-500">{t('note')}</p>
          <p className="mt-0.5 whitespace-pre-line text-slate-800">{donor.note}</p>
        </div>
      )}
    </Card>
  );
}

/** The page a coordinator opens before calling a donor: who to call, what it pledged, what is still owed and how late. */
export async function DonorProfileView({ profile, history, canWrite }: { profile: DonorProfile; history: AuditRow[]; canWrite: boolean }) {
  const [t, tc, locale] = await Promise.all([getTranslations('directory.donorProfile'), getTranslations(), getLocale()]);
  const lang = locale === 'en' ? 'en' : 'zh';
  const { donor } = profile;
  const name = displayName(donor, lang);
  const other = lang === 'zh' ? donor.name : donor.nameZh;
  const all = pledgesHref({ donor: donor.id });
  return (
    <div className="flex flex-col gap-5">
      <Link href="/donors" className="no-print -mb-2 self-start text-sm text-brand-700 underline-offset-2 hover:underline">
        ← {t('backToList')}
      </Link>
      <PageTitle
        subtitle={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100">{tc(`donorTypes.${donor.type}`)}</span>
            {other && other !== name && <span>{other}</span>}
          </span>
        }
        actions={
          canWrite && (
            <>
              <Link href={`/donors/${donor.id}/edit`} className={buttonClass('secondary')}>
                {tc('common.edit')}
              </Link>
              <Link href={`/pledges/new?donor=${donor.id}`} className={buttonClass('primary')}>
                {t('recordPledge')}
              </Link>
            </>
          )
        }
      >
        {name}
      </PageTitle>

      <ContactCard donor={donor} canWrite={canWrite} />

      <section aria-labelledby="figures-title" className="flex flex-col gap-3">
        <h2 id="figures-title" className="text-base font-semibold text-slate-900">
          {t('figuresTitle')}
        </h2>
        <FigureTiles figures={profile.total} href={all} testIdPrefix="donor" overdueCount={profile.overdueCount} />
      </section>

      <Card aria-labelledby="open-title">
        <CardTitle id="open-title">{t('openItemsTitle')}</CardTitle>
        <DonorOpenItems donorId={profile.donor.id} overdue={profile.overdue} overdueCount={profile.overdueCount} open={profile.open} openCounts={profile.openCounts} asOf={profile.asOf} />
      </Card>

      <div className="flex flex-col gap-5">
        <Card>
          <CardTitle id="by-year-title">{t('byYearTitle')}</CardTitle>
          {profile.byYear.length ? (
            <MeasuresTable
              caption={t('byYearTitle')}
              labelHeader={tc('common.year')}
              rows={profile.byYear.map((r) => ({ key: Number(r.year), label: String(r.year), href: pledgesHref({ donor: donor.id, year: Number(r.year) }), figures: r }))}
              total={profile.byYear.length > 1 ? profile.total : undefined}
              totalHref={all}
            />
          ) : (
            <p className="text-sm text-slate-600">{t('noPledges')}</p>
          )}
        </Card>
        <Card>
          <CardTitle id="by-category-title">{t('byCategoryTitle')}</CardTitle>
          {profile.byCategory.length ? (
            <MeasuresTable
              caption={t('byCategoryTitle')}
              labelHeader={t('category')}
              rows={profile.byCategory.map((r) => ({ key: String(r.category), label: r.label, href: pledgesHref({ donor: donor.id, category: String(r.category) }), figures: r }))}
            />
          ) : (
            <p className="text-sm text-slate-600">{t('noPledges')}</p>
          )}
        </Card>
      </div>

      <Card>
        <CardTitle
          id="pledges-title"
          action={
            <Link href={`${all}&includeVoided=1`} className={`${figureLink} text-sm`}>
              {t('allPledges', { count: profile.pledgeCount })}
            </Link>
          }
        >
          {t('pledgesTitle')}
        </CardTitle>
        {profile.pledges.length ? <DonorPledges pledges={profile.pledges} /> : <p className="text-sm text-slate-600">{t('noPledges')}</p>}
        {profile.pledgeCount > DONOR_PLEDGE_LIMIT && <p className="mt-2 text-xs text-slate-500">{t('pledgesCapped', { shown: DONOR_PLEDGE_LIMIT, count: profile.pledgeCount })}</p>}
      </Card>

      <EntityHistory rows={history} />
    </div>
  );
}
