// The whole ledger as open data (JSON): places, donors, pledges with their allocations, receipts. Amounts in integer fen
// plus the same amount as exact yuan text, so no consumer has to divide a float.
import 'server-only';
import type { Db } from '@/db/client';
import type { PledgeDetail, Reader } from '@/db/queries/pledges';
import { allCategories } from '@/db/queries/lookups';
import { openDonors, openPlaces, openReceiptsAfter } from '@/db/queries/open-data';
import { fenToYuanText } from '../money';
import { DOWNLOAD_PAGE, everyPledgePage, fromSnapshot, pagesById, textStream } from './stream';

export const JSON_TYPE = 'application/json; charset=utf-8';

type OpenDataHead = { dataset: string; generatedAt: string; currency: string; notes: string; categories: unknown[]; places: unknown[]; donors: unknown[] };

const money = (fen: number) => ({ fen, yuan: fenToYuanText(fen) });

function openPledge(p: PledgeDetail) {
  return {
    id: p.id,
    donorId: p.donorId,
    form: p.form,
    channel: p.channel,
    pledgedOn: p.pledgedOn,
    dueOn: p.dueOn,
    amount: money(p.amountFen),
    received: money(p.receivedFen),
    status: p.status,
    projectName: p.projectName,
    note: p.note,
    beneficiaries: p.beneficiaries,
    jobs: p.jobs,
    peopleTrained: p.peopleTrained,
    voided: p.voidedAt !== null,
    voidReason: p.voidReason,
    allocations: p.allocations.map((a) => ({ placeId: a.placeId, category: a.category, amount: money(a.amountFen) })),
    instalments: p.instalments.map((i) => ({ dueOn: i.dueOn, amount: money(i.amountFen) })),
  };
}

/** A value as an element of a JSON array two levels deep, laid out as JSON.stringify(…, null, 2) lays out the whole. */
const element = (value: unknown) => JSON.stringify(value, null, 2).replace(/^/gm, '    ');

/**
 * The whole ledger as open data, as JSON text in pieces: the places and donors, then every pledge and every receipt a
 * page at a time (a national ledger's million pledges never in memory at once).
 */
export async function* openDataChunks(reader: Reader): AsyncGenerator<string> {
  const head: OpenDataHead = {
    dataset: '帮扶台账 Assistance Ledger',
    generatedAt: new Date().toISOString(),
    currency: 'CNY',
    notes: 'Amounts are given as integer fen (1/100 yuan) and as exact yuan text. Voided pledges and receipts are listed with voided: true and count in no total. Donor contact details and receipt references are left out.',
    categories: allCategories(reader).map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn })),
    places: openPlaces(reader),
    donors: openDonors(reader),
  };
  // the head's object without its closing brace, then the two arrays
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "pledges": [`;
  yield* arrayElements(everyPledgePage(reader), openPledge);
  yield '],\n  "receipts": [';
  const receipts = pagesById((after) => openReceiptsAfter(reader, after, DOWNLOAD_PAGE), (r) => r.id);
  yield* arrayElements(receipts, (r) => ({ id: r.id, pledgeId: r.pledgeId, receivedOn: r.receivedOn, form: r.form, amount: money(r.amountFen), voided: r.voided === 1 }));
  yield ']\n}';
}

/** The elements of a JSON array, page by page, each laid out as `element` does, up to (not including) its closing bracket. */
async function* arrayElements<T>(pages: AsyncIterable<T[]>, toJson: (row: T) => unknown): AsyncGenerator<string> {
  let first = true;
  for await (const page of pages) {
    for (const row of page) {
      yield `${first ? '\n' : ',\n'}${element(toJson(row))}`;
      first = false;
    }
  }
  if (!first) yield '\n  ';
}

/** The open-data JSON of the ledger as of this moment, streamed. */
export function openDataStream(db: Db): ReadableStream<Uint8Array> {
  return textStream(fromSnapshot(db, openDataChunks));
}
