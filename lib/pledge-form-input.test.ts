import { describe, expect, it } from 'vitest';
import { allocatedFen, checkPledgeForm, pledgeFormToRaw, pledgeFormValues, type PledgeFormValues } from './pledge-form-input';

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

describe('pledgeFormValues', () => {
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

describe('allocatedFen', () => {
  it('adds the readable rows in integer fen, and tells blank rows from unreadable ones', () => {
    expect(allocatedFen([{ placeId: '', category: '', amount: '0.10' }, { placeId: '', category: '', amount: '0.20' }])).toEqual({ fen: 30, complete: true, unreadable: 0 });
    expect(allocatedFen([{ placeId: '', category: '', amount: '1' }, { placeId: '', category: '', amount: 'x' }, { placeId: '', category: '', amount: '' }])).toEqual({ fen: 100, complete: false, unreadable: 1 });
  });
});
