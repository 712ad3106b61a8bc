// The whole ledger as open data (JSON): places, donors, pledges with their allocations, receipts. Amounts in integer fen
// plus the same amount as exact yuan text, so no consumer has to divide a float.
import 'server-only';
import type { Reader } from '@/db/queries/pledges';
import { allCategories } from '@/db/queries/lookups';
import { openDonors, openPlaces, openReceipts } from '@/db/queries/open-data';
import { fenToYuanText } from '../money';
import { pledgeListQuerySchema } from '../validation/filters';
import { allMatchingPledges } from './pledges';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Every pledge, voided ones included (flagged), in id order. */
export function everyPledge(reader: Reader) {
  return allMatchingPledges(reader, pledgeListQuerySchema.parse({ includeVoided: '1', sort: 'id', dir: 'asc' })).rows;
}

export function openDataset(reader: Reader) {
  const money = (fen: number) => ({ fen, yuan: fenToYuanText(fen) });
  return {
    dataset: '帮扶台账 Assistance Ledger',
    generatedAt: new Date().toISOString(),
    currency: 'CNY',
    notes: 'Amounts are given as integer fen (1/100 yuan) and as exact yuan text. Voided pledges and receipts are listed with voided: true and count in no total. Donor contact details and receipt references are left out.',
    categories: allCategories(reader).map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn })),
    places: openPlaces(reader),
    donors: openDonors(reader),
    pledges: everyPledge(reader).map((p) => ({
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
    })),
    receipts: openReceipts(reader).map((r) => ({ id: r.id, pledgeId: r.pledgeId, receivedOn: r.receivedOn, form: r.form, amount: money(r.amountFen), voided: r.voided === 1 })),
  };
}
