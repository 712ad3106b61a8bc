// A clearly labelled, generated second demo year (2021) with partly received and overdue pledges, so the
// fulfilment screens have something to show. Deterministic: the same ledger on every fresh start.
import 'server-only';
import type { Db } from '@/db/client';
import { SYSTEM_ACTOR } from './actor';
import { apportion } from './apportion';
import type { CategoryCode, PledgeForm, ReceiptForm } from './codes';
import { recordPledge } from './pledges';
import { recordReceipt } from './receipts';

export const GENERATED_NOTE = '【演示数据】2021 年度为程序生成的示例，并非真实记录 (generated demo data, not a real record)';

/** mulberry32: a tiny seeded generator, so the demo is identical on every machine. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RECEIPT_FORM: Record<PledgeForm, ReceiptForm> = { cash: 'transfer', in_kind: 'materials', purchase: 'purchase_settled', training: 'transfer' };
const FORM_FOR: Record<CategoryCode, PledgeForm> = {
  industry: 'cash', consumption: 'purchase', education: 'in_kind', health: 'in_kind', party_building: 'cash', infrastructure: 'cash', epidemic: 'in_kind', training: 'training',
};

type Plan = { donor: string; category: CategoryCode; places: string[]; yuan: number; project: string; fate: 'fulfilled' | 'partly' | 'overdue' | 'open' | 'instalments' };

const PLANS: Plan[] = [
  { donor: 'junyao', category: 'industry', places: ['lewang'], yuan: 3_200_000, project: '板栗深加工车间扩建', fate: 'partly' },
  { donor: 'junyao', category: 'education', places: ['wangmo'], yuan: 720_000, project: '“三校生”助学金（2021 年度）', fate: 'fulfilled' },
  { donor: 'junyao', category: 'consumption', places: ['wangmo'], yuan: 9_800_000, project: '航空配餐板栗采购', fate: 'instalments' },
  { donor: 'eaaa', category: 'education', places: ['bianrao', 'dayi'], yuan: 2_400_000, project: '乡村学校多媒体教室', fate: 'overdue' },
  { donor: 'eaaa', category: 'health', places: ['shitun'], yuan: 860_000, project: '远程会诊设备', fate: 'fulfilled' },
  { donor: 'oceanwide', category: 'education', places: ['wangmo'], yuan: 4_100_000, project: '泛海助学行动（2021 年度）', fate: 'fulfilled' },
  { donor: 'zhongtian', category: 'infrastructure', places: ['dawan'], yuan: 1_500_000, project: '大湾村通组路硬化', fate: 'overdue' },
  { donor: 'taiwan_league', category: 'health', places: ['dayi', 'shitun'], yuan: 180_000, project: '卫生院医疗设备购置', fate: 'partly' },
  { donor: 'jinhui', category: 'party_building', places: ['pingxiang'], yuan: 300_000, project: '村级活动场所维修', fate: 'fulfilled' },
  { donor: 'guiyang_sw_chamber', category: 'infrastructure', places: ['angwu'], yuan: 450_000, project: '太阳能路灯（二期）', fate: 'open' },
  { donor: 'jinan_huaqiao', category: 'consumption', places: ['wangmo'], yuan: 1_050_000, project: '高校食堂农特产品采购', fate: 'partly' },
  { donor: 'webcast_cadres', category: 'consumption', places: ['wangmo'], yuan: 126_000, project: '直播带货', fate: 'fulfilled' },
  { donor: 'ufwd', category: 'party_building', places: ['niujiao'], yuan: 200_000, project: '党员活动室设备', fate: 'fulfilled' },
  { donor: 'ufwd', category: 'training', places: ['wangmo'], yuan: 350_000, project: '基层干部和技术人员培训', fate: 'instalments' },
  { donor: 'shanhua', category: 'education', places: ['xintun', 'lewang'], yuan: 520_000, project: '幼儿园图书角', fate: 'overdue' },
  { donor: 'sw_guizhou_team', category: 'infrastructure', places: ['dayi', 'angwu'], yuan: 2_000_000, project: '安全饮水巩固提升', fate: 'partly' },
];

export function seedGenerated2021(db: Db, ids: { placeIds: Map<string, number>; donorIds: Map<string, number> }): void {
  const random = seeded(2021);
  PLANS.forEach((plan, n) => {
    const amountFen = plan.yuan * 100;
    const month = 1 + ((n * 5) % 9);
    const pledgedOn = `2021-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
    const dueOn = plan.fate === 'open' ? null : `2021-12-${String(10 + (n % 18)).padStart(2, '0')}`;
    const shares = apportion(amountFen, plan.places.map(() => 1));
    const form = FORM_FOR[plan.category];
    const instalments =
      plan.fate === 'instalments'
        ? [
            { dueOn: `2021-${String(month + 1).padStart(2, '0')}-15`, amountFen: apportion(amountFen, [1, 1])[0]! },
            { dueOn: '2022-06-30', amountFen: apportion(amountFen, [1, 1])[1]! },
          ]
        : undefined;
    const pledge = recordPledge(db, SYSTEM_ACTOR, {
      donorId: ids.donorIds.get(plan.donor)!,
      form,
      amountFen,
      pledgedOn,
      dueOn: instalments ? null : dueOn,
      channel: plan.donor === 'ufwd' || plan.donor === 'webcast_cadres' ? 'direct' : 'coordinated',
      projectName: plan.project,
      note: GENERATED_NOTE,
      beneficiaries: Math.round(50 + random() * 900),
      jobs: plan.category === 'industry' ? Math.round(20 + random() * 200) : null,
      peopleTrained: plan.category === 'training' ? 1200 + Math.round(random() * 800) : null,
      instalments,
      allocations: plan.places.map((place, i) => ({ placeId: ids.placeIds.get(place)!, category: plan.category, amountFen: shares[i]! })),
    });
    const receivedShare = { fulfilled: [1, 0], partly: [55, 45], overdue: [30, 70], open: [0, 1], instalments: [1, 1] }[plan.fate];
    const receivedFen = plan.fate === 'instalments' ? instalments![0]!.amountFen : apportion(amountFen, receivedShare)[0]!;
    if (receivedFen > 0) {
      const receivedOn = `2021-${String(Math.min(12, month + 2)).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
      const split = plan.fate === 'fulfilled' && receivedFen > 100_000_00 ? apportion(receivedFen, [3, 2]) : [receivedFen];
      split.forEach((part, i) =>
        recordReceipt(db, SYSTEM_ACTOR, pledge.id, {
          amountFen: part,
          receivedOn: i === 0 ? receivedOn : '2021-12-20',
          form: RECEIPT_FORM[form],
          reference: `DEMO-2021-${String(n + 1).padStart(3, '0')}-${i + 1}`,
          note: GENERATED_NOTE,
          confirmedBy: i === 0 ? '村委会' : null,
          confirmedOn: i === 0 ? receivedOn : null,
        }),
      );
    }
  });
}
