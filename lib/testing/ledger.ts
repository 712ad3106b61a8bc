// Fresh in-memory ledgers and signed-in actors for unit tests.
import { openDatabase, type Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import type { Role } from '@/lib/codes';
import { createDonor } from '@/lib/donors';
import { createPlace } from '@/lib/places';

export function freshDb(): Db {
  return openDatabase(':memory:').db;
}

export function makeActor(db: Db, role: Role = 'coordinator', username = `${role}1`): Actor {
  const at = new Date().toISOString();
  const row = db.insert(users).values({ username, displayName: username, role, passwordHash: 'x', createdAt: at, updatedAt: at }).returning().get();
  return { userId: row.id, role, username, displayName: username };
}

/** A county with two towns of two villages each, and two donors. */
export function smallLedger(db: Db, actor: Actor) {
  const county = createPlace(db, actor, { nameZh: '测试县', level: 'county' });
  const towns = [1, 2].map((i) => createPlace(db, actor, { nameZh: `${i}镇`, level: 'town', parentId: county.id }));
  const villages = towns.flatMap((t, ti) => [1, 2].map((i) => createPlace(db, actor, { nameZh: `${ti + 1}镇${i}村`, level: 'village', parentId: t.id })));
  const donors = [createDonor(db, actor, { nameZh: '甲公司', type: 'enterprise' }), createDonor(db, actor, { name: 'B Foundation', type: 'foundation' })];
  return { county, towns, villages, donors };
}
