import { describe, expect, it } from 'vitest';
import { parseYuan } from '../money';
import { excelSerialToIso, isTotalsLabel, matchCategory, matchChannel, matchDonorType, matchForm, parseCountCell, parseDateCell } from './values';

describe('amounts as coordinators write them', () => {
  it.each([
    ['5,175,300', 'yuan', 517_530_000],
    ['5175300.00', 'yuan', 517_530_000],
    ['¥5,175,300.00', 'yuan', 517_530_000],
    ['５１７５３００', 'yuan', 517_530_000],
    [' 5 175 300 ', 'yuan', 517_530_000],
    ['517.53万', 'yuan', 517_530_000],
    ['517.53', 'wan', 517_530_000],
    ['517.53万元', 'wan', 517_530_000],
    ['0.12亿', 'yuan', 1_200_000_000],
  ] as const)('%s in %s is %d fen', (text, unit, fen) => {
    expect(parseYuan(text, unit)).toEqual({ ok: true, fen });
  });

  it('reads numeric cells through their shortest decimal, never through a float product', () => {
    expect(parseYuan(19.99)).toEqual({ ok: true, fen: 1999 });
    expect(parseYuan(517.53, 'wan')).toEqual({ ok: true, fen: 517_530_000 });
  });

  it.each([
    ['1.000,50', 'ambiguous'],
    ['1,00', 'ambiguous'],
    ['12.345', 'too_precise'],
    ['abc', 'invalid'],
    ['-5', 'negative'],
    ['', 'empty'],
  ] as const)('refuses %s (%s) rather than guess', (text, error) => {
    expect(parseYuan(text)).toEqual({ ok: false, error });
  });
});

describe('dates', () => {
  it.each([
    ['2020-12-27', '2020-12-27'],
    ['2020/12/27', '2020-12-27'],
    ['2020/1/5', '2020-01-05'],
    ['2020.12.27', '2020-12-27'],
    ['2020年12月27日', '2020-12-27'],
    ['2020年1月5日', '2020-01-05'],
    ['２０２０年１２月２７日', '2020-12-27'],
    ['20201227', '2020-12-27'],
    ['2020/12/27 0:00:00', '2020-12-27'],
    ['2020-12-27T08:30:00+08:00', '2020-12-27'],
  ])('%s reads as %s', (text, iso) => {
    expect(parseDateCell(text)).toEqual({ ok: true, date: iso });
  });

  it('reads Excel serial numbers, including the 1900 leap-year quirk', () => {
    expect(parseDateCell(44192)).toEqual({ ok: true, date: '2020-12-27' });
    expect(parseDateCell(44192.75)).toEqual({ ok: true, date: '2020-12-27' });
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(parseDateCell(12)).toEqual({ ok: false, error: 'date' });
  });

  it('refuses day-first or month-first dates and impossible ones', () => {
    expect(parseDateCell('12/27/2020')).toEqual({ ok: false, error: 'dateAmbiguous' });
    expect(parseDateCell('03/04/2020')).toEqual({ ok: false, error: 'dateAmbiguous' });
    expect(parseDateCell('2021-02-30')).toEqual({ ok: false, error: 'date' });
    expect(parseDateCell('去年年底')).toEqual({ ok: false, error: 'date' });
  });
});

describe('counts and coded values', () => {
  it('reads head counts with separators or a unit, and refuses vague ones', () => {
    expect(parseCountCell('1,000')).toEqual({ ok: true, value: 1000 });
    expect(parseCountCell('5401人次')).toEqual({ ok: true, value: 5401 });
    expect(parseCountCell(931)).toEqual({ ok: true, value: 931 });
    expect(parseCountCell('')).toEqual({ ok: true, value: null });
    expect(parseCountCell('一万余人')).toEqual({ ok: false });
    expect(parseCountCell(3.5)).toEqual({ ok: false });
  });

  it('knows categories, forms, channels and donor types by Chinese or English label or code', () => {
    expect(matchCategory('教育帮扶')).toBe('education');
    expect(matchCategory('Education')).toBe('education');
    expect(matchCategory('party_building')).toBe('party_building');
    expect(matchCategory('医疗')).toBe('health');
    expect(matchCategory('基础设施与村容村貌')).toBe('infrastructure');
    expect(matchCategory('文化')).toBeNull();
    expect(matchForm('物资')).toBe('in_kind');
    expect(matchForm('Funds')).toBe('cash');
    expect(matchForm('消费帮销')).toBe('purchase');
    expect(matchChannel('直接投入')).toBe('direct');
    expect(matchChannel('Coordinated')).toBe('coordinated');
    expect(matchDonorType('民营企业')).toBe('enterprise');
    expect(matchDonorType('Foundation')).toBe('foundation');
    expect(matchDonorType('democratic_party')).toBe('democratic_party');
  });

  it('recognises a totals row', () => {
    expect(isTotalsLabel('合计')).toBe(true);
    expect(isTotalsLabel('总 计')).toBe(true);
    expect(isTotalsLabel('Total:')).toBe(true);
    expect(isTotalsLabel('合计公司')).toBe(false);
  });
});
