import { addMonths } from '@shared/calendar';
import { MAX_FEN } from '@shared/money';

/** Pure rules of receivables: month arithmetic and what one month of one item costs a room. No I/O; integer fen. */

export class RuleError extends Error {}

/** 'YYYY-MM' → a month number (consecutive months differ by 1). */
export const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
export const monthOf = (idx: number): string => `${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`;
export const nextMonth = (ym: string): string => addMonths(ym, 1);
export const prevMonth = (ym: string): string => addMonths(ym, -1);
export const daysInMonth = (ym: string): number => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).getUTCDate();

/** round(a × b / d), half up, exact (BigInt) */
export function mulDiv(a: number, b: number, d: number): number {
  const x = (BigInt(a) * BigInt(b) * 2n + BigInt(d)) / (BigInt(d) * 2n);
  if (x > BigInt(MAX_FEN)) throw new RuleError('金额超过单笔上限');
  return Number(x);
}

/** How the first, partial month is charged: by the days left in it, as a whole month, or not at all (from the next month). */
export type FirstMonthRule = 'by_days' | 'whole' | 'next';

/**
 * Where a plan starts for a hand-over or move-in date: the month, and the days charged in it when charged by days
 * (null: the whole month). A start on the 1st is a whole month under every rule.
 */
export function planStart(date: string, rule: FirstMonthRule): { month: string; firstDays: number | null } {
  const month = date.slice(0, 7);
  const day = Number(date.slice(8, 10));
  if (day === 1) return { month, firstDays: null };
  if (rule === 'whole') return { month, firstDays: null };
  if (rule === 'next') return { month: nextMonth(month), firstDays: null };
  return { month, firstDays: daysInMonth(month) - day + 1 };
}

export interface RatePeriod {
  fromMonth: string;
  toMonth: string | null;
  unitPriceFen: number;
}

/** The rate in force in a month, or null when none is (before the item's first rate, or in no period). */
export function rateIn(rates: readonly RatePeriod[], month: string): number | null {
  for (const r of rates) if (r.fromMonth <= month && (r.toMonth === null || month <= r.toMonth)) return r.unitPriceFen;
  return null;
}

export interface MonthRange {
  fromMonth: string;
  toMonth: string | null;
}
const covers = (r: MonthRange, m: string) => r.fromMonth <= m && (r.toMonth === null || m <= r.toMonth);

/**
 * Checks a new rate period against the item's start and its existing periods. An open-ended period that starts
 * before the new one is cut off the month before (the usual "new price from January"); any other overlap is refused,
 * as is a period that would leave months with no rate between the last one and it.
 * Returns the id of the period to close (and the month it closes at), if any.
 */
export function checkNewRate<T extends RatePeriod & { id: number }>(
  since: string,
  existing: readonly T[],
  add: MonthRange,
): { close: { id: number; toMonth: string } | null } {
  if (add.fromMonth < since) throw new RuleError(`新单价从 ${add.fromMonth} 起生效，早于这个项目的起征月份 ${since}：请核对月份`);
  if (add.toMonth !== null && add.toMonth < add.fromMonth) throw new RuleError('结束月份不能早于开始月份');
  let close: { id: number; toMonth: string } | null = null;
  for (const r of existing) {
    const overlaps = r.fromMonth <= (add.toMonth ?? '9999-12') && add.fromMonth <= (r.toMonth ?? '9999-12');
    if (!overlaps) continue;
    if (r.toMonth === null && r.fromMonth < add.fromMonth && add.toMonth === null) {
      close = { id: r.id, toMonth: prevMonth(add.fromMonth) };
      continue;
    }
    throw new RuleError(`新单价的期间与已有单价（${r.fromMonth} 至 ${r.toMonth ?? '今后'}）重叠：请改开始月份，或先核对单价历史`);
  }
  const last = [...existing].sort((a, b) => (a.fromMonth < b.fromMonth ? 1 : -1))[0];
  if (last && last.toMonth !== null && add.fromMonth > nextMonth(last.toMonth)) {
    throw new RuleError(`单价从 ${nextMonth(last.toMonth)} 到 ${prevMonth(add.fromMonth)} 没有着落：新单价请从 ${nextMonth(last.toMonth)} 起`);
  }
  return { close };
}

export interface PlanFacts {
  rule: 'per_area_month' | 'per_month';
  startMonth: string;
  firstDays: number | null;
  quantity: number;
  /** the room's floor area in 0.01 m² (per-area items) */
  areaCm2: number | null;
  vacancyApplies: boolean;
  rates: readonly RatePeriod[];
  vacancies: ReadonlyArray<MonthRange & { pct: number }>;
  adjustments: ReadonlyArray<MonthRange & { pctOff: number }>;
}

/**
 * One month of one item for one room: the base (the rate in force that month × area or quantity, the first month
 * by its days when so planned) and the amount after the vacant-unit share and approved reductions (each rounded to
 * the fen, half up). Throws RuleError when no rate is in force that month or a per-area room has no area.
 */
export function priceMonth(p: PlanFacts, month: string): { baseFen: number; amountFen: number } {
  const rate = rateIn(p.rates, month);
  if (rate === null) throw new RuleError(`${month} 没有生效的单价：请先在收费计划设置里补上单价`);
  let base: number;
  if (p.rule === 'per_area_month') {
    if (!p.areaCm2 || p.areaCm2 <= 0) throw new RuleError('按面积收费，但这个房号没有登记面积：请先在名册中补上面积');
    base = mulDiv(rate, p.areaCm2, 100);
  } else base = mulDiv(rate, p.quantity, 1);
  if (month === p.startMonth && p.firstDays !== null) base = mulDiv(base, p.firstDays, daysInMonth(month));
  let amount = base;
  if (p.vacancyApplies) {
    const v = p.vacancies.find((x) => covers(x, month));
    if (v) amount = mulDiv(amount, v.pct, 100);
  }
  const off = Math.min(
    100,
    p.adjustments.filter((a) => covers(a, month)).reduce((s, a) => s + a.pctOff, 0),
  );
  if (off > 0) amount = mulDiv(amount, 100 - off, 100);
  return { baseFen: base, amountFen: amount };
}

/** Age in months of an owed month at `thisMonth` (the current month is 1). */
export const ageOf = (month: string, thisMonth: string): number => monthIndex(thisMonth) - monthIndex(month) + 1;

export type AgeBucket = '1-3' | '4-6' | '7-12' | '12+';
export const bucketOf = (age: number): AgeBucket => (age <= 3 ? '1-3' : age <= 6 ? '4-6' : age <= 12 ? '7-12' : '12+');

/** Late fee (违约金) of one owed amount: a daily rate in 1/10000 (万分之) from the day after `dueDate`, capped at a percent of the debt. */
export function lateFee(owedFen: number, days: number, dailyBp: number, capPct: number): number {
  if (days <= 0 || dailyBp <= 0 || owedFen <= 0) return 0;
  return Math.min(mulDiv(owedFen, dailyBp * days, 10000), mulDiv(owedFen, capPct, 100));
}
