// Reads behind the donor and place profiles that summarize() does not answer: allocations on exactly one place, people reached.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { CategoryCode, PledgeStatus } from '@/lib/codes';
import type { Reader } from './pledges';
import { pledgeStatusSql } from './status';

/** One allocation of a live pledge, with the share of the pledge's live receipts apportioned to it. */
export type AllocationItem = {
  allocationId: number;
  pledgeId: number;
  placeId: number;
  category: CategoryCode;
  amountFen: number;
  receivedFen: number;
  donorId: number;
  donorName: string | null;
  donorNameZh: string | null;
  projectName: string | null;
  note: string | null;
  pledgedOn: string;
  status: PledgeStatus;
  /** How many places and categories the whole pledge is split over (1 when it all went here). */
  splitCount: number;
};

const yearOf = (year: number | undefined) => (year ? sql`AND p.pledged_on >= ${`${year}-01-01`} AND p.pledged_on < ${`${year + 1}-01-01`}` : sql``);

/** Allocations of live pledges made to exactly these places (not to places under them), largest first; `limit` of them. */
export function allocationsAt(reader: Reader, placeIds: number[], today: string, opts: { year?: number; limit?: number } = {}): AllocationItem[] {
  if (!placeIds.length) return [];
  const year = yearOf(opts.year);
  return reader.all<AllocationItem>(sql`
    SELECT a.id AS allocationId, a.pledge_id AS pledgeId, a.place_id AS placeId, a.category_code AS category, a.amount_fen AS amountFen,
      COALESCE((SELECT SUM(ra.amount_fen) FROM receipt_allocations ra JOIN receipts r ON r.id = ra.receipt_id AND r.voided_at IS NULL
                WHERE ra.allocation_id = a.id), 0) AS receivedFen,
      p.donor_id AS donorId, d.name AS donorName, d.name_zh AS donorNameZh, p.project_name AS projectName, p.note AS note,
      p.pledged_on AS pledgedOn, ${pledgeStatusSql(today)} AS status,
      (SELECT COUNT(*) FROM allocations a2 WHERE a2.pledge_id = p.id) AS splitCount
    FROM allocations a JOIN pledges p ON p.id = a.pledge_id AND p.voided_at IS NULL JOIN donors d ON d.id = p.donor_id
    WHERE a.place_id IN (${sql.join(placeIds.map((id) => sql`${id}`), sql`, `)}) ${year}
    ORDER BY a.amount_fen DESC, p.pledged_on DESC, a.id
    LIMIT ${opts.limit ?? -1}`);
}

/** How many allocations of live pledges were made to exactly this place: what allocationsAt() lists without a limit. */
export function allocationCountAt(reader: Reader, placeId: number, opts: { year?: number } = {}): number {
  return reader.get<{ n: number }>(sql`
    SELECT COUNT(*) AS n FROM allocations a JOIN pledges p ON p.id = a.pledge_id AND p.voided_at IS NULL
    WHERE a.place_id = ${placeId} ${yearOf(opts.year)}`)!.n;
}

export type PeopleReached = { pledgeCount: number; beneficiaries: number; jobs: number; peopleTrained: number };

/**
 * People counts of the live pledges with an allocation on exactly this place (a split pledge's people are counted
 * once, in full, as the overview's headline counts them).
 */
export function peopleReachedAt(reader: Reader, placeId: number, opts: { year?: number } = {}): PeopleReached {
  const year = yearOf(opts.year);
  return reader.get<PeopleReached>(sql`
    SELECT COUNT(*) AS pledgeCount, COALESCE(SUM(p.beneficiaries), 0) AS beneficiaries, COALESCE(SUM(p.jobs), 0) AS jobs,
      COALESCE(SUM(p.people_trained), 0) AS peopleTrained
    FROM pledges p WHERE p.voided_at IS NULL ${year} AND p.id IN (SELECT a.pledge_id FROM allocations a WHERE a.place_id = ${placeId})`)!;
}

