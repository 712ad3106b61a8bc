// Reading one spreadsheet cell as a date, a count or a coded value (category, form, …), the way people write them.
import { CATEGORY_CODES, CHANNELS, DONOR_TYPES, PLEDGE_FORMS, RECEIPT_FORMS, type CategoryCode, type Channel, type DonorType, type PledgeForm, type ReceiptForm } from '../codes';
import { isIsoDate } from '../time';
import { MESSAGES } from '../i18n/messages';

/** A cell as staged: text, a number, or 'YYYY-MM-DD' for a cell Excel stored as a date. Empty cells are null. */
export type Cell = string | number | null;

// Full-width forms typed with Chinese input methods, mapped one by one (NFKC would also turn "①" into "1").
function halfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Text of a cell, trimmed; '' for an empty cell. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** For comparing names and labels: half-width, lower case, no spaces, Chinese and Latin brackets alike. */
export function normalizeKey(s: string): string {
  return halfWidth(s)
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']');
}

export type DateResult = { ok: true; date: string } | { ok: false; error: 'date' | 'dateAmbiguous' };

/** Excel's day 1 is 1900-01-01 and it believes 1900 was a leap year, so serials from 61 on count from 1899-12-30. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return null;
  const days = Math.floor(serial);
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * 2020-12-27, 2020/12/27, 2020.12.27, 2020年12月27日, 20201227, an optional time after the date, or an Excel serial
 * number. Day-first or month-first forms (12/27/2020) are refused rather than guessed.
 */
export function parseDateCell(cell: Cell | undefined): DateResult {
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso && isIsoDate(iso) ? { ok: true, date: iso } : { ok: false, error: 'date' };
  }
  const s = halfWidth(cellText(cell)).replace(/\s+/g, ' ');
  if (!s) return { ok: false, error: 'date' };
  const withTime = /^(.+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  const d = (withTime?.[1] ?? s).trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(d);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(d);
  if (m) {
    const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    return isIsoDate(iso) ? { ok: true, date: iso } : { ok: false, error: 'date' };
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(d)) return { ok: false, error: 'dateAmbiguous' };
  return { ok: false, error: 'date' };
}

export type CountResult = { ok: true; value: number | null } | { ok: false };

/** A head count: "931", "1,000", "931人", "5401人次". Blank is null. "一万余人" or "10000+" are refused: a count is not guessed. */
export function parseCountCell(cell: Cell | undefined): CountResult {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell >= 0 && cell <= 100_000_000 ? { ok: true, value: cell } : { ok: false };
  const s = halfWidth(cellText(cell)).replace(/\s+/g, '');
  if (!s) return { ok: true, value: null };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:人次|人|名|个|户)?$/.exec(s);
  if (!m) return { ok: false };
  const value = Number(m[1]!.replace(/,/g, ''));
  return value <= 100_000_000 ? { ok: true, value } : { ok: false };
}

/** Builds a lookup from every way of writing a code (the code, its Chinese and English labels, aliases) to the code. */
function lookup<T extends string>(codes: readonly T[], labels: (code: T) => string[], aliases: Record<string, T>): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const code of codes) for (const label of [code, code.replace(/_/g, ' '), ...labels(code)]) map.set(normalizeKey(label), code);
  for (const [alias, code] of Object.entries(aliases)) map.set(normalizeKey(alias), code);
  return (text) => map.get(normalizeKey(text)) ?? null;
}

const zh = MESSAGES.zh;
const en = MESSAGES.en;

/** Category labels as stored in the categories table (migration 0001); kept here so parsing needs no database. */
const CATEGORY_LABELS: Record<CategoryCode, [string, string]> = {
  industry: ['产业帮扶', 'Industry'],
  consumption: ['消费帮扶', 'Consumption (farm-product sales)'],
  education: ['教育帮扶', 'Education'],
  health: ['医疗健康帮扶', 'Health and medical'],
  party_building: ['党建帮扶', 'Party building'],
  infrastructure: ['基础设施与村容村貌', 'Infrastructure and village appearance'],
  epidemic: ['疫情防控', 'Epidemic prevention'],
  training: ['干部人才培训', 'Training of cadres and technicians'],
};

export const matchCategory = lookup<CategoryCode>(CATEGORY_CODES, (c) => CATEGORY_LABELS[c], {
  产业: 'industry',
  产业扶贫: 'industry',
  消费: 'consumption',
  消费扶贫: 'consumption',
  教育: 'education',
  教育扶贫: 'education',
  医疗: 'health',
  健康: 'health',
  医疗帮扶: 'health',
  健康帮扶: 'health',
  医疗健康: 'health',
  健康扶贫: 'health',
  health: 'health',
  党建: 'party_building',
  基层党建: 'party_building',
  基础设施: 'infrastructure',
  基础设施建设: 'infrastructure',
  村容村貌: 'infrastructure',
  infrastructure: 'infrastructure',
  疫情: 'epidemic',
  防疫: 'epidemic',
  疫情防控帮扶: 'epidemic',
  培训: 'training',
  干部培训: 'training',
  人才培训: 'training',
  干部人才培训帮扶: 'training',
  consumption: 'consumption',
});

export const matchForm = lookup<PledgeForm>(PLEDGE_FORMS, (c) => [zh.forms[c], en.forms[c]], {
  现金: 'cash',
  资金帮扶: 'cash',
  funds: 'cash',
  money: 'cash',
  实物: 'in_kind',
  物资捐赠: 'in_kind',
  materials: 'in_kind',
  'in-kind': 'in_kind',
  采购: 'purchase',
  消费: 'purchase',
  帮销: 'purchase',
  消费帮扶: 'purchase',
  购买: 'purchase',
  sales: 'purchase',
  purchases: 'purchase',
});

export const matchChannel = lookup<Channel>(CHANNELS, (c) => [zh.channels[c], en.channels[c]], {
  直接: 'direct',
  直接投入: 'direct',
  直接实施: 'direct',
  协调: 'coordinated',
  协调引进: 'coordinated',
  引进: 'coordinated',
  社会帮扶: 'coordinated',
});

export const matchDonorType = lookup<DonorType>(DONOR_TYPES, (c) => [zh.donorTypes[c], en.donorTypes[c]], {
  企业: 'enterprise',
  公司: 'enterprise',
  国有企业: 'enterprise',
  私营企业: 'enterprise',
  光彩企业: 'enterprise',
  统战部: 'united_front_department',
  协会: 'association',
  学会: 'association',
  社团: 'association',
  大学: 'university',
  学校: 'university',
  院校: 'university',
  基金: 'foundation',
  工商联: 'chamber_of_commerce',
  党派: 'democratic_party',
  干部职工: 'cadres',
});

export const matchReceiptForm = lookup<ReceiptForm>(RECEIPT_FORMS, (c) => [zh.receiptForms[c], en.receiptForms[c]], {
  银行转账: 'transfer',
  汇款: 'transfer',
  资金: 'transfer',
  物资: 'materials',
  实物: 'materials',
  交付: 'materials',
  采购: 'purchase_settled',
  结算: 'purchase_settled',
  消费帮销: 'purchase_settled',
});

/** Words that mark a totals row at the foot of a sheet (not an item). */
export function isTotalsLabel(text: string): boolean {
  return /^(合计|总计|小计|共计|累计|total|subtotal|sum)[:：]?$/i.test(normalizeKey(text));
}

/** Whether a text is written in Chinese characters (for choosing nameZh or name when creating a donor). */
export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}
