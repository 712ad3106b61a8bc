// Reads of donors and places for their lists and profiles, with their pledged and received totals.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Reader } from './pledges';

export type DonorListRow = {
  id: number; name: string | null; nameZh: string | null; type: string; contactPerson: string | null; phone: string | null; note: string | null;
  version: number; pledgeCount: number; pledgedFen: number; receivedFen: number;
};

export function listDonors(reader: Reader, opts: { q?: string; type?: string } = {}): DonorListRow[] {
  const where = [sql`1 = 1`];
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(d.name LIKE ${like} ESCAPE '\\' OR d.name_zh LIKE ${like} ESCAPE '\\' OR d.contact_person LIKE ${like} ESCAPE '\\')`);
  }
  if (opts.type) where.push(sql`d.type = ${opts.type}`);
  return reader.all<DonorListRow>(sql`
    SELECT d.id, d.name, d.name_zh AS nameZh, d.type, d.contact_person AS contactPerson, d.phone, d.note, d.version,
      COUNT(p.id) AS pledgeCount, COALESCE(SUM(p.amount_fen), 0) AS pledgedFen, COALESCE(SUM(p.received_fen), 0) AS receivedFen
    FROM donors d LEFT JOIN pledges p ON p.donor_id = d.id AND p.voided_at IS NULL
    WHERE ${sql.join(where, sql` AND `)}
    GROUP BY d.id ORDER BY pledgedFen DESC, d.id`);
}

export function getDonor(reader: Reader, id: number): DonorListRow | undefined {
  return reader.get<DonorListRow>(sql`
    SELECT d.id, d.name, d.name_zh AS nameZh, d.type, d.contact_person AS contactPerson, d.phone, d.note, d.version,
      COUNT(p.id) AS pledgeCount, COALESCE(SUM(p.amount_fen), 0) AS pledgedFen, COALESCE(SUM(p.received_fen), 0) AS receivedFen
    FROM donors d LEFT JOIN pledges p ON p.donor_id = d.id AND p.voided_at IS NULL
    WHERE d.id = ${id} GROUP BY d.id`);
}

export type PlaceListRow = {
  id: number; name: string | null; nameZh: string | null; level: 'county' | 'town' | 'village'; parentId: number | null; version: number;
  /** allocations to this place itself */
  ownFen: number;
  /** allocations to this place and every place below it */
  totalFen: number;
};

/** Every place with what was allocated to it and under it (live pledges only), in tree order. */
export function listPlaces(reader: Reader): PlaceListRow[] {
  const rows = reader.all<Omit<PlaceListRow, 'totalFen'>>(sql`
    SELECT pl.id, pl.name, pl.name_zh AS nameZh, pl.level, pl.parent_id AS parentId, pl.version,
      COALESCE((SELECT SUM(a.amount_fen) FROM allocations a JOIN pledges p ON p.id = a.pledge_id AND p.voided_at IS NULL WHERE a.place_id = pl.id), 0) AS ownFen
    FROM places pl ORDER BY pl.id`);
  const byId = new Map(rows.map((r) => [r.id, { ...r, totalFen: r.ownFen }]));
  for (const level of ['village', 'town'] as const) {
    for (const r of byId.values()) {
      if (r.level === level && r.parentId !== null) byId.get(r.parentId)!.totalFen += r.totalFen;
    }
  }
  const children = new Map<number | null, PlaceListRow[]>();
  for (const r of byId.values()) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const ordered: PlaceListRow[] = [];
  const walk = (parent: number | null) => {
    for (const r of children.get(parent) ?? []) {
      ordered.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return ordered;
}

export type PlaceRecord = Omit<PlaceListRow, 'ownFen' | 'totalFen'>;

export function getPlace(reader: Reader, id: number): PlaceRecord | undefined {
  return reader.get<PlaceRecord>(sql`SELECT pl.id, pl.name, pl.name_zh AS nameZh, pl.level, pl.parent_id AS parentId, pl.version FROM places pl WHERE pl.id = ${id}`);
}
