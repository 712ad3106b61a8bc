// The year's report, as figures: headline, and per category its donors and items. Every number comes from the ledger
// through summarize()/headlineRaw()/listPledges(), the functions the overview and the lists use.
import 'server-only';
import { allCategories } from '@/db/queries/lookups';
import { listPledges, type PledgeDetail, type Reader } from '@/db/queries/pledges';
import { headlineRaw } from '@/db/queries/summary';
import type { CategoryCode, PledgeForm } from '../codes';
import { ledgerYears } from '../dashboard';
import { codeLabels } from '../i18n/labels';
import { displayName, type Locale } from '../names';
import { summarize, type Measures } from '../summary';
import { todayInChina } from '../time';

export type People = { beneficiaries: number; jobs: number; peopleTrained: number };
export type ReportItem = { pledgeId: number; donorId: number; donor: string; form: PledgeForm; projectName: string | null; note: string | null; places: string; amountFen: number; beneficiaries: number | null; jobs: number | null; peopleTrained: number | null };
export type ReportDonor = { donorId: number; donor: string; amountFen: number; byForm: Partial<Record<PledgeForm, number>>; projects: string[]; people: People };
export type ReportSection = {
  category: CategoryCode;
  label: string;
  measures: Measures;
  byForm: Partial<Record<PledgeForm, number>>;
  people: People;
  /** the largest donors (NAMED_DONORS at most), with what each gave */
  donors: ReportDonor[];
  /** every other donor of the section, counted and summed */
  otherDonors: { count: number; amountFen: number };
  /** the largest items (REPORT_ITEMS at most), largest first */
  items: ReportItem[];
  /** how many items the section has in all (its pledges) */
  itemCount: number;
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

/** How many donors a section names, with what each gave; the rest are counted and summed in one sentence. */
export const NAMED_DONORS = 5;

/**
 * How many of a section's items (its largest) the report carries: a county's year is a few dozen, a province's a few
 * hundred thousand, which no report lists (the pledge list and its export hold every one).
 */
export const REPORT_ITEMS = 200;

/** How many of a named donor's largest items its project names are taken from. */
const PROJECT_SOURCES = 50;

/** The items of a section after the first `shown`: how many, and their sum (the section's total less the shown ones). */
export function itemsAfter(s: ReportSection, shown: number): { count: number; amountFen: number } {
  const listed = s.items.slice(0, shown);
  return { count: s.itemCount - listed.length, amountFen: s.measures.pledgedFen - listed.reduce((sum, it) => sum + it.amountFen, 0) };
}

/** The order forms are spoken of: funds, materials, purchases, training. */
export const REPORT_FORMS: PledgeForm[] = ['cash', 'in_kind', 'purchase', 'training'];

/**
 * The report for `year`; `year` must be a year of the ledger or the report says there is nothing. `items`: how many of
 * each section's items to carry (REPORT_ITEMS unless a test asks for fewer).
 */
export function buildAnnualReport(reader: Reader, year: number, locale: Locale, opts: { items?: number } = {}): AnnualReport {
  const itemLimit = opts.items ?? REPORT_ITEMS;
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
      const toItem = (p: PledgeDetail): ReportItem => {
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
      };
      const byAmount = (a: ReportItem, b: ReportItem) => b.amountFen - a.amountFen || a.pledgeId - b.pledgeId;
      // the largest pledges (by their whole amount: a split pledge's share here can only be smaller), largest share first
      const listed = listPledges(reader, { year, category }, { sort: 'amount', dir: 'desc', page: 1, pageSize: itemLimit });
      const items = listed.rows.map(toItem).sort(byAmount);
      // the largest donors from the roll-ups, with what each gave in each form, the people reached, its largest projects
      const topDonors = summarize(reader, ['donor'], { year, category }, locale, labels, { offset: 0, limit: NAMED_DONORS });
      const donors = topDonors.rows.map((r): ReportDonor => {
        const donorId = Number(r.donor);
        const mine = { year, category, donorId };
        const forms = summarize(reader, ['form'], mine, locale, labels).rows;
        const people = headlineRaw(reader, mine, today);
        const largest = listPledges(reader, mine, { sort: 'amount', dir: 'desc', page: 1, pageSize: PROJECT_SOURCES }).rows.map(toItem).sort(byAmount);
        return {
          donorId,
          donor: r.label,
          amountFen: r.pledgedFen,
          byForm: Object.fromEntries(forms.map((f) => [f.form, f.pledgedFen])),
          projects: [...new Set(largest.flatMap((it) => (it.projectName ? [it.projectName] : [])))],
          people: { beneficiaries: people.beneficiaries, jobs: people.jobs, peopleTrained: people.peopleTrained },
        };
      });
      const named = donors.reduce((sum, d) => sum + d.amountFen, 0);
      return {
        category,
        label: categoryNames.get(category) ?? row.label,
        measures: { pledgedFen: row.pledgedFen, receivedFen: row.receivedFen, outstandingFen: row.outstandingFen, count: row.count },
        byForm: Object.fromEntries(forms.rows.map((f) => [f.form, f.pledgedFen])),
        people: { beneficiaries: people.beneficiaries, jobs: people.jobs, peopleTrained: people.peopleTrained },
        donors: donors.sort((a, b) => b.amountFen - a.amountFen || a.donor.localeCompare(b.donor)),
        otherDonors: { count: topDonors.rowCount - donors.length, amountFen: topDonors.total.pledgedFen - named },
        items,
        itemCount: listed.total,
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
