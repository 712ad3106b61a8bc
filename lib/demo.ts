// Loads the Wangmo County 2020 program (the reference case) into an empty ledger, through the same use cases as people.
import 'server-only';
import type { Db } from '@/db/client';
import wangmo from '@/db/seed/wangmo-2020.json';
import { SYSTEM_ACTOR } from './actor';
import { createDonor } from './donors';
import { createPlace } from './places';
import { recordPledge } from './pledges';
import { recordReceipt } from './receipts';
import type { PledgeForm, ReceiptForm } from './codes';

/** The report gives no dates within 2020, so every item carries the report's date. */
export const WANGMO_REPORTED_ON = '2020-12-27';

type SeedPledge = (typeof wangmo.pledges)[number] & { project?: string; beneficiaries?: number; jobs?: number; peopleTrained?: number };

const RECEIPT_FORM: Record<PledgeForm, ReceiptForm | null> = { cash: 'transfer', in_kind: 'materials', purchase: 'purchase_settled', training: null };

/** The Wangmo 2020 program as reported: every item was delivered, so each is recorded as received on the report's date. */
export function seedWangmo2020(db: Db): { placeIds: Map<string, number>; donorIds: Map<string, number> } {
  const placeIds = new Map<string, number>();
  for (const p of wangmo.places) {
    const parentId = p.parent ? placeIds.get(p.parent)! : null;
    const row = createPlace(db, SYSTEM_ACTOR, { name: p.en, nameZh: p.zh, level: p.level, parentId }, p.code);
    placeIds.set(p.code, row.id);
  }
  const donorIds = new Map<string, number>();
  for (const d of wangmo.donors) {
    const row = createDonor(db, SYSTEM_ACTOR, { name: d.en, nameZh: d.zh, type: d.type }, d.code);
    donorIds.set(d.code, row.id);
  }
  for (const item of wangmo.pledges as SeedPledge[]) {
    const pledge = recordPledge(db, SYSTEM_ACTOR, {
      donorId: donorIds.get(item.donor)!,
      form: item.form,
      amountFen: item.yuan * 100,
      pledgedOn: WANGMO_REPORTED_ON,
      channel: item.channel,
      projectName: item.project ?? null,
      note: item.note,
      beneficiaries: item.beneficiaries ?? null,
      jobs: item.jobs ?? null,
      peopleTrained: item.peopleTrained ?? null,
      placeId: placeIds.get(item.place)!,
      category: item.category,
    });
    const form = RECEIPT_FORM[item.form as PledgeForm];
    if (form && pledge.amountFen > 0) {
      recordReceipt(db, SYSTEM_ACTOR, pledge.id, { amountFen: pledge.amountFen, receivedOn: WANGMO_REPORTED_ON, form, note: '据 2020 年度帮扶成效报道，全部到位' });
    }
  }
  return { placeIds, donorIds };
}
