import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import type { PropertyCalendar } from '@shared/calendar';
import type { ParsedInput } from '@shared/contract';
import type { DuesView, ReceivablesSettings, RoomOwedView } from '@shared/contract/receivables';
import { receivablesSettings } from '@shared/contract/receivables';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import { itemById } from '../fees/fees.repo';
import { getSetting, setSetting } from '../system/settings.repo';
import type { Accounts } from './accounts';
import { type OwedUnit } from './accounts';
import * as repo from './receivables.repo';
import { roomOwed } from './room-owed';
import { lateFeeOf, waivedThrough } from './late-fees';
import { ageOf, bucketOf, checkNewRate, monthIndex, nextMonth, planStart, RuleError } from './rules';

export const DEFAULT_SETTINGS: ReceivablesSettings = { firstMonth: 'whole', lateFee: { enabled: false, dailyBp: 5, capPct: 100 } };

/** How far a plan's start may lie from the current month: 10 years back (arrears), 1 year ahead. */
const START_BACK = 120;
const START_AHEAD = 12;

const bad = (e: unknown): never => {
  if (e instanceof RuleError) throw new AppError('BAD_INPUT', e.message);
  throw e;
};

/** Receivables set-up and the counter's view of a room: periodic items, rates, plans, vacancy, reductions, dues. */
export class ReceivablesService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly operators: Pick<OperatorsService, 'consumeApproval'>,
    readonly accounts: Accounts,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  settings(): ReceivablesSettings {
    const raw = getSetting(this.sql, 'receivables_settings');
    if (!raw) return DEFAULT_SETTINGS;
    const parsed = receivablesSettings.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  saveSettings(input: ReceivablesSettings, actor: SessionOperator): ReceivablesSettings {
    this.sql.tx(() => {
      setSetting(this.sql, 'receivables_settings', JSON.stringify(input), this.now());
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receivables.settings',
        entity: 'settings',
        entityId: 'receivables_settings',
        detail: input,
      });
    });
    return this.settings();
  }

  items() {
    const rates = repo.allRates(this.sql);
    return repo.periodicItems(this.sql).map((i) => ({
      itemId: i.item_id,
      code: i.code,
      name: i.name,
      rule: i.rule === 'per_area_month' ? ('per_area_month' as const) : ('per_month' as const),
      sinceMonth: i.since_month,
      vacancyApplies: i.vacancy_applies === 1,
      rates: rates
        .filter((r) => r.item_id === i.item_id)
        .map((r) => ({ id: r.id, fromMonth: r.from_month, toMonth: r.to_month, unitPriceFen: r.unit_price_fen })),
    }));
  }

  private itemView(itemId: number) {
    const v = this.items().find((i) => i.itemId === itemId);
    if (!v) throw new AppError('NOT_FOUND', '找不到这个周期收费项目：请刷新。');
    return v;
  }

  saveItem(input: ParsedInput<'receivables.items.save'>, actor: SessionOperator) {
    this.sql.tx(() => {
      const fee = itemById(this.sql, input.itemId);
      if (!fee) throw new AppError('NOT_FOUND', '找不到这个收费项目：请刷新。');
      if (fee.rule !== 'per_area_month' && fee.rule !== 'per_month')
        throw new AppError('BAD_INPUT', `「${fee.name}」不是按月收费的项目：只有按面积每月或每月固定收费的项目可以按房间计划收费。`);
      const existing = repo.periodicItem(this.sql, input.itemId);
      if (existing) {
        if (existing.since_month !== input.sinceMonth)
          throw new AppError('CONFLICT', `「${fee.name}」的起征月份已定为 ${existing.since_month}，不能再改：单价变化请添加新的单价期间。`);
        repo.updatePeriodicItem(this.sql, input.itemId, input.vacancyApplies, this.now());
      } else {
        this.checkStartWindow(input.sinceMonth, '起征月份');
        repo.insertPeriodicItem(this.sql, input.itemId, input.sinceMonth, input.vacancyApplies, this.now());
        repo.insertRate(this.sql, {
          itemId: input.itemId,
          from: input.sinceMonth,
          to: null,
          priceFen: input.unitPriceFen ?? fee.unit_price_fen,
          operatorId: actor.id,
          at: this.now(),
        });
        this.accounts.dropRates();
      }
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: existing ? 'receivable_item.update' : 'receivable_item.create',
        entity: 'fee_item',
        entityId: input.itemId,
        detail: input,
      });
    });
    return this.itemView(input.itemId);
  }

  /** A new rate period; unpaid months already written in it are priced again (paid months keep what was paid). */
  addRate(input: ParsedInput<'receivables.rates.add'>, actor: SessionOperator) {
    this.sql.tx(() => {
      const item = repo.periodicItem(this.sql, input.itemId);
      if (!item) throw new AppError('NOT_FOUND', '这个项目还不是周期收费项目：请先设置起征月份。');
      const to = input.toMonth ?? null;
      let close: { id: number; toMonth: string } | null = null;
      try {
        close = checkNewRate(
          item.since_month,
          repo.ratesOf(this.sql, input.itemId).map((r) => ({ id: r.id, fromMonth: r.from_month, toMonth: r.to_month, unitPriceFen: r.unit_price_fen })),
          { fromMonth: input.fromMonth, toMonth: to },
        ).close;
      } catch (e) {
        bad(e);
      }
      if (close) repo.closeRate(this.sql, close.id, close.toMonth);
      repo.insertRate(this.sql, { itemId: input.itemId, from: input.fromMonth, to, priceFen: input.unitPriceFen, operatorId: actor.id, at: this.now() });
      this.accounts.dropRates();
      const rooms = new Set(repo.unsettledFrom(this.sql, input.itemId, input.fromMonth, to).map((c) => c.room_id));
      for (const roomId of rooms) this.accounts.reprice(roomId, input.itemId, input.fromMonth, to);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receivable_rate.add',
        entity: 'fee_item',
        entityId: input.itemId,
        detail: { ...input, closed: close, repricedRooms: rooms.size },
      });
    });
    return this.itemView(input.itemId);
  }

  plans(roomId: number) {
    const names = new Map(repo.periodicItems(this.sql).map((i) => [i.item_id, i.name]));
    return repo.plansOfRoom(this.sql, roomId).map((p) => ({
      itemId: p.item_id,
      name: names.get(p.item_id) ?? '',
      startMonth: p.start_month,
      firstDays: p.first_days,
      endMonth: p.end_month,
      quantity: p.quantity,
      source: p.source,
    }));
  }

  private checkStartWindow(month: string, what: string): void {
    const now = monthIndex(this.calendar.thisMonth());
    const m = monthIndex(month);
    if (m < now - START_BACK || m > now + START_AHEAD)
      throw new AppError('BAD_INPUT', `${what} ${month} 不在可设置的范围内：最早 10 年前，最晚 1 年后，请核对月份。`);
  }

  /**
   * Which item applies to a room from when. Changing the start of a plan is allowed only while nothing of it was
   * collected (a paid month cannot move); its unpaid months are then written again from the new start.
   */
  savePlan(input: ParsedInput<'receivables.plan.save'>, actor: SessionOperator, source: 'counter' | 'import' = 'counter') {
    this.sql.tx(() => this.writePlan(input, actor, source));
    return this.plans(input.roomId);
  }

  writePlan(
    input: {
      roomId: number;
      itemId: number;
      startMonth?: string | undefined;
      startDate?: string | undefined;
      endMonth?: string | undefined;
      quantity?: number | undefined;
    },
    actor: SessionOperator,
    source: 'counter' | 'import',
  ): void {
    const room = repo.roomFacts(this.sql, input.roomId);
    if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
    const item = repo.periodicItem(this.sql, input.itemId);
    if (!item) throw new AppError('NOT_FOUND', '这个项目还不是周期收费项目：请先在收费计划设置里设置起征月份和单价。');
    if ((input.startMonth ? 1 : 0) + (input.startDate ? 1 : 0) !== 1) throw new AppError('BAD_INPUT', '请填写起始月份，或交房/入住日期（二选一）。');
    const start = input.startDate ? planStart(input.startDate, this.settings().firstMonth) : { month: input.startMonth as string, firstDays: null };
    this.checkStartWindow(start.month, '起始月份');
    if (start.month < item.since_month)
      throw new AppError('BAD_INPUT', `起始月份 ${start.month} 早于「${item.name}」的起征月份 ${item.since_month}：请核对月份。`);
    if (input.endMonth && input.endMonth < start.month) throw new AppError('BAD_INPUT', '结束月份不能早于起始月份。');
    if (item.rule === 'per_area_month' && !room.area_cm2)
      throw new AppError('BAD_INPUT', `「${item.name}」按面积收费，但房号 ${room.code} 没有登记面积：请先在名册中补上面积。`);
    const w = {
      start_month: start.month,
      first_days: start.firstDays,
      end_month: input.endMonth ?? null,
      quantity: input.quantity ?? 1,
      source,
      updated_at: this.now(),
    };
    const existing = repo.planOf(this.sql, input.roomId, input.itemId);
    if (existing) {
      if (
        existing.start_month !== w.start_month ||
        existing.first_days !== w.first_days ||
        existing.quantity !== w.quantity ||
        existing.end_month !== w.end_month
      ) {
        if (
          repo.settledCountOf(this.sql, input.roomId, input.itemId) > 0 &&
          (existing.start_month !== w.start_month || existing.first_days !== w.first_days || existing.quantity !== w.quantity)
        )
          throw new AppError('CONFLICT', `房号 ${room.code} 的「${item.name}」已经收过费，不能再改起始月份或数量：如需更正，请先作废相关收据。`);
        for (const c of repo.chargesOf(this.sql, input.roomId, input.itemId)) if (c.kind === 'month' && c.settled_fen === 0) repo.deleteCharge(this.sql, c.id);
        repo.updatePlan(this.sql, existing.id, w);
        repo.setGeneratedNull(this.sql, existing.id);
      }
    } else {
      repo.insertPlan(this.sql, {
        room_id: input.roomId,
        building_id: room.building_id,
        item_id: input.itemId,
        ...w,
        generated_through: null,
        created_at: this.now(),
      });
    }
    appendAudit(this.sql, this.clock, {
      operatorId: actor.id,
      action: 'receivable_plan.save',
      entity: 'room',
      entityId: room.code,
      detail: { itemId: input.itemId, ...w, source },
    });
  }

  addVacancy(input: ParsedInput<'receivables.vacancy.add'>, actor: SessionOperator) {
    return this.sql.tx(() => {
      const room = repo.roomFacts(this.sql, input.roomId);
      if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
      this.checkStartWindow(input.fromMonth, '起始月份');
      if (input.toMonth && input.toMonth < input.fromMonth) throw new AppError('BAD_INPUT', '结束月份不能早于起始月份。');
      const clash = repo
        .vacanciesOf(this.sql, input.roomId)
        .find((v) => v.from_month <= (input.toMonth ?? '9999-12') && input.fromMonth <= (v.to_month ?? '9999-12'));
      if (clash) throw new AppError('CONFLICT', `这段时间与已登记的空置期（${clash.from_month} 至 ${clash.to_month ?? '今后'}）重叠：请核对月份。`);
      repo.insertVacancy(this.sql, {
        roomId: input.roomId,
        from: input.fromMonth,
        to: input.toMonth ?? null,
        pct: input.pct,
        reason: input.reason.trim(),
        operatorId: actor.id,
        at: this.now(),
      });
      let repriced = 0;
      for (const p of repo.plansOfRoom(this.sql, input.roomId))
        repriced += this.accounts.reprice(input.roomId, p.item_id, input.fromMonth, input.toMonth ?? null);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receivable.vacancy',
        entity: 'room',
        entityId: room.code,
        detail: { from: input.fromMonth, to: input.toMonth ?? null, pct: input.pct, reason: maskText(input.reason.trim()) },
      });
      return { repriced };
    });
  }

  /** 减免 with a supervisor's approval: refused over months already paid (void the receipt first). */
  adjust(input: ParsedInput<'receivables.adjust'>, actor: SessionOperator) {
    return this.sql.tx(() => {
      const room = repo.roomFacts(this.sql, input.roomId);
      if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
      const item = repo.periodicItem(this.sql, input.itemId);
      if (!item || !repo.planOf(this.sql, input.roomId, input.itemId)) throw new AppError('NOT_FOUND', `房号 ${room.code} 没有这个项目的收费计划。`);
      if (input.toMonth < input.fromMonth) throw new AppError('BAD_INPUT', '结束月份不能早于起始月份。');
      if (monthIndex(input.toMonth) - monthIndex(input.fromMonth) >= 120) throw new AppError('BAD_INPUT', '一次减免最多 120 个月。');
      const paid = repo
        .chargesOf(this.sql, input.roomId, input.itemId)
        .find((c) => c.kind === 'month' && c.settled_fen > 0 && c.month >= input.fromMonth && c.month <= input.toMonth);
      if (paid) throw new AppError('CONFLICT', `${paid.month} 已经交过，不能减免：如需退还，请先作废那张收据。`);
      const approval = this.operators.consumeApproval(input.approvalId, 'receivable.adjust', `${room.code}:${item.code}`, { by: actor });
      repo.insertAdjustment(this.sql, {
        roomId: input.roomId,
        itemId: input.itemId,
        from: input.fromMonth,
        to: input.toMonth,
        pctOff: input.pctOff,
        reason: input.reason.trim(),
        approvalId: input.approvalId,
        operatorId: actor.id,
        approverId: approval.approverId,
        at: this.now(),
      });
      const repriced = this.accounts.reprice(input.roomId, input.itemId, input.fromMonth, input.toMonth);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receivable.adjust',
        entity: 'room',
        entityId: room.code,
        detail: {
          itemId: input.itemId,
          from: input.fromMonth,
          to: input.toMonth,
          pctOff: input.pctOff,
          approvedBy: approval.approverId,
          reason: maskText(input.reason.trim()),
        },
      });
      return { repriced };
    });
  }

  /** What a room owes, per planned item: paid-through month, unpaid months oldest first, the next months ahead. */
  dues(roomId: number): DuesView {
    const room = repo.roomFacts(this.sql, roomId);
    if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
    const thisMonth = this.calendar.thisMonth();
    const today = this.calendar.today();
    const lateSettings = this.settings().lateFee;
    const view = (u: OwedUnit, withAge: boolean) => ({
      kind: u.kind,
      month: u.month,
      baseFen: u.baseFen,
      amountFen: u.amountFen,
      ageBucket: withAge ? bucketOf(ageOf(u.month, thisMonth)) : null,
    });
    const items = repo.plansOfRoom(this.sql, roomId).flatMap((p) => {
      // one pass up to a year ahead: the units up to this month are owed, the later ones offered for paying ahead
      const acc = this.accounts.account(roomId, p.item_id, this.aheadEnd(thisMonth));
      if (!acc) return [];
      const owed = acc.units.filter((u) => u.kind === 'opening' || u.month <= thisMonth);
      const owedFen = owed.reduce((s, u) => s + u.amountFen, 0);
      // 违约金: each month from the day after its last day, less what a supervisor waived
      const late = lateFeeOf(owed, today, lateSettings, waivedThrough(this.sql, roomId, p.item_id));
      return [
        {
          itemId: p.item_id,
          code: acc.item.code,
          name: acc.item.name,
          category: acc.item.category,
          paidThrough: acc.paidThrough,
          owed: owed.map((u) => view(u, true)),
          owedFen,
          ahead: acc.units.filter((u) => u.kind === 'month' && u.month > thisMonth).map((u) => view(u, false)),
          lateFeeFen: late.dueFen,
          lateWaivedFen: late.waivedFen,
        },
      ];
    });
    return {
      roomId,
      roomCode: room.code,
      thisMonth,
      items,
      totalFen: items.reduce((s, i) => s + i.owedFen, 0),
      lateFeeFen: items.reduce((s, i) => s + i.lateFeeFen, 0),
      lateWaivedFen: items.reduce((s, i) => s + i.lateWaivedFen, 0),
    };
  }

  /** What a room still owes, in short (the room file, before a move-out). */
  owed(roomId: number): RoomOwedView {
    return roomOwed(this.dues(roomId));
  }

  private aheadEnd(thisMonth: string): string {
    let m = thisMonth;
    for (let i = 0; i < 12; i++) m = nextMonth(m);
    return m;
  }
}
