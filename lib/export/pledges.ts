// The pledge list as a sheet: every pledge the list's filters match (not just one page), from the list's own query.
import 'server-only';
import { listPledges, type PledgeDetail, type Reader } from '@/db/queries/pledges';
import { allCategories } from '@/db/queries/lookups';
import { translatorFor } from '../i18n/labels';
import { displayName, type Locale } from '../names';
import { pledgeFilters } from '../pledge-query';
import type { PledgeListQuery } from '../validation/filters';
import { toCsv } from './csv';
import { describeFilters } from './filters-text';
import { addTableSheet, newWorkbook, workbookBuffer, type SheetSpec, type TableColumn, type TableRow } from './workbook';

const PAGE = 500;

/** Every matching pledge, page by page through listPledges (the list screen's query), in the list's order. */
export function allMatchingPledges(reader: Reader, q: PledgeListQuery): { rows: PledgeDetail[]; amountFen: number; receivedFen: number } {
  const filters = pledgeFilters(q);
  const rows: PledgeDetail[] = [];
  let totals = { amountFen: 0, receivedFen: 0 };
  for (let page = 1; ; page++) {
    const p = listPledges(reader, filters, { sort: q.sort, dir: q.dir, page, pageSize: PAGE });
    rows.push(...p.rows);
    totals = { amountFen: p.amountFen, receivedFen: p.receivedFen };
    if (p.rows.length < PAGE) break;
  }
  return { rows, ...totals };
}

export function pledgeSheet(reader: Reader, q: PledgeListQuery, locale: Locale): SheetSpec & { amountFen: number; receivedFen: number } {
  const t = translatorFor(locale);
  const col = (key: string, kind: TableColumn['kind'], width?: number): TableColumn => ({ key, kind, width, header: t(`importExport.export.columns.${key}` as never) });
  const withVoided = q.includeVoided !== undefined || q.status === 'voided';
  const columns: TableColumn[] = [
    col('id', 'id', 8),
    col('pledgedOn', 'date', 12),
    col('donor', 'text', 30),
    col('donorType', 'text', 12),
    col('form', 'text', 10),
    col('channel', 'text', 10),
    col('category', 'text', 18),
    col('place', 'text', 20),
    col('projectName', 'text', 28),
    col('amount', 'money'),
    col('received', 'money'),
    col('outstanding', 'money'),
    col('status', 'text', 10),
    col('dueOn', 'date', 12),
    col('beneficiaries', 'count'),
    col('jobs', 'count'),
    col('peopleTrained', 'count'),
    col('note', 'text', 40),
    ...(withVoided ? [col('voidReason', 'text', 24)] : []),
  ];
  const cats = new Map(allCategories(reader).map((c) => [c.code, locale === 'zh' ? c.nameZh : c.nameEn]));
  const sep = t('importExport.export.separator');
  const data = allMatchingPledges(reader, q);
  const rows: TableRow[] = data.rows.map((p) => ({
    id: p.id,
    pledgedOn: p.pledgedOn,
    donor: displayName({ name: p.donorName, nameZh: p.donorNameZh }, locale),
    donorType: t(`donorTypes.${p.donorType}` as never),
    form: t(`forms.${p.form}` as never),
    channel: t(`channels.${p.channel}` as never),
    category: [...new Set(p.allocations.map((a) => cats.get(a.category) ?? a.category))].join(sep),
    place: [...new Set(p.allocations.map((a) => displayName({ name: a.placeName, nameZh: a.placeNameZh }, locale)))].join(sep),
    projectName: p.projectName,
    amount: p.amountFen,
    received: p.receivedFen,
    outstanding: p.amountFen - p.receivedFen,
    status: t(`statuses.${p.status}` as never),
    dueOn: p.dueOn,
    beneficiaries: p.beneficiaries,
    jobs: p.jobs,
    peopleTrained: p.peopleTrained,
    note: p.note,
    voidReason: p.voidReason,
  }));
  return {
    name: t('importExport.export.sheets.pledges'),
    title: t('importExport.export.pledgesTitle', { count: rows.length }),
    subtitle: describeFilters(reader, q, locale),
    columns,
    rows,
    totalLabel: t('importExport.export.total'),
    amountFen: data.amountFen,
    receivedFen: data.receivedFen,
  };
}

export async function pledgesXlsx(reader: Reader, q: PledgeListQuery, locale: Locale): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, pledgeSheet(reader, q, locale));
  return workbookBuffer(wb);
}

export function pledgesCsv(reader: Reader, q: PledgeListQuery, locale: Locale): string {
  const sheet = pledgeSheet(reader, q, locale);
  return toCsv(sheet.columns, sheet.rows);
}
