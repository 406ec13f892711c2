import { describe, expect, it } from 'vitest';
import {
  describeShape,
  detectCarrier,
  DIGIT_CARRIERS,
  normalizeWaybill,
  s10CheckDigit,
  shapeKey,
  type Carrier,
} from '../../src-main/features/parcels/carriers';

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
  // real-shaped numbers of each carrier's current format (see docs/decisions.md for the rules and their sources)
  const known: Array<[string, string, Carrier]> = [
    ['顺丰 SF + 13', 'SF1385628716739', 'SF'],
    ['顺丰 lower case with spaces', ' sf 1234567890123 ', 'SF'],
    ['顺丰 full-width', 'ＳＦ１２３４５６７８９０１２３', 'SF'],
    ['中通 75 + 12', '75123456789012', 'ZTO'],
    ['中通 73 + 12', '73610555582883', 'ZTO'],
    ['中通 78 + 12', '78912345678901', 'ZTO'],
    ['中通 76 + 12', '76012345678905', 'ZTO'],
    ['申通 773, 15 digits', '773277027280336', 'STO'],
    ['申通 773, 14 digits', '77316523125896', 'STO'],
    ['韵达 46, 15 digits', '463431409940372', 'YD'],
    ['韵达 46, 15 digits (2)', '462598779470531', 'YD'],
    ['韵达 31, 15 digits', '312345678901234', 'YD'],
    ['韵达 5, 13 digits', '5312345678901', 'YD'],
    ['菜鸟 621, 15 digits', '621012345678901', 'CAINIAO'],
    ['圆通 YT + 13', 'YT8962646785389', 'YT'],
    ['极兔 JT + 13', 'JT5261988016578', 'JT'],
    ['极兔 JT + 13 (2)', 'JT0006968326954', 'JT'],
    ['京东 JDX + 12', 'JDX024407261700', 'JD'],
    ['京东 JDVA + 11', 'JDVA11408814483', 'JD'],
    ['京东 piece suffix', 'JDX012345678901-1-2-', 'JD'],
    ['德邦 DPK + 12', 'DPK202252612836', 'DBL'],
    ['德邦 DPK + 12 (2)', 'DPK364112047425', 'DBL'],
    ['EMS S10', s10('EA', '47312482'), 'EMS'],
    ['China Post S10 registered', s10('RR', '12345678'), 'POST'],
    ['China Post S10 parcel, foreign', s10('CP', '87654321', 'DE'), 'POST'],
  ];
  it.each(known)('%s', (_n, raw, carrier) => {
    expect(detectCarrier(raw)).toMatchObject({ kind: 'known', carrier });
  });

  it('a recognised number ignores any memory, even one for its own shape', () => {
    const memory = { [shapeKey('75123456789012')]: 'STO' as const, [shapeKey('773277027280336')]: 'ZTO' as const };
    expect(detectCarrier('75123456789012', memory)).toMatchObject({ kind: 'known', carrier: 'ZTO' });
    expect(detectCarrier('773277027280336', memory)).toMatchObject({ kind: 'known', carrier: 'STO' });
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
    ['DPK followed by letters', 'DPKABCDEFGHIJKL', /德邦单号格式不对/],
    ['stray dash', '7712345678-90', /短横线/],
  ];
  it.each(invalid)('invalid: %s', (_n, raw, reason) => {
    const d = detectCarrier(raw);
    expect(d.kind).toBe('invalid');
    if (d.kind === 'invalid') expect(d.reason).toMatch(reason);
  });

  // where the published rules of two carriers overlap, the operator is asked between just those two
  it.each([
    ['15 digits starting 43: 韵达 or 申通', '432542035598773', ['YD', 'STO']],
    ['13 digits starting 1: 邮政 or EMS', '1207119765021', ['POST', 'EMS']],
    ['13 digits starting 9: 邮政 or EMS', '9890086432009', ['POST', 'EMS']],
    ['13 digits starting 50–52: 韵达 or EMS', '5012345678901', ['YD', 'EMS']],
  ] as const)('truly ambiguous: %s', (_n, raw, candidates) => {
    expect(detectCarrier(raw)).toMatchObject({ kind: 'ambiguous', candidates, remembered: null, shapeKey: shapeKey(raw) });
  });

  it.each([
    ['an older 12-digit number', '780123456789'],
    ['13 digits starting 77', '7701234567890'],
    ['16 digits', '4312345678901234'],
  ])('digit-only that no rule fits is asked with every digit-only carrier: %s', (_n, raw) => {
    expect(detectCarrier(raw)).toMatchObject({ kind: 'ambiguous', candidates: [...DIGIT_CARRIERS], remembered: null });
  });

  it('remembers a choice per shape (length + first two digits), only when it is one of the candidates', () => {
    const memory = { [shapeKey('432542035598773')]: 'YD' as const, [shapeKey('780123456789')]: 'ZTO' as const, [shapeKey('1207119765021')]: 'ZTO' as const };
    expect(detectCarrier('439999999999999', memory)).toMatchObject({ kind: 'ambiguous', remembered: 'YD' });
    expect(detectCarrier('789999999999', memory)).toMatchObject({ kind: 'ambiguous', remembered: 'ZTO' });
    // 中通 cannot be a 13-digit 1… number: the memory is not applied
    expect(detectCarrier('1299999999999', memory)).toMatchObject({ kind: 'ambiguous', remembered: null });
    // same length, other prefix: a different shape, asked again
    expect(detectCarrier('7799999999999', memory)).toMatchObject({ kind: 'ambiguous', remembered: null });
  });

  it('describes a shape for the settings screen', () => {
    expect(describeShape('d15:43')).toEqual({ length: 15, prefix: '43', zh: '15 位数字，43 开头' });
    expect(describeShape('x')).toBeNull();
  });

  it('an unknown letter prefix offers every carrier', () => {
    const d = detectCarrier('ZJS123456789012');
    expect(d.kind).toBe('unknown');
    if (d.kind === 'unknown') expect(d.candidates).toEqual(expect.arrayContaining(['OTHER', 'DBL', 'CAINIAO']));
  });
});
