import { describe, expect, it } from 'vitest';
import { detectCarrier, normalizeWaybill, s10CheckDigit, shapeKey, type Carrier } from '../../src-main/features/parcels/carriers';

/** Builds a valid S10 number from a service indicator, 8 serial digits and a country code. */
const s10 = (service: string, serial: string, country = 'CN') => `${service}${serial}${s10CheckDigit(serial)}${country}`;

describe('UPU S10 check digit', () => {
  it.each([
    // the UPU S10 standard's own example (RR473124829GB)
    ['47312482', 9],
    // 8 + 7 = 15 → 15 mod 11 = 4 → 11 − 4 = 7
    ['10000001', 7],
    // sum 0 → 11 − 0 = 11 → 5
    ['00000000', 5],
    // 2 × 6 = 12 → 12 mod 11 = 1 → 11 − 1 = 10 → 0
    ['02000000', 0],
    // 9 × 8 + 9 × 6 + … = 9 × 44 = 396 = 36 × 11 → 11 → 5
    ['99999999', 5],
  ] as const)('%s → %i', (serial, check) => {
    expect(s10CheckDigit(serial)).toBe(check);
  });

  it('refuses a serial that is not 8 digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow(RangeError);
  });
});

describe('carrier from the waybill', () => {
  const known: Array<[string, string, Carrier]> = [
    ['SF prefix', 'SF1234567890123', 'SF'],
    ['SF lower case with spaces', ' sf 1234567890123 ', 'SF'],
    ['SF full-width', 'ＳＦ１２３４５６７８９０１２３', 'SF'],
    ['YT', 'YT7512345678901', 'YT'],
    ['JT', 'JT0001234567890', 'JT'],
    ['JD', 'JDVA12345678901', 'JD'],
    ['JD piece suffix', 'JDX012345678901-1-2-', 'JD'],
    ['EMS S10', s10('EA', '47312482'), 'EMS'],
    ['China Post S10 registered', s10('RR', '12345678'), 'POST'],
    ['China Post S10 parcel, foreign', s10('CP', '87654321', 'DE'), 'POST'],
  ];
  it.each(known)('%s', (_n, raw, carrier) => {
    expect(detectCarrier(raw)).toMatchObject({ kind: 'known', carrier });
  });

  it('stores the canonical number', () => {
    expect(detectCarrier(' ｓｆ１２３４ ５６７８ ９０１２ ').waybill).toBe('SF123456789012');
    expect(normalizeWaybill('JDX012345678901-1-2-')).toBe('JDX012345678901-1-2');
    expect(normalizeWaybill('jd\u3000123\t456')).toBe('JD123456');
  });

  const invalid: Array<[string, string, RegExp]> = [
    ['empty', '   ', /为空/],
    ['too short', '12345', /太短/],
    ['too long', '1'.repeat(40), /太长/],
    ['bad characters', 'SF12345/67890', /字母和数字/],
    ['S10 wrong check digit', `EA47312482${(9 + 1) % 10}CN`, /校验位/],
    ['SF followed by letters', 'SFABCDEFGHIJKL', /顺丰单号格式不对/],
    ['stray dash', '7712345678-90', /短横线/],
  ];
  it.each(invalid)('invalid: %s', (_n, raw, reason) => {
    const d = detectCarrier(raw);
    expect(d.kind).toBe('invalid');
    if (d.kind === 'invalid') expect(d.reason).toMatch(reason);
  });

  it.each([
    ['中通 12 digits', '780123456789'],
    ['申通 13 digits', '7701234567890'],
    ['韵达 13 digits', '4312345678901'],
    ['韵达 15 digits', '312345678901234'],
  ])('digit-only is ambiguous: %s', (_n, raw) => {
    const d = detectCarrier(raw);
    expect(d).toMatchObject({ kind: 'ambiguous', candidates: ['ZTO', 'STO', 'YD'], remembered: null, shapeKey: shapeKey(raw) });
  });

  it('remembers the last choice per shape (length + first two digits)', () => {
    const memory = { [shapeKey('780123456789')]: 'ZTO' as const, [shapeKey('4312345678901')]: 'YD' as const };
    expect(detectCarrier('789999999999', memory)).toMatchObject({ kind: 'ambiguous', remembered: 'ZTO' });
    expect(detectCarrier('4399999999999', memory)).toMatchObject({ kind: 'ambiguous', remembered: 'YD' });
    // same length, other prefix: a different shape, asked again
    expect(detectCarrier('7799999999999', memory)).toMatchObject({ kind: 'ambiguous', remembered: null });
  });

  it('an unknown letter prefix offers every carrier', () => {
    const d = detectCarrier('DPK123456789012');
    expect(d.kind).toBe('unknown');
    if (d.kind === 'unknown') expect(d.candidates).toContain('OTHER');
  });
});
