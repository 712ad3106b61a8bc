// The year's report as a workbook: the key figures and the overview, the table by category, and every project.
import 'server-only';
import { addTableSheet, newWorkbook, workbookBuffer, YUAN_FORMAT, yuanCell } from '../export/workbook';
import { translatorFor } from '../i18n/labels';
import { formatRate } from '../money';
import type { Locale } from '../names';
import { itemsAfter, type AnnualReport } from './annual';
import type { ReportText } from './text';

export async function reportXlsx(r: AnnualReport, text: ReportText, locale: Locale): Promise<Buffer> {
  const t = translatorFor(locale);
  const tt = (key: string, values?: Record<string, string | number>) => t(`report.${key}` as never, values as never);
  const wb = newWorkbook();

  const overview = wb.addWorksheet(tt('files.sheetOverview'));
  overview.columns = [{ width: 28 }, { width: 22 }, { width: 10 }];
  overview.getCell('A1').value = tt('title', { year: r.year });
  overview.getCell('A1').font = { bold: true, size: 14 };
  overview.getCell('A2').value = tt('subtitle', { date: r.asOf });
  const figures: [string, number, 'money' | 'count'][] = [
    [tt('headline.projects'), r.headline.pledgeCount, 'count'],
    [tt('headline.total'), r.total.pledgedFen, 'money'],
    [tt('headline.received'), r.total.receivedFen, 'money'],
    [tt('headline.direct'), r.channels.direct.pledgedFen, 'money'],
    [tt('headline.coordinated'), r.channels.coordinated.pledgedFen, 'money'],
    [tt('headline.trained'), r.headline.peopleTrained, 'count'],
    [tt('headline.sold'), r.purchasesFen, 'money'],
  ];
  const head = overview.getRow(4);
  head.values = [tt('files.figure'), tt('files.value')];
  head.font = { bold: true };
  figures.forEach(([label, value, kind], i) => {
    const row = overview.getRow(5 + i);
    row.getCell(1).value = label;
    row.getCell(2).value = kind === 'money' ? yuanCell(value) : value;
    row.getCell(2).numFmt = kind === 'money' ? YUAN_FORMAT : '#,##0';
    row.getCell(3).value = kind === 'money' ? tt('files.unitYuan') : '';
  });
  const textStart = 6 + figures.length;
  [...text.overview, ...text.sections.flatMap((s) => [s.heading, ...s.paragraphs])].forEach((p, i) => {
    const c = overview.getCell(textStart + i, 1);
    c.value = p;
    c.alignment = { wrapText: true, vertical: 'top' };
    overview.mergeCells(textStart + i, 1, textStart + i, 3);
    overview.getRow(textStart + i).height = Math.min(400, 15 * Math.ceil(p.length / 40));
  });

  const subtitle = tt('subtitle', { date: r.asOf });
  addTableSheet(wb, {
    name: tt('files.sheetCategories'),
    title: tt('tables.summaryCaption'),
    subtitle,
    columns: [
      { key: 'category', header: tt('tables.category'), kind: 'text', width: 24 },
      { key: 'count', header: tt('tables.count'), kind: 'count' },
      { key: 'pledged', header: tt('tables.pledged'), kind: 'money' },
      { key: 'received', header: tt('tables.received'), kind: 'money' },
      { key: 'share', header: tt('tables.share'), kind: 'text', width: 10 },
    ],
    rows: r.sections.map((s) => ({ category: s.label, count: s.measures.count, pledged: s.measures.pledgedFen, received: s.measures.receivedFen, share: formatRate(s.measures.pledgedFen, r.total.pledgedFen) })),
    totalLabel: tt('tables.total'),
    fixedTotals: { count: r.total.count },
  });
  addTableSheet(wb, {
    name: tt('files.sheetItems'),
    title: tt('files.sheetItems'),
    subtitle,
    columns: [
      { key: 'category', header: tt('tables.category'), kind: 'text', width: 20 },
      { key: 'donor', header: tt('tables.donor'), kind: 'text', width: 30 },
      { key: 'form', header: tt('tables.form'), kind: 'text', width: 10 },
      { key: 'project', header: tt('tables.project'), kind: 'text', width: 36 },
      { key: 'place', header: tt('tables.place'), kind: 'text', width: 16 },
      { key: 'amount', header: tt('tables.amount'), kind: 'money' },
      { key: 'beneficiaries', header: tt('tables.beneficiaries'), kind: 'count' },
    ],
    rows: r.sections.flatMap((s) => {
      const rest = itemsAfter(s, s.items.length);
      return [
        ...s.items.map((it) => ({ category: s.label, donor: it.donor, form: t(`forms.${it.form}` as never), project: it.projectName ?? it.note, place: it.places, amount: it.amountFen, beneficiaries: it.beneficiaries })),
        // a province's section lists its largest items: the others in one row, so that the sheet still adds up
        ...(rest.count ? [{ category: s.label, donor: tt('tables.moreItems', { count: rest.count }), form: null, project: null, place: null, amount: rest.amountFen, beneficiaries: null }] : []),
      ];
    }),
    totalLabel: tt('tables.total'),
  });
  return workbookBuffer(wb);
}
