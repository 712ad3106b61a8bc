// The report's prose, in the reader's language, written from the figures of buildAnnualReport(). Chinese text gives
// amounts in 万元 with two decimals (formatWan); English text gives exact yuan. No figure is typed here: all come in.
import 'server-only';
import { translatorFor } from '../i18n/labels';
import { formatRate, formatWan, formatYuan } from '../money';
import type { Locale } from '../names';
import { REPORT_FORMS, type AnnualReport, type ReportDonor, type ReportSection } from './annual';

export type ReportText = { overview: string[]; sections: { category: string; heading: string; paragraphs: string[] }[] };

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

export function reportText(r: AnnualReport, locale: Locale): ReportText {
  const t = translatorFor(locale);
  const money = (fen: number) => (locale === 'zh' ? formatWan(fen) : formatYuan(fen));
  const tx = (key: string, values?: Record<string, string | number>) => t(`report.text.${key}` as never, values as never);
  const numerals = tx('numerals').split(',');

  const overview: string[] = [];
  const first = [
    tx('intro', { year: r.year, count: r.headline.pledgeCount, total: money(r.total.pledgedFen), received: money(r.total.receivedFen), rate: formatRate(r.total.receivedFen, r.total.pledgedFen) }),
    tx('channels', {
      direct: money(r.channels.direct.pledgedFen),
      directCount: r.channels.direct.count,
      coordinated: money(r.channels.coordinated.pledgedFen),
      coordinatedCount: r.channels.coordinated.count,
    }),
  ];
  if (r.headline.peopleTrained > 0) first.push(tx('trained', { people: r.headline.peopleTrained }));
  if (r.purchasesFen > 0) first.push(tx('sold', { amount: money(r.purchasesFen) }));
  overview.push(first.join(locale === 'zh' ? '' : ' '));
  const second = [tx('donors', { donors: r.headline.donorCount })];
  if (r.headline.villagesReached > 0) second.push(tx('villages', { villages: r.headline.villagesReached }));
  overview.push(second.join(locale === 'zh' ? '' : ' '));

  const donorItem = (d: ReportDonor) => {
    const actions = REPORT_FORMS.filter((f) => d.byForm[f] !== undefined && (d.byForm[f]! > 0 || f === 'training'))
      .map((f) => tx(`actions.${f}`, { amount: money(d.byForm[f]!) }))
      .join(tx('listSep'));
    // A project name in the other language reads badly inside a sentence; the table beneath lists it.
    const names = d.projects.filter((p) => hasCjk(p) === (locale === 'zh')).slice(0, 2);
    const people = [d.people.beneficiaries > 0 ? tx('donorPeople', { count: d.people.beneficiaries }) : '', d.people.peopleTrained > 0 ? tx('donorTrained', { count: d.people.peopleTrained }) : ''].join('');
    return tx('donorItem', { donor: d.donor, actions, projects: names.length ? tx('projects', { names: names.join(tx('listSep')) }) : '', people });
  };

  const sectionText = (s: ReportSection, i: number) => {
    const paragraphs: string[] = [];
    const intro =
      s.measures.pledgedFen > 0
        ? tx('sectionIntro', { category: s.label, count: s.measures.count, total: money(s.measures.pledgedFen), share: formatRate(s.measures.pledgedFen, r.total.pledgedFen) })
        : tx('sectionTrainingOnly', { category: s.label, count: s.measures.count });
    const sentences = [intro];
    const parts = REPORT_FORMS.filter((f) => (s.byForm[f] ?? 0) > 0).map((f) => tx(`forms.${f}`, { amount: money(s.byForm[f]!) }));
    if (parts.length > 1) sentences.push(tx('sectionForms', { parts: parts.join(tx('partSep')) }));
    const people = (['beneficiaries', 'jobs', 'peopleTrained'] as const).filter((k) => s.people[k] > 0).map((k) => tx(`people.${k}`, { count: s.people[k] }));
    if (people.length) sentences.push(tx('sectionPeople', { count: s.measures.count, parts: people.join(tx('partSep')) }));
    paragraphs.push(sentences.join(locale === 'zh' ? '' : ' '));
    const donorSentences = [tx('sectionDonors', { items: s.donors.map(donorItem).join(tx('itemSep')) })];
    if (s.otherDonors.count) donorSentences.push(tx('others', { count: s.otherDonors.count, amount: money(s.otherDonors.amountFen) }));
    paragraphs.push(donorSentences.join(locale === 'zh' ? '' : ' '));
    return { category: s.category, heading: tx('sectionHeading', { number: numerals[i] ?? String(i + 1), category: s.label }), paragraphs };
  };

  return { overview, sections: r.sections.map(sectionText) };
}
