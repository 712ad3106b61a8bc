// The .xlsx template coordinators fill in: bilingual headers, one example row, dropdowns, and a sheet of instructions.
import 'server-only';
import ExcelJS from 'exceljs';
import { CATEGORY_CODES, CHANNELS, DONOR_TYPES, PLEDGE_FORMS, RECEIPT_FORMS } from '../codes';
import { MESSAGES } from '../i18n/messages';
import { displayName } from '../names';
import type { PlaceRow } from '@/db/queries/lookups';
import { TEMPLATE_EXAMPLE_NOTE, type ImportField, type ImportKind } from './fields';


type Column = { field: ImportField; zh: string; en: string; width: number; example: string | number; list?: string[] };

const zh = MESSAGES.zh;
const CATEGORY_ZH = ['产业帮扶', '消费帮扶', '教育帮扶', '医疗健康帮扶', '党建帮扶', '基础设施与村容村貌', '疫情防控', '干部人才培训'];

export const TEMPLATE_COLUMNS: Record<ImportKind, Column[]> = {
  pledges: [
    { field: 'donor', zh: '帮扶单位', en: 'Donor', width: 28, example: '上海均瑶集团' },
    { field: 'donorType', zh: '单位类型', en: 'Donor type', width: 14, example: zh.donorTypes.enterprise, list: DONOR_TYPES.map((t) => zh.donorTypes[t]) },
    { field: 'amountYuan', zh: '金额（元）', en: 'Amount (yuan)', width: 16, example: 2257100 },
    { field: 'category', zh: '帮扶类别', en: 'Category', width: 18, example: '产业帮扶', list: CATEGORY_ZH },
    { field: 'form', zh: '形式', en: 'Form', width: 12, example: zh.forms.cash, list: PLEDGE_FORMS.map((f) => zh.forms[f]) },
    { field: 'channel', zh: '渠道', en: 'Channel', width: 12, example: zh.channels.coordinated, list: CHANNELS.map((c) => zh.channels[c]) },
    { field: 'town', zh: '乡镇', en: 'Town', width: 14, example: '' },
    { field: 'village', zh: '村', en: 'Village', width: 14, example: '' },
    { field: 'pledgedOn', zh: '认捐日期', en: 'Date', width: 14, example: '2020-12-27' },
    { field: 'dueOn', zh: '到期日', en: 'Due date', width: 14, example: '' },
    { field: 'projectName', zh: '项目名称', en: 'Project', width: 24, example: '板栗高产示范园' },
    { field: 'beneficiaries', zh: '受益人数', en: 'Beneficiaries', width: 12, example: '' },
    { field: 'jobs', zh: '带动就业', en: 'Jobs', width: 12, example: 300 },
    { field: 'peopleTrained', zh: '培训人数', en: 'People trained', width: 12, example: '' },
    { field: 'note', zh: '备注', en: 'Note', width: 40, example: TEMPLATE_EXAMPLE_NOTE },
  ],
  receipts: [
    { field: 'pledgeId', zh: '认捐编号', en: 'Pledge no.', width: 12, example: 1 },
    { field: 'donor', zh: '帮扶单位', en: 'Donor', width: 28, example: '上海均瑶集团' },
    { field: 'pledgedOn', zh: '认捐日期', en: 'Pledge date', width: 14, example: '2020-12-27' },
    { field: 'pledgeAmountYuan', zh: '认捐金额（元）', en: 'Pledge amount (yuan)', width: 18, example: 2257100 },
    { field: 'amountYuan', zh: '到账金额（元）', en: 'Amount received (yuan)', width: 18, example: 1000000 },
    { field: 'receivedOn', zh: '到账日期', en: 'Received on', width: 14, example: '2020-12-27' },
    { field: 'receiptForm', zh: '到账形式', en: 'Form', width: 12, example: zh.receiptForms.transfer, list: RECEIPT_FORMS.map((f) => zh.receiptForms[f]) },
    { field: 'reference', zh: '凭证号', en: 'Reference', width: 16, example: '' },
    { field: 'confirmedBy', zh: '签收人', en: 'Confirmed by', width: 12, example: '' },
    { field: 'confirmedOn', zh: '签收日期', en: 'Confirmed on', width: 14, example: '' },
    { field: 'note', zh: '备注', en: 'Note', width: 40, example: TEMPLATE_EXAMPLE_NOTE },
  ],
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const FONT = 'Microsoft YaHei';

const INSTRUCTIONS: Record<ImportKind, [string, string][]> = {
  pledges: [
    ['每行一笔认捐。必填：帮扶单位、金额、帮扶类别、认捐日期。', 'One pledge per row. Required: donor, amount, category, date.'],
    ['金额：元，如 5175300 或 5,175,300.00；也可写“517.53万”。若整列以万元计，请把表头改为“金额（万元）”。', 'Amount in yuan (5175300 or 5,175,300.00), or "517.53万"; for a column in 10,000 yuan, head it "金额（万元）".'],
    ['日期：2020-12-27、2020/12/27 或 2020年12月27日。', 'Dates: 2020-12-27, 2020/12/27 or 2020年12月27日.'],
    ['地点：乡镇与村须是系统中已有的名称；都不填时记在县级。系统不会自动新建地点。', 'Town and village must already exist in the ledger; leave both blank for the county. Places are never created by an import.'],
    ['帮扶单位不在系统中时将新建；未填单位类型时按“民营企业”新建。', 'An unknown donor is created; without a donor type it is created as a private enterprise.'],
    ['未填形式时：消费帮扶记为消费帮销，干部人才培训记为培训，其余记为资金。未填渠道时记为协调引进。', 'Without a form: consumption is a purchase, training is training, the rest funds. Without a channel: coordinated.'],
    ['第 2 行是示例，导入时会被自动排除；最好在填写前删除。', 'Row 2 is an example and is left out automatically; better delete it first.'],
  ],
  receipts: [
    ['每行一笔到账。用“认捐编号”指明认捐；没有编号时，按帮扶单位 + 认捐日期 + 认捐金额查找（未填认捐金额时按到账金额）。', 'One receipt per row. Name the pledge by its number, or by donor + pledge date + pledge amount (the amount received when no pledge amount is given).'],
    ['到账金额不能使累计到账超过认捐金额；超额到账请在系统中逐笔登记并确认。', 'A receipt may not take a pledge beyond its amount; record over-receipts one by one in the app.'],
    ['未填到账形式时：资金记为转账，物资记为物资交付，消费帮销记为采购结算。', 'Without a form: funds arrive by transfer, materials are delivered, purchases are settled.'],
    ['第 2 行是示例，导入时会被自动排除；最好在填写前删除。', 'Row 2 is an example and is left out automatically; better delete it first.'],
  ],
};

/** The template workbook for `kind`, with the ledger's own places listed so names can be copied exactly. */
export async function templateWorkbook(kind: ImportKind, places: readonly PlaceRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '帮扶台账';
  const columns = TEMPLATE_COLUMNS[kind];
  const ws = wb.addWorksheet(kind === 'pledges' ? '认捐导入 Pledges' : '到账导入 Receipts', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: `${c.zh}\n${c.en}`, key: c.field, width: c.width }));
  const header = ws.getRow(1);
  header.height = 34;
  header.eachCell((cell) => {
    cell.font = { bold: true, name: FONT };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  const example = ws.addRow(Object.fromEntries(columns.map((c) => [c.field, c.example === '' ? null : c.example])));
  example.font = { italic: true, color: { argb: 'FF64748B' }, name: FONT };
  columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    if (c.field.startsWith('amount') || c.field.startsWith('pledgeAmount')) ws.getColumn(i + 1).numFmt = '#,##0.00';
    // Dates typed as text stay text; dropdowns offer the Chinese labels but accept any other spelling the import knows.
    if (c.list && c.list.join(',').length < 250) {
      for (let r = 2; r <= 1000; r++) {
        ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [`"${c.list.join(',')}"`] };
      }
    }
  });

  const help = wb.addWorksheet('填写说明 Instructions');
  help.columns = [
    { header: '说明', key: 'zh', width: 70 },
    { header: 'Instructions', key: 'en', width: 70 },
  ];
  help.getRow(1).font = { bold: true, name: FONT };
  for (const [z, e] of INSTRUCTIONS[kind]) help.addRow({ zh: z, en: e }).alignment = { wrapText: true, vertical: 'top' };
  help.addRow({});
  if (kind === 'pledges') {
    help.addRow({ zh: '帮扶类别', en: 'Categories' }).font = { bold: true, name: FONT };
    CATEGORY_CODES.forEach((code, i) => help.addRow({ zh: CATEGORY_ZH[i], en: code }));
    help.addRow({});
    help.addRow({ zh: '系统中的地点（县 / 乡镇 / 村）', en: 'Places in the ledger (county / town / village)' }).font = { bold: true, name: FONT };
    const byId = new Map(places.map((p) => [p.id, p]));
    const path = (p: PlaceRow, locale: 'zh' | 'en'): string => {
      const parent = p.parentId ? byId.get(p.parentId) : undefined;
      return (parent ? `${path(parent, locale)} / ` : '') + displayName(p, locale);
    };
    for (const p of places) help.addRow({ zh: path(p, 'zh'), en: path(p, 'en') });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
