import { describe, expect, it } from 'vitest';
import { checkPledgeForm, evenInstalmentsFen, filledInstalments, pledgeFormToRaw, pledgeFormValues, rowsFen, type PledgeFormValues } from './pledge-form-input';

const base: PledgeFormValues = {
  donorId: '3',
  amount: '5,175,300',
  form: 'cash',
  channel: 'coordinated',
  pledgedOn: '2024-03-01',
  dueOn: '',
  projectName: '',
  note: '',
  beneficiaries: '',
  jobs: '',
  peopleTrained: '',
  split: false,
  placeId: '8',
  category: 'party_building',
  allocations: [],
  instalments: [],
};

describe('pledgeFormToRaw', () => {
  it('reads typed yuan as exact fen, in yuan or in 万', () => {
    expect(pledgeFormToRaw(base).raw.amountFen).toBe(517_530_000);
    expect(pledgeFormToRaw({ ...base, amount: '517.53万' }).raw.amountFen).toBe(517_530_000);
    expect(pledgeFormToRaw({ ...base, amount: '12,345.67' }).raw.amountFen).toBe(1_234_567);
  });

  it('names what is wrong with a bad amount', () => {
    expect(pledgeFormToRaw({ ...base, amount: '12,34' }).errors.amountFen).toEqual({ key: 'amountAmbiguous' });
    expect(pledgeFormToRaw({ ...base, amount: 'abc' }).errors.amountFen).toEqual({ key: 'amountInvalid' });
    expect(pledgeFormToRaw({ ...base, amount: '-5' }).errors.amountFen).toEqual({ key: 'amountNegative' });
    expect(pledgeFormToRaw({ ...base, amount: '' }).errors.amountFen).toEqual({ key: 'amountEmpty' });
    expect(pledgeFormToRaw({ ...base, amount: '1.234' }).errors.amountFen).toEqual({ key: 'amountTooPrecise' });
  });

  it('asks for a donor, a place and a category when none was picked', () => {
    const { errors } = pledgeFormToRaw({ ...base, donorId: '', placeId: '', category: '' });
    expect(errors).toEqual({ donorId: { key: 'donorRequired' }, placeId: { key: 'placeRequired' }, category: { key: 'categoryRequired' } });
  });

  it('reads head counts with full-width digits and separators, and refuses words', () => {
    const { raw, errors } = pledgeFormToRaw({ ...base, beneficiaries: '１,２００', jobs: '', peopleTrained: 'many' });
    expect(raw.beneficiaries).toBe(1200);
    expect(raw.jobs).toBeNull();
    expect(errors.peopleTrained).toEqual({ key: 'count' });
  });
});

describe('checkPledgeForm', () => {
  it('accepts a complete single-place pledge', () => {
    expect(checkPledgeForm(base).errors).toEqual({});
  });

  it('refuses split rows that do not add up to the amount, exactly to the fen', () => {
    const rows = [
      { placeId: '8', category: 'education', amount: '600' },
      { placeId: '9', category: 'education', amount: '399.99' },
    ];
    expect(checkPledgeForm({ ...base, amount: '1,000', split: true, allocations: rows }).errors).toEqual({ allocations: { key: 'allocationsMismatch' } });
    rows[1]!.amount = '400';
    expect(checkPledgeForm({ ...base, amount: '1,000', split: true, allocations: rows }).errors).toEqual({});
  });

  it('flags each split row that lacks a place or has an unreadable amount', () => {
    const { errors } = checkPledgeForm({ ...base, split: true, allocations: [{ placeId: '', category: 'health', amount: '1,0' }] });
    expect(errors['allocations.0.placeId']).toEqual({ key: 'placeRequired' });
    expect(errors['allocations.0.amountFen']).toEqual({ key: 'amountAmbiguous' });
  });

  it('passes on the schema rules, such as a due date before the pledge date', () => {
    expect(checkPledgeForm({ ...base, dueOn: '2024-01-01' }).errors).toEqual({ dueOn: { key: 'dueBeforePledged' } });
  });
});

describe('instalment rows', () => {
  const schedule = { ...base, amount: '30,000', pledgedOn: '2026-03-01' };

  it('reads each row as a due date and exact fen, and sends an empty schedule when there are no rows', () => {
    const { raw, errors } = pledgeFormToRaw({ ...schedule, instalments: [{ dueOn: '2026-04-30', amount: '10,000.01' }, { dueOn: '2026-12-31', amount: '1.999999万' }] });
    expect(errors).toEqual({});
    expect(raw.instalments).toEqual([{ dueOn: '2026-04-30', amountFen: 1_000_001 }, { dueOn: '2026-12-31', amountFen: 1_999_999 }]);
    expect(pledgeFormToRaw(schedule).raw.instalments).toEqual([]);
  });

  it('ignores rows left wholly blank, so clearing every row removes the schedule', () => {
    const blank = { dueOn: '', amount: '  ' };
    expect(pledgeFormToRaw({ ...schedule, instalments: [blank, blank] }).raw.instalments).toEqual([]);
    expect(checkPledgeForm({ ...schedule, instalments: [blank, { dueOn: '2026-05-01', amount: '30000' }, blank] })).toEqual({
      raw: expect.objectContaining({ instalments: [{ dueOn: '2026-05-01', amountFen: 3_000_000 }] }),
      errors: {},
    });
  });

  it('names the row whose amount or date is missing or unreadable, counting blank rows as shown', () => {
    const { errors } = checkPledgeForm({
      ...schedule,
      instalments: [
        { dueOn: '', amount: '' },
        { dueOn: '2026-05-01', amount: '1,0000' },
        { dueOn: '', amount: '20,000' },
        { dueOn: '2026-06-01', amount: '' },
        { dueOn: '2026-07-01', amount: '0' },
      ],
    });
    expect(errors).toEqual({
      'instalments.1.amountFen': { key: 'amountAmbiguous' },
      'instalments.2.dueOn': { key: 'instalmentDueRequired' },
      'instalments.3.amountFen': { key: 'amountEmpty' },
      'instalments.4.amountFen': { key: 'instalmentAmountZero' },
    });
  });

  it('puts a schema refusal of a date on the row as shown: an impossible date, or one before the pledge date', () => {
    const blank = { dueOn: '', amount: '' };
    const { errors } = checkPledgeForm({ ...schedule, instalments: [blank, { dueOn: '2026-02-30', amount: '10,000' }, { dueOn: '2026-06-01', amount: '20,000' }] });
    expect(errors).toEqual({ 'instalments.1.dueOn': { key: 'date' } });
    const early = checkPledgeForm({ ...schedule, instalments: [blank, { dueOn: '2026-06-01', amount: '10,000' }, blank, { dueOn: '2026-02-28', amount: '20,000' }] });
    expect(early.errors).toEqual({ 'instalments.3.dueOn': { key: 'dueBeforePledged' } });
  });

  it('refuses a schedule that does not add up to the amount pledged, exactly to the fen', () => {
    const rows = [
      { dueOn: '2026-04-01', amount: '10,000' },
      { dueOn: '2026-09-01', amount: '19,999.99' },
    ];
    expect(checkPledgeForm({ ...schedule, instalments: rows }).errors).toEqual({ instalments: { key: 'instalmentsMismatch' } });
    rows[1]!.amount = '20,000';
    expect(checkPledgeForm({ ...schedule, instalments: rows }).errors).toEqual({});
  });

  it('shares an amount into equal instalments that add up exactly, whole yuan first', () => {
    expect(evenInstalmentsFen(3_000_000, 2)).toEqual([1_500_000, 1_500_000]);
    expect(evenInstalmentsFen(10_000_000, 3)).toEqual([3_333_400, 3_333_300, 3_333_300]);
    expect(evenInstalmentsFen(1_000_001, 4)).toEqual([250_001, 250_000, 250_000, 250_000]);
    expect(evenInstalmentsFen(5, 2)).toEqual([5, 0]);
    expect(evenInstalmentsFen(100, 0)).toEqual([]);
  });

  it('tells the filled rows from the blank ones', () => {
    expect(filledInstalments([{ dueOn: '', amount: '' }, { dueOn: '2026-05-01', amount: '' }, { dueOn: '', amount: '5' }])).toEqual([
      { dueOn: '2026-05-01', amount: '' },
      { dueOn: '', amount: '5' },
    ]);
  });
});

describe('pledgeFormValues', () => {
  it('reads the numbered instalment rows of a submitted form, blank ones included', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ 'instalments.0.dueOn': '2026-05-01', 'instalments.0.amount': '1万', 'instalments.1.dueOn': '', 'instalments.1.amount': '' })) form.set(k, v);
    expect(pledgeFormValues(form).instalments).toEqual([
      { dueOn: '2026-05-01', amount: '1万' },
      { dueOn: '', amount: '' },
    ]);
    expect(pledgeFormValues(new FormData()).instalments).toEqual([]);
  });

  it('reads the fields and the numbered allocation rows of a submitted form', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ donorId: '3', amount: '10', split: '1', 'allocations.0.placeId': '8', 'allocations.0.category': 'health', 'allocations.0.amount': '4', 'allocations.1.placeId': '9', 'allocations.1.category': 'health', 'allocations.1.amount': '6' })) form.set(k, v);
    const values = pledgeFormValues(form);
    expect(values.split).toBe(true);
    expect(values.donorId).toBe('3');
    expect(values.allocations).toEqual([
      { placeId: '8', category: 'health', amount: '4' },
      { placeId: '9', category: 'health', amount: '6' },
    ]);
  });
});

describe('rowsFen', () => {
  it('adds the readable rows in integer fen, and tells blank rows from unreadable ones', () => {
    expect(rowsFen([{ amount: '0.10' }, { amount: '0.20' }])).toEqual({ fen: 30, complete: true, unreadable: 0 });
    expect(rowsFen([{ amount: '1' }, { amount: 'x' }, { amount: '' }])).toEqual({ fen: 100, complete: false, unreadable: 1 });
  });
});
