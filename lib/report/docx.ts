// The year's report as a Word document (A4), readable in Word and WPS: SimSun for Chinese body text, SimHei for headings.
import 'server-only';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { translatorFor } from '../i18n/labels';
import { formatRate, formatYuan } from '../money';
import type { Locale } from '../names';
import { itemsAfter, type AnnualReport } from './annual';
import type { ReportText } from './text';

/** Rows of a category's table; the rest are summed in one line. */
export const TABLE_ROWS = 20;

const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const HEAD = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' };
/** Exact yuan without the currency mark (the captions say the unit): 25,546,500.00 */
export const yuanPlain = (fen: number) => formatYuan(fen).replace('¥', '');

const thin = { style: BorderStyle.SINGLE, size: 4, color: '94A3B8' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, opts: { bold?: boolean; right?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    borders,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: opts.bold, size: 18, font: BODY })] })],
  });
}

function table(header: string[], rows: string[][], numeric: boolean[], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, right: numeric[i], width: widths[i] })) }),
      ...rows.map((r, ri) => new TableRow({ children: r.map((v, i) => cell(v, { right: numeric[i], width: widths[i], bold: ri === rows.length - 1 && r[0] === header[0] })) })),
    ],
  });
}

const caption = (text: string) => new Paragraph({ spacing: { before: 240, after: 120 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true, size: 20, font: HEAD })] });
const body = (text: string, locale: Locale) =>
  new Paragraph({ spacing: { after: 120, line: 360 }, indent: locale === 'zh' ? { firstLine: 480 } : undefined, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text, size: 24, font: BODY })] });
const heading = (text: string, size = 28) => new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text, bold: true, size, font: HEAD })] });

export async function reportDocx(r: AnnualReport, text: ReportText, locale: Locale): Promise<Buffer> {
  const t = translatorFor(locale);
  const tt = (key: string, values?: Record<string, string | number>) => t(`report.${key}` as never, values as never);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: tt('title', { year: r.year }), bold: true, size: 36, font: HEAD })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: tt('subtitle', { date: r.asOf }), size: 20, color: '475569', font: BODY })] }),
    heading(tt('overview')),
    ...text.overview.map((p) => body(p, locale)),
    caption(tt('tables.summaryCaption')),
    table(
      [tt('tables.category'), tt('tables.count'), tt('tables.pledged'), tt('tables.received'), tt('tables.share')],
      [
        ...r.sections.map((s) => [s.label, String(s.measures.count), yuanPlain(s.measures.pledgedFen), yuanPlain(s.measures.receivedFen), formatRate(s.measures.pledgedFen, r.total.pledgedFen)]),
        [tt('tables.total'), String(r.total.count), yuanPlain(r.total.pledgedFen), yuanPlain(r.total.receivedFen), formatRate(r.total.pledgedFen, r.total.pledgedFen)],
      ],
      [false, true, true, true, true],
      [32, 12, 22, 22, 12],
    ),
  ];
  r.sections.forEach((s, i) => {
    const sectionText = text.sections[i]!;
    children.push(heading(sectionText.heading, 26), ...sectionText.paragraphs.map((p) => body(p, locale)));
    const shown = s.items.slice(0, TABLE_ROWS);
    const rest = itemsAfter(s, TABLE_ROWS);
    const rows = shown.map((it) => [it.donor, t(`forms.${it.form}` as never), it.projectName ?? it.note ?? '', it.places, yuanPlain(it.amountFen), it.beneficiaries ? String(it.beneficiaries) : '']);
    if (rest.count) rows.push([tt('tables.moreItems', { count: rest.count }), '', '', '', yuanPlain(rest.amountFen), '']);
    children.push(
      caption(tt('tables.itemsCaption', { number: i + 2, category: s.label })),
      table([tt('tables.donor'), tt('tables.form'), tt('tables.project'), tt('tables.place'), tt('tables.amount'), tt('tables.beneficiaries')], rows, [false, false, false, false, true, true], [24, 9, 30, 13, 16, 8]),
    );
  });
  const doc = new Document({
    creator: '帮扶台账',
    title: tt('title', { year: r.year }),
    styles: { default: { document: { run: { font: BODY, size: 24 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1304, right: 1304 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
