// Writes a province-sized generated ledger (places, donors, pledges, receipts, audit) straight into an empty ledger
// file: the money rows are those the use cases would write, to the fen, but written many at a time at bulk-load speed.
import 'server-only';
import type Database from 'better-sqlite3';
import { apportion, apportionSeries } from '../apportion';
import { CATEGORY_CODES, type CategoryCode, type Channel, type DonorType, type PledgeForm, type ReceiptForm } from '../codes';
import { paymentParts, partialFen, pledgeAmountFen } from './amounts';
import { BulkInsert } from './bulk-insert';
import { Calendar } from './calendar';
import { contactPerson, donorName, placeName } from './names';
import { CONFIRMERS, PLEDGE_VOID_REASONS, RECEIPT_VOID_REASONS, pledgeNote, projectName } from './projects';
import { createRandom, shuffle, weighted, weightedKeys, type Random } from './random';

export type LargeLedgerOptions = {
  pledges: number;
  seed: number;
  /** First of the five (or `years`) calendar years the pledges are spread over. */
  firstYear: number;
  years: number;
  /** Today in China (YYYY-MM-DD): nothing is received, confirmed or voided after it. */
  today: string;
  /** Pledges per transaction. */
  batchSize?: number;
  onProgress?: (pledgesDone: number) => void;
};

export type LargeLedgerCounts = {
  counties: number;
  towns: number;
  villages: number;
  donors: number;
  pledges: number;
  voidedPledges: number;
  splitPledges: number;
  pledgesWithInstalments: number;
  allocations: number;
  instalments: number;
  receipts: number;
  voidedReceipts: number;
  receiptAllocations: number;
  auditEntries: number;
};

/** Milliseconds of each phase: places, planning (days and donor activity), then pledges with everything they carry. */
export type LargeLedgerResult = { counts: LargeLedgerCounts; ms: { places: number; plan: number; pledges: number } };

/** The province at 1,000,000 pledges; smaller runs scale every count down (never below two counties). */
const FULL = { pledges: 1_000_000, counties: 80, towns: 1_000, villages: 15_000, donors: 20_000 };

const SHARE = {
  voided: 0.05,
  split: 0.005,
  instalments: 0.02,
  dueDate: 0.4,
  zeroTraining: 0.1,
  fullyReceived: 0.8,
  partlyReceived: 0.1,
  voidedReceipt: 0.01,
};

const BIG_DONOR_TYPES: Partial<Record<DonorType, number>> = {
  united_front_department: 15, working_group: 15, enterprise: 30, chamber_of_commerce: 10, democratic_party: 10, foundation: 10, university: 5, association: 5,
};
const DONOR_TYPES_TAIL: Record<DonorType, number> = {
  enterprise: 45, individual: 22, cadres: 8, association: 6, chamber_of_commerce: 4, democratic_party: 4, university: 3, foundation: 3, working_group: 3, united_front_department: 2,
};
/** How a donor type's pledges compare with the median pledge. */
const TYPE_SCALE: Record<DonorType, number> = {
  individual: 0.25, cadres: 0.5, enterprise: 1.5, foundation: 2, united_front_department: 2, working_group: 1.5, university: 1, association: 0.8, chamber_of_commerce: 1.5, democratic_party: 0.8,
};
/** Share of a donor type's pledges implemented directly by the coordinating department rather than coordinated. */
const DIRECT_SHARE: Record<DonorType, number> = {
  united_front_department: 0.8, working_group: 0.6, cadres: 0.5, individual: 0.1, enterprise: 0.15, foundation: 0.1, university: 0.2, association: 0.15, chamber_of_commerce: 0.15, democratic_party: 0.3,
};

const CATEGORY_WEIGHTS: Record<CategoryCode, number> = { industry: 30, consumption: 20, education: 15, infrastructure: 12, health: 8, party_building: 5, training: 5, epidemic: 5 };
/** Epidemic prevention by calendar year: none before 2020, heavy until 2022, then almost gone. */
const epidemicWeight = (year: number) => (year < 2020 ? 0 : year <= 2021 ? 1.4 : year === 2022 ? 1.8 : year === 2023 ? 0.3 : 0.05);
const FORMS_BY_CATEGORY: Record<CategoryCode, Partial<Record<PledgeForm, number>>> = {
  industry: { cash: 85, in_kind: 10, purchase: 5 },
  consumption: { purchase: 85, cash: 15 },
  education: { cash: 55, in_kind: 40, training: 5 },
  health: { in_kind: 60, cash: 40 },
  party_building: { cash: 70, in_kind: 30 },
  infrastructure: { cash: 90, in_kind: 10 },
  epidemic: { in_kind: 75, cash: 25 },
  training: { training: 90, cash: 10 },
};
const RECEIPT_FORM: Record<PledgeForm, ReceiptForm> = { cash: 'transfer', in_kind: 'materials', purchase: 'purchase_settled', training: 'transfer' };
/** Pledges by month (1–12): quiet at the Spring Festival, busy around Poverty Alleviation Day (17 October) and year end. */
const MONTH_WEIGHT = [0, 0.8, 0.5, 1, 1, 1, 1.1, 0.9, 0.9, 1, 1.3, 1.1, 1.4];
const WEEKDAY_WEIGHT = [0.15, 1, 1, 1, 1, 1, 0.25];

type Place = { id: number; county: number; nameZh: string };

type Province = {
  places: Place[];
  counties: number[];
  pickCounty: (r: Random) => number;
  pickVillage: ((r: Random) => number)[];
  pickTown: ((r: Random) => number)[];
  villagesOf: number[][];
  counts: { counties: number; towns: number; villages: number };
};

type Donor = { type: DonorType; homeCounty: number; scale: number; direct: number };

export function writeLargeLedger(sqlite: Database.Database, options: LargeLedgerOptions): LargeLedgerResult {
  const { pledges: total, seed } = options;
  if (!Number.isInteger(total) || total < 1) throw new Error('pledges must be a positive whole number');
  const random = createRandom(seed);
  const cal = new Calendar(options.firstYear, options.years + 4);
  const firstDay = 0;
  const lastDay = cal.yearStart(options.firstYear + options.years) - 1;
  const todayDay = cal.dayOf(options.today);
  if (lastDay >= todayDay) throw new Error(`the pledge years must end before today (${options.today})`);
  // receipts until the end of the first quarter after the last year, and never within a week of today
  const capDay = Math.min(todayDay - 7, cal.yearStart(options.firstYear + options.years) + 89);
  const batchSize = options.batchSize ?? 50_000;

  // the system itself (user_id NULL) records everything, as the demo seed does
  const auditRows = new BulkInsert(sqlite, 'audit_log', ['id', 'at', 'user_id', 'action', 'entity_type', 'entity_id', 'before_json', 'after_json']);
  const audit = (at: string, action: string, entityType: string, entityId: number | null, before: string | null, after: string) =>
    auditRows.add(auditRows.rows + 1, at, null, action, entityType, entityId, before, after);

  const t0 = performance.now();
  // the places are set up in the last days before the first year
  const setupAt = new Date(Date.UTC(options.firstYear - 1, 11, 28, 1, 0, 0));
  const province = sqlite.transaction(() => {
    audit(setupAt.toISOString(), 'seed', 'ledger', null, null, JSON.stringify({ generator: 'seed-large', seed, pledges: total, firstYear: options.firstYear, years: options.years, note: '程序生成的大规模测试数据，并非真实记录' }));
    const made = writePlaces(sqlite, random, total, setupAt.getTime(), audit);
    auditRows.flush();
    return made;
  })();
  const t1 = performance.now();

  // every pledge's entry day, in id order, following the seasons
  const entryDay = spreadDays(cal, firstDay, lastDay, total);
  const { donorOf, donorCount, newDonor } = planDonors(sqlite, random, total, province, cal, audit);
  const donors: Donor[] = [];
  const t2 = performance.now();

  const pledgeRows = new BulkInsert(sqlite, 'pledges', [
    'id', 'donor_id', 'form', 'amount_fen', 'received_fen', 'overdue_on', 'pledged_on', 'due_on', 'channel', 'project_name', 'note', 'beneficiaries', 'jobs',
    'people_trained', 'voided_at', 'voided_by', 'void_reason', 'version', 'created_by', 'updated_by', 'created_at', 'updated_at', 'category_mask',
  ]);
  // each pledge's category mask written with it, as the allocations' triggers (dropped for the load) would make it
  const bitOf = new Map((sqlite.prepare('SELECT code, bit FROM categories').all() as { code: string; bit: number }[]).map((c) => [c.code, c.bit]));
  const allocationRows = new BulkInsert(sqlite, 'allocations', ['id', 'pledge_id', 'place_id', 'category_code', 'amount_fen']);
  const instalmentRows = new BulkInsert(sqlite, 'instalments', ['id', 'pledge_id', 'due_on', 'amount_fen']);
  const receiptRows = new BulkInsert(sqlite, 'receipts', [
    'id', 'pledge_id', 'amount_fen', 'received_on', 'form', 'reference', 'note', 'over_receipt', 'confirmed_by', 'confirmed_on', 'voided_at', 'voided_by', 'void_reason', 'created_by', 'created_at',
  ]);
  const shareRows = new BulkInsert(sqlite, 'receipt_allocations', ['receipt_id', 'allocation_id', 'amount_fen']);
  const allRows = [pledgeRows, allocationRows, instalmentRows, receiptRows, shareRows, auditRows];

  const pickCategoryByYear = Array.from({ length: options.years }, (_, y) =>
    weightedKeys({ ...CATEGORY_WEIGHTS, epidemic: CATEGORY_WEIGHTS.epidemic * epidemicWeight(options.firstYear + y) }),
  );
  const pickForm = Object.fromEntries(CATEGORY_CODES.map((c) => [c, weightedKeys(FORMS_BY_CATEGORY[c] as Record<PledgeForm, number>)])) as Record<CategoryCode, (r: Random) => PledgeForm>;
  const pickLevel = weightedKeys({ village: 85, town: 12, county: 3 });

  const counts: LargeLedgerCounts = {
    ...province.counts, donors: donorCount, pledges: total, voidedPledges: 0, splitPledges: 0, pledgesWithInstalments: 0,
    allocations: 0, instalments: 0, receipts: 0, voidedReceipts: 0, receiptAllocations: 0, auditEntries: 0,
  };

  type Allocation = { id: number; placeId: number; category: CategoryCode; amountFen: number };
  type Receipt = { day: number; amountFen: number; voidReason: string | null };

  const placeIn = (county: number, level: 'village' | 'town' | 'county'): number =>
    level === 'village' ? province.pickVillage[county]!(random) : level === 'town' ? province.pickTown[county]!(random) : province.counties[county]!;

  const writePledge = (i: number) => {
    const id = i + 1;
    const donorId = donorOf[i]!;
    const entry = entryDay[i]!;
    // a donor is entered with its first pledge
    const donor = donors[donorId] ?? (donors[donorId] = newDonor(donorId, entry));
    const pledgedDay = random.chance(0.3) ? Math.max(firstDay, entry - random.int(1, 30)) : entry;
    const yearIndex = cal.yearOf(pledgedDay) - options.firstYear;
    const category = pickCategoryByYear[yearIndex]!(random);
    const form = pickForm[category](random);
    const zero = form === 'training' && random.chance(SHARE.zeroTraining);
    const amountFen = zero ? 0 : pledgeAmountFen(random, donor.scale, form === 'in_kind' || form === 'purchase');
    const channel: Channel = random.chance(donor.direct) ? 'direct' : 'coordinated';
    const county = random.chance(donor.type === 'working_group' ? 0.95 : 0.8) ? donor.homeCounty : province.pickCounty(random);

    // allocations: one place and category, or now and then split over villages or over categories
    const allocations: Allocation[] = [];
    if (!zero && random.chance(SHARE.split)) {
      counts.splitPledges++;
      const parts = random.chance(0.75) ? 2 : 3;
      const weights = Array.from({ length: parts }, () => random.int(1, 9));
      const shares = apportion(amountFen, weights);
      if (random.chance(0.7)) {
        const villages = province.villagesOf[county]!;
        const chosen = new Set<number>();
        while (chosen.size < Math.min(parts, villages.length)) chosen.add(villages[random.int(0, villages.length - 1)]!);
        const ids = [...chosen];
        shares.forEach((share, n) => allocations.push({ id: 0, placeId: ids[n % ids.length]!, category: n < ids.length ? category : otherCategory(random, category), amountFen: share }));
      } else {
        const placeId = placeIn(county, pickLevel(random));
        const categories = new Set<CategoryCode>([category]);
        while (categories.size < parts) categories.add(random.pick(CATEGORY_CODES));
        [...categories].forEach((c, n) => allocations.push({ id: 0, placeId, category: c, amountFen: shares[n]! }));
      }
    } else {
      allocations.push({ id: 0, placeId: placeIn(county, pickLevel(random)), category, amountFen });
    }

    // when it is due: one date, a schedule of instalments, or nothing said
    const instalments: { day: number; amountFen: number }[] = [];
    let dueDay: number | null = null;
    if (amountFen >= 1_000_00 && random.chance(SHARE.instalments)) {
      const parts = random.pick([2, 2, 3, 4, 4, 6]);
      const every = parts === 6 ? 61 : random.pick([91, 182]);
      const first = pledgedDay + random.int(15, every);
      apportion(amountFen, Array.from({ length: parts }, () => 1)).forEach((share, n) => instalments.push({ day: first + n * every, amountFen: share }));
      counts.pledgesWithInstalments++;
    } else if (random.chance(SHARE.dueDate)) {
      const yearEnd = cal.yearStart(cal.yearOf(pledgedDay) + 1) - 1;
      dueDay = random.chance(0.5) && yearEnd - pledgedDay >= 30 ? yearEnd : pledgedDay + random.pick([30, 60, 90, 180, 365]);
    }

    const voided = random.chance(SHARE.voided);
    const receipts: Receipt[] = [];
    if (!voided && amountFen > 0) planReceipts(random, receipts, amountFen, pledgedDay, instalments, capDay);
    if (receipts.length && random.chance(SHARE.voidedReceipt)) {
      // a mistake put right at once: a tenfold amount voided and entered again, or the first receipt entered twice
      const first = receipts[0]!;
      if (random.chance(0.5)) receipts.unshift({ day: first.day, amountFen: first.amountFen * 10, voidReason: RECEIPT_VOID_REASONS.wrongAmount });
      else receipts.splice(1, 0, { day: first.day, amountFen: first.amountFen, voidReason: RECEIPT_VOID_REASONS.duplicate });
    }
    let receivedFen = 0;
    for (const r of receipts) if (r.voidReason === null) receivedFen += r.amountFen;

    const placeName = province.places[allocations[0]!.placeId - 1]!.nameZh;
    const project = random.chance(0.75) ? projectName(random, category, placeName, options.firstYear + yearIndex) : null;
    const note = random.chance(0.06) ? pledgeNote(random) : null;
    const beneficiaries = random.chance(0.4) ? Math.max(1, Math.round(random.logNormal(60, 1))) : null;
    const jobs = category === 'industry' && random.chance(0.3) ? Math.max(1, Math.round(random.logNormal(12, 1))) : null;
    const peopleTrained = form === 'training' ? Math.max(5, Math.round(random.logNormal(80, 1))) : null;
    const createdAt = cal.officeTimestamp(entry, random.int(60, 539), random.int(0, 59), random.int(0, 999));
    const pledgedOn = cal.isoOf(pledgedDay);
    const dueOn = dueDay === null ? null : cal.isoOf(dueDay);
    let voidedAt: string | null = null;
    let voidReason: string | null = null;
    if (voided) {
      counts.voidedPledges++;
      voidedAt = cal.officeTimestamp(Math.min(todayDay - 1, entry + random.int(1, 20)), random.int(0, 539), random.int(0, 59), random.int(0, 999));
      voidReason = random.pick(PLEDGE_VOID_REASONS);
    }

    // as refreshOverdueOn sets it: the earlier of the due date and the first instalment date by which more was due than received
    let overdueDay = dueDay;
    let dueByThen = 0;
    for (const inst of instalments) {
      dueByThen += inst.amountFen;
      if (dueByThen > receivedFen) {
        overdueDay = overdueDay === null ? inst.day : Math.min(overdueDay, inst.day);
        break;
      }
    }
    const overdueOn = overdueDay === null ? null : cal.isoOf(overdueDay);

    const categoryMask = [...new Set(allocations.map((a) => a.category))].reduce((mask, c) => mask | bitOf.get(c)!, 0);
    pledgeRows.add(id, donorId, form, amountFen, receivedFen, overdueOn, pledgedOn, dueOn, channel, project, note, beneficiaries, jobs, peopleTrained, voidedAt, null, voidReason, voided ? 2 : 1, null, null, createdAt, voidedAt ?? createdAt, categoryMask);
    for (const a of allocations) {
      a.id = allocationRows.rows + 1;
      allocationRows.add(a.id, id, a.placeId, a.category, a.amountFen);
    }
    const instalmentViews = instalments.map((inst) => ({ dueOn: cal.isoOf(inst.day), amountFen: inst.amountFen }));
    for (const inst of instalmentViews) instalmentRows.add(instalmentRows.rows + 1, id, inst.dueOn, inst.amountFen);

    if (receipts.length) {
      const receiptForm = RECEIPT_FORM[form];
      const receiptIds: number[] = [];
      const liveAmounts: number[] = [];
      let liveFen = 0;
      for (const r of receipts) {
        const receiptId = receiptRows.rows + 1;
        const receivedOn = cal.isoOf(r.day);
        // entered the same day or a few days later, and never before the pledge itself (received before it was entered: the next day)
        const createdDay = Math.max(r.day <= entry ? entry + 1 : 0, Math.min(capDay, r.day + (random.chance(0.7) ? 0 : random.int(1, 5))));
        const receiptCreatedAt = cal.officeTimestamp(createdDay, random.int(0, 539), random.int(0, 59), random.int(0, 999));
        const confirmed = random.chance(0.5);
        const confirmedOn = confirmed ? cal.isoOf(Math.min(capDay, r.day + random.int(0, 7))) : null;
        const reference = random.chance(0.6) ? receiptReference(random, receiptForm, receivedOn) : null;
        // as recordReceipt marks it: more than the pledge's outstanding amount at the time (a voided receipt was live until voided)
        const over = liveFen + r.amountFen > amountFen ? 1 : 0;
        let receiptVoidedAt: string | null = null;
        if (r.voidReason !== null) {
          counts.voidedReceipts++;
          receiptVoidedAt = cal.officeTimestamp(createdDay + random.int(1, 3), random.int(0, 539), random.int(0, 59), random.int(0, 999));
        } else {
          receiptIds.push(receiptId);
          liveAmounts.push(r.amountFen);
          liveFen += r.amountFen;
        }
        receiptRows.add(receiptId, id, r.amountFen, receivedOn, receiptForm, reference, null, over, confirmed ? random.pick(CONFIRMERS) : null, confirmedOn, receiptVoidedAt, null, r.voidReason, null, receiptCreatedAt);
      }
      // the same shares as rebuildReceiptApportionment: live receipts in id order over allocations in id order
      if (allocations.length === 1) {
        const allocationId = allocations[0]!.id;
        receiptIds.forEach((receiptId, n) => shareRows.add(receiptId, allocationId, liveAmounts[n]!));
      } else if (receiptIds.length) {
        const shares = apportionSeries(liveAmounts, allocations.map((a) => a.amountFen));
        receiptIds.forEach((receiptId, n) => allocations.forEach((a, k) => shareRows.add(receiptId, a.id, shares[n]![k]!)));
      }
    }

    // the audit entries recordPledge and voidPledge write, kept compact: auditView's fields in its order without the
    // empty ones (the history reads an absent field as not set)
    const view = {
      donorId, form, amountFen, pledgedOn, dueOn: dueOn ?? undefined, channel, projectName: project ?? undefined, note: note ?? undefined,
      beneficiaries: beneficiaries ?? undefined, jobs: jobs ?? undefined, peopleTrained: peopleTrained ?? undefined,
      allocations: allocations.map((a) => ({ placeId: a.placeId, category: a.category, amountFen: a.amountFen })),
      instalments: instalmentViews.length ? instalmentViews : undefined,
      voidReason: undefined as string | undefined,
    };
    const created = JSON.stringify(view);
    audit(createdAt, 'create', 'pledge', id, null, created);
    if (voided) {
      view.voidReason = voidReason!;
      audit(voidedAt!, 'void', 'pledge', id, created, JSON.stringify(view));
    }
  };

  const writeBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) writePledge(i);
    for (const rows of allRows) rows.flush();
  });
  for (let from = 0; from < total; from += batchSize) {
    const to = Math.min(total, from + batchSize);
    writeBatch(from, to);
    options.onProgress?.(to);
  }
  const t3 = performance.now();
  Object.assign(counts, { allocations: allocationRows.rows, instalments: instalmentRows.rows, receipts: receiptRows.rows, receiptAllocations: shareRows.rows, auditEntries: auditRows.rows });
  return { counts, ms: { places: t1 - t0, plan: t2 - t1, pledges: t3 - t2 } };
}

function otherCategory(random: Random, not: CategoryCode): CategoryCode {
  for (;;) {
    const c = random.pick(CATEGORY_CODES);
    if (c !== not) return c;
  }
}

/**
 * What arrived against a pledge: most are received in full in one to three payments, some in part, some not at all;
 * scheduled pledges pay instalment by instalment until one is missed. Nothing arrives after `capDay`.
 */
function planReceipts(random: Random, out: { day: number; amountFen: number; voidReason: string | null }[], amountFen: number, pledgedDay: number, instalments: { day: number; amountFen: number }[], capDay: number): void {
  if (instalments.length) {
    for (const inst of instalments) {
      if (!random.chance(0.88)) return;
      const day = Math.max(pledgedDay, inst.day - random.int(0, 10));
      if (day > capDay) return;
      out.push({ day, amountFen: inst.amountFen, voidReason: null });
    }
    return;
  }
  const u = random.next();
  if (u >= SHARE.fullyReceived + SHARE.partlyReceived) return;
  const full = u < SHARE.fullyReceived;
  const target = full ? amountFen : partialFen(random, amountFen);
  const v = random.next();
  const parts = full ? (v < 0.7 ? 1 : v < 0.95 ? 2 : 3) : v < 0.8 ? 1 : 2;
  let day = pledgedDay;
  for (const part of paymentParts(random, target, parts)) {
    day += Math.min(400, Math.floor(random.logNormal(out.length ? 45 : 20, 1)));
    if (day > capDay) return;
    out.push({ day, amountFen: part, voidReason: null });
  }
}

function receiptReference(random: Random, form: ReceiptForm, receivedOn: string): string {
  const ymd = receivedOn.replaceAll('-', '');
  if (form === 'transfer') return `HD${ymd}${String(random.int(0, 999_999)).padStart(6, '0')}`;
  if (form === 'materials') return `RK${ymd}-${String(random.int(1, 999)).padStart(3, '0')}`;
  return `FP${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Spreads `count` entries over the days in id order, following month, weekday and a slow growth over the years. */
function spreadDays(cal: Calendar, firstDay: number, lastDay: number, count: number): Uint16Array {
  const days = lastDay - firstDay + 1;
  const cumulative = new Float64Array(days);
  let sum = 0;
  for (let d = 0; d < days; d++) {
    const day = firstDay + d;
    const month = cal.monthOf(day);
    const dom = Number(cal.isoOf(day).slice(8, 10));
    const povertyDay = month === 10 && dom >= 14 && dom <= 20 ? 2 : 1;
    sum += MONTH_WEIGHT[month]! * WEEKDAY_WEIGHT[cal.weekdayOf(day)]! * povertyDay * (1 + 0.08 * (cal.yearOf(day) - cal.firstYear));
    cumulative[d] = sum;
  }
  const out = new Uint16Array(count);
  let d = 0;
  for (let i = 0; i < count; i++) {
    const u = ((i + 0.5) / count) * sum;
    while (cumulative[d]! < u && d < days - 1) d++;
    out[i] = firstDay + d;
  }
  return out;
}

function scaled(full: number, pledges: number, min: number): number {
  return Math.max(min, Math.round((full * pledges) / FULL.pledges));
}

/** At least `min` per bucket, the rest in proportion to random weights. */
function spread(random: Random, total: number, buckets: number, min: number): number[] {
  const weights = Array.from({ length: buckets }, () => Math.round(500 + 1000 * random.next()));
  return apportion(Math.max(0, total - min * buckets), weights).map((n) => n + min);
}

type AuditWriter = (at: string, action: string, entityType: string, entityId: number | null, before: string | null, after: string) => unknown;

/**
 * Counties, towns and villages with administrative-division style codes: county 52PPCC (districts 02–11, counties
 * 21–30, county-level cities 81–90 within each prefecture of ten), town +3 digits (subdistricts 001–, towns 100–,
 * townships 200–), village +3 digits (communities 001–, villages 200–).
 */
function writePlaces(sqlite: Database.Database, random: Random, pledges: number, setupMs: number, audit: AuditWriter): Province {
  const countyCount = scaled(FULL.counties, pledges, 2);
  const townCount = Math.max(2 * countyCount, scaled(FULL.towns, pledges, 0));
  const villageCount = Math.max(3 * townCount, scaled(FULL.villages, pledges, 0));
  const townsPerCounty = spread(random, townCount, countyCount, 1);
  const insert = sqlite.prepare('INSERT INTO places (id, code, name, name_zh, level, parent_id, version, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, NULL, ?, ?)');
  const places: Place[] = [];
  const add = (code: string, name: string, nameZh: string, level: 'county' | 'town' | 'village', parentId: number | null, county: number) => {
    const id = places.length + 1;
    // a bulk set-up on the ledger's first working days, two seconds apart
    const at = new Date(setupMs + id * 2000).toISOString();
    insert.run(id, code, name, nameZh, level, parentId, at, at);
    audit(at, 'create', 'place', id, null, JSON.stringify({ name, nameZh, level, parentId }));
    places.push({ id, county, nameZh });
    return id;
  };

  const countyNames = new Set<string>();
  const counties: { id: number; code: string }[] = [];
  for (let c = 0; c < countyCount; c++) {
    const n = placeName(random, 'county', countyNames);
    const prefecture = String(1 + Math.floor(c / 10)).padStart(2, '0');
    const base = n.kind.suffixZh === '区' ? 2 : n.kind.suffixZh === '市' ? 81 : 21;
    const code = `52${prefecture}${String(base + (c % 10)).padStart(2, '0')}`;
    counties.push({ id: add(code, n.name, n.nameZh, 'county', null, c), code });
  }
  const towns: { id: number; code: string; county: number }[] = [];
  counties.forEach((county, c) => {
    const names = new Set<string>();
    const next: Record<string, number> = { 街道: 1, 镇: 100, 乡: 200 };
    const limit: Record<string, number> = { 街道: 99, 镇: 199, 乡: 999 };
    for (let t = 0; t < townsPerCounty[c]!; t++) {
      const n = placeName(random, 'town', names);
      const serial = next[n.kind.suffixZh]!++;
      if (serial > limit[n.kind.suffixZh]!) throw new Error('too many towns of one kind in a county for three-digit codes');
      const code = county.code + String(serial).padStart(3, '0');
      towns.push({ id: add(code, n.name, n.nameZh, 'town', county.id, c), code, county: c });
    }
  });
  const villagesPerTown = spread(random, villageCount, towns.length, 2);
  const villagesOf: number[][] = counties.map(() => []);
  const villageWeights: number[][] = counties.map(() => []);
  const townsOf: number[][] = counties.map(() => []);
  const townWeights: number[][] = counties.map(() => []);
  towns.forEach((town, t) => {
    const names = new Set<string>();
    const next: Record<string, number> = { 社区: 1, 村: 200 };
    const limit: Record<string, number> = { 社区: 199, 村: 999 };
    for (let v = 0; v < villagesPerTown[t]!; v++) {
      const n = placeName(random, 'village', names);
      const serial = next[n.kind.suffixZh]!++;
      if (serial > limit[n.kind.suffixZh]!) throw new Error('too many villages in a town for three-digit codes');
      const id = add(town.code + String(serial).padStart(3, '0'), n.name, n.nameZh, 'village', town.id, town.county);
      villagesOf[town.county]!.push(id);
      // some villages are paired with many donors, most with a few
      villageWeights[town.county]!.push(random.logNormal(1, 1));
    }
    townsOf[town.county]!.push(town.id);
    townWeights[town.county]!.push(villagesPerTown[t]!);
  });
  return {
    places,
    counties: counties.map((c) => c.id),
    pickCounty: weighted(counties.map((_, c) => c), villagesOf.map((v) => v.length)),
    pickVillage: villagesOf.map((ids, c) => weighted(ids, villageWeights[c]!)),
    pickTown: townsOf.map((ids, c) => weighted(ids, townWeights[c]!)),
    villagesOf,
    counts: { counties: countyCount, towns: towns.length, villages: places.length - countyCount - towns.length },
  };
}

/**
 * Donors with Zipf-like activity: every donor pledges at least once, a few pledge thousands of times. Ids follow each
 * donor's first pledge, and `newDonor` writes a donor (with its audit entry) on the day of that first pledge.
 */
function planDonors(sqlite: Database.Database, random: Random, pledges: number, province: Province, cal: Calendar, audit: AuditWriter) {
  const count = Math.min(pledges, scaled(FULL.donors, pledges, 10));
  // Zipf–Mandelbrot weights (k + q)^-1.7: at full size the busiest donor has about 1 % of the pledges and half the
  // donors one or two; a smaller ledger has fewer donors and a flatter head (q shrinks), so a few still stand out
  const q = Math.max(1, 60 * Math.sqrt(count / FULL.donors));
  const weights = Array.from({ length: count }, (_, k) => (k + 1 + q) ** -1.7);
  const perRank = apportion(pledges - count, weights.map((w) => Math.round(w * 1e12))).map((n) => n + 1);
  const rankOf = new Int32Array(pledges);
  let at = 0;
  perRank.forEach((n, rank) => rankOf.fill(rank, at, (at += n)));
  shuffle(rankOf, random);

  // donor ids in order of first pledge
  const idOfRank = new Int32Array(count);
  const rankOfId = new Int32Array(count + 1);
  const donorOf = new Int32Array(pledges);
  let nextId = 1;
  for (let i = 0; i < pledges; i++) {
    const rank = rankOf[i]!;
    if (idOfRank[rank] === 0) {
      idOfRank[rank] = nextId;
      rankOfId[nextId++] = rank;
    }
    donorOf[i] = idOfRank[rank]!;
  }

  const bigRanks = Math.max(1, Math.round(count * 0.005));
  const pickBig = weightedKeys(BIG_DONOR_TYPES as Record<DonorType, number>);
  const pickTail = weightedKeys(DONOR_TYPES_TAIL);
  const countyNames = province.counties.map((id) => province.places[id - 1]!.nameZh);
  const villageNames = province.villagesOf.flat().map((id) => province.places[id - 1]!.nameZh);
  const taken = new Set<string>();
  const insert = sqlite.prepare('INSERT INTO donors (id, code, name, name_zh, type, contact_person, phone, note, version, created_by, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, NULL, NULL, 1, NULL, ?, ?)');

  const newDonor = (id: number, day: number): Donor => {
    const rank = rankOfId[id]!;
    const { nameZh, type } = donorName(random, rank < bigRanks ? pickBig(random) : pickTail(random), taken, countyNames, villageNames);
    const contact = type !== 'individual' && random.chance(0.4) ? contactPerson(random) : null;
    // before the pledge itself, which is entered from 10:00 on
    const createdAt = cal.officeTimestamp(day, random.int(0, 59), random.int(0, 59), random.int(0, 999));
    insert.run(id, `D${String(id).padStart(6, '0')}`, nameZh, type, contact, createdAt, createdAt);
    audit(createdAt, 'create', 'donor', id, null, JSON.stringify({ name: null, nameZh, type, contactPerson: contact, phone: null, note: null }));
    const scale = TYPE_SCALE[type] * (rank < count * 0.01 ? 2 : 1) * random.logNormal(1, 0.4);
    return { type, homeCounty: province.pickCounty(random), scale, direct: DIRECT_SHARE[type] };
  };
  return { donorOf, donorCount: count, newDonor };
}

const BULK_TABLES = ['pledges', 'allocations', 'instalments', 'receipts', 'receipt_allocations', 'audit_log'];

/**
 * The pledges' text search index is kept by a trigger that indexes each pledge as it is inserted; a bulk load drops
 * it and indexes every pledge at the end in one statement (at 200,000 pledges the load took 8.4 s with the trigger,
 * 6.2 s without it plus 0.7 s to index them all). The statement is made from the trigger's own text (its VALUES over
 * `new.` become a SELECT over the table), so that the trigger stays the one definition of what is indexed.
 */
const TEXT_TRIGGER = 'pledge_text_insert';

/** The triggers that keep pledges' category masks read a pledge's allocations by an index the load drops: the load writes the masks itself. */
const MASK_TRIGGERS = ['category_mask_insert', 'category_mask_update', 'category_mask_delete'];

/** The INSERT … SELECT that does for every row of the table what an `AFTER INSERT … BEGIN INSERT … VALUES (new.…); END` trigger does for one. */
export function triggerAsBulkInsert(triggerSql: string): string {
  const match = /AFTER INSERT ON\s+[`"]?(\w+)[`"]?\s+BEGIN\s+(INSERT INTO [^;]*?)\s+VALUES\s*\(([^;]*)\)\s*;\s*END\s*$/is.exec(triggerSql);
  if (!match) throw new Error(`not a trigger of one INSERT … VALUES: ${triggerSql}`);
  const [, table, insert, values] = match;
  return `${insert} SELECT ${values!.replace(/\bnew\./g, '')} FROM ${table}`;
}

/**
 * Drops the secondary indexes of the tables a bulk load fills, and the text search trigger, and returns what puts
 * them back, word for word as the migrations wrote them: building an index once from sorted rows is much cheaper than
 * keeping it up row by row.
 */
export function dropBulkIndexes(sqlite: Database.Database): () => void {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  const triggerSql = (name: string) => sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string;
  const trigger = triggerSql(TEXT_TRIGGER);
  const indexAll = triggerAsBulkInsert(trigger);
  const maskTriggers = MASK_TRIGGERS.map(triggerSql);
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  for (const name of [TEXT_TRIGGER, ...MASK_TRIGGERS]) sqlite.exec(`DROP TRIGGER "${name}"`);
  return () =>
    sqlite.transaction(() => {
      indexes.forEach((index) => sqlite.exec(index.sql));
      sqlite.exec(indexAll);
      sqlite.exec(trigger);
      maskTriggers.forEach((sql) => sqlite.exec(sql));
    })();
}
