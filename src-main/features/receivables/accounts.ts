import type { Insertable } from 'kysely';
import type { Sql } from '../../db/sql';
import type { ReceivableChargesTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { sumFen } from '@shared/money';
import { feeLineDetail, feeLineQuantity, type FeeLineFacts } from '@shared/fee-line';
import type { PropertyCalendar } from '@shared/calendar';
import type { PricedLine } from '../fees/pricing';
import type { Settlements, SettleUnit, SettleUnits } from '../fees/settlements';
import * as repo from './receivables.repo';
import { monthIndex, monthOf, nextMonth, prevMonth, priceMonth, RuleError, type PlanFacts } from './rules';

type PlanRow = NonNullable<ReturnType<typeof repo.planOf>>;
type ItemRow = NonNullable<ReturnType<typeof repo.periodicItem>>;

/** One unit of what a room owes or may pay for an item: an opening arrears amount or one month. */
export interface OwedUnit extends SettleUnit {
  /** the charge row, when written already */
  chargeId: number | null;
}

/** How far ahead a room may pay (months after the current one). */
export const AHEAD_LIMIT = 120;

/**
 * A room's accounts: the facts a plan is priced from, the sequence of unpaid units (oldest first), and the
 * settlement fees calls when a receipt line for a planned item is posted, voided or refunded.
 * Months not yet written as charge rows are priced on the fly ("virtual"); posting one writes it.
 */
export class Accounts implements Settlements {
  constructor(
    private readonly sql: Sql,
    private readonly calendar: PropertyCalendar,
  ) {}

  private readonly rateCache = new Map<number, ReturnType<typeof repo.ratesOf>>();
  /** Rates change rarely; the cache is dropped on every rate write. */
  dropRates(): void {
    this.rateCache.clear();
  }
  private rates(itemId: number) {
    let r = this.rateCache.get(itemId);
    if (!r) this.rateCache.set(itemId, (r = repo.ratesOf(this.sql, itemId)));
    return r;
  }

  facts(
    plan: PlanRow,
    item: Pick<ItemRow, 'rule' | 'vacancy_applies'>,
    areaCm2: number | null,
    vacancies: ReadonlyArray<{ from_month: string; to_month: string | null; pct: number }> = repo.vacanciesOf(this.sql, plan.room_id),
    adjustments: ReadonlyArray<{ from_month: string; to_month: string; pct_off: number }> = repo.adjustmentsOf(this.sql, plan.room_id, plan.item_id),
  ): PlanFacts {
    return {
      rule: item.rule === 'per_area_month' ? 'per_area_month' : 'per_month',
      startMonth: plan.start_month,
      firstDays: plan.first_days,
      quantity: plan.quantity,
      areaCm2,
      vacancyApplies: item.vacancy_applies === 1,
      rates: this.rates(plan.item_id).map((r) => ({ fromMonth: r.from_month, toMonth: r.to_month, unitPriceFen: r.unit_price_fen })),
      vacancies: vacancies.map((v) => ({ fromMonth: v.from_month, toMonth: v.to_month, pct: v.pct })),
      adjustments: adjustments.map((a) => ({ fromMonth: a.from_month, toMonth: a.to_month, pctOff: a.pct_off })),
    };
  }

  priceOf(facts: PlanFacts, month: string): { baseFen: number; amountFen: number } {
    try {
      return priceMonth(facts, month);
    } catch (e) {
      if (e instanceof RuleError) throw new AppError('BAD_INPUT', e.message);
      throw e;
    }
  }

  /**
   * The room's item as the counter sees it: the unpaid units oldest first (opening arrears, then months up to
   * `through`, written or not), and the paid-through month (the month before the first unpaid one).
   */
  account(roomId: number, itemId: number, through: string): { plan: PlanRow; item: ItemRow; facts: PlanFacts; units: OwedUnit[]; paidThrough: string } | null {
    const plan = repo.planOf(this.sql, roomId, itemId);
    if (!plan) return null;
    const item = repo.periodicItem(this.sql, itemId) as ItemRow;
    const room = repo.roomFacts(this.sql, roomId);
    const facts = this.facts(plan, item, room?.area_cm2 ?? null);
    const charges = repo.chargesOf(this.sql, roomId, itemId);
    const units: OwedUnit[] = [];
    const written = new Map<string, (typeof charges)[number]>();
    for (const c of charges) {
      if (c.kind === 'opening') {
        if (c.settled_fen < c.amount_fen)
          units.push({ chargeId: c.id, kind: 'opening', month: c.month, baseFen: c.base_fen, amountFen: c.amount_fen - c.settled_fen });
      } else written.set(c.month, c);
    }
    let paidThrough: string | null = null;
    const end = plan.end_month && plan.end_month < through ? plan.end_month : through;
    for (let m = monthIndex(plan.start_month); m <= monthIndex(end); m++) {
      const month = monthOf(m);
      const c = written.get(month);
      const unit: OwedUnit | null = c
        ? c.settled_fen < c.amount_fen
          ? { chargeId: c.id, kind: 'month', month, baseFen: c.base_fen, amountFen: c.amount_fen - c.settled_fen }
          : null
        : this.virtual(facts, month);
      if (unit) {
        units.push(unit);
        if (paidThrough === null) paidThrough = prevMonth(month);
      }
    }
    if (paidThrough === null) {
      // nothing unpaid up to `through`: months paid ahead extend the paid-through month
      let m = Math.max(monthIndex(end), monthIndex(plan.start_month) - 1);
      for (let c = written.get(monthOf(m + 1)); c && c.settled_fen >= c.amount_fen; c = written.get(monthOf(m + 1))) m++;
      paidThrough = monthOf(m);
    }
    return { plan, item, facts, units, paidThrough };
  }

  private virtual(facts: PlanFacts, month: string): OwedUnit | null {
    const p = this.priceOf(facts, month);
    return p.amountFen > 0 ? { chargeId: null, kind: 'month', month, baseFen: p.baseFen, amountFen: p.amountFen } : null;
  }

  /** Settlements: a line for a planned item settles the first `months` unpaid units, oldest first (paying ahead past this month). */
  price(roomId: number, itemId: number, line: { months?: number | undefined; from?: string | undefined }): { line: PricedLine; settle: SettleUnits } | null {
    const thisMonth = this.calendar.thisMonth();
    const acc = this.account(roomId, itemId, thisMonth);
    if (!acc) return null;
    const n = line.months ?? 0;
    if (!Number.isInteger(n) || n < 1 || n > AHEAD_LIMIT) throw new AppError('BAD_INPUT', `${acc.item.name}：月数应为 1 到 ${AHEAD_LIMIT} 之间的整数`);
    const units = [...acc.units];
    // paying ahead: the months after this one, in order, until there are enough
    const limit = monthIndex(thisMonth) + AHEAD_LIMIT;
    const end = acc.plan.end_month ? Math.min(limit, monthIndex(acc.plan.end_month)) : limit;
    const future = new Map(
      repo
        .chargesOf(this.sql, roomId, itemId)
        .filter((c) => c.kind === 'month' && c.month > thisMonth)
        .map((c) => [c.month, c]),
    );
    for (let m = Math.max(monthIndex(thisMonth) + 1, monthIndex(acc.plan.start_month)); units.length < n && m <= end; m++) {
      const month = monthOf(m);
      const c = future.get(month);
      if (c) {
        if (c.settled_fen < c.amount_fen) units.push({ chargeId: c.id, kind: 'month', month, baseFen: c.base_fen, amountFen: c.amount_fen - c.settled_fen });
      } else {
        const u = this.virtual(acc.facts, month);
        if (u) units.push(u);
      }
    }
    if (units.length < n) throw new AppError('BAD_INPUT', `${acc.item.name}最多还能收 ${units.length} 个月（预交最远到 ${monthOf(end)}）：请减少月数`);
    const take = units.slice(0, n);
    const first = take[0] as OwedUnit;
    if (line.from && line.from !== first.month) {
      const why = line.from < first.month ? `${line.from} 已交过（已交至 ${acc.paidThrough}）` : `${first.month} 起还没有交`;
      throw new AppError('BAD_INPUT', `${acc.item.name}：${why}，按月份先后收费，请从 ${first.kind === 'opening' ? '期初欠费' : first.month} 开始收`);
    }
    const amountFen = sumFen(take.map((u) => u.amountFen));
    if (amountFen <= 0) throw new AppError('BAD_INPUT', `${acc.item.name}：金额为 0，无法收费`);
    const months = take.filter((u) => u.kind === 'month');
    const firstMonth = months[0];
    const lastMonth = months.at(-1);
    const facts: FeeLineFacts = {
      rule: 'plan',
      opening: take.some((u) => u.kind === 'opening'),
      period: firstMonth && lastMonth ? { months: months.length, from: firstMonth.month, ...(months.length > 1 ? { to: lastMonth.month } : {}) } : null,
      amountFen,
    };
    return {
      line: {
        itemId,
        name: acc.item.name,
        category: acc.item.category,
        detail: feeLineDetail(facts, 'zh-CN'),
        quantity: feeLineQuantity(facts, 'zh-CN'),
        amountFen,
        refundable: acc.item.refundable === 1,
      },
      settle: { roomId, itemId, units: take.map(({ kind, month, baseFen, amountFen: a }) => ({ kind, month, baseFen, amountFen: a })) },
    };
  }

  record(settle: SettleUnits, lineId: number, at: string): void {
    const room = repo.roomFacts(this.sql, settle.roomId);
    if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
    for (const u of settle.units) {
      repo.insertCharge(this.sql, {
        room_id: settle.roomId,
        building_id: room.building_id,
        item_id: settle.itemId,
        kind: u.kind,
        month: u.month,
        base_fen: u.baseFen,
        amount_fen: u.amountFen,
      });
      const c = repo.chargeByKey(this.sql, settle.roomId, settle.itemId, u.kind, u.month);
      if (!c || c.amount_fen - c.settled_fen !== u.amountFen) throw new AppError('CONFLICT', '欠费刚刚有变化（可能在别的窗口收过）：请刷新后重新收费。');
      repo.addSettled(this.sql, c.id, u.amountFen);
      repo.insertAllocation(this.sql, {
        charge_id: c.id,
        receipt_line_id: lineId,
        amount_fen: u.amountFen,
        at,
        room_id: c.room_id,
        building_id: c.building_id,
        item_id: c.item_id,
        kind: c.kind,
        month: c.month,
      });
    }
  }

  reopen(originalLineId: number, reversalLineId: number, at: string): void {
    const reopened = new Map<string, { roomId: number; itemId: number; from: string; to: string }>();
    for (const a of repo.allocationsOfLine(this.sql, originalLineId)) {
      if (a.amount_fen <= 0) continue;
      const k = `${a.room_id}:${a.item_id}`;
      const r = reopened.get(k) ?? { roomId: a.room_id, itemId: a.item_id, from: a.month, to: a.month };
      reopened.set(k, { ...r, from: a.month < r.from ? a.month : r.from, to: a.month > r.to ? a.month : r.to });
      repo.addSettled(this.sql, a.charge_id, -a.amount_fen);
      repo.insertAllocation(this.sql, {
        charge_id: a.charge_id,
        receipt_line_id: reversalLineId,
        amount_fen: -a.amount_fen,
        at,
        room_id: a.room_id,
        building_id: a.building_id,
        item_id: a.item_id,
        kind: a.kind,
        month: a.month,
      });
    }
    // a month owed again costs what the plan says now (rates, vacancy or reductions may have changed since it was paid)
    for (const r of reopened.values()) this.reprice(r.roomId, r.itemId, r.from, r.to);
  }

  /**
   * The month charges of one plan from where it was written up to `through` (inclusive; never past its end), priced
   * from the facts given (the room's vacancies and the plan's reductions, read for a whole batch by the caller).
   * Writes nothing: the caller inserts them, skipping months already written, and marks the plan in the same transaction.
   */
  monthCharges(
    plan: PlanRow,
    item: Pick<ItemRow, 'rule' | 'vacancy_applies'>,
    areaCm2: number | null,
    buildingId: number,
    through: string,
    vacancies: ReadonlyArray<{ from_month: string; to_month: string | null; pct: number }>,
    adjustments: ReadonlyArray<{ from_month: string; to_month: string; pct_off: number }>,
  ): Insertable<ReceivableChargesTable>[] {
    const from = plan.generated_through && plan.generated_through >= plan.start_month ? nextMonth(plan.generated_through) : plan.start_month;
    const end = plan.end_month && plan.end_month < through ? plan.end_month : through;
    const rows: Insertable<ReceivableChargesTable>[] = [];
    if (from > end) return rows;
    const facts = this.facts(plan, item, areaCm2, vacancies, adjustments);
    for (let m = monthIndex(from); m <= monthIndex(end); m++) {
      const month = monthOf(m);
      const p = this.priceOf(facts, month);
      rows.push({ room_id: plan.room_id, building_id: buildingId, item_id: plan.item_id, kind: 'month', month, base_fen: p.baseFen, amount_fen: p.amountFen });
    }
    return rows;
  }

  /** Prices the unpaid written months of a room's item again (after a rate, vacancy or reduction change). */
  reprice(roomId: number, itemId: number, from: string, to: string | null): number {
    const plan = repo.planOf(this.sql, roomId, itemId);
    if (!plan) return 0;
    const item = repo.periodicItem(this.sql, itemId) as ItemRow;
    const facts = this.facts(plan, item, repo.roomFacts(this.sql, roomId)?.area_cm2 ?? null);
    let n = 0;
    for (const c of repo.chargesOf(this.sql, roomId, itemId)) {
      if (c.kind !== 'month' || c.settled_fen > 0 || c.month < from || (to !== null && c.month > to)) continue;
      const p = this.priceOf(facts, c.month);
      n += repo.repriceCharge(this.sql, c.id, p.baseFen, p.amountFen).changes;
    }
    return n;
  }
}
