// What the entry form opens with: a blank pledge (today's date, common defaults) or an existing pledge, split rows and schedule included.
import type { PledgeDetail } from '@/db/queries/pledges';
import type { CategoryRow } from '@/db/queries/lookups';
import type { Locale } from '@/lib/names';
import { formatYuan } from '@/lib/money';
import type { DonorLookup, PlaceLookup } from './form-api';
import type { PledgeFormInitial } from './pledge-form';
import type { CategoryOption } from './allocation-rows';

export const categoryOptions = (rows: CategoryRow[], locale: Locale): CategoryOption[] => rows.map((c) => ({ code: c.code, label: locale === 'zh' ? c.nameZh : c.nameEn }));

/** The amount as a person would type it: "12,345.67" (parseYuan reads it back exactly). */
export const amountText = (fen: number) => formatYuan(fen).replace(/^¥/, '');
const countText = (n: number | null) => (n === null ? '' : String(n));

export function blankPledge(today: string, donor: DonorLookup | null = null, place: PlaceLookup | null = null): PledgeFormInitial {
  return {
    donor,
    amount: '',
    form: 'cash',
    channel: 'coordinated',
    pledgedOn: today,
    dueOn: '',
    projectName: '',
    note: '',
    beneficiaries: '',
    jobs: '',
    peopleTrained: '',
    split: false,
    place,
    category: '',
    rows: [],
    instalments: [],
  };
}

export function pledgeToForm(p: PledgeDetail, places: Map<number, PlaceLookup>): PledgeFormInitial {
  const only = p.allocations.length === 1 ? p.allocations[0]! : null;
  return {
    donor: { id: p.donorId, name: p.donorName, nameZh: p.donorNameZh, type: p.donorType },
    amount: amountText(p.amountFen),
    form: p.form,
    channel: p.channel,
    pledgedOn: p.pledgedOn,
    dueOn: p.dueOn ?? '',
    projectName: p.projectName ?? '',
    note: p.note ?? '',
    beneficiaries: countText(p.beneficiaries),
    jobs: countText(p.jobs),
    peopleTrained: countText(p.peopleTrained),
    split: only === null,
    place: only ? (places.get(only.placeId) ?? null) : null,
    category: only?.category ?? '',
    rows: only ? [] : p.allocations.map((a) => ({ place: places.get(a.placeId) ?? null, category: a.category, amount: amountText(a.amountFen) })),
    instalments: p.instalments.map((i) => ({ dueOn: i.dueOn, amount: amountText(i.amountFen) })),
  };
}
