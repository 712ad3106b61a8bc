import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshDb, makeActor } from '@/lib/testing/ledger';
import { recordPledge } from '@/lib/pledges';
import { listDonors, listPlaces } from '@/db/queries/directory';
import { seedDemo } from '@/lib/bootstrap';
import { codeLabels } from '@/lib/i18n/labels';
import { summarize } from '@/lib/summary';
import { buildAnnualReport, itemsAfter, NAMED_DONORS } from './annual';
import { reportText } from './text';
import { reportDocx } from './docx';
import { reportXlsx } from './xlsx';

const db = freshDb();
seedDemo(db);

describe('the annual report for the Wangmo 2020 demo ledger', () => {
  const report = buildAnnualReport(db, 2020, 'zh');
  const text = reportText(report, 'zh');

  it('takes every figure from the ledger: total, channels, training, purchases', () => {
    expect(report.total.pledgedFen).toBe(6_751_940_000);
    expect(report.total.pledgedFen).toBe(summarize(db, ['category'], { year: 2020 }, 'zh', codeLabels('zh')).total.pledgedFen);
    expect(report.channels.direct.pledgedFen + report.channels.coordinated.pledgedFen).toBe(report.total.pledgedFen);
    expect(report.headline.peopleTrained).toBe(5401);
    expect(report.purchasesFen).toBe(1_496_190_000);
  });

  it('opens with the year in well-formed Chinese, amounts in 万元 with two decimals', () => {
    expect(text.overview[0]).toBe(
      '2020年，帮扶台账共记录帮扶项目20个，认捐资金和物资合计6,751.94万元，已到位6,751.94万元，到位率100.0%。' +
        '其中，直接投入49.00万元，实施项目3个；协调引进社会帮扶6,702.94万元，实施项目17个。' +
        '培训基层干部和技术人员5401人次。通过消费帮扶，帮助销售农特产品1,496.19万元。',
    );
  });

  it('has a section per category with its total and its largest donors', () => {
    expect(text.sections.map((s) => s.heading)).toEqual(['一、产业帮扶', '二、消费帮扶', '三、教育帮扶', '四、医疗健康帮扶', '五、党建帮扶', '六、基础设施与村容村貌', '七、疫情防控', '八、干部人才培训']);
    const education = text.sections[2]!.paragraphs.join('');
    expect(education).toContain('教育帮扶方面，共实施帮扶项目5个，合计2,554.65万元，占全年认捐总额的37.8%。');
    expect(education).toContain('其中投入帮扶资金635.00万元，捐赠物资折合1,919.65万元。');
    expect(education).toContain('主要帮扶单位：欧美同学会捐赠物资价值1,859.65万元；泛海控股集团投入资金465.50万元，惠及931人');
    const training = text.sections[7]!.paragraphs.join('');
    expect(training).toContain('培训基层干部和技术人员5401人次');
  });

  it('speaks English when the reader does, with exact yuan', () => {
    const en = reportText(buildAnnualReport(db, 2020, 'en'), 'en');
    expect(en.overview[0]).toContain('In 2020 the ledger records 20 assistance projects, with ¥67,519,400.00 pledged in funds and materials');
    expect(en.sections[2]!.heading).toBe('3. Education');
    expect(en.sections[2]!.paragraphs[0]).toContain("Education: 5 projects totalling ¥25,546,500.00, 37.8% of the year's pledges.");
  });

  it('downloads as .docx with the same text, and as .xlsx with exact amounts', async () => {
    const docx = await reportDocx(report, text, 'zh');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(report, text, 'zh')) as unknown as ArrayBuffer);
    const categories = wb.getWorksheet('按类别')!;
    const education = categories.getRows(4, 20)!.find((r) => r.getCell(1).value === '教育帮扶')!;
    expect(education.getCell(3).value).toBe(25_546_500);
  });

  it('carries only the largest items and names only the largest donors, counting and summing the rest exactly', async () => {
    // the demo ledger and three more education donors (one pledge split with health): eight donors in that section
    const db = freshDb();
    seedDemo(db);
    const actor = makeActor(db);
    const village = listPlaces(db).find((p) => p.level === 'village')!;
    const education = new Set(buildAnnualReport(db, 2020, 'zh').sections.find((s) => s.category === 'education')!.items.map((it) => it.donorId));
    const others = listDonors(db).filter((d) => !education.has(d.id)).slice(0, 3);
    for (const [i, d] of others.entries()) {
      const base = { form: 'cash', pledgedOn: '2020-06-01', donorId: d.id, beneficiaries: 10 + i, projectName: `助学项目${i}` } as const;
      if (i === 0) recordPledge(db, actor, { ...base, amountFen: 30_000, allocations: [{ placeId: village.id, category: 'education', amountFen: 10_000 }, { placeId: village.id, category: 'health', amountFen: 20_000 }] });
      else recordPledge(db, actor, { ...base, amountFen: 5_000 * i, placeId: village.id, category: 'education' });
    }
    const full = buildAnnualReport(db, 2020, 'zh');
    expect(full.sections.find((s) => s.category === 'education')!.otherDonors.count).toBe(3);
    const capped = buildAnnualReport(db, 2020, 'zh', { items: 2 });
    expect(capped.total).toEqual(full.total);
    for (const [i, s] of capped.sections.entries()) {
      const all = full.sections[i]!;
      expect(all.items.length).toBe(all.itemCount);
      expect(s.itemCount).toBe(all.itemCount);
      expect(s.itemCount).toBe(s.measures.count);
      expect(s.items).toEqual(all.items.slice(0, 2));
      const rest = itemsAfter(s, 2);
      expect(rest.count).toBe(Math.max(0, all.itemCount - 2));
      expect(rest.amountFen).toBe(all.items.slice(2).reduce((sum, it) => sum + it.amountFen, 0));
      expect(s.items.reduce((sum, it) => sum + it.amountFen, 0) + rest.amountFen).toBe(s.measures.pledgedFen);
      // the named donors are the largest, with every one of their items; the others are counted and summed
      const donors = new Map<number, number>();
      for (const it of all.items) donors.set(it.donorId, (donors.get(it.donorId) ?? 0) + it.amountFen);
      const largest = [...donors.values()].sort((a, b) => b - a);
      expect(s.donors.map((d) => d.amountFen)).toEqual(largest.slice(0, NAMED_DONORS));
      expect(s.otherDonors).toEqual({ count: Math.max(0, donors.size - NAMED_DONORS), amountFen: largest.slice(NAMED_DONORS).reduce((a, b) => a + b, 0) });
      for (const d of s.donors) {
        const own = all.items.filter((it) => it.donorId === d.donorId);
        expect(d.people.beneficiaries).toBe(own.reduce((sum, it) => sum + (it.beneficiaries ?? 0), 0));
        expect(d.people.peopleTrained).toBe(own.reduce((sum, it) => sum + (it.peopleTrained ?? 0), 0));
        const byForm: Record<string, number> = {};
        for (const it of own) byForm[it.form] = (byForm[it.form] ?? 0) + it.amountFen;
        expect(d.byForm).toEqual(byForm);
        expect(d.projects).toEqual([...new Set(own.map((it) => it.projectName).filter(Boolean))]);
      }
    }
    // the spreadsheet lists what the report carries and one row for the rest: its total is still the year's
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(capped, reportText(capped, 'zh'), 'zh')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[wb.worksheets.length - 1]!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(2).value ?? '')));
    const more = capped.sections.filter((s) => s.itemCount > 2);
    expect(more.length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.startsWith('其余')).length).toBe(more.length);
  });
});
