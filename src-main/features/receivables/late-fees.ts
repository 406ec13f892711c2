import { appendAudit } from '../../db/audit';
import { qb, type Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import type { PropertyCalendar } from '@shared/calendar';
import type { DuesView, ReceivablesSettings } from '@shared/contract/receivables';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import * as repo from './receivables.repo';
import { daysInMonth, lateFee } from './rules';

/**
 * 违约金: accrued per owed month from the day after its last day at the daily rate, capped; shown apart from the
 * debt and never added to it. A supervisor may waive what a room's item has accrued up to a day: the waiver is
 * recorded (who, why, how much) and that part is shown as waived; the months stay owed in full, and if they stay
 * unpaid the late fee runs again from the day after the waiver (the cap still counts from the first day).
 */

/** Whole days from `from` to `to` (dates); 0 when `to` is not later. */
export function dayDiff(from: string, to: string): number {
  if (to <= from) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const lastDay = (month: string) => `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;

/**
 * The late fee of owed units on `today`, and the part of it waived up to `waivedThrough` (the latest waiver's day,
 * or null). Opening arrears count from the end of the month they were brought in as paid through.
 */
export function lateFeeOf(
  units: ReadonlyArray<{ month: string; amountFen: number }>,
  today: string,
  late: ReceivablesSettings['lateFee'],
  waivedThrough: string | null,
): { dueFen: number; waivedFen: number } {
  if (!late.enabled) return { dueFen: 0, waivedFen: 0 };
  let dueFen = 0;
  let waivedFen = 0;
  for (const u of units) {
    const due = lastDay(u.month);
    const all = lateFee(u.amountFen, dayDiff(due, today), late.dailyBp, late.capPct);
    const waived = waivedThrough
      ? Math.min(all, lateFee(u.amountFen, dayDiff(due, waivedThrough < today ? waivedThrough : today), late.dailyBp, late.capPct))
      : 0;
    dueFen += all - waived;
    waivedFen += waived;
  }
  return { dueFen, waivedFen };
}

/** The day the latest waiver of a room's item runs to, or null. */
export const waivedThrough = (sql: Sql, roomId: number, itemId: number): string | null =>
  sql.get(
    qb
      .selectFrom('receivable_late_waivers')
      .select('through_day')
      .where('room_id', '=', roomId)
      .where('item_id', '=', itemId)
      .orderBy('through_day', 'desc')
      .limit(1),
  )?.through_day ?? null;

export class LateFees {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly operators: Pick<OperatorsService, 'consumeApproval'>,
    private readonly receivables: { dues(roomId: number): DuesView; settings(): ReceivablesSettings },
  ) {}

  /** Waives the late fee a room's item has accrued up to today, with a supervisor's approval and a reason. */
  waive(input: { roomId: number; itemId: number; reason: string; approvalId: string }, actor: SessionOperator): { waivedFen: number } {
    return this.sql.tx(() => {
      const room = repo.roomFacts(this.sql, input.roomId);
      if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
      const item = repo.periodicItem(this.sql, input.itemId);
      if (!item || !repo.planOf(this.sql, input.roomId, input.itemId)) throw new AppError('NOT_FOUND', `房号 ${room.code} 没有这个项目的收费计划。`);
      if (!this.receivables.settings().lateFee.enabled) throw new AppError('BAD_INPUT', '本物业没有开启违约金，没有可免除的违约金。');
      const owed = this.receivables.dues(input.roomId).items.find((i) => i.itemId === input.itemId);
      const fen = owed?.lateFeeFen ?? 0;
      if (fen <= 0) throw new AppError('BAD_INPUT', `房号 ${room.code} 的「${item.name}」目前没有违约金，不需要免除。`);
      const reason = input.reason.trim();
      if (reason.length < 2) throw new AppError('BAD_INPUT', '请写明免除违约金的原因（至少 2 个字）。');
      const approval = this.operators.consumeApproval(input.approvalId, 'receivable.lateWaive', `${room.code}:${item.code}`, { by: actor });
      const at = this.clock.now().toISOString();
      this.sql.run(
        qb.insertInto('receivable_late_waivers').values({
          room_id: input.roomId,
          item_id: input.itemId,
          through_day: this.calendar.today(),
          waived_fen: fen,
          reason,
          approval_id: input.approvalId,
          operator_id: actor.id,
          approver_id: approval.approverId,
          created_at: at,
        }),
      );
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receivable.lateWaive',
        entity: 'room',
        entityId: room.code,
        detail: { itemId: input.itemId, waivedFen: fen, throughDay: this.calendar.today(), approvedBy: approval.approverId, reason: maskText(reason) },
      });
      return { waivedFen: fen };
    });
  }
}
