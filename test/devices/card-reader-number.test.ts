import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardCandidates,
  cardForms,
  CONCRETE_CARD_FORMATS,
  formatCardNumber,
  parseCardNumber,
  reverseBytes32,
  sameCard,
  type CardFormat,
  type CardNumber,
  type ConcreteCardFormat,
} from '@shared/card-number';
import { cardReaderConfigSchema, cardFormatSchema } from '@shared/contract/card-reader-config';

function card(raw: string, format: CardFormat): CardNumber {
  const r = parseCardNumber(raw, format);
  if (!r.ok) throw new Error(`${raw} as ${format}: ${r.message}`);
  return r.card;
}

const FORMATS_32: ConcreteCardFormat[] = ['dec10', 'dec10-reversed', 'hex8', 'hex8-reversed'];
const FORMATS_24: ConcreteCardFormat[] = ['dec8', 'w26'];

describe('a worked example: one card, 01026f6c3a', () => {
  const c = card('01026f6c3a', 'hex10');

  it('0x026F6C3A = 40856634 (10-digit decimal); low 24 bits 0x6F6C3A = 7302202 (8-digit decimal) = facility 0x6F=111, card 0x6C3A=27706 (W26)', () => {
    expect(c.value32).toBe(0x026f6c3a);
    expect(c.value32).toBe(40856634);
    expect(c.w24).toBe(0x6f6c3a);
    expect(c.w24).toBe(7302202);
    expect(c.w24 >>> 16).toBe(111);
    expect(c.w24 & 0xffff).toBe(27706);
    expect(c.prefix8).toBe(1);
    expect(c.key).toBe('6f6c3a');
    expect(c.raw).toBe('01026f6c3a');
  });

  it('prints as each reader would', () => {
    expect(cardForms(c)).toEqual({
      dec10: '0040856634',
      dec8: '07302202',
      w26: '111,27706',
      hex8: '026F6C3A',
      hex10: '01026F6C3A',
      'dec10-reversed': '0980184834',
      'hex8-reversed': '3A6C6F02',
    });
  });

  it.each<[string, ConcreteCardFormat]>([
    ['0040856634', 'dec10'],
    ['07302202', 'dec8'],
    ['111,27706', 'w26'],
    ['11127706', 'w26'],
    ['111，27706', 'w26'],
    ['026F6C3A', 'hex8'],
    ['026f6c3a', 'hex8'],
    ['3A6C6F02', 'hex8-reversed'],
    ['0980184834', 'dec10-reversed'],
    ['01026F6C3A', 'hex10'],
  ])('%s read as %s is the same card', (raw, format) => {
    const other = card(raw, format);
    expect(other.key).toBe('6f6c3a');
    expect(sameCard(c, other)).toBe(true);
    expect(sameCard(other, c)).toBe(true);
  });

  it('auto reads 10 digits as dec10, a comma as W26, hex letters by length, up to 8 digits as dec8', () => {
    expect(card('0040856634', 'auto').format).toBe('dec10');
    expect(card('111,27706', 'auto').format).toBe('w26');
    expect(card('01026F6C3A', 'auto').format).toBe('hex10');
    expect(card('026F6C3A', 'auto').format).toBe('hex8');
    expect(card('07302202', 'auto').format).toBe('dec8');
    expect(card('9999999999', 'auto').format).toBe('hex10'); // too large for 32 bits
    expect(sameCard(card('07302202', 'auto'), c)).toBe(true);
  });

  it('an 8-digit number is ambiguous without the reader format: 11127706 as dec8 is another card', () => {
    expect(sameCard(card('11127706', 'dec8'), c)).toBe(false);
    const keys = cardCandidates('11127706').map((x) => x.key);
    expect(keys).toContain('6f6c3a'); // the W26 reading
    expect(keys).toContain(matchKey(11127706)); // the dec8 reading
  });

  it('the search box finds the card from any printed form', () => {
    for (const s of Object.values(cardForms(c))) expect(cardCandidates(s).some((x) => sameCard(x, c))).toBe(true);
  });
});

function matchKey(v: number): string {
  return (v & 0xffffff).toString(16).padStart(6, '0');
}

describe('parse errors are values, in Chinese, with the next step', () => {
  it.each<[string, CardFormat, string]>([
    ['', 'dec10', 'EMPTY'],
    ['   ', 'auto', 'EMPTY'],
    ['12a4', 'dec10', 'BAD_CHARACTERS'],
    ['00408!6634', 'auto', 'BAD_CHARACTERS'],
    ['12345678901', 'dec10', 'BAD_LENGTH'],
    ['4294967296', 'dec10', 'OUT_OF_RANGE'],
    ['16777216', 'dec8', 'OUT_OF_RANGE'],
    ['256,00001', 'w26', 'OUT_OF_RANGE'],
    ['111,65536', 'w26', 'OUT_OF_RANGE'],
    ['1112770', 'w26', 'BAD_LENGTH'],
    ['026F6C3', 'hex8', 'BAD_LENGTH'],
    ['026F6C3A00', 'hex8', 'BAD_LENGTH'],
    ['0102GF6C3A', 'hex10', 'BAD_CHARACTERS'],
    ['123456789', 'auto', 'BAD_LENGTH'],
  ])('%j as %s → %s', (raw, format, code) => {
    const r = parseCardNumber(raw, format);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message).toMatch(/[\u4e00-\u9fff].*：/);
  });

  it('decimal formats accept missing leading zeros (typed by hand); spaces are ignored', () => {
    expect(card('40856634', 'dec10').value32).toBe(40856634);
    expect(card('7302202', 'dec8').w24).toBe(7302202);
    expect(card(' 0040 8566 34 ', 'dec10').value32).toBe(40856634);
  });
});

describe('round trips (property tests)', () => {
  const u32 = fc.integer({ min: 0, max: 0xffffffff });

  it('reverseBytes32 is its own inverse', () => {
    fc.assert(fc.property(u32, (v) => reverseBytes32(reverseBytes32(v)) === v));
  });

  it('32-bit formats: format → parse gives the same number back', () => {
    fc.assert(
      fc.property(u32, fc.constantFrom(...FORMATS_32), (v, f) => {
        const s = formatCardNumber({ w24: v & 0xffffff, value32: v, prefix8: null }, f)!;
        const c = card(s, f);
        expect(c.value32).toBe(v);
        expect(c.w24).toBe(v & 0xffffff);
        expect(formatCardNumber(c, f)).toBe(s.toUpperCase());
      }),
    );
  });

  it('hex10 keeps the prefix byte and the 32-bit number', () => {
    fc.assert(
      fc.property(u32, fc.integer({ min: 0, max: 255 }), (v, p) => {
        const s = formatCardNumber({ w24: v & 0xffffff, value32: v, prefix8: p }, 'hex10')!;
        const c = card(s, 'hex10');
        expect([c.prefix8, c.value32]).toEqual([p, v]);
        expect(card(s.toLowerCase(), 'auto').value32 === v || !/[A-F]/.test(s)).toBe(true);
      }),
    );
  });

  it('24-bit formats (dec8, W26 with and without the comma) keep the low 24 bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), fc.constantFrom(...FORMATS_24), (w, f) => {
        const s = formatCardNumber({ w24: w, value32: null, prefix8: null }, f)!;
        expect(card(s, f).w24).toBe(w);
        if (f === 'w26') expect(card(s.replace(',', ''), 'w26').w24).toBe(w);
      }),
    );
  });

  it('the same card read on any two readers matches; cards differing in the low 24 bits never do', () => {
    fc.assert(
      fc.property(
        u32,
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(...CONCRETE_CARD_FORMATS),
        fc.constantFrom(...CONCRETE_CARD_FORMATS),
        (v, p, f1, f2) => {
          const src = { w24: v & 0xffffff, value32: v, prefix8: p };
          const a = card(formatCardNumber(src, f1)!, f1);
          const b = card(formatCardNumber(src, f2)!, f2);
          expect(a.key).toBe(b.key);
          expect(sameCard(a, b)).toBe(true);
          const other = (v ^ 0x000100) >>> 0;
          const c = card(formatCardNumber({ w24: other & 0xffffff, value32: other, prefix8: p }, f2)!, f2);
          expect(sameCard(a, c)).toBe(false);
        },
      ),
    );
  });

  it('two 32-bit readings that differ above bit 23 are different cards', () => {
    expect(sameCard(card('0040856634', 'dec10'), card(String(40856634 + 0x1000000).padStart(10, '0'), 'dec10'))).toBe(false);
  });
});

describe('reader settings schema', () => {
  it('fills defaults and accepts hex ids as the diagnostics screen shows them', () => {
    expect(cardReaderConfigSchema.parse({ kind: 'hid', vendorId: '0ffe', productId: '0x0001' })).toEqual({
      kind: 'hid',
      vendorId: 0x0ffe,
      productId: 1,
      format: 'auto',
      pollMs: 1000,
    });
    expect(cardReaderConfigSchema.parse({ kind: 'none' })).toEqual({ kind: 'none', format: 'auto' });
    expect(cardReaderConfigSchema.parse({ kind: 'keyboard-wedge', format: 'w26' }).format).toBe('w26');
  });

  it('refuses bad settings with Chinese messages', () => {
    const r = cardReaderConfigSchema.safeParse({ kind: 'hid', productId: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/厂商 ID/);
    expect(cardReaderConfigSchema.safeParse({ kind: 'hid', vendorId: 0x10000, productId: 1 }).success).toBe(false);
    expect(cardReaderConfigSchema.safeParse({ kind: 'hid', vendorId: 1, productId: 1, format: 'octal' }).success).toBe(false);
    expect(cardFormatSchema.options).toContain('hex8-reversed');
  });
});
