// Random ledgers built through the use cases, for the randomized tests of the roll-ups and the pledge list: a county
// and a neighbouring one, towns and villages, donors (two sharing a display name now and then), and a random mix of
// every change a coordinator can make. A seed replays a failure.
import type { Db } from '@/db/client';
import { CATEGORY_CODES, CHANNELS, PLEDGE_FORMS } from '@/lib/codes';
import { createRandom, type Random } from '@/lib/seed-large/random';
import { freshDb, makeActor } from './ledger';
import { createPlace, updatePlace } from '@/lib/places';
import { createDonor, updateDonor } from '@/lib/donors';
import { recordPledge, updatePledge, voidPledge } from '@/lib/pledges';
import { recordReceipt, voidReceipt } from '@/lib/receipts';
import { todayInChina } from '@/lib/time';
import type { Actor } from '@/lib/actor';

export const rng = (seed: number): Rng => createRandom(seed);
export type Rng = Random;

export const today = todayInChina();
export const dayBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export type World = { db: Db; actor: Actor; towns: number[]; villages: number[]; countyId: number; otherCounty: number; donors: number[]; pledges: number[]; receipts: number[] };

// words that test the search's literal, ASCII-case-insensitive substring semantics (%, _ and \ are not wildcards)
export const TEXTS = [null, '饮水安全工程', '村小食堂改造', 'Water supply', 'WATER tank', '100%到位', 'a_b 项目', 'C:\\path', '食堂', '水', 'ab', 'cd', '"引号"工程', 'Ärzte ohne Grenzen'];

export function world(r: Rng): World {
  const db = freshDb();
  const actor = makeActor(db);
  const county = createPlace(db, actor, { nameZh: '测试县', level: 'county' });
  const other = createPlace(db, actor, { nameZh: '邻县', level: 'county' });
  const towns = [1, 2, 3].map((i) => createPlace(db, actor, { nameZh: `${i}镇`, level: 'town', parentId: i === 3 ? other.id : county.id }).id);
  const villages = towns.flatMap((t, ti) => [1, 2].map((i) => createPlace(db, actor, { nameZh: `${ti + 1}镇${i}村`, level: 'village', parentId: t }).id));
  const donors = [
    createDonor(db, actor, { nameZh: '甲公司', type: 'enterprise' }).id,
    createDonor(db, actor, { nameZh: '乙基金会', type: 'foundation' }).id,
    createDonor(db, actor, { name: 'Bright Foundation', type: 'foundation' }).id,
    // now and then the same display name twice: the donor order then falls back to the pledge id across both donors
    createDonor(db, actor, { nameZh: r.next() < 0.5 ? '甲公司' : '丁商会', name: 'Jia Co', type: 'chamber_of_commerce' }).id,
  ];
  return { db, actor, towns, villages, countyId: county.id, otherCounty: other.id, donors, pledges: [], receipts: [] };
}

export function randomPledgeBody(w: World, r: Rng) {
  const form = r.pick(PLEDGE_FORMS);
  const amountFen = form === 'training' ? r.pick([0, 1, 100_000, r.int(1, 5_000_000)]) : r.pick([1, 99, 100_000, 100_000, r.int(1, 5_000_000)]);
  const pledgedOn = dayBefore(r.int(0, 900));
  const common = {
    donorId: r.pick(w.donors),
    form,
    channel: r.pick(CHANNELS),
    amountFen,
    pledgedOn,
    projectName: r.pick(TEXTS),
    note: r.next() < 0.3 ? r.pick(TEXTS) : null,
  };
  const places = [...w.villages, ...w.towns, w.countyId, w.otherCounty];
  const ageDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${pledgedOn}T00:00:00Z`)) / 86_400_000);
  const dueAfter = (days: number) => new Date(Date.parse(`${pledgedOn}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  Object.assign(common, r.next() < 0.3 ? { dueOn: dueAfter(r.int(0, ageDays + 60)) } : {});
  if (r.next() < 0.2 && amountFen >= 2) {
    const first = r.int(1, amountFen - 1);
    const day = r.int(0, ageDays + 30);
    Object.assign(common, { instalments: [{ dueOn: dueAfter(day), amountFen: first }, { dueOn: dueAfter(day + r.int(0, 90)), amountFen: amountFen - first }] });
  }
  if (r.next() < 0.35 && amountFen >= 3) {
    const first = r.int(0, amountFen);
    const second = r.int(0, amountFen - first);
    return {
      ...common,
      allocations: [
        { placeId: r.pick(places), category: r.pick(CATEGORY_CODES), amountFen: first },
        { placeId: r.pick(places), category: r.pick(CATEGORY_CODES), amountFen: second },
        { placeId: r.pick(places), category: r.pick(CATEGORY_CODES), amountFen: amountFen - first - second },
      ],
    };
  }
  return { ...common, placeId: r.pick(places), category: r.pick(CATEGORY_CODES) };
}

/** Any use case, picked at random; refusals (an over-receipt, a closed year…) are part of the game and change nothing. */
export function randomStep(w: World, r: Rng): void {
  const roll = r.next();
  try {
    if (roll < 0.4 || w.pledges.length === 0) {
      w.pledges.push(recordPledge(w.db, w.actor, randomPledgeBody(w, r)).id);
    } else if (roll < 0.65) {
      const pledgeId = r.pick(w.pledges);
      w.receipts.push(recordReceipt(w.db, w.actor, pledgeId, { amountFen: r.int(1, 2_000_000), receivedOn: dayBefore(r.int(0, 30)), form: 'transfer', confirmOverReceipt: true }).id);
    } else if (roll < 0.72 && w.receipts.length) {
      voidReceipt(w.db, w.actor, r.pick(w.receipts), { reason: '录入错误' });
    } else if (roll < 0.82) {
      updatePledge(w.db, w.actor, r.pick(w.pledges), randomPledgeBody(w, r));
    } else if (roll < 0.88) {
      voidPledge(w.db, w.actor, r.pick(w.pledges), { reason: '重复登记' });
    } else if (roll < 0.94) {
      updateDonor(w.db, w.actor, r.pick(w.donors), { type: r.pick(['enterprise', 'foundation', 'chamber_of_commerce']) });
    } else {
      updatePlace(w.db, w.actor, r.pick(w.villages), { parentId: r.pick(w.towns) });
    }
  } catch (error) {
    if (!(error instanceof Error) || !('status' in error)) throw error;
  }
}

