import { describe, expect, it } from 'vitest';
import { checkMapping, headerScore, mappingMemory, proposeMapping } from './fields';

describe('column mapping', () => {
  it('proposes fields for the headers people actually use', () => {
    const headers = ['序号', '捐赠单位', '金额（元）', '类别', '乡镇', '村', '日期', '形式', '项目名称', '备注', '受益人数'];
    expect(proposeMapping('pledges', headers)).toEqual([null, 'donor', 'amountYuan', 'category', 'town', 'village', 'pledgedOn', 'form', 'projectName', 'note', 'beneficiaries']);
  });

  it('reads a 万元 column as 万元 and other spellings of the same headers', () => {
    expect(proposeMapping('pledges', ['单位名称', '金额（万元）', '帮扶类别', '认捐日期'])).toEqual(['donor', 'amountWan', 'category', 'pledgedOn']);
    expect(proposeMapping('pledges', ['帮扶单位', '投入资金（万元）', '帮扶类型', '捐赠日期'])).toEqual(['donor', 'amountWan', 'category', 'pledgedOn']);
    expect(proposeMapping('pledges', ['Donor', 'Amount (yuan)', 'Category', 'Date'])).toEqual(['donor', 'amountYuan', 'category', 'pledgedOn']);
  });

  it('reads the template’s two-line bilingual headers', () => {
    expect(proposeMapping('pledges', ['帮扶单位\nDonor', '金额（元）\nAmount (yuan)', '帮扶类别\nCategory', '认捐日期\nDate'])).toEqual(['donor', 'amountYuan', 'category', 'pledgedOn']);
  });

  it('gives each field to the first column only', () => {
    expect(proposeMapping('pledges', ['帮扶单位', '捐赠单位', '金额'])).toEqual(['donor', null, 'amountYuan']);
  });

  it('puts the person’s last mapping before the synonyms, including a column they chose to leave out', () => {
    const headers = ['单位', '钱数', '类别', '时间', '联系人'];
    const memory = mappingMemory(headers, ['donor', 'amountYuan', 'category', null, null]);
    expect(proposeMapping('pledges', headers, memory)).toEqual(['donor', 'amountYuan', 'category', null, null]);
  });

  it('says which required fields a mapping lacks and refuses a field twice', () => {
    expect(checkMapping('pledges', ['donor', 'amountWan', 'category', 'pledgedOn'])).toEqual({ ok: true });
    expect(checkMapping('pledges', ['donor', 'category'])).toEqual({ ok: false, missing: ['amountYuan', 'pledgedOn'], duplicate: [] });
    expect(checkMapping('pledges', ['donor', 'donor', 'amountYuan', 'category', 'pledgedOn'])).toEqual({ ok: false, missing: [], duplicate: ['donor'] });
    expect(checkMapping('receipts', ['pledgeId', 'amountYuan', 'receivedOn'])).toEqual({ ok: true });
  });

  it('scores a header row above a title row', () => {
    expect(headerScore('pledges', ['2020年望谟县定点帮扶项目台账'])).toBe(0);
    expect(headerScore('pledges', ['捐赠单位', '金额（元）', '类别'])).toBe(3);
  });
});
