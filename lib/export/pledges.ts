// The pledge list as a sheet: every pledge the list's filters match (not just one page), from the list's own query.
import 'server-only';
import { openReadSnapshot, type Db } from '@/db/client';
import { listPledges, type PledgeDetail, type PledgePage, type Reader } from '@/db/queries/pledges';
import { allCategories } from '@/db/queries/lookups';
import { translatorFor } from '../i18n/labels';
import { displayName, type Locale } from '../names';
import { pledgeFilters } from '../pledge-query';
import type { PledgeListQuery } from '../validation/filters';
import { streamCsv } from './csv';
import { describeFilters } from './filters-text';
import { closing, DOWNLOAD_PAGE, nextTurn } from './stream';
import { streamTableWorkbook, type SheetLayout, type TableColumn, type TableRow } from './workbook';

/** The pledge sheet's columns, title and subtitle, for `count` pledges. */
function pledgeLayout(reader: Reader, q: PledgeListQuery, locale: Locale, count: number): SheetLayout {
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
  return {
    name: t('importExport.export.sheets.pledges'),
    title: t('importExport.export.pledgesTitle', { count }),
    subtitle: describeFilters(reader, q, locale),
    columns,
    totalLabel: t('importExport.export.total'),
  };
}

/**
 * Every matching pledge as a sheet row, a page at a time (the list screen's query and order), the event loop let go
 * between pages so that other requests go on while a large download is written.
 */
async function* pledgeRows(reader: Reader, q: PledgeListQuery, locale: Locale, first: PledgePage): AsyncGenerator<TableRow> {
  const t = translatorFor(locale);
  const cats = new Map(allCategories(reader).map((c) => [c.code, locale === 'zh' ? c.nameZh : c.nameEn]));
  const sep = t('importExport.export.separator');
  const filters = pledgeFilters(q);
  for (let page = 1, p = first; ; p = listPledges(reader, filters, { sort: q.sort, dir: q.dir, page: ++page, pageSize: DOWNLOAD_PAGE })) {
    for (const pledge of p.rows) yield pledgeRow(pledge, t, cats, sep, locale);
    if (p.rows.length < DOWNLOAD_PAGE) return;
    await nextTurn();
  }
}

function pledgeRow(p: PledgeDetail, t: ReturnType<typeof translatorFor>, cats: Map<string, string>, sep: string, locale: Locale): TableRow {
  return {
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
  };
}

export type PledgeDownload = { body: ReadableStream<Uint8Array>; count: number };

/**
 * Every pledge the list's filters match, as .xlsx or .csv, streamed: read from one snapshot of the ledger a page at a
 * time, so that a download of a province's year holds a page in memory and its rows and totals are of one moment.
 */
export function pledgesDownload(db: Db, q: PledgeListQuery, locale: Locale, format: 'xlsx' | 'csv'): PledgeDownload {
  const snapshot = openReadSnapshot(db);
  try {
    const reader = snapshot.reader;
    const first = listPledges(reader, pledgeFilters(q), { sort: q.sort, dir: q.dir, page: 1, pageSize: DOWNLOAD_PAGE });
    const layout = pledgeLayout(reader, q, locale, first.total);
    const rows = closing(pledgeRows(reader, q, locale, first), snapshot.close);
    return { body: format === 'csv' ? streamCsv(layout.columns, rows) : streamTableWorkbook([{ layout, rows }]), count: first.total };
  } catch (error) {
    snapshot.close();
    throw error;
  }
}
