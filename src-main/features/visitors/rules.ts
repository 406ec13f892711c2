import { AppError } from '../../lib/errors';
import { maskName, maskPhone } from '@shared/mask';
import { addDays, type PropertyCalendar } from '@shared/calendar';
import type { VisitorSettings } from '@shared/contract/visitors';
import type { PassKind } from '../../db/schema';

/** Pure rules of the visitor area: pass numbers, validity, refusal matching, masking. No store, no clock of their own. */

const KIND_LETTER: Record<PassKind, string> = { visitor: 'V', worker: 'W', removal: 'R' };
export const PASS_KIND_ZH: Record<PassKind, string> = { visitor: '访客通行证', worker: '临时出入证', removal: '搬运放行条' };

/** The counter row of a terminal's series for one kind of pass. */
export const seriesName = (kind: PassKind, terminalId: string): string => `pass:${KIND_LETTER[kind]}:${terminalId}`;

/** `T01-V0000001`: the terminal, the kind's letter, the number in that series (7 digits, more when it runs past). */
export const passNumber = (terminalId: string, kind: PassKind, seq: number): string => `${terminalId}-${KIND_LETTER[kind]}${String(seq).padStart(7, '0')}`;

/** A pass number as scanned or typed: full-width folded, spaces dropped, upper case. */
export function normalizePassNo(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export interface FormNumber {
  prefix: string;
  n: number;
  digits: number;
}

/** `LS000123` → {prefix: 'LS', n: 123, digits: 6}; null when it is not a form number. */
export function parseFormNo(s: string): FormNumber | null {
  const m = /^([A-Z]{0,6})(\d{3,10})$/.exec(normalizePassNo(s));
  if (!m) return null;
  return { prefix: m[1] as string, n: Number(m[2]), digits: (m[2] as string).length };
}

export const formatFormNo = (f: FormNumber): string => `${f.prefix}${String(f.n).padStart(f.digits, '0')}`;

/** The numbers of a received range, checked: same prefix and width, first ≤ last, at most `max` forms. */
export function formRange(first: string, last: string, max = 1000): { prefix: string; digits: number; from: number; to: number } {
  const a = parseFormNo(first);
  const b = parseFormNo(last);
  if (!a || !b) throw new AppError('BAD_INPUT', '表单编号应为字母（可无）加 3–10 位数字，例如 LS000123。', { field: a ? 'lastNo' : 'firstNo' });
  if (a.prefix !== b.prefix || a.digits !== b.digits)
    throw new AppError('BAD_INPUT', `起始编号 ${first} 和截止编号 ${last} 的字母或位数不同：一次只登记一段连续编号。`, { field: 'lastNo' });
  if (b.n < a.n) throw new AppError('BAD_INPUT', `截止编号 ${last} 小于起始编号 ${first}：请检查顺序。`, { field: 'lastNo' });
  if (b.n - a.n + 1 > max) throw new AppError('BAD_INPUT', `一次最多登记 ${max} 张（这一段有 ${b.n - a.n + 1} 张）：请分段登记。`, { field: 'lastNo' });
  return { prefix: a.prefix, digits: a.digits, from: a.n, to: b.n };
}

/** A visitor pass's validity: the default hours from now, or the time asked for — not in the past, not beyond the maximum. */
export function visitValidUntil(now: Date, asked: string | undefined, s: VisitorSettings): Date {
  if (asked === undefined) return new Date(now.getTime() + s.visitHours * 3_600_000);
  const t = new Date(asked);
  if (t.getTime() <= now.getTime()) throw new AppError('BAD_INPUT', '有效期不能早于现在：请重新选择离开时间。', { field: 'validUntil' });
  if (t.getTime() - now.getTime() > s.visitMaxHours * 3_600_000)
    throw new AppError('BAD_INPUT', `访客通行证最长有效 ${s.visitMaxHours} 小时：请缩短有效期（更久的请办理临时出入证）。`, { field: 'validUntil' });
  return t;
}

/** A worker's pass: from the start of `from` to the end of `until` (inclusive days), from today on, at most the maximum. */
export function workerValidity(
  cal: PropertyCalendar,
  from: string,
  until: string,
  s: VisitorSettings,
): { validFrom: string; validUntil: string; days: number } {
  const today = cal.today();
  if (from < today) throw new AppError('BAD_INPUT', `生效日期 ${from} 已经过去：临时出入证从今天（${today}）或以后生效。`, { field: 'validFrom' });
  if (until < from) throw new AppError('BAD_INPUT', `失效日期 ${until} 早于生效日期 ${from}：请检查日期。`, { field: 'validUntil' });
  // calendar days, inclusive (dates are plain days: no zone arithmetic here)
  const days = Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days > s.workerPassMaxDays)
    throw new AppError('BAD_INPUT', `临时出入证最长 ${s.workerPassMaxDays} 天（这次是 ${days} 天）：到期后请重新办理。`, { field: 'validUntil' });
  return { validFrom: cal.day(from).from, validUntil: cal.day(until).to, days };
}

/** A removal pass's day: from today to `removalMaxDaysAhead` days ahead, the window in order. */
export function removalDay(cal: PropertyCalendar, date: string, from: string, to: string, s: VisitorSettings): { validFrom: string; validUntil: string } {
  const today = cal.today();
  if (date < today) throw new AppError('BAD_INPUT', `搬运日期 ${date} 已经过去：请选择今天或以后的日期。`, { field: 'date' });
  if (date > addDays(today, s.removalMaxDaysAhead))
    throw new AppError('BAD_INPUT', `搬运日期最多提前 ${s.removalMaxDaysAhead} 天办理：请在 ${addDays(today, s.removalMaxDaysAhead)} 之前的日期。`, {
      field: 'date',
    });
  if (to <= from) throw new AppError('BAD_INPUT', `搬运时段 ${from}–${to} 不对：结束时间要晚于开始时间。`, { field: 'windowTo' });
  return { validFrom: cal.day(date).from, validUntil: cal.day(date).to };
}

/** Digits of a phone as dialled; its last four. */
export const phoneDigits = (s: string): string => s.replace(/\D/g, '');
export const last4 = (s: string): string => s.slice(-4);

/** An identity document on screen: ****1234, or '' when none was recorded. */
export const maskDoc = (last: string | null): string => (last ? `****${last}` : '');
/** A name on screen; 已删除 once the retention period erased it. */
export const shownName = (name: string | null, erased: boolean): string => (erased ? '已删除' : (maskName(name) ?? ''));
export const shownPhone = (phone: string | null): string => maskPhone(phone);

export interface RefusalCandidate {
  id: number;
  name: string | null;
  phone_last4: string | null;
  doc_last4: string | null;
  room_id: number | null;
}

/**
 * The refusal entries a check-in matches: the same name and either the same phone last four or the same document
 * last four, for the whole property or for the room visited. Names compare trimmed; document digits without case.
 */
export function matchRefusals<R extends RefusalCandidate>(
  entries: readonly R[],
  v: { name: string; phoneLast4: string | null; docLast4: string | null; roomId: number | null },
): R[] {
  const name = v.name.trim();
  const doc = v.docLast4?.toUpperCase() ?? null;
  return entries.filter(
    (r) =>
      r.name !== null &&
      r.name.trim() === name &&
      ((r.phone_last4 !== null && r.phone_last4 === v.phoneLast4) || (r.doc_last4 !== null && doc !== null && r.doc_last4.toUpperCase() === doc)) &&
      (r.room_id === null || r.room_id === v.roomId),
  );
}

/** Building codes from the JSON a pass stores. */
export function zonesOf(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Runs of consecutive ids, for an audit entry that names many rows briefly: [1,2,3,7] → [[1,3],[7,7]]. */
export function idRanges(ids: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else out.push([id, id]);
  }
  return out;
}
