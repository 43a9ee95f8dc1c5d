import { describe, expect, it } from 'vitest';
import {
  checkCarrierId,
  checkDate,
  checkIsFreight,
  checkName,
  checkPhone,
  checkPlateColor,
  checkPlateNumber,
  checkQualificationCertNo,
  checkTransportCertNo,
  checkVin,
  vinCheckDigit,
} from './fields.js';

const value = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : 'REJECTED');

describe('registry field checks', () => {
  it('normalises plates the way people type them and refuses implausible ones', () => {
    expect(value(checkPlateNumber('鲁ａ·１２３４５'))).toBe('鲁A12345');
    expect(value(checkPlateNumber(' 鲁 b-d3456 '))).toBe('鲁BD3456');
    expect(value(checkPlateNumber('鲁A1234挂'))).toBe('鲁A1234挂');
    expect(value(checkPlateNumber('京AD12345'))).toBe('京AD12345'); // new-energy, 8 characters
    for (const bad of ['', 'A12345', '鲁A123', '鲁112345', 'XYZ鲁A12345', '鲁A1234567']) {
      expect(checkPlateNumber(bad).ok, bad).toBe(false);
    }
    expect(checkPlateNumber(12345)).toEqual({ ok: false, reason: 'must be a string, got a number' });
  });

  it('accepts the JT/T 697.7 colour codes only, as numbers or numeric strings', () => {
    expect(value(checkPlateColor(2))).toBe(2);
    expect(value(checkPlateColor(' 94 '))).toBe(94);
    expect(value(checkPlateColor('２'))).toBe(2);
    for (const bad of [0, 6, 2.5, '7', 'yellow', '黄', '', null])
      expect(checkPlateColor(bad).ok, String(bad)).toBe(false);
  });

  it('upper-cases certificate numbers and bounds their length', () => {
    expect(value(checkTransportCertNo(' 370100ab1234 '))).toBe('370100AB1234');
    expect(checkTransportCertNo('12345')).toEqual({ ok: false, reason: 'must be 6-20 characters, got 5' });
    expect(checkTransportCertNo('1'.repeat(21)).ok).toBe(false);
    expect(checkTransportCertNo('370100/1234').ok).toBe(false);
    expect(checkTransportCertNo('').ok).toBe(false);
    expect(value(checkQualificationCertNo('37010220150101123x'))).toBe('37010220150101123X');
    expect(checkQualificationCertNo('1'.repeat(31)).ok).toBe(false);
  });

  it('checks VIN characters strictly and the check digit as a warning only', () => {
    const vin = 'LZZ1CLVB0FA000001';
    const good = `${vin.slice(0, 8)}${vinCheckDigit(vin)}${vin.slice(9)}`;
    expect(checkVin(good.toLowerCase())).toEqual({ ok: true, value: good });
    const wrongDigit = `${good.slice(0, 8)}${good[8] === '0' ? '1' : '0'}${good.slice(9)}`;
    expect(checkVin(wrongDigit)).toMatchObject({ ok: true, value: wrongDigit, warning: expect.any(String) });
    expect(checkVin('LZZ1CLVB0FA00000')).toEqual({ ok: false, reason: 'must be 17 characters, got 16' });
    expect(checkVin('LZZ1CLVB0FA00000I').ok).toBe(false);
    expect(checkVin('OZZ1CLVB0FA000001').ok).toBe(false);
    expect(checkVin('QZZ1CLVB0FA000001').ok).toBe(false);
  });

  it('computes the ISO 3779 check digit (including X)', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X'); // the standard's worked example
    expect(vinCheckDigit('11111111111111111')).toBe('1');
  });

  it('takes calendar dates or empty', () => {
    expect(value(checkDate('2026-11-21'))).toBe('2026-11-21');
    expect(value(checkDate(''))).toBeNull();
    expect(value(checkDate(null))).toBeNull();
    expect(value(checkDate(undefined))).toBeNull();
    for (const bad of ['2026-02-30', '2026/11/21', '21.11.2026', '2026-1-1', '0001-01-01']) {
      expect(checkDate(bad).ok, bad).toBe(false);
    }
  });

  it('reads is_freight leniently, defaulting to true', () => {
    expect(value(checkIsFreight(''))).toBe(true);
    expect(value(checkIsFreight(undefined))).toBe(true);
    expect(value(checkIsFreight('FALSE'))).toBe(false);
    expect(value(checkIsFreight('否'))).toBe(false);
    expect(value(checkIsFreight(false))).toBe(false);
    expect(checkIsFreight('maybe').ok).toBe(false);
  });

  it('keeps phones as digits and checks mobile numbers have 11 digits', () => {
    expect(value(checkPhone('138 0000 0001'))).toBe('13800000001');
    expect(value(checkPhone('+86 138-0000-0001'))).toBe('13800000001');
    expect(value(checkPhone('0531-88880000'))).toBe('053188880000');
    expect(value(checkPhone(''))).toBe('');
    expect(checkPhone('1380000001').ok).toBe(false);
    expect(checkPhone('12800000001').ok).toBe(false);
    expect(checkPhone('138000000o1').ok).toBe(false);
  });

  it('never repeats the value in a reason', () => {
    const secret = '13912345678x';
    const r = checkPhone(secret);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toContain('1391234');
    const n = checkName('张三123');
    expect(n.ok).toBe(false);
    if (!n.ok) expect(n.reason).not.toContain('张三');
  });

  it('requires ids without spaces', () => {
    expect(value(checkCarrierId(' carrier-jinan-01 '))).toBe('carrier-jinan-01');
    expect(checkCarrierId('carrier jinan').ok).toBe(false);
    expect(checkCarrierId('').ok).toBe(false);
    expect(checkCarrierId('x'.repeat(65)).ok).toBe(false);
  });
});
