// The fields an import can fill, the column headers people actually write for each, and the proposed mapping.
import { normalizeKey } from './values';

export type ImportKind = 'pledges' | 'receipts';

/** The template's example row carries this note: a row still carrying it is recognised and left out of the import. */
export const TEMPLATE_EXAMPLE_NOTE = '示例行，导入前请删除 (example row: delete before importing)';

export const PLEDGE_FIELDS = [
  'donor',
  'donorType',
  'amountYuan',
  'amountWan',
  'category',
  'form',
  'channel',
  'county',
  'town',
  'village',
  'place',
  'pledgedOn',
  'dueOn',
  'projectName',
  'beneficiaries',
  'jobs',
  'peopleTrained',
  'note',
] as const;

export const RECEIPT_FIELDS = [
  'pledgeId',
  'donor',
  'pledgedOn',
  'pledgeAmountYuan',
  'pledgeAmountWan',
  'amountYuan',
  'amountWan',
  'receivedOn',
  'receiptForm',
  'reference',
  'confirmedBy',
  'confirmedOn',
  'note',
] as const;

export type PledgeField = (typeof PLEDGE_FIELDS)[number];
export type ReceiptField = (typeof RECEIPT_FIELDS)[number];
export type ImportField = PledgeField | ReceiptField;
export type Mapping = (ImportField | null)[];

export const FIELDS: Record<ImportKind, readonly ImportField[]> = { pledges: PLEDGE_FIELDS, receipts: RECEIPT_FIELDS };

/** Fields a row cannot do without (an amount in either unit; a place may be left blank only in a one-county ledger). */
export const REQUIRED: Record<ImportKind, (ImportField | ImportField[])[]> = {
  pledges: ['donor', ['amountYuan', 'amountWan'], 'category', 'pledgedOn'],
  receipts: [['amountYuan', 'amountWan'], 'receivedOn', ['pledgeId', 'donor']],
};

// Headers seen in coordinators' sheets (and our template), compared after normalizeKey (no spaces, half-width brackets).
const SYNONYMS: Record<ImportKind, Partial<Record<ImportField, string[]>>> = {
  pledges: {
    donor: ['捐赠单位', '帮扶单位', '单位名称', '捐赠单位名称', '帮扶单位名称', '捐赠方', '捐赠人', '帮扶方', '单位', '企业名称', '出资单位', 'donor', 'donorname', 'organisation', 'organization'],
    donorType: ['单位类型', '帮扶单位类型', '捐赠单位类型', '单位性质', 'donortype'],
    amountYuan: ['金额(元)', '金额', '认捐金额', '认捐金额(元)', '帮扶金额', '帮扶金额(元)', '捐赠金额', '捐赠金额(元)', '投入金额', '投入金额(元)', '价值(元)', '折合金额(元)', 'amount', 'amount(yuan)', 'amount(cny)', 'amount(rmb)'],
    amountWan: ['金额(万元)', '认捐金额(万元)', '帮扶金额(万元)', '捐赠金额(万元)', '投入金额(万元)', '投入资金(万元)', '价值(万元)', 'amount(10kyuan)', 'amount(wan)'],
    category: ['类别', '帮扶类别', '帮扶类型', '项目类别', '帮扶领域', '领域', 'category'],
    form: ['形式', '帮扶形式', '捐赠形式', '帮扶方式', '方式', 'form'],
    channel: ['渠道', '帮扶渠道', '投入方式', 'channel'],
    county: ['县', '县区', '县(区)', '县(市、区)', 'county'],
    town: ['乡镇', '乡镇(街道)', '镇', '乡', '乡(镇)', '街道', '所在乡镇', 'town', 'township'],
    village: ['村', '村(社区)', '行政村', '村名', '所在村', '村居', 'village'],
    place: ['地点', '帮扶地点', '受援地', '受援地点', '项目地点', 'place', 'location'],
    pledgedOn: ['日期', '认捐日期', '捐赠日期', '签约日期', '帮扶日期', '时间', '认捐时间', 'date', 'pledgedon', 'pledgedate'],
    dueOn: ['到期日', '到位期限', '约定到位日期', '到期日期', 'due', 'duedate', 'dueon'],
    projectName: ['项目名称', '项目', '项目内容', 'project', 'projectname'],
    beneficiaries: ['受益人数', '受益人口', '惠及人数', '受益群众', 'beneficiaries'],
    jobs: ['带动就业', '就业人数', '带动就业人数', 'jobs'],
    peopleTrained: ['培训人数', '培训人次', 'peopletrained', 'trainees', 'trained'],
    note: ['备注', '说明', '备注说明', 'note', 'notes', 'remarks', 'remark'],
  },
  receipts: {
    pledgeId: ['认捐编号', '认捐号', '编号', '认捐id', 'pledgeid', 'pledge', 'pledgeno', 'pledge#'],
    donor: ['捐赠单位', '帮扶单位', '单位名称', '捐赠方', '单位', 'donor'],
    pledgedOn: ['认捐日期', 'pledgedon', 'pledgedate'],
    pledgeAmountYuan: ['认捐金额', '认捐金额(元)', 'pledgeamount', 'pledgeamount(yuan)'],
    pledgeAmountWan: ['认捐金额(万元)', 'pledgeamount(10kyuan)'],
    amountYuan: ['到账金额', '到账金额(元)', '到位金额', '到位金额(元)', '金额', '金额(元)', 'amount', 'amount(yuan)', 'receivedamount'],
    amountWan: ['到账金额(万元)', '到位金额(万元)', '金额(万元)', 'amount(10kyuan)'],
    receivedOn: ['到账日期', '到位日期', '日期', '收款日期', 'receivedon', 'date', 'receiveddate'],
    receiptForm: ['到账形式', '形式', '方式', 'form', 'receiptform'],
    reference: ['凭证号', '凭证编号', '流水号', '单据号', 'reference', 'ref'],
    confirmedBy: ['签收人', '经办人', '确认人', 'confirmedby'],
    confirmedOn: ['签收日期', '确认日期', 'confirmedon'],
    note: ['备注', '说明', 'note', 'notes', 'remarks'],
  },
};

/** A header as compared: half-width, lower case, without spaces. */
export const headerKey = (header: string) => normalizeKey(header);

/** A header's candidate keys: the whole text and each line or slash-separated part ("帮扶单位\nDonor"). */
function headerParts(header: string): string[] {
  const whole = headerKey(header);
  const parts = header
    .split(/[\n\r/|]+/)
    .map(headerKey)
    .filter(Boolean);
  return [whole, ...parts];
}

function synonymField(kind: ImportKind, header: string): ImportField | null {
  const table = SYNONYMS[kind];
  for (const part of headerParts(header)) {
    for (const [field, names] of Object.entries(table) as [ImportField, string[]][]) if (names.some((n) => headerKey(n) === part)) return field;
  }
  // Looser: a header that mentions an amount and 万 is in 万元; other amount-like words in yuan; dates.
  const k = headerKey(header);
  const amountWord = /金额|资金|价值|amount/.test(k);
  if (kind === 'pledges') {
    if (amountWord) return /万/.test(k) ? 'amountWan' : 'amountYuan';
    if (/日期|date/.test(k)) return 'pledgedOn';
  } else {
    if (amountWord && !/认捐|pledge/.test(k)) return /万/.test(k) ? 'amountWan' : 'amountYuan';
    if (/到账|到位|received/.test(k) && /日期|date/.test(k)) return 'receivedOn';
  }
  return null;
}

/** How many headers of a row look like import headers: picks the header row under a title row or two. */
export function headerScore(kind: ImportKind, cells: string[]): number {
  return cells.filter((c) => c.trim() && synonymField(kind, c) !== null).length;
}

/**
 * One field per column: first what this person mapped that header to last time, then the known synonyms.
 * A field goes to the first column that claims it; later columns claiming it again stay unmapped.
 */
export function proposeMapping(kind: ImportKind, headers: string[], remembered: Record<string, string> = {}): Mapping {
  const allowed = new Set<string>(FIELDS[kind]);
  const taken = new Set<ImportField>();
  const fromMemory = headers.map((h) => {
    const f = remembered[headerKey(h)];
    return f && allowed.has(f) ? (f as ImportField) : f === '' ? ('' as const) : null;
  });
  return headers.map((h, i) => {
    const recalled = fromMemory[i];
    // '' means the person chose to leave this header unmapped last time.
    if (recalled === '') return null;
    const field = recalled ?? synonymField(kind, h);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Checks a mapping a person submitted: known fields, each at most once, and what a row cannot do without. */
export function checkMapping(kind: ImportKind, mapping: Mapping): { ok: true } | { ok: false; missing: ImportField[]; duplicate: ImportField[] } {
  const allowed = new Set<string>(FIELDS[kind]);
  const seen = new Set<ImportField>();
  const duplicate: ImportField[] = [];
  for (const f of mapping) {
    if (f === null) continue;
    if (!allowed.has(f)) return { ok: false, missing: [], duplicate: [f] };
    if (seen.has(f)) duplicate.push(f);
    seen.add(f);
  }
  const missing = REQUIRED[kind].filter((r) => (Array.isArray(r) ? !r.some((f) => seen.has(f)) : !seen.has(r))).map((r) => (Array.isArray(r) ? r[0]! : r));
  if (seen.has('amountYuan') && seen.has('amountWan')) duplicate.push('amountWan');
  return missing.length || duplicate.length ? { ok: false, missing, duplicate } : { ok: true };
}

/** What to remember of a confirmed mapping: header → field, '' for a header deliberately left out. */
export function mappingMemory(headers: string[], mapping: Mapping): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k) out[k] = mapping[i] ?? '';
  });
  return out;
}
