/**
 * Card number formats and normalisation. Pure, no imports: usable in main, in the contract and in tests.
 *
 * One physical 125 kHz (EM4100-style) card carries 40 bits: an 8-bit prefix (version/customer byte) and a 32-bit
 * number. Readers print it in different ways; a worked example is one card:
 *
 *   hex10          01026F6C3A   all 40 bits in hex (prefix 0x01, number 0x026F6C3A)
 *   hex8           026F6C3A     the 32-bit number in hex
 *   dec10          0040856634   the 32-bit number in decimal (0x026F6C3A = 40856634), 10 digits ("8H10D")
 *   dec8           07302202     the low 24 bits in decimal (0x6F6C3A = 7302202), 8 digits ("6H8D")
 *   w26            111,27706    the low 24 bits as Wiegand 26 sends them: facility code = bits 16–23 (0x6F = 111,
 *                               3 digits) and card number = bits 0–15 (0x6C3A = 27706, 5 digits); some readers
 *                               print it without the comma: 11127706
 *   hex8-reversed  3A6C6F02     the 4 bytes of the 32-bit number in reverse order (readers that send the UID
 *   dec10-reversed 0980184834   least significant byte first), in hex or in decimal
 *
 * Note that dec8 (07302202) and w26 without the comma (11127706) are both 8 digits: an 8-digit number can't be
 * read without knowing the reader, which is why the reader's format is a site setting.
 *
 * What every format has in common is the low 24 bits (W26 carries nothing more), so the match key is those 24
 * bits; where both sides also know the 32-bit number (and the prefix), those must agree too (sameCard). Store
 * the raw string as read, and the key beside it in an indexed column.
 */

export const CARD_FORMATS = ['auto', 'dec10', 'dec8', 'w26', 'hex8', 'hex10', 'dec10-reversed', 'hex8-reversed'] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];
/** The formats a number is actually in ('auto' picks one of these). */
export type ConcreteCardFormat = Exclude<CardFormat, 'auto'>;
export const CONCRETE_CARD_FORMATS: readonly ConcreteCardFormat[] = CARD_FORMATS.filter((f): f is ConcreteCardFormat => f !== 'auto');

/** For the settings screen. */
export const CARD_FORMAT_LABELS: Record<CardFormat, string> = {
  auto: '自动识别（8 位数字按 24 位十进制理解）',
  dec10: '10 位十进制，如 0040856634',
  dec8: '8 位十进制（24 位），如 07302202',
  w26: 'W26 韦根（3 位区号 + 5 位卡号），如 111,27706 或 11127706',
  hex8: '8 位十六进制，如 026F6C3A',
  hex10: '10 位十六进制（含厂商码），如 01026F6C3A',
  'dec10-reversed': '10 位十进制，字节反序，如 0980184834',
  'hex8-reversed': '8 位十六进制，字节反序，如 3A6C6F02',
};

export interface CardNumber {
  /** as read or typed, trimmed (store this) */
  raw: string;
  /** the format `raw` was read in */
  format: ConcreteCardFormat;
  /** low 24 bits (W26 facility << 16 | card number): every format has them */
  w24: number;
  /** the 32-bit number, where the format carries it (not dec8, not w26) */
  value32: number | null;
  /** the 8-bit prefix of a 10-digit hex number, else null */
  prefix8: number | null;
  /** match key: the low 24 bits as 6 lowercase hex digits, e.g. "6f6c3a" (index this) */
  key: string;
}

export type CardParseErrorCode = 'EMPTY' | 'BAD_CHARACTERS' | 'BAD_LENGTH' | 'OUT_OF_RANGE';
export type CardParseResult = { ok: true; card: CardNumber } | { ok: false; code: CardParseErrorCode; message: string };

const ERROR_MESSAGES: Record<CardParseErrorCode, string> = {
  EMPTY: '卡号为空：请重新刷卡或输入卡号',
  BAD_CHARACTERS: '卡号含有无法识别的字符：请重新刷卡；如总是这样，请在「设置 → 读卡器」核对读卡器的输出格式',
  BAD_LENGTH: '卡号位数与读卡器格式不符：请在「设置 → 读卡器」核对输出格式，或手工输入卡号',
  OUT_OF_RANGE: '卡号超出该格式的范围：请在「设置 → 读卡器」核对输出格式，或手工输入卡号',
};

function fail(code: CardParseErrorCode, format?: CardFormat): CardParseResult {
  const where = format && format !== 'auto' ? `（当前格式：${CARD_FORMAT_LABELS[format]}）` : '';
  return { ok: false, code, message: ERROR_MESSAGES[code] + where };
}

const U24 = 0xffffff;
const U32 = 0xffffffff;

/** The 4 bytes of a 32-bit number in reverse order. */
export function reverseBytes32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | ((v >>> 24) & 0xff)) >>> 0;
}

function make(raw: string, format: ConcreteCardFormat, w24: number, value32: number | null, prefix8: number | null): CardNumber {
  return { raw, format, w24, value32, prefix8, key: matchKeyOf(w24) };
}

/** The match key for a 24-bit value (6 lowercase hex digits). */
export function matchKeyOf(w24: number): string {
  return (w24 & U24).toString(16).padStart(6, '0');
}

function from32(raw: string, format: ConcreteCardFormat, v: number, prefix8: number | null = null): CardParseResult {
  return { ok: true, card: make(raw, format, v & U24, v >>> 0, prefix8) };
}

/** Removes spaces (readers and people put them in) and unifies the Chinese comma. */
function clean(raw: string): string {
  return raw
    .trim()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[，]/g, ',');
}

/**
 * Reads `raw` in `format`. 'auto' decides by shape: a comma → w26, hex letters → hex8/hex10 by length,
 * 10 digits → dec10 (hex10 when too large), up to 8 digits → dec8. Decimal formats accept missing leading zeros
 * (typed by hand); hex formats need their full length. Never throws.
 */
export function parseCardNumber(raw: string, format: CardFormat): CardParseResult {
  const s = clean(raw);
  if (!s) return fail('EMPTY', format);
  if (!/^[0-9A-Fa-f,]+$/.test(s)) return fail('BAD_CHARACTERS', format);
  const f = format === 'auto' ? guessFormat(s) : format;
  if (!f) return fail(/^[0-9A-Fa-f]+$/.test(s) ? 'BAD_LENGTH' : 'BAD_CHARACTERS', format);
  const rawOut = raw.trim();
  const digits = /^\d+$/.test(s);
  const hex = /^[0-9A-Fa-f]+$/.test(s);
  switch (f) {
    case 'dec10':
    case 'dec10-reversed': {
      if (!digits) return fail('BAD_CHARACTERS', format);
      if (s.length > 10) return fail('BAD_LENGTH', format);
      const v = Number(s);
      if (v > U32) return fail('OUT_OF_RANGE', format);
      return from32(rawOut, f, f === 'dec10' ? v : reverseBytes32(v));
    }
    case 'dec8': {
      if (!digits) return fail('BAD_CHARACTERS', format);
      if (s.length > 8) return fail('BAD_LENGTH', format);
      const v = Number(s);
      if (v > U24) return fail('OUT_OF_RANGE', format);
      return { ok: true, card: make(rawOut, 'dec8', v, null, null) };
    }
    case 'w26': {
      const m = /^(\d{1,3}),(\d{1,5})$/.exec(s) ?? /^(\d{3})(\d{5})$/.exec(s);
      if (!m) return fail(digits || s.includes(',') ? 'BAD_LENGTH' : 'BAD_CHARACTERS', format);
      const facility = Number(m[1]);
      const card = Number(m[2]);
      if (facility > 0xff || card > 0xffff) return fail('OUT_OF_RANGE', format);
      return { ok: true, card: make(rawOut, 'w26', (facility << 16) | card, null, null) };
    }
    case 'hex8':
    case 'hex8-reversed': {
      if (!hex) return fail('BAD_CHARACTERS', format);
      if (s.length !== 8) return fail('BAD_LENGTH', format);
      const v = parseInt(s, 16);
      return from32(rawOut, f, f === 'hex8' ? v : reverseBytes32(v));
    }
    case 'hex10': {
      if (!hex) return fail('BAD_CHARACTERS', format);
      if (s.length !== 10) return fail('BAD_LENGTH', format);
      return from32(rawOut, 'hex10', parseInt(s.slice(2), 16), parseInt(s.slice(0, 2), 16));
    }
  }
}

function guessFormat(s: string): ConcreteCardFormat | undefined {
  if (s.includes(',')) return 'w26';
  if (/[A-Fa-f]/.test(s)) return s.length === 10 ? 'hex10' : s.length === 8 ? 'hex8' : undefined;
  if (s.length === 10) return Number(s) > U32 ? 'hex10' : 'dec10';
  if (s.length <= 8) return 'dec8';
  return undefined;
}

/**
 * Every reading of a number typed without saying which reader it came from (the search box): one per format it
 * is valid in, duplicates (same key, value and prefix) removed. Look each key up; sameCard() refines.
 */
export function cardCandidates(raw: string): CardNumber[] {
  const out: CardNumber[] = [];
  for (const f of CONCRETE_CARD_FORMATS) {
    const r = parseCardNumber(raw, f);
    if (!r.ok) continue;
    const c = r.card;
    if (!out.some((o) => o.key === c.key && o.value32 === c.value32 && o.prefix8 === c.prefix8)) out.push(c);
  }
  return out;
}

/**
 * Whether two readings are the same card: the low 24 bits agree, and so do the 32-bit number and the prefix
 * wherever both readings have them. (Two cards that differ only above bit 23 can't be told apart by a W26
 * or dec8 reader; that is the format's limit, not ours.)
 */
export function sameCard(a: CardNumber, b: CardNumber): boolean {
  if (a.w24 !== b.w24) return false;
  if (a.value32 !== null && b.value32 !== null && a.value32 !== b.value32) return false;
  if (a.prefix8 !== null && b.prefix8 !== null && a.prefix8 !== b.prefix8) return false;
  return true;
}

const hex = (v: number, n: number): string => v.toString(16).toUpperCase().padStart(n, '0');
const dec = (v: number, n: number): string => String(v).padStart(n, '0');

/**
 * The card as a reader in `format` would print it, or null when this reading lacks the bits (a W26 reading
 * has no 32-bit number; only a hex10 reading has the prefix). w26 is printed with the comma.
 */
export function formatCardNumber(card: Pick<CardNumber, 'w24' | 'value32' | 'prefix8'>, format: ConcreteCardFormat): string | null {
  const { w24, value32, prefix8 } = card;
  switch (format) {
    case 'dec8':
      return dec(w24, 8);
    case 'w26':
      return `${dec(w24 >>> 16, 3)},${dec(w24 & 0xffff, 5)}`;
    case 'dec10':
      return value32 === null ? null : dec(value32, 10);
    case 'dec10-reversed':
      return value32 === null ? null : dec(reverseBytes32(value32), 10);
    case 'hex8':
      return value32 === null ? null : hex(value32, 8);
    case 'hex8-reversed':
      return value32 === null ? null : hex(reverseBytes32(value32), 8);
    case 'hex10':
      return value32 === null || prefix8 === null ? null : hex(prefix8, 2) + hex(value32, 8);
  }
}

/** All the ways this card can be shown (for the card detail and the diagnostics screen). */
export function cardForms(card: CardNumber): Partial<Record<ConcreteCardFormat, string>> {
  const out: Partial<Record<ConcreteCardFormat, string>> = {};
  for (const f of CONCRETE_CARD_FORMATS) {
    const s = formatCardNumber(card, f);
    if (s !== null) out[f] = s;
  }
  return out;
}
