// The fixed vocabularies of the ledger (stored as codes, shown through the i18n messages).
export const ROLES = ['admin', 'coordinator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PLACE_LEVELS = ['county', 'town', 'village'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export const DONOR_TYPES = [
  'united_front_department',
  'democratic_party',
  'association',
  'chamber_of_commerce',
  'enterprise',
  'foundation',
  'university',
  'working_group',
  'cadres',
  'individual',
] as const;
export type DonorType = (typeof DONOR_TYPES)[number];

export const CATEGORY_CODES = [
  'industry',
  'consumption',
  'education',
  'health',
  'party_building',
  'infrastructure',
  'epidemic',
  'training',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const PLEDGE_FORMS = ['cash', 'in_kind', 'purchase', 'training'] as const;
export type PledgeForm = (typeof PLEDGE_FORMS)[number];

export const CHANNELS = ['direct', 'coordinated'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RECEIPT_FORMS = ['transfer', 'materials', 'purchase_settled'] as const;
export type ReceiptForm = (typeof RECEIPT_FORMS)[number];

export const PLEDGE_STATUSES = ['pledged', 'partly_received', 'fulfilled', 'overdue', 'voided'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export const SUMMARY_DIMENSIONS = ['village', 'town', 'category', 'donor', 'donorType', 'form', 'month'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];
