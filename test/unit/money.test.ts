import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToChineseUpper, formatFen, MAX_FEN, parseYuan, sumFen, yuanSign } from '@shared/money';

describe('parseYuan', () => {
  it.each([
    ['120', 12000],
    ['120.5', 12050],
    ['120.50', 12050],
    ['１２０', 12000],
    ['１２０．５', 12050],
    ['¥120', 12000],
    ['￥1,200.00', 120000],
    ['120元', 12000],
    [' 0.01 ', 1],
    ['99999999.99', MAX_FEN],
    ['007', 700],
  ])('%s → %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', '请输入金额'],
    ['-5', '负数'],
    ['1.234', '两位小数'],
    ['1e3', '格式'],
    ['NaN', '格式'],
    ['12a', '格式'],
    ['1,20', '格式'],
    ['100000000', '太大'],
    ['99999999999999999999', '太大'],
    ['0', '不能为 0'],
    ['0.00', '不能为 0'],
    ['.5', '格式'],
  ])('refuses %s with a message', (input, part) => {
    const r = parseYuan(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(part);
  });

  it('zero is allowed when asked (a count of an empty drawer)', () => {
    expect(parseYuan('0', { allowZero: true })).toEqual({ ok: true, fen: 0 });
  });

  it('property: formatting then parsing returns the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), (fen) => {
        expect(parseYuan(formatFen(fen))).toEqual({ ok: true, fen });
        expect(parseYuan(formatFen(fen, { grouping: true }))).toEqual({ ok: true, fen });
      }),
    );
  });

  it('property: never returns a non-integer or out-of-range amount, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseYuan(s);
        if (r.ok) {
          expect(Number.isSafeInteger(r.fen)).toBe(true);
          expect(r.fen).toBeGreaterThan(0);
          expect(r.fen).toBeLessThanOrEqual(MAX_FEN);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatting', () => {
  it('formats fen as yuan with two decimals and a full-width sign', () => {
    expect(formatFen(12050)).toBe('120.50');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-12050)).toBe('-120.50');
    expect(formatFen(123456789, { grouping: true })).toBe('1,234,567.89');
    expect(yuanSign(12050)).toBe('￥120.50');
    expect(() => formatFen(1.5)).toThrow();
  });

  it('sums only integers', () => {
    expect(sumFen([100, 250, 1])).toBe(351);
    expect(() => sumFen([100, 0.1])).toThrow();
  });
});

describe('大写', () => {
  it.each([
    [1, '壹分'],
    [5, '伍分'],
    [10, '壹角'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1000, '壹拾元整'],
    [1050, '壹拾元伍角'],
    [10000, '壹佰元整'],
    [12050, '壹佰贰拾元伍角'],
    [100100, '壹仟零壹元整'],
    [140950, '壹仟肆佰零玖元伍角'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [600714, '陆仟零柒元壹角肆分'],
    [10000000, '壹拾万元整'],
    [10000700, '壹拾万零柒元整'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [100000000, '壹佰万元整'],
    [1000000000, '壹仟万元整'],
    [1000100000, '壹仟万壹仟元整'],
    [1000010000, '壹仟万零壹佰元整'],
    [MAX_FEN, '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    [0, '零元整'],
    [-12050, '负壹佰贰拾元伍角'],
  ])('%i fen → %s', (fen, upper) => {
    expect(fenToChineseUpper(fen)).toBe(upper);
  });

  it('property: over the whole range, well formed (no double 零, no trailing 零, ends in 整/角/分)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), (fen) => {
        const s = fenToChineseUpper(fen);
        expect(s).not.toMatch(/零零/);
        expect(s).not.toMatch(/零[元万亿]/);
        expect(s).toMatch(/(整|角|分)$/);
        expect(s).not.toMatch(/^零/);
        expect(/[0-9]/.test(s)).toBe(false);
        if (fen % 100 === 0) expect(s.endsWith('元整')).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: distinct amounts never read the same', () => {
    const seen = new Map<string, number>();
    for (let fen = 1; fen <= 200_000; fen += 7) {
      const s = fenToChineseUpper(fen);
      expect(seen.get(s) ?? fen).toBe(fen);
      seen.set(s, fen);
    }
  });
});
