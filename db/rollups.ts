// Roll-up tables: the ledger's pledged and received sums kept per grain (year × town × category, year × month × …),
// maintained in the same transaction as every write by subtracting a pledge's contribution before a change and adding
// it back after. They are derived data: created and rebuilt from the ledger's rows by code (never by hand), and the
// stored signature makes a changed definition rebuild them on the next start.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/** What a roll-up row can be keyed by. Absent places are 0 (SQLite's UNIQUE treats NULLs as distinct). */
export type KeyColumn = 'year' | 'month' | 'place_id' | 'village_id' | 'town_id' | 'category' | 'donor_id' | 'donor_type' | 'form' | 'channel';

/**
 * pledged_fen and received_fen: money; allocations: allocation rows (split pledges included), so a row exists for every
 * allocation; pledges, people_trained, beneficiaries, jobs: of single-allocation pledges only (additive exactly). A split
 * pledge's pledge-level figures are counted from rollup_split, once per pledge, whatever the grouping. Except in a cube,
 * whose row is a whole answer's group (never summed with another): there `pledges` counts every pledge with an
 * allocation in the row, split pledges once each, so that an answer read from a cube needs no count from rollup_split.
 * pledge_heads: pledges counted on their first allocation (lowest id) only, split or not — exact, without rollup_split,
 * for any grouping and filtering by what a pledge has one value of (year, month, donor, donor type, form, channel).
 */
export const MEASURES = ['pledged_fen', 'received_fen', 'allocations', 'pledges', 'people_trained', 'beneficiaries', 'jobs', 'pledge_heads'] as const;

/**
 * A grain's rows are keyed by `keys`. A cube grain (`cube: true`, keys ending with year and category) also holds,
 * for each of its other keys, the rows of every year (year ALL_YEAR) and of every category (category ALL_CATEGORY),
 * so that a province's 15,000 villages or 20,000 donors are ranked by reading one row each, in the order of an
 * index, instead of grouping hundreds of thousands of rows per question.
 */
export type Grain = { table: string; keys: KeyColumn[]; indexes: string[][]; cube?: true };

export const ALL_YEAR = 0;
export const ALL_CATEGORY = '*';

/** Smallest first: a query is answered from the first grain whose keys cover its dimensions and filters. */
export const GRAINS: Grain[] = [
  // a few thousand rows: the whole ledger by category, donor type, form or channel, per year
  { table: 'rollup_year', keys: ['year', 'category', 'donor_type', 'form', 'channel'], indexes: [] },
  { table: 'rollup_month_type', keys: ['year', 'month', 'category', 'donor_type'], indexes: [] },
  { table: 'rollup_month', keys: ['year', 'month', 'category', 'donor_type', 'form', 'channel'], indexes: [] },
  { table: 'rollup_town', keys: ['year', 'town_id', 'category'], indexes: [['town_id', 'year']] },
  { table: 'rollup_town_month', keys: ['year', 'month', 'town_id', 'category', 'donor_type'], indexes: [['town_id', 'year'], ['category', 'year']] },
  { table: 'rollup_town_detail', keys: ['year', 'town_id', 'category', 'donor_type', 'form', 'channel'], indexes: [['town_id', 'year'], ['category', 'year']] },
  { table: 'rollup_donor', keys: ['year', 'donor_id', 'donor_type', 'category', 'form', 'channel'], indexes: [['donor_id', 'year'], ['category', 'year']] },
  { table: 'rollup_place', keys: ['year', 'place_id', 'village_id', 'town_id', 'category'], indexes: [['town_id', 'year'], ['category', 'year']] },
  // the donors of a town, and the towns of a donor
  { table: 'rollup_town_donor', keys: ['year', 'town_id', 'donor_id', 'category'], indexes: [['town_id', 'year'], ['donor_id', 'year']] },
  // cubes: one row per town, village, donor or town-month for every year and category filter, ranked by an index;
  // keyed subject first, so that one town's or one donor's rows are one range of the key
  ...(
    [
      ['rollup_cube_town', ['town_id']],
      ['rollup_cube_village', ['village_id']],
      ['rollup_cube_donor', ['donor_id']],
      ['rollup_cube_town_month', ['town_id', 'month']],
    ] as [string, KeyColumn[]][]
    // the ranking index holds every column a page or a row count reads, so neither visits the table
  ).map(([table, subject]): Grain => ({
    table,
    keys: [...subject, 'year', 'category'],
    indexes: [['year', 'category', 'pledged_fen DESC', ...subject, 'received_fen', 'allocations', 'pledges']],
    cube: true,
  })),
];

/**
 * The allocation rows of split pledges (two or more allocations), keyed like the roll-ups, for exact pledge counts; each
 * with its amount and its live receipts, which the pledge list's totals add back for a split pledge's other allocations.
 */
export const SPLIT_TABLE = 'rollup_split';
export const SPLIT_TOWN_INDEX = 'rollup_split_town';
export const SPLIT_CATEGORY_INDEX = 'rollup_split_category';
export const SPLIT_CATEGORY_COLUMNS: readonly string[] = ['category', 'month', 'donor_type', 'form', 'channel', 'donor_id', 'year', 'pledge_id'];
const SPLIT_KEYS: KeyColumn[] = ['year', 'month', 'place_id', 'village_id', 'town_id', 'category', 'donor_id', 'donor_type', 'form', 'channel'];

const TEXT_KEYS = new Set<KeyColumn>(['month', 'category', 'donor_type', 'form', 'channel']);
const keyType = (k: KeyColumn) => (TEXT_KEYS.has(k) ? 'TEXT' : 'INTEGER');

/** Which pledges a maintenance step covers. */
export type Scope = { pledge: number } | { donor: number } | { place: number } | { from: number; to: number } | 'all';

function scopeSql(scope: Scope): { where: string; params: Record<string, number> } {
  if (scope === 'all') return { where: '1', params: {} };
  if ('pledge' in scope) return { where: 'p.id = @id', params: { id: scope.pledge } };
  if ('donor' in scope) return { where: 'p.donor_id = @id', params: { id: scope.donor } };
  if ('place' in scope) return { where: 'p.id IN (SELECT pledge_id FROM allocations WHERE place_id = @id)', params: { id: scope.place } };
  return { where: 'p.id BETWEEN @from AND @to', params: { from: scope.from, to: scope.to } };
}

const PLACE_KEYS = `a.place_id AS place_id,
  CASE WHEN pl.level = 'village' THEN pl.id ELSE 0 END AS village_id,
  CASE pl.level WHEN 'town' THEN pl.id WHEN 'village' THEN COALESCE(pl.parent_id, 0) ELSE 0 END AS town_id,
  a.category_code AS category, p.donor_id AS donor_id, d.type AS donor_type, p.form AS form, p.channel AS channel`;

/** The columns of a contribution row, in order: every key (as the split rows have them), then the measures. */
const CONTRIBUTION_COLUMNS = [...SPLIT_KEYS, ...MEASURES];

const SINGLE = `(SELECT COUNT(*) FROM allocations x WHERE x.pledge_id = p.id) = 1`;
const HEAD = `a.id = (SELECT MIN(x.id) FROM allocations x WHERE x.pledge_id = p.id)`;

const PLEDGED_FROM = 'pledges p JOIN allocations a ON a.pledge_id = p.id JOIN places pl ON pl.id = a.place_id JOIN donors d ON d.id = p.donor_id';
const RECEIVED_FROM = `pledges p JOIN allocations a ON a.pledge_id = p.id JOIN receipt_allocations ra ON ra.allocation_id = a.id
      JOIN receipts r ON r.id = ra.receipt_id AND r.voided_at IS NULL
      JOIN places pl ON pl.id = a.place_id JOIN donors d ON d.id = p.donor_id`;
// the whole ledger, read in the order the allocation and receipt-share tables are stored: each row then finds its
// pledge, receipt and allocation by id, near the previous one, instead of the order the planner picks for a few pledges
// (at 1,000,000 pledges, with ANALYZE's statistics, by donor: a random read of the pledges table per row, 27 s against
// 8.5 s)
const WHOLE_PLEDGED_FROM = 'allocations a CROSS JOIN pledges p ON p.id = a.pledge_id CROSS JOIN places pl ON pl.id = a.place_id CROSS JOIN donors d ON d.id = p.donor_id';
const WHOLE_RECEIVED_FROM = `receipt_allocations ra CROSS JOIN receipts r ON r.id = ra.receipt_id AND r.voided_at IS NULL CROSS JOIN allocations a ON a.id = ra.allocation_id
      CROSS JOIN pledges p ON p.id = a.pledge_id CROSS JOIN places pl ON pl.id = a.place_id CROSS JOIN donors d ON d.id = p.donor_id`;

/** An allocation's live receipts, summed (one lookup of its receipt shares). */
const ALLOCATION_RECEIVED = `(SELECT COALESCE(SUM(rx.amount_fen), 0) FROM receipt_allocations rx JOIN receipts r ON r.id = rx.receipt_id AND r.voided_at IS NULL WHERE rx.allocation_id = a.id)`;

/**
 * One row per allocation of the pledges in scope: pledged, in the pledge's month, with the pledge-level figures.
 * `received`: the allocation's live receipts summed into received_fen (for the grains without a month, which then need
 * no row per receipt); otherwise 0, the receipts being rows of their own (receiptRowsSql).
 */
function allocationRowsSql(where: string, { wholeLedger = false, received = false } = {}): string {
  return `SELECT CAST(substr(p.pledged_on, 1, 4) AS INTEGER) AS year, substr(p.pledged_on, 1, 7) AS month, ${PLACE_KEYS},
      a.amount_fen AS pledged_fen, ${received ? ALLOCATION_RECEIVED : '0'} AS received_fen, 1 AS allocations,
      CASE WHEN ${SINGLE} THEN 1 ELSE 0 END AS pledges,
      CASE WHEN ${SINGLE} THEN COALESCE(p.people_trained, 0) ELSE 0 END AS people_trained,
      CASE WHEN ${SINGLE} THEN COALESCE(p.beneficiaries, 0) ELSE 0 END AS beneficiaries,
      CASE WHEN ${SINGLE} THEN COALESCE(p.jobs, 0) ELSE 0 END AS jobs,
      CASE WHEN ${HEAD} THEN 1 ELSE 0 END AS pledge_heads
    FROM ${wholeLedger ? WHOLE_PLEDGED_FROM : PLEDGED_FROM}
    WHERE p.voided_at IS NULL AND ${where}`;
}

/** One row per live receipt share of the pledges in scope: received, in the receipt's month (the pledge's year). */
function receiptRowsSql(where: string, wholeLedger = false): string {
  return `SELECT CAST(substr(p.pledged_on, 1, 4) AS INTEGER) AS year, substr(r.received_on, 1, 7) AS month, ${PLACE_KEYS},
      0 AS pledged_fen, ra.amount_fen AS received_fen, 0 AS allocations, 0 AS pledges, 0 AS people_trained, 0 AS beneficiaries, 0 AS jobs, 0 AS pledge_heads
    FROM ${wholeLedger ? WHOLE_RECEIVED_FROM : RECEIVED_FROM}
    WHERE p.voided_at IS NULL AND ${where}`;
}

/**
 * Every contribution of the pledges in scope, each in its month: one row per allocation (pledged, in the pledge's
 * month) and per live receipt share (received, in the receipt's month).
 */
function contributionsSql(where: string): string {
  return `${allocationRowsSql(where)}
    UNION ALL
    ${receiptRowsSql(where)}`;
}

function splitRowsSql(where: string): string {
  return `SELECT a.id AS allocation_id, p.id AS pledge_id, CAST(substr(p.pledged_on, 1, 4) AS INTEGER) AS year, substr(p.pledged_on, 1, 7) AS month, ${PLACE_KEYS},
      a.amount_fen AS amount_fen, ${ALLOCATION_RECEIVED} AS received_fen,
      COALESCE(p.people_trained, 0) AS people_trained, COALESCE(p.beneficiaries, 0) AS beneficiaries, COALESCE(p.jobs, 0) AS jobs
    FROM pledges p JOIN allocations a ON a.pledge_id = p.id JOIN places pl ON pl.id = a.place_id JOIN donors d ON d.id = p.donor_id
    WHERE p.voided_at IS NULL AND NOT ${SINGLE} AND ${where}`;
}

/** A cube row's keys for each of its four versions: as it is, every year, every category, every year and category. */
const CUBE_VARIANTS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** What key `k` holds in a version of a cube row: the value that stands for "all", or undefined to keep its own. */
const allValue = (k: KeyColumn, [allYears, allCategories]: [boolean, boolean]) =>
  k === 'year' && allYears ? ALL_YEAR : k === 'category' && allCategories ? ALL_CATEGORY : undefined;

/** A cube's key columns in one of its versions, for a SELECT: each key as it is or as the value that stands for "all". */
const variantColumns = (grain: Grain, variant: [boolean, boolean]) =>
  grain.keys
    .map((k) => {
      const all = allValue(k, variant);
      return all === undefined ? k : `${typeof all === 'string' ? `'${all}'` : all} AS ${k}`;
    })
    .join(', ');

function upsertSql(grain: Grain, source: string, sign: 1 | -1): string {
  const keys = grain.keys.join(', ');
  const signedSum = (m: string) => `${sign === 1 ? '' : '-'}SUM(${m})`;
  const sums = MEASURES.map(signedSum).join(', ');
  const updates = MEASURES.map((m) => `${m} = ${m} + excluded.${m}`).join(', ');
  const upsert = `ON CONFLICT (${keys}) DO UPDATE SET ${updates}`;
  if (!grain.cube) {
    return `INSERT INTO ${grain.table} (${keys}, ${MEASURES.join(', ')})
    SELECT ${keys}, ${sums} FROM (${source}) WHERE 1 GROUP BY ${keys}
    ${upsert}`;
  }
  // grouped once at the grain's own keys, then each group also counts for every year, every category, and both
  const variants = CUBE_VARIANTS.map((variant) => `SELECT ${variantColumns(grain, variant)}, ${MEASURES.join(', ')} FROM base`);
  return `WITH base AS MATERIALIZED (SELECT ${keys}, ${MEASURES.map((m) => `${signedSum(m)} AS ${m}`).join(', ')} FROM (${source}) WHERE 1 GROUP BY ${keys})
    INSERT INTO ${grain.table} (${keys}, ${MEASURES.join(', ')})
    SELECT ${keys}, ${MEASURES.map((m) => `SUM(${m})`).join(', ')} FROM (${variants.join(' UNION ALL ')}) WHERE 1 GROUP BY ${keys}
    ${upsert}`;
}

/**
 * A cube's counts of split pledges, added (+1) or taken away (−1): each split pledge in scope once in every version of
 * a cube row it has an allocation in, from its rows in rollup_split (`splitWhere` over them).
 */
function cubeSplitCountsSql(grain: Grain, splitWhere: string, sign: 1 | -1): string {
  const keys = grain.keys.join(', ');
  const variants = CUBE_VARIANTS.map((variant) => `SELECT ${variantColumns(grain, variant)}, pledge_id FROM ${SPLIT_TABLE} WHERE ${splitWhere}`);
  return `INSERT INTO ${grain.table} (${keys}, pledges)
    SELECT ${keys}, ${sign === 1 ? '' : '-'}COUNT(DISTINCT pledge_id) FROM (${variants.join(' UNION ALL ')}) WHERE 1 GROUP BY ${keys}
    ON CONFLICT (${keys}) DO UPDATE SET pledges = pledges + excluded.pledges`;
}

function keyVariants(grain: Grain, row: Record<KeyColumn, number | string>): (number | string)[][] {
  const keys = grain.keys.map((k) => row[k]);
  if (!grain.cube) return [keys];
  return CUBE_VARIANTS.map((variant) => grain.keys.map((k, i) => allValue(k, variant) ?? keys[i]!));
}

export function createRollupTablesSql(): string[] {
  const out: string[] = [];
  for (const g of GRAINS) {
    const cols = [...g.keys.map((k) => `${k} ${keyType(k)} NOT NULL`), ...MEASURES.map((m) => `${m} INTEGER NOT NULL DEFAULT 0`)];
    out.push(`CREATE TABLE ${g.table} (${cols.join(', ')}, PRIMARY KEY (${g.keys.join(', ')})) WITHOUT ROWID`);
  }
  out.push(...rollupIndexes().map((ix) => ix.create));
  const splitCols = ['allocation_id INTEGER PRIMARY KEY', 'pledge_id INTEGER NOT NULL', ...SPLIT_KEYS.map((k) => `${k} ${keyType(k)} NOT NULL`), 'amount_fen INTEGER NOT NULL', 'received_fen INTEGER NOT NULL', 'people_trained INTEGER NOT NULL', 'beneficiaries INTEGER NOT NULL', 'jobs INTEGER NOT NULL'];
  out.push(`CREATE TABLE ${SPLIT_TABLE} (${splitCols.join(', ')})`);
  out.push(`CREATE INDEX ${SPLIT_TABLE}_pledge ON ${SPLIT_TABLE} (pledge_id)`);
  // a town's split pledges (summaries within a town count them on every request): found, and counted, in the index
  out.push(`CREATE INDEX ${SPLIT_TOWN_INDEX} ON ${SPLIT_TABLE} (town_id, year, pledge_id)`);
  // the split pledges of a category, or by category (and month) of the whole ledger, in this order and without reading
  // the rows: every key but the places'
  out.push(`CREATE INDEX ${SPLIT_CATEGORY_INDEX} ON ${SPLIT_TABLE} (${SPLIT_CATEGORY_COLUMNS.join(', ')})`);
  return out;
}

/** The name of a grain's `i`th secondary index (its `indexes[i]`). */
export const grainIndexName = (grain: Grain, i: number) => `${grain.table}_ix${i}`;

/** The roll-ups' secondary indexes: a rebuild drops them and creates them again once the rows are in (one sort each). */
function rollupIndexes(): { name: string; create: string }[] {
  return GRAINS.flatMap((g) => g.indexes.map((ix, i) => ({ name: grainIndexName(g, i), create: `CREATE INDEX ${grainIndexName(g, i)} ON ${g.table} (${ix.join(', ')})` })));
}

/** Changes whenever a definition above changes, so that an older file's roll-ups are rebuilt on open. */
export const ROLLUP_SIGNATURE = crypto
  .createHash('sha256')
  .update(
    JSON.stringify({
      GRAINS,
      MEASURES,
      SPLIT_KEYS,
      create: createRollupTablesSql(),
      contributions: contributionsSql('?'),
      allocations: allocationRowsSql('?', { wholeLedger: true, received: true }),
      receipts: receiptRowsSql('?', true),
      split: splitRowsSql('?'),
      cubeSplitCounts: GRAINS.filter((g) => g.cube).map((g) => cubeSplitCountsSql(g, '?', 1)),
    }),
  )
  .digest('hex')
  .slice(0, 16);

const SIGNATURE_KEY = 'rollups.signature';

/**
 * Adds (+1) or subtracts (−1) the contributions of the pledges in scope to every roll-up, as they stand now in the
 * ledger. Run −1 before a change and +1 after it, inside the change's transaction.
 */
export function applyContributions(sqlite: Database.Database, scope: Scope, sign: 1 | -1): void {
  if (scope !== 'all' && 'pledge' in scope) return applyOnePledge(sqlite, scope.pledge, sign);
  applyContributionsTo(sqlite, GRAINS, scope, sign);
}

/** Many pledges: their contributions gathered once, then folded into each of `grains`; and their split rows. */
function applyContributionsTo(sqlite: Database.Database, grains: Grain[], scope: Scope, sign: 1 | -1): void {
  const { where, params } = scopeSql(scope);
  const wholeLedger = scope === 'all';
  // the allocations with their receipts summed serve the grains without a month: a row each instead of one per receipt
  sqlite.prepare('DROP TABLE IF EXISTS temp.rollup_allocation_rows').run();
  sqlite.prepare('DROP TABLE IF EXISTS temp.rollup_receipt_rows').run();
  sqlite.prepare(`CREATE TEMP TABLE rollup_allocation_rows AS ${allocationRowsSql(where, { wholeLedger, received: true })}`).run(params);
  if (grains.some((g) => g.keys.includes('month'))) sqlite.prepare(`CREATE TEMP TABLE rollup_receipt_rows AS ${receiptRowsSql(where, wholeLedger)}`).run(params);
  const inMonths = `SELECT ${CONTRIBUTION_COLUMNS.map((c) => (c === 'received_fen' ? '0 AS received_fen' : c)).join(', ')} FROM temp.rollup_allocation_rows
    UNION ALL SELECT * FROM temp.rollup_receipt_rows`;
  for (const g of grains) prepared(sqlite, upsertSql(g, g.keys.includes('month') ? inMonths : 'SELECT * FROM temp.rollup_allocation_rows', sign)).run();
  sqlite.prepare('DROP TABLE temp.rollup_allocation_rows').run();
  sqlite.prepare('DROP TABLE IF EXISTS temp.rollup_receipt_rows').run();
  // the cubes count split pledges from their split rows: those as they stood before a change, or as they are after it
  const cubes = grains.filter((g) => g.cube);
  if (sign === -1) addCubeSplitCounts(sqlite, cubes, scope, -1);
  applySplitRows(sqlite, scope, sign);
  if (sign === 1) addCubeSplitCounts(sqlite, cubes, scope, 1);
}

/** rollup_split's rows of the pledges in scope. */
function splitScopeSql(scope: Scope): { where: string; params: Record<string, number> } {
  if (scope === 'all') return { where: '1', params: {} };
  const { where, params } = scopeSql(scope);
  return { where: `pledge_id IN (SELECT p.id FROM pledges p WHERE ${where})`, params };
}

function addCubeSplitCounts(sqlite: Database.Database, cubes: Grain[], scope: Scope, sign: 1 | -1): void {
  const { where, params } = splitScopeSql(scope);
  for (const g of cubes) prepared(sqlite, cubeSplitCountsSql(g, where, sign)).run(params);
}

function applySplitRows(sqlite: Database.Database, scope: Scope, sign: 1 | -1): void {
  if (sign === -1) {
    const { where, params } = splitScopeSql(scope);
    prepared(sqlite, `DELETE FROM ${SPLIT_TABLE} WHERE ${where}`).run(params);
  } else {
    const { where, params } = scopeSql(scope);
    prepared(sqlite, `INSERT INTO ${SPLIT_TABLE} ${splitRowsSql(where)}`).run(params);
  }
}

type ContributionRow = Record<KeyColumn, number | string> & Record<(typeof MEASURES)[number], number>;

function upsertValuesSql(grain: Grain): string {
  const columns = [...grain.keys, ...MEASURES];
  const updates = MEASURES.map((m) => `${m} = ${m} + excluded.${m}`).join(', ');
  return `INSERT INTO ${grain.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (${grain.keys.join(', ')}) DO UPDATE SET ${updates}`;
}

// The statements of the one-pledge path, written out once (they run on every write).
const ONE_PLEDGE = scopeSql({ pledge: 0 });
const ONE_PLEDGE_CONTRIBUTIONS = contributionsSql(ONE_PLEDGE.where);
const UPSERT_VALUES = GRAINS.map((grain) => ({ grain, text: upsertValuesSql(grain) }));
const PLEDGES = MEASURES.indexOf('pledges');
const ALLOCATIONS = MEASURES.indexOf('allocations');

/**
 * One pledge (every use case but imports): its few contribution rows are read once and summed per grain here, then
 * each grain gets one keyed upsert per row, instead of running the contributions query once per grain.
 */
function applyOnePledge(sqlite: Database.Database, pledgeId: number, sign: 1 | -1): void {
  const params = { id: pledgeId };
  const rows = prepared(sqlite, ONE_PLEDGE_CONTRIBUTIONS).all(params) as ContributionRow[];
  for (const { grain, text } of UPSERT_VALUES) {
    if (!rows.length) break;
    const sums = new Map<string, { keys: (number | string)[]; measures: number[] }>();
    for (const row of rows) {
      for (const keys of keyVariants(grain, row)) {
        const id = keys.join('\u0000');
        let sum = sums.get(id);
        if (!sum) sums.set(id, (sum = { keys, measures: MEASURES.map(() => 0) }));
        for (let i = 0; i < MEASURES.length; i++) sum.measures[i]! += row[MEASURES[i]!];
      }
    }
    // a cube row counts the pledge once if it has an allocation there, split or not
    if (grain.cube) for (const { measures } of sums.values()) measures[PLEDGES] = measures[ALLOCATIONS]! > 0 ? 1 : 0;
    const upsert = prepared(sqlite, text);
    for (const { keys, measures } of sums.values()) upsert.run(...keys, ...measures.map((v) => sign * v));
  }
  // a pledge with one allocation (most of them) has no split rows to add: its contribution rows say how many it has
  const allocations = rows.reduce((n, row) => n + row.allocations, 0);
  if (sign === -1 || allocations > 1) applySplitRows(sqlite, { pledge: pledgeId }, sign);
}

/** Whether every key of `grain` is a key of `finer` (a plain grain): then `finer`'s rows summed give `grain`'s. */
const coveredBy = (grain: Grain, finer: Grain) => finer !== grain && !finer.cube && grain.keys.every((k) => finer.keys.includes(k));

/**
 * Fills the empty roll-ups with the whole ledger: the grains no other grain covers from the ledger's contributions
 * (millions of rows at national scale, each grain grouping them once), every other one from the smallest grain
 * already filled that covers it (thousands to hundreds of thousands of rows). Only for a full rebuild: a partial
 * scope must add its own contributions to every grain.
 */
function fillFromLedger(sqlite: Database.Database): void {
  const fromLedger = GRAINS.filter((g) => !GRAINS.some((finer) => coveredBy(g, finer)));
  applyContributionsTo(sqlite, fromLedger, 'all', 1);
  const filled = [...fromLedger];
  for (const g of GRAINS.filter((g) => !fromLedger.includes(g))) {
    const source = GRAINS.find((finer) => filled.includes(finer) && coveredBy(g, finer))!;
    sqlite.prepare(upsertSql(g, `SELECT * FROM ${source.table}`, 1)).run();
    filled.push(g);
  }
  // the plain grains hold single-allocation pledges' counts only: the cubes' split pledges come from rollup_split
  addCubeSplitCounts(sqlite, GRAINS.filter((g) => g.cube), 'all', 1);
}

/** Empties every roll-up and fills it again from the ledger's rows. */
export function rebuildRollupTables(sqlite: Database.Database): void {
  // filling a table whose index is in another order than its rows costs a random write per row: indexes come after
  const indexes = rollupIndexes();
  for (const ix of indexes) sqlite.prepare(`DROP INDEX IF EXISTS ${ix.name}`).run();
  for (const g of GRAINS) sqlite.prepare(`DELETE FROM ${g.table}`).run();
  sqlite.prepare(`DELETE FROM ${SPLIT_TABLE}`).run();
  fillFromLedger(sqlite);
  // rows whose every measure came back to zero (a voided pledge's) are dropped so that the tables stay small
  purgeZeroRows(sqlite);
  for (const ix of indexes) sqlite.prepare(ix.create).run();
}

export function purgeZeroRows(sqlite: Database.Database): void {
  for (const g of GRAINS) sqlite.prepare(`DELETE FROM ${g.table} WHERE ${MEASURES.map((m) => `${m} = 0`).join(' AND ')}`).run();
}

function existingRollupTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rollup\\_%' ESCAPE '\\'`)
    .all()
    .map((r) => (r as { name: string }).name);
}

/** On open: creates the roll-ups of a new or older file and fills them, unless they already match this code. */
export function ensureRollups(sqlite: Database.Database): { rebuilt: boolean } {
  const stored = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(SIGNATURE_KEY) as { value: string } | undefined;
  if (stored?.value === ROLLUP_SIGNATURE && existingRollupTables(sqlite).length === GRAINS.length + 1) return { rebuilt: false };
  sqlite.transaction(() => {
    for (const name of existingRollupTables(sqlite)) sqlite.prepare(`DROP TABLE ${name}`).run();
    for (const statement of createRollupTablesSql()) sqlite.prepare(statement).run();
    rebuildRollupTables(sqlite);
    sqlite
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(SIGNATURE_KEY, ROLLUP_SIGNATURE);
  }).immediate();
  return { rebuilt: true };
}

/**
 * Rebuilds every roll-up and names the tables whose maintained rows differed from the rebuilt ones (compared in SQL,
 * so that a national-size ledger is compared without holding it in memory).
 */
export function rebuildAndCompare(sqlite: Database.Database): string[] {
  purgeZeroRows(sqlite);
  const tables = [...GRAINS.map((g) => g.table), SPLIT_TABLE];
  for (const t of tables) {
    sqlite.prepare(`DROP TABLE IF EXISTS temp.before_${t}`).run();
    sqlite.prepare(`CREATE TEMP TABLE before_${t} AS SELECT * FROM ${t}`).run();
  }
  rebuildRollupTables(sqlite);
  const drifted = tables.filter((t) => {
    const diff = sqlite.prepare(`SELECT (SELECT COUNT(*) FROM (SELECT * FROM temp.before_${t} EXCEPT SELECT * FROM ${t})) + (SELECT COUNT(*) FROM (SELECT * FROM ${t} EXCEPT SELECT * FROM temp.before_${t})) AS n`).get() as { n: number };
    return diff.n > 0;
  });
  for (const t of tables) sqlite.prepare(`DROP TABLE temp.before_${t}`).run();
  return drifted;
}

/** Every non-zero roll-up row, in a stable order: what a test or the rebuild command compares. */
export function rollupSnapshot(sqlite: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const g of GRAINS) {
    out[g.table] = sqlite
      .prepare(`SELECT * FROM ${g.table} WHERE NOT (${MEASURES.map((m) => `${m} = 0`).join(' AND ')}) ORDER BY ${g.keys.join(', ')}`)
      .raw()
      .all();
  }
  out[SPLIT_TABLE] = sqlite.prepare(`SELECT * FROM ${SPLIT_TABLE} ORDER BY allocation_id`).raw().all();
  return out;
}
