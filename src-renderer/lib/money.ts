import { formatFen, MAX_FEN, parseYuan } from '@shared/money';
import type { MsgKey } from '../app/i18n/dict';
import { propertyMonth, propertyToday } from './format';

export { fenToChineseUpper, formatFen, parseYuan, yuanSign, type ParsedAmount } from '@shared/money';

/**
 * The yuan sign on screen: full-width ￥ in Chinese (as the receipts print it), ¥ in English (a full-width
 * sign in Latin text looks like a gap). Set by the language provider before it renders.
 */
let sign = '￥';
export function setMoneyLang(lang: 'zh-CN' | 'en'): void {
  sign = lang === 'en' ? '¥' : '￥';
}

/** "￥1,200.50", and for reversals "-￥120.00" (the minus in front of the sign, as receipts print it). */
export function moneyText(fen: number): string {
  return fen < 0 ? `-${sign}${formatFen(-fen, { grouping: true })}` : `${sign}${formatFen(fen, { grouping: true })}`;
}

const toHalfWidth = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');

/** What is wrong with a typed value: a message key (both languages) and its parameters. */
export interface Problem {
  key: MsgKey;
  params?: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** parseYuan's refusals by their opening words (its Chinese sentences are the zh text of these keys). */
const AMOUNT_PROBLEMS: readonly (readonly [string, MsgKey])[] = [
  ['请输入金额', 'amount.empty'],
  ['金额不能为负数', 'amount.negative'],
  ['金额格式不对', 'amount.format'],
  ['金额最多两位小数', 'amount.decimals'],
  ['金额太大', 'amount.tooLarge'],
  ['金额不能为 0', 'amount.zero'],
];

/**
 * An amount in yuan as typed (`120`, `120.5`, `１２０`, `￥1,200`) → fen, by the contract's parseYuan; its
 * Chinese refusals become message keys whose Chinese text is the same sentence.
 */
export function parseAmount(input: string, opts: { allowZero?: boolean } = {}): Parsed<number> {
  const r = parseYuan(input, opts);
  if (r.ok) return { ok: true, value: r.fen };
  const key = AMOUNT_PROBLEMS.find(([prefix]) => r.message.startsWith(prefix))?.[1] ?? 'amount.invalid';
  return { ok: false, problem: { key, params: { max: formatFen(MAX_FEN, { grouping: true }) } } };
}

/** A whole number as typed (`3`, `３`); blank gives `blank` when set, else a problem. */
export function parseWhole(input: string, opts: { min: number; max: number; blank?: number }): Parsed<number> {
  const s = toHalfWidth(input);
  if (s === '') return opts.blank !== undefined ? { ok: true, value: opts.blank } : { ok: false, problem: { key: 'whole.empty' } };
  if (!/^\d+$/.test(s)) return { ok: false, problem: { key: 'whole.notWhole' } };
  const n = Number(s);
  if (n < opts.min || n > opts.max) return { ok: false, problem: { key: 'whole.range', params: { min: opts.min, max: opts.max } } };
  return { ok: true, value: n };
}

/** A meter reading (度/吨) with up to two decimals → hundredths, as fees.quote takes it. */
export function parseReading(input: string): Parsed<number> {
  const s = toHalfWidth(input);
  if (s === '') return { ok: false, problem: { key: 'reading.empty' } };
  if (s.startsWith('-') || s.startsWith('－')) return { ok: false, problem: { key: 'reading.negative' } };
  const m = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return { ok: false, problem: { key: /\.\d{3,}$/.test(s) ? 'reading.decimals' : 'reading.format' } };
  return { ok: true, value: Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2)) };
}

/** Today on the property's clock as YYYY-MM-DD. */
export function todayLocal(d = new Date()): string {
  return propertyToday(d);
}

/** This month on the property's clock as YYYY-MM. */
export function thisMonth(d = new Date()): string {
  return propertyMonth(d);
}
