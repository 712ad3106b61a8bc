// The year's report, as figures: headline, and per category its donors and items. Every number comes from the ledger
// through summarize()/headlineRaw()/listPledges(), the functions the overview and the lists use.
import 'server-only';
import { allCategories } from '@/db/queries/lookups';
import type { Reader } from '@/db/queries/pledges';
import { headlineRaw } from '@/db/queries/summary';
import type { CategoryCode, PledgeForm } from '../codes';
import { ledgerYears } from '../dashboard';
import { allMatchingPledges } from '../export/pledges';
import { codeLabels } from '../i18n/labels';
import { displayName, type Locale } from '../names';
import { summarize, type Measures } from '../summary';
import { todayInChina } from '../time';
import { pledgeListQuerySchema } from '../validation/filters';

export type People = { beneficiaries: number; jobs: number; peopleTrained: number };
export type ReportItem = { pledgeId: number; donorId: number; donor: string; form: PledgeForm; projectName: string | null; note: string | null; places: string; amountFen: number; beneficiaries: number | null; jobs: number | null; peopleTrained: number | null };
export type ReportDonor = { donorId: number; donor: string; amountFen: number; byForm: Partial<Record<PledgeForm, number>>; projects: string[]; people: People };
export type ReportSection = {
  category: CategoryCode;
  label: string;
  measures: Measures;
  byForm: Partial<Record<PledgeForm, number>>;
  people: People;
  donors: ReportDonor[];
  items: ReportItem[];
};
export type AnnualReport = {
  year: number;
  years: number[];
  asOf: string;
  total: Measures;
  headline: People & { pledgeCount: number; donorCount: number; villagesReached: number };
  channels: { direct: Measures; coordinated: Measures };
  purchasesFen: number;
  sections: ReportSection[];
};

/** The order forms are spoken of: funds, materials, purchases, training. */
export const REPORT_FORMS: PledgeForm[] = ['cash', 'in_kind', 'purchase', 'training'];

/** The report for `year`; `year` must be a year of the ledger or the report says there is nothing. */
export function buildAnnualReport(reader: Reader, year: number, locale: Locale): AnnualReport {
  const labels = codeLabels(locale);
  const today = todayInChina();
  const filters = { year };
  const byCategory = summarize(reader, ['category'], filters, locale, labels);
  const byForm = summarize(reader, ['form'], filters, locale, labels);
  const head = headlineRaw(reader, filters, today);
  const channelTotal = (channel: 'direct' | 'coordinated') => summarize(reader, ['category'], { year, channel }, locale, labels).total;
  const categoryNames = new Map(allCategories(reader).map((c) => [c.code, locale === 'zh' ? c.nameZh : c.nameEn]));

  const sections = byCategory.rows
    .filter((r) => r.pledgedFen > 0 || r.count > 0)
    .map((row): ReportSection => {
      const category = row.category as CategoryCode;
      const forms = summarize(reader, ['form'], { year, category }, locale, labels);
      const people = headlineRaw(reader, { year, category }, today);
      const pledges = allMatchingPledges(reader, pledgeListQuerySchema.parse({ year: String(year), category, sort: 'amount', dir: 'desc' })).rows;
      const items = pledges
        .map((p): ReportItem => {
          const own = p.allocations.filter((a) => a.category === category);
          return {
            pledgeId: p.id,
            donorId: p.donorId,
            donor: displayName({ name: p.donorName, nameZh: p.donorNameZh }, locale),
            form: p.form,
            projectName: p.projectName,
            note: p.note,
            places: [...new Set(own.map((a) => displayName({ name: a.placeName, nameZh: a.placeNameZh }, locale)))].join(locale === 'zh' ? '、' : ', '),
            amountFen: own.reduce((s, a) => s + a.amountFen, 0),
            beneficiaries: p.beneficiaries,
            peopleTrained: p.peopleTrained,
            jobs: p.jobs,
          };
        })
        .sort((a, b) => b.amountFen - a.amountFen || a.pledgeId - b.pledgeId);
      const donors = new Map<number, ReportDonor>();
      for (const it of items) {
        const d = donors.get(it.donorId) ?? { donorId: it.donorId, donor: it.donor, amountFen: 0, byForm: {}, projects: [], people: { beneficiaries: 0, jobs: 0, peopleTrained: 0 } };
        d.amountFen += it.amountFen;
        d.byForm[it.form] = (d.byForm[it.form] ?? 0) + it.amountFen;
        if (it.projectName && !d.projects.includes(it.projectName)) d.projects.push(it.projectName);
        d.people.beneficiaries += it.beneficiaries ?? 0;
        d.people.jobs += it.jobs ?? 0;
        d.people.peopleTrained += it.peopleTrained ?? 0;
        donors.set(it.donorId, d);
      }
      return {
        category,
        label: categoryNames.get(category) ?? row.label,
        measures: { pledgedFen: row.pledgedFen, receivedFen: row.receivedFen, outstandingFen: row.outstandingFen, count: row.count },
        byForm: Object.fromEntries(forms.rows.map((f) => [f.form, f.pledgedFen])),
        people: { beneficiaries: people.beneficiaries, jobs: people.jobs, peopleTrained: people.peopleTrained },
        donors: [...donors.values()].sort((a, b) => b.amountFen - a.amountFen || a.donor.localeCompare(b.donor)),
        items,
      };
    });

  return {
    year,
    years: ledgerYears(reader),
    asOf: today,
    total: byCategory.total,
    headline: { pledgeCount: head.pledgeCount, donorCount: head.donorCount, villagesReached: head.villagesReached, beneficiaries: head.beneficiaries, jobs: head.jobs, peopleTrained: head.peopleTrained },
    channels: { direct: channelTotal('direct'), coordinated: channelTotal('coordinated') },
    purchasesFen: byForm.rows.find((r) => r.form === 'purchase')?.pledgedFen ?? 0,
    sections,
  };
}
