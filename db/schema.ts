// The ledger's tables. Money is integer fen; dates are 'YYYY-MM-DD' text; timestamps are ISO-8601 UTC text.
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'coordinator', 'viewer'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabledAt: text('disabled_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_username_unique').on(sql`lower(${t.username})`),
    check('users_role_check', sql`${t.role} in ('admin','coordinator','viewer')`),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    // SHA-256 of the random token held in the cookie: a stolen database does not yield live sessions.
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginThrottle = sqliteTable('login_throttle', {
  // 'user:<name>' or 'ip:<address>'
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: text('first_failure_at').notNull(),
  lockedUntil: text('locked_until'),
});

export const places = sqliteTable(
  'places',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code'),
    name: text('name'),
    nameZh: text('name_zh'),
    level: text('level', { enum: ['county', 'town', 'village'] }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => places.id),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('places_code_unique').on(t.code),
    index('places_parent_idx').on(t.parentId),
    check('places_level_check', sql`${t.level} in ('county','town','village')`),
    check('places_has_name', sql`coalesce(${t.name}, ${t.nameZh}) is not null`),
  ],
);

export const donors = sqliteTable(
  'donors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code'),
    name: text('name'),
    nameZh: text('name_zh'),
    type: text('type').notNull(),
    contactPerson: text('contact_person'),
    phone: text('phone'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('donors_code_unique').on(t.code),
    index('donors_type_idx').on(t.type),
    index('donors_sort_name_idx').on(sql`coalesce(${t.nameZh}, ${t.name})`, t.id),
    check('donors_has_name', sql`coalesce(${t.name}, ${t.nameZh}) is not null`),
  ],
);

export const categories = sqliteTable('categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
  // the category's bit in pledges.category_mask (a power of two, one per category)
  bit: integer('bit').notNull().default(0),
});

export const pledges = sqliteTable(
  'pledges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    donorId: integer('donor_id').notNull().references(() => donors.id),
    form: text('form', { enum: ['cash', 'in_kind', 'purchase', 'training'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    // sum of the pledge's live receipts, kept in step by the receipt use cases (never typed by hand)
    receivedFen: integer('received_fen').notNull().default(0),
    // the day from which the pledge is overdue unless fulfilled: its due date, or the first instalment date by which
    // more was due than has been received; kept in step by the pledge and receipt use cases (see db/queries/status.ts)
    overdueOn: text('overdue_on'),
    // the bits (categories.bit) of the categories of the pledge's allocations, kept by triggers on allocations: what
    // lets a walk of the list's sort indexes test a category filter from the index entry, without reading allocations
    categoryMask: integer('category_mask').notNull().default(0),
    pledgedOn: text('pledged_on').notNull(),
    dueOn: text('due_on'),
    channel: text('channel', { enum: ['direct', 'coordinated'] }).notNull(),
    projectName: text('project_name'),
    note: text('note'),
    beneficiaries: integer('beneficiaries'),
    jobs: integer('jobs'),
    peopleTrained: integer('people_trained'),
    voidedAt: text('voided_at'),
    voidedBy: integer('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('pledges_donor_idx').on(t.donorId, t.voidedAt, t.id, t.pledgedOn, t.form, t.channel, t.amountFen, t.receivedFen, t.overdueOn, t.categoryMask),
    index('pledges_pledged_on_idx').on(t.pledgedOn, t.id),
    // the pledge list's sort orders over live pledges, and the overdue ones, without a scan of the ledger
    index('pledges_live_pledged_on_idx').on(t.pledgedOn, t.id, t.donorId, t.form, t.channel, t.amountFen, t.receivedFen, t.overdueOn, t.voidedAt, t.categoryMask).where(sql`voided_at IS NULL`),
    index('pledges_live_amount_idx').on(t.amountFen, t.id, t.pledgedOn, t.donorId, t.form, t.channel, t.receivedFen, t.overdueOn, t.voidedAt, t.categoryMask).where(sql`voided_at IS NULL`),
    index('pledges_live_received_idx').on(t.receivedFen, t.id, t.pledgedOn, t.donorId, t.form, t.channel, t.amountFen, t.overdueOn, t.voidedAt, t.categoryMask).where(sql`voided_at IS NULL`),
    index('pledges_overdue_idx').on(t.overdueOn, t.id, t.pledgedOn, t.donorId, t.form, t.channel, t.amountFen, t.receivedFen, t.voidedAt, t.categoryMask).where(sql`voided_at IS NULL AND received_fen < amount_fen`),
    // a search's matches summed by id without reading their rows (one narrow entry each, appended as pledges are recorded)
    index('pledges_sums_idx').on(t.id, t.voidedAt, t.amountFen, t.receivedFen),
    index('pledges_voided_idx').on(t.pledgedOn, t.id, t.donorId, t.form, t.channel, t.amountFen, t.receivedFen, t.overdueOn, t.voidedAt, t.categoryMask).where(sql`voided_at IS NOT NULL`),
    check('pledges_amount_check', sql`${t.amountFen} >= 0`),
    check('pledges_form_check', sql`${t.form} in ('cash','in_kind','purchase','training')`),
    check('pledges_channel_check', sql`${t.channel} in ('direct','coordinated')`),
  ],
);

export const allocations = sqliteTable(
  'allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pledgeId: integer('pledge_id').notNull().references(() => pledges.id),
    placeId: integer('place_id').notNull().references(() => places.id),
    categoryCode: text('category_code').notNull().references(() => categories.code),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [
    index('allocations_pledge_idx').on(t.pledgeId, t.categoryCode, t.placeId),
    index('allocations_place_idx').on(t.placeId, t.pledgeId, t.categoryCode),
    index('allocations_category_idx').on(t.categoryCode),
    check('allocations_amount_check', sql`${t.amountFen} >= 0`),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    // null only for the system itself (migrations and the demo seed), never for a person's change
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_user_idx').on(t.userId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    userId: integer('user_id').notNull(),
    route: text('route').notNull(),
    statusCode: integer('status_code').notNull(),
    responseJson: text('response_json').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const receipts = sqliteTable(
  'receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pledgeId: integer('pledge_id').notNull().references(() => pledges.id),
    // for materials: the value verified on delivery, which may differ from the pledge's declared value
    amountFen: integer('amount_fen').notNull(),
    receivedOn: text('received_on').notNull(),
    form: text('form', { enum: ['transfer', 'materials', 'purchase_settled'] }).notNull(),
    reference: text('reference'),
    note: text('note'),
    overReceipt: integer('over_receipt', { mode: 'boolean' }).notNull().default(false),
    confirmedBy: text('confirmed_by'),
    confirmedOn: text('confirmed_on'),
    voidedAt: text('voided_at'),
    voidedBy: integer('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('receipts_pledge_idx').on(t.pledgeId),
    index('receipts_received_on_idx').on(t.receivedOn),
    check('receipts_amount_check', sql`${t.amountFen} > 0`),
    check('receipts_form_check', sql`${t.form} in ('transfer','materials','purchase_settled')`),
  ],
);

// A receipt's amount apportioned over its pledge's allocations, so that per-place and per-category
// received figures add up exactly to the receipts without counting any yuan twice.
export const receiptAllocations = sqliteTable(
  'receipt_allocations',
  {
    receiptId: integer('receipt_id').notNull().references(() => receipts.id),
    allocationId: integer('allocation_id').notNull().references(() => allocations.id),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.receiptId, t.allocationId] }), index('receipt_alloc_allocation_idx').on(t.allocationId)],
);

export const instalments = sqliteTable(
  'instalments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pledgeId: integer('pledge_id').notNull().references(() => pledges.id),
    dueOn: text('due_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('instalments_pledge_idx').on(t.pledgeId, t.dueOn), check('instalments_amount_check', sql`${t.amountFen} > 0`)],
);

export const yearCloses = sqliteTable('year_closes', {
  year: integer('year').primaryKey(),
  closedAt: text('closed_at').notNull(),
  closedBy: integer('closed_by').references(() => users.id),
});
