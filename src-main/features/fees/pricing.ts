import type { FeeCategory, FeeRule } from '../../db/schema';
import { formatFen, MAX_FEN } from '@shared/money';
import { feeLineDetail, feeLineQuantity, type FeeLineFacts, type FeePeriod } from '@shared/fee-line';

/** Pure price rules: what a line costs. No I/O; amounts in integer fen. */

export interface PricedItem {
  id: number;
  name: string;
  category: FeeCategory;
  rule: FeeRule;
  unitPriceFen: number;
  unitLabel: string;
  refundable: boolean;
}

export interface LineInput {
  itemId: number;
  /** fixed: how many (copies, cards) */
  quantity?: number;
  /** per_area_month / per_month: how many months, starting at `from` (YYYY-MM) */
  months?: number;
  from?: string;
  /** metered: readings in hundredths of a unit (度/吨), previous and current */
  meterFrom?: number;
  meterTo?: number;
  /** amount: the amount itself (water/electricity by amount, other) */
  amountFen?: number;
}

export interface PricedLine {
  itemId: number;
  name: string;
  category: FeeCategory;
  detail: string;
  quantity: string;
  amountFen: number;
  refundable: boolean;
}

export class PricingError extends Error {}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function addMonths(ym: string, n: number): string {
  const m = MONTH.exec(ym);
  if (!m) throw new PricingError('月份格式应为 2026-01');
  const idx = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** round(a × b / d) half up, exact for large values (BigInt) */
function mulDivRound(a: number, b: number, d: number): number {
  const x = (BigInt(a) * BigInt(b) * 2n + BigInt(d)) / (BigInt(d) * 2n);
  if (x > BigInt(MAX_FEN)) throw new PricingError(`金额超过单笔上限 ${formatFen(MAX_FEN)} 元`);
  return Number(x);
}

/** How far back arrears may start (5 years) and how far ahead a prepayment may start (1 year), in months. */
export const PERIOD_BACK_MONTHS = 60;
export const PERIOD_AHEAD_MONTHS = 12;

/**
 * A fee period must start within a sane window around the current month (`thisMonth`, YYYY-MM in the
 * property's calendar): no earlier than 5 years back (older arrears are settled with the office, not at the
 * counter) and no later than 1 year ahead. With at most 120 months per line, a period ends within 11 years.
 */
export function checkPeriodStart(from: string, thisMonth: string): void {
  const earliest = addMonths(thisMonth, -PERIOD_BACK_MONTHS);
  const latest = addMonths(thisMonth, PERIOD_AHEAD_MONTHS);
  if (from < earliest || from > latest) {
    throw new PricingError(`起始月份 ${from} 不在可收费的范围内（${earliest} 至 ${latest}）：补缴最多追溯 5 年，预缴最早从 1 年后开始，请核对月份`);
  }
}

function period(input: LineInput, thisMonth: string): FeePeriod {
  const months = input.months ?? 0;
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new PricingError('月数应为 1 到 120 之间的整数');
  if (!input.from) return { months };
  checkPeriodStart(input.from, thisMonth);
  return months === 1 ? { months, from: input.from } : { months, from: input.from, to: addMonths(input.from, months - 1) };
}

/** The stored (and printed) words of a line: Chinese, from the same facts the screen shows in English. */
const words = (f: FeeLineFacts) => ({ detail: feeLineDetail(f, 'zh-CN'), quantity: feeLineQuantity(f, 'zh-CN') });

const fmtQty = (hundredths: number) => (hundredths % 100 === 0 ? String(hundredths / 100) : (hundredths / 100).toFixed(2).replace(/0$/, ''));

/**
 * Prices one line. `areaCm2` is the room's floor area in hundredths of a m² (needed by per-area fees);
 * `thisMonth` (YYYY-MM) is the current month, for the window a fee period may start in.
 * Throws PricingError with a Chinese message when the input does not fit the item's rule.
 */
export function priceLine(item: PricedItem, input: LineInput, areaCm2: number | null, thisMonth: string): PricedLine {
  const base = { itemId: item.id, name: item.name, category: item.category, refundable: item.refundable };
  const unit = item.unitLabel || '次';
  switch (item.rule) {
    case 'fixed': {
      const q = input.quantity ?? 1;
      if (!Number.isInteger(q) || q < 1 || q > 999) throw new PricingError(`${item.name}：数量应为 1 到 999 的整数`);
      return { ...base, ...words({ rule: 'fixed', quantity: q, unit, unitPriceFen: item.unitPriceFen }), amountFen: mulDivRound(q, item.unitPriceFen, 1) };
    }
    case 'per_month': {
      const p = period(input, thisMonth);
      return { ...base, ...words({ rule: 'per_month', period: p, unitPriceFen: item.unitPriceFen }), amountFen: mulDivRound(p.months, item.unitPriceFen, 1) };
    }
    case 'per_area_month': {
      if (areaCm2 === null || areaCm2 <= 0) throw new PricingError(`${item.name}按面积收费，但这个房号没有登记面积：请先在名册中补上面积`);
      const p = period(input, thisMonth);
      return {
        ...base,
        ...words({ rule: 'per_area_month', period: p, area: fmtQty(areaCm2), unitPriceFen: item.unitPriceFen }),
        amountFen: mulDivRound(item.unitPriceFen * p.months, areaCm2, 100),
      };
    }
    case 'metered': {
      const a = input.meterFrom;
      const b = input.meterTo;
      if (a === undefined || b === undefined || !Number.isInteger(a) || !Number.isInteger(b) || a < 0)
        throw new PricingError(`${item.name}：请填写上次和本次读数`);
      if (b <= a) throw new PricingError(`${item.name}：本次读数应大于上次读数`);
      const used = b - a;
      return {
        ...base,
        ...words({ rule: 'metered', from: fmtQty(a), to: fmtQty(b), used: fmtQty(used), unit, unitPriceFen: item.unitPriceFen }),
        amountFen: mulDivRound(used, item.unitPriceFen, 100),
      };
    }
    case 'amount': {
      const f = input.amountFen;
      if (f === undefined || !Number.isSafeInteger(f) || f <= 0 || f > MAX_FEN) throw new PricingError(`${item.name}：请输入金额`);
      return { ...base, detail: '', quantity: '', amountFen: f };
    }
  }
}
