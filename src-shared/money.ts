/**
 * Shared with the renderer (for live change/total display while typing); main re-validates every amount.
 * Money is integer fen (分) everywhere. This file: parsing what a receptionist types, formatting, and the
 * amount in Chinese capitals (大写) for receipts. Pure: no I/O.
 */

/** The largest amount one document may carry: ¥99,999,999.99. */
export const MAX_FEN = 9_999_999_999;

export type ParsedAmount = { ok: true; fen: number } | { ok: false; message: string };

/** The largest RMB note, ￥100. */
export const LARGEST_NOTE_FEN = 10_000;

/**
 * Cash handed over for an amount due, as a cashier checks it: not less than the amount, and the change
 * less than ￥100. Change of ￥100 or more means at least one note was handed over that was not needed
 * (without it the rest still covers the amount), so the cashier hands it back rather than giving it out as
 * change; a received amount that large is a typing slip (￥99,999,999.99 for ￥1.00). Returns the message
 * to show, or null when the amount received is sane. Shared with the renderer for the live change display.
 */
export function receivedProblem(amountFen: number, receivedFen: number): string | null {
  if (receivedFen < amountFen) return `实收现金 ${formatFen(receivedFen)} 元少于现金应收 ${formatFen(amountFen)} 元。`;
  if (receivedFen - amountFen >= LARGEST_NOTE_FEN) {
    return `实收现金 ${formatFen(receivedFen)} 元比应收 ${formatFen(amountFen)} 元多出 ${formatFen(receivedFen - amountFen)} 元：找零不会达到 100 元（多给的整张钞票应退还付款人），请核对实收金额。`;
  }
  return null;
}

/**
 * Parses an amount in yuan as typed: `120`, `120.5`, `120.50`, `１２０`, `¥120`, `￥1,200.00`, `120元`.
 * Refuses negatives, more than two decimals, exponents, blanks and anything over MAX_FEN, with a message.
 */
export function parseYuan(input: string, opts: { allowZero?: boolean; maxFen?: number } = {}): ParsedAmount {
  const max = opts.maxFen ?? MAX_FEN;
  const s = input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/^[¥￥]|元$/g, '')
    .replace(/^(?:RMB|CNY)/i, '');
  if (s === '') return { ok: false, message: '请输入金额' };
  if (s.startsWith('-') || s.startsWith('－')) return { ok: false, message: '金额不能为负数：收错了请对原收据点「作废」，退押金请点「退押金」' };
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$/.test(s)) return { ok: false, message: '金额格式不对：请输入数字，例如 120 或 120.50' };
  const [intPart = '', frac = ''] = s.replace(/,/g, '').split('.');
  if (frac.length > 2) return { ok: false, message: '金额最多两位小数（精确到分）' };
  if (intPart.replace(/^0+/, '').length > 10) return { ok: false, message: `金额太大：单笔不能超过 ${formatFen(max)} 元` };
  const fen = Number(intPart) * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(fen)) return { ok: false, message: '金额无效' };
  if (fen > max) return { ok: false, message: `金额太大：单笔不能超过 ${formatFen(max)} 元，请核对` };
  if (fen === 0 && !opts.allowZero) return { ok: false, message: '金额不能为 0' };
  return { ok: true, fen };
}

/** 12050 → "120.50"; -12050 → "-120.50"; with grouping: "1,200.50". */
export function formatFen(fen: number, opts: { grouping?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  let yuan = String(Math.trunc(abs / 100));
  if (opts.grouping) yuan = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "￥120.50": full-width yuan sign, which GBK-only printers print correctly (U+00A5 comes out as garbage). */
export function yuanSign(fen: number): string {
  return `￥${formatFen(fen, { grouping: true })}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function groupToUpper(n: number): string {
  // n in 0..9999; zeros between digits collapse into one 零, trailing zeros are dropped
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.trunc(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (DIGITS[d] as string) + SMALL_UNITS[pos];
  }
  return out;
}

function integerToUpper(n: number): string {
  if (n === 0) return '';
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.trunc(x / 10000)) groups.push(x % 10000);
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number;
    if (g === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    // a group below 1000 after a higher group reads with 零: 100,007 → 壹拾万零柒
    if (out !== '' && (pendingZero || g < 1000)) out += '零';
    pendingZero = false;
    out += groupToUpper(g) + BIG_UNITS[i];
  }
  return out;
}

/**
 * The amount in Chinese capitals as written on receipts (人民银行《正确填写票据和结算凭证的基本规定》):
 * 100.00 → 壹佰元整, 120.50 → 壹佰贰拾元伍角, 1,680.32 → 壹仟陆佰捌拾元叁角贰分, 1.05 → 壹元零伍分, 0.05 → 伍分,
 * 1,409.50 → 壹仟肆佰零玖元伍角, 0 → 零元整. Negative amounts (reversals) start with 负.
 */
export function fenToChineseUpper(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  if (fen === 0) return '零元整';
  const sign = fen < 0 ? '负' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const jiao = Math.trunc(abs / 10) % 10;
  const fenDigit = abs % 10;
  let out = integerToUpper(yuan);
  if (yuan > 0) out += '元';
  if (jiao === 0 && fenDigit === 0) return `${sign}${out}整`;
  if (jiao > 0) {
    // the regulation allows 壹仟陆佰捌拾元叁角 or …元零叁角; we follow the example 壹佰贰拾元伍角
    out += `${DIGITS[jiao]}角`;
  } else if (yuan > 0) {
    out += '零';
  }
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  return sign + out;
}

/** Sums fen amounts, refusing anything that is not a safe integer (no floats sneak into money). */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`not an integer amount of fen: ${a}`);
    total += a;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('total out of range');
  return total;
}
