import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { givenName, nameKeys, normalisePhone, parseRoom, roomPrefix, parseArea, parseDate, toHalfWidth } from '../../src-main/features/roster/rules';
import { maskPhone, maskText, maskIdNumber } from '@shared/mask';

describe('room references', () => {
  it.each([
    ['3-2-501', { building: '3', unit: '2', number: '501' }],
    ['3栋2单元501', { building: '3', unit: '2', number: '501' }],
    ['3号楼2单元501室', { building: '3', unit: '2', number: '501' }],
    ['3#2-501', { building: '3', unit: '2', number: '501' }],
    ['３－２－５０１', { building: '3', unit: '2', number: '501' }],
    ['12幢1单元1203', { building: '12', unit: '1', number: '1203' }],
    ['3栋501', { building: '3', unit: '', number: '501' }],
  ])('parses %s', (input, want) => {
    expect(parseRoom(input)).toEqual(want);
  });

  it.each([
    ['3-2-5', '3-2-5'],
    ['3栋2单元', '3-2-'],
    ['3栋2单元50', '3-2-50'],
    ['3-', '3-'],
    ['3号楼2单元501室', '3-2-501'],
    ['3栋2单元501号', '3-2-501'],
    ['3 2 501', '3-2-501'],
  ])('turns %s into the room prefix %s', (input, want) => {
    expect(roomPrefix(input)).toBe(want);
  });

  it('does not take names, pinyin or bare digits for rooms', () => {
    expect(roomPrefix('张伟')).toBeNull();
    expect(roomPrefix('zw')).toBeNull();
    expect(roomPrefix('5678')).toBeNull();
    expect(roomPrefix('Jean-Luc')).toBeNull();
    expect(roomPrefix('A座')).toBeNull();
  });
});

describe('pinyin keys', () => {
  it.each([
    ['张伟', 'zw', 'zhangwei'],
    ['曾国藩', 'zgf', 'zengguofan'],
    ['单雄信', 'sxx', 'shanxiongxin'],
    ['解缙', 'xj', 'xiejin'],
    ['区志强', 'ozq', 'ouzhiqiang'],
    ['朴树', 'ps', 'piaoshu'],
    ['吕布', 'lb', 'lvbu'],
    ['欧阳娜娜', 'oynn', 'ouyangnana'],
    ['Tom Li', 'tl', 'tomli'],
  ])('%s → %s / %s', (name, initials, pinyin) => {
    expect(nameKeys(name)).toEqual({ initials, pinyin });
  });
});

describe('given names', () => {
  it.each([
    ['张伟', '伟'],
    ['曾国藩', '国藩'],
    ['欧阳娜娜', '娜娜'],
    ['司马光', '光'],
    ['Tom Li', 'TomLi'],
  ])('%s → %s', (name, given) => expect(givenName(name)).toBe(given));
});

describe('phones and masking', () => {
  it('normalises the ways a phone gets typed', () => {
    expect(normalisePhone('138 1234 5678')).toBe('13812345678');
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('１３８１２３４５６７８')).toBe('13812345678');
    expect(normalisePhone('021-12345678')).toBe('02112345678');
    expect(normalisePhone('12812345678')).toBeNull();
    expect(normalisePhone('1381234567')).toBeNull();
    expect(normalisePhone('abc')).toBeNull();
  });

  it('masks mobiles as 138****5678 and never shows more than the last four otherwise', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02112345678')).toBe('021****5678');
    expect(maskPhone('87654321')).toBe('****4321');
    expect(maskPhone(null)).toBe('');
  });

  it('masks phones and ID numbers inside free text (logs)', () => {
    expect(maskText('业主 13812345678 来电，身份证 11010519491231002X')).toBe('业主 138****5678 来电，身份证 1101**********002X');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskText('座机 021-12345678 或 075512345678')).toBe('座机 021****5678 或 0755****5678');
  });

  it('property: a masked mobile never contains its middle four digits as a run', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = maskPhone(p);
        expect(m).toHaveLength(11);
        expect(m.slice(3, 7)).toBe('****');
        expect(m.slice(-4)).toBe(p.slice(-4));
        expect(maskText(`x ${p} y`)).not.toContain(p);
      }),
    );
  });
});

describe('other fields', () => {
  it('areas become integer hundredths of a m²', () => {
    expect(parseArea('89.5')).toBe(8950);
    expect(parseArea('89.50㎡')).toBe(8950);
    expect(parseArea('')).toBeNull();
    expect(() => parseArea('89.555')).toThrow();
    expect(() => parseArea('-3')).toThrow();
  });

  it('dates in the forms offices type them', () => {
    expect(parseDate('2024/3/1')).toBe('2024-03-01');
    expect(parseDate('2024年3月1日')).toBe('2024-03-01');
    expect(() => parseDate('2024-02-30')).toThrow(/不存在/);
  });

  it('full-width input is folded to half-width', () => {
    expect(toHalfWidth('ＺＷ　１２')).toBe('ZW 12');
  });
});
