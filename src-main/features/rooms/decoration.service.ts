import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { DecorationStatus } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName, maskPhone, maskText } from '@shared/mask';
import type { PropertyCalendar } from '@shared/calendar';
import { yuanSign as yuan } from '@shared/money';
import type { DecorationCaseView, DecorationLink } from '@shared/contract/rooms';
import type { SessionOperator } from '../operators/sessions';
import * as rooms from './rooms.repo';
import * as repo from './decoration.repo';
import { changeState, mustRoom } from './state';

type Scope = DecorationCaseView['scope'][number];
type Doc = DecorationCaseView['docsSeen'][number];
const STATUS_ZH: Record<DecorationStatus, string> = {
  applied: '申请中',
  approved: '已批准',
  in_progress: '施工中',
  awaiting_acceptance: '待验收',
  accepted: '已验收',
  refunded: '押金已退',
  rejected: '已驳回',
  void: '已作废',
};

export interface DecorationApply {
  roomId: number;
  applicantId?: number | undefined;
  contractor: string;
  personInCharge: string;
  contractorPhone: string;
  startDate: string;
  plannedEnd: string;
  scope: readonly Scope[];
  docs: readonly Doc[];
  depositFen: number;
}

/** Days after acceptance by which the deposit should have been refunded; later, the case is flagged. */
export const REFUND_DUE_DAYS = 30;

/**
 * The decoration case of a room: 申请中 → 已批准 → 施工中 → 待验收 → 已验收 → 押金已退 (or 已驳回 / 已作废). One open case per
 * room; deductions never exceed the deposit (the store's CHECK holds it too); every step is a decoration_events row.
 */
export class DecorationService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  view(d: repo.DecorationRow): DecorationCaseView {
    return {
      id: d.id,
      roomId: d.room_id,
      roomCode: d.room_code,
      status: d.status,
      contractor: d.contractor,
      personInCharge: maskName(d.person_in_charge) ?? '',
      phoneMasked: maskPhone(d.contractor_phone),
      startDate: d.start_date,
      plannedEnd: d.planned_end,
      scope: JSON.parse(d.scope) as Scope[],
      docsSeen: JSON.parse(d.docs_seen) as Doc[],
      depositFen: d.deposit_fen,
      depositReceiptNo: d.deposit_receipt_no,
      deductedFen: d.deducted_fen,
      reviewRemark: d.review_remark,
      overdue: (d.status === 'approved' || d.status === 'in_progress') && d.planned_end < this.calendar.today(),
      refundOverdue: d.status === 'accepted' && d.accepted_at !== null && this.clock.now().getTime() - Date.parse(d.accepted_at) > REFUND_DUE_DAYS * 86_400_000,
      events: repo.eventsOf(this.sql, d.id).map((e) => ({ kind: e.kind, at: e.at, note: e.note, amountFen: e.amount_fen, newEnd: e.new_end })),
      refundableFen: Math.max(0, d.deposit_fen - d.deducted_fen),
      links: this.links(d.id),
    };
  }

  private links(caseId: number): DecorationLink[] {
    const { passes, loans, refunds } = repo.linksOf(this.sql, caseId);
    return [
      ...passes.map((p) => ({
        kind: 'worker_pass' as const,
        refId: p.ref_id,
        label: p.label,
        who: p.company ?? '',
        until: p.valid_until,
        amountFen: null,
        open: p.status === 'valid',
      })),
      ...loans.map((l) => ({
        kind: 'key_loan' as const,
        refId: l.ref_id,
        label: l.label,
        who: maskName(l.borrower) ?? '',
        until: l.due_at,
        amountFen: null,
        open: l.returned_at === null,
      })),
      ...refunds.map((r) => ({ kind: 'refund' as const, refId: r.ref_id, label: r.label, who: '', until: null, amountFen: -r.total_fen, open: false })),
    ];
  }

  /** The case, or a clear refusal (also for the steps in decoration-links.service.ts). */
  must(id: number): repo.DecorationRow {
    const d = repo.caseById(this.sql, id);
    if (!d) throw new AppError('NOT_FOUND', '找不到这个装修申请：请刷新列表。');
    return d;
  }

  expect(d: repo.DecorationRow, ...allowed: DecorationStatus[]): void {
    if (!allowed.includes(d.status))
      throw new AppError('CONFLICT', `装修申请现为「${STATUS_ZH[d.status]}」，这一步要在「${allowed.map((s) => STATUS_ZH[s]).join('」或「')}」时办理。`);
  }

  /** One step of a case in one transaction: the change, its event and its audit line. */
  act(
    id: number,
    kind: Parameters<typeof repo.insertEvent>[1]['kind'],
    actor: SessionOperator,
    fn: (d: repo.DecorationRow) => { note?: string; amountFen?: number; newEnd?: string } | void,
  ) {
    return this.sql.tx(() => {
      const d = this.must(id);
      const e = fn(d) ?? {};
      const at = this.now();
      repo.updateCase(this.sql, id, { updated_at: at });
      repo.insertEvent(this.sql, { caseId: id, kind, at, operatorId: actor.id, note: e.note ?? '', amountFen: e.amountFen ?? null, newEnd: e.newEnd ?? null });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: `decoration.${kind}`,
        entity: 'decoration_case',
        entityId: id,
        detail: { roomId: d.room_id, before: d.status, note: maskText(e.note ?? ''), amountFen: e.amountFen ?? null, newEnd: e.newEnd ?? null },
      });
      return this.view(this.must(id));
    });
  }

  get(id: number): DecorationCaseView {
    return this.view(this.must(id));
  }

  latest(roomId: number): DecorationCaseView | null {
    const d = repo.latestCaseOfRoom(this.sql, roomId);
    return d ? this.view(d) : null;
  }

  list(status?: DecorationStatus): DecorationCaseView[] {
    return repo.listCases(this.sql, status).map((d) => this.view(d));
  }

  apply(input: DecorationApply, actor: SessionOperator): DecorationCaseView {
    if (input.plannedEnd < input.startDate)
      throw new AppError('BAD_INPUT', `计划完工 ${input.plannedEnd} 早于开工 ${input.startDate}：请检查日期。`, { field: 'plannedEnd' });
    return this.sql.tx(() => {
      const room = mustRoom(this.sql, input.roomId);
      const open = repo.openCaseOfRoom(this.sql, input.roomId);
      if (open)
        throw new AppError(
          'CONFLICT',
          `房间 ${room.code} 已有一份「${STATUS_ZH[open.status]}」的装修申请：一个房间同时只能有一份，请在原申请上办理（延期或验收）。`,
        );
      if (room.state === 'undelivered' || room.state === 'rented')
        throw new AppError('CONFLICT', `房间 ${room.code} 现为「${room.state === 'undelivered' ? '未交房' : '出租'}」，不能申请装修：请先办理交房或租户迁出。`);
      if (input.applicantId) {
        const a = rooms.residentById(this.sql, input.applicantId);
        if (!a || a.room_id !== room.id || a.kind !== 'owner' || a.move_out !== null)
          throw new AppError('BAD_INPUT', '申请人不是这个房间的现业主：请重新选择。', { field: 'applicantId' });
      }
      const at = this.now();
      const id = repo.insertCase(this.sql, {
        room_id: room.id,
        applicant_resident_id: input.applicantId ?? null,
        contractor: input.contractor.trim(),
        person_in_charge: input.personInCharge.trim(),
        contractor_phone: input.contractorPhone.trim(),
        start_date: input.startDate,
        planned_end: input.plannedEnd,
        scope: JSON.stringify([...new Set(input.scope)]),
        docs_seen: JSON.stringify([...new Set(input.docs)]),
        deposit_fen: input.depositFen,
        created_at: at,
        created_by: actor.id,
        updated_at: at,
      });
      repo.insertEvent(this.sql, { caseId: id, kind: 'apply', at, operatorId: actor.id, note: '', amountFen: input.depositFen, newEnd: input.plannedEnd });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'decoration.apply',
        entity: 'decoration_case',
        entityId: id,
        detail: { roomId: room.id, depositFen: input.depositFen, plannedEnd: input.plannedEnd },
      });
      return this.view(this.must(id));
    });
  }

  /** A supervisor approves, or rejects with a remark; the reviewer is never the one who took the application. */
  review(id: number, approve: boolean, remark: string | undefined, actor: SessionOperator): DecorationCaseView {
    return this.act(id, approve ? 'approve' : 'reject', actor, (d) => {
      this.expect(d, 'applied');
      if (!approve && (remark?.trim().length ?? 0) < 2)
        throw new AppError('BAD_INPUT', '驳回要写明原因（至少 2 个字），业主才知道怎么改。', { field: 'remark' });
      repo.updateCase(this.sql, id, { status: approve ? 'approved' : 'rejected', review_remark: remark?.trim() ?? '', reviewed_by: actor.id });
      return { note: remark?.trim() ?? '' };
    });
  }

  /** The deposit's receipt (collected through 收费): it must exist, be for this room, not be voided, and cover the deposit. */
  linkDeposit(id: number, receiptNo: string, actor: SessionOperator): DecorationCaseView {
    return this.act(id, 'deposit', actor, (d) => {
      this.expect(d, 'applied', 'approved', 'in_progress');
      const r = repo.receiptByNo(this.sql, receiptNo.trim());
      if (!r || r.kind !== 'receipt') throw new AppError('NOT_FOUND', `找不到收据 ${receiptNo}：请核对收据号。`, { field: 'receiptNo' });
      if (r.voided) throw new AppError('CONFLICT', `收据 ${receiptNo} 已作废：请重新收取押金。`);
      if (r.room_id !== d.room_id) throw new AppError('BAD_INPUT', `收据 ${receiptNo} 不是 ${d.room_code} 的收据。`, { field: 'receiptNo' });
      if (r.total_fen < d.deposit_fen)
        throw new AppError('BAD_INPUT', `收据 ${receiptNo} 金额 ${yuan(r.total_fen)} 不足装修押金 ${yuan(d.deposit_fen)}。`, { field: 'receiptNo' });
      repo.updateCase(this.sql, id, { deposit_receipt_no: receiptNo.trim() });
      return { note: receiptNo.trim(), amountFen: r.total_fen };
    });
  }

  start(id: number, actor: SessionOperator): DecorationCaseView {
    return this.act(id, 'start', actor, (d) => {
      this.expect(d, 'approved');
      if (d.deposit_fen > 0 && !d.deposit_receipt_no) throw new AppError('CONFLICT', '装修押金还没有收：请先到收费收取押金并关联收据。');
      repo.updateCase(this.sql, id, { status: 'in_progress' });
      changeState(this.sql, this.clock, d.room_id, 'renovating', actor.id, '装修开工');
    });
  }

  extend(id: number, newEnd: string, reason: string, actor: SessionOperator): DecorationCaseView {
    return this.act(id, 'extend', actor, (d) => {
      this.expect(d, 'approved', 'in_progress');
      if (newEnd <= d.planned_end) throw new AppError('BAD_INPUT', `新的完工日期要晚于原计划 ${d.planned_end}。`, { field: 'newEnd' });
      repo.updateCase(this.sql, id, { planned_end: newEnd });
      return { note: reason.trim(), newEnd };
    });
  }

  /** A patrol record; a violation may carry a deduction, and deductions together never exceed the deposit. */
  patrol(id: number, violation: boolean, note: string | undefined, deductionFen: number | undefined, actor: SessionOperator): DecorationCaseView {
    return this.act(id, violation && deductionFen ? 'deduct' : 'patrol', actor, (d) => {
      this.expect(d, 'in_progress', 'awaiting_acceptance');
      if (violation && (note?.trim().length ?? 0) < 2) throw new AppError('BAD_INPUT', '发现违规：请写明违规情况。', { field: 'note' });
      const fen = deductionFen ?? 0;
      if (fen > 0 && !violation) throw new AppError('BAD_INPUT', '没有违规不能扣款。', { field: 'deductionFen' });
      if (d.deducted_fen + fen > d.deposit_fen)
        throw new AppError(
          'BAD_INPUT',
          `扣款 ${yuan(fen)} 超过押金余额 ${yuan(d.deposit_fen - d.deducted_fen)}（押金 ${yuan(d.deposit_fen)}，已扣 ${yuan(d.deducted_fen)}）。`,
          { field: 'deductionFen' },
        );
      if (fen > 0) repo.updateCase(this.sql, id, { deducted_fen: d.deducted_fen + fen });
      return { note: `${violation ? '违规' : '正常'}${note?.trim() ? `：${note.trim()}` : ''}`, ...(fen > 0 && { amountFen: fen }) };
    });
  }

  finish(id: number, actor: SessionOperator): DecorationCaseView {
    return this.act(id, 'finish', actor, (d) => {
      this.expect(d, 'in_progress');
      repo.updateCase(this.sql, id, { status: 'awaiting_acceptance' });
    });
  }

  /** 验收: pass (the room leaves 装修中 for 空置) or fail (works go on). */
  accept(id: number, pass: boolean, opinion: string, actor: SessionOperator): DecorationCaseView {
    return this.act(id, pass ? 'accept' : 'fail', actor, (d) => {
      this.expect(d, 'awaiting_acceptance');
      if (pass) {
        repo.updateCase(this.sql, id, { status: 'accepted', accepted_at: this.now() });
        changeState(this.sql, this.clock, d.room_id, 'vacant', actor.id, '装修验收通过');
      } else repo.updateCase(this.sql, id, { status: 'in_progress' });
      return { note: opinion.trim() };
    });
  }

  /** 作废: an application withdrawn before works start (the room may apply again). */
  void(id: number, reason: string, actor: SessionOperator): DecorationCaseView {
    return this.act(id, 'void', actor, (d) => {
      this.expect(d, 'applied', 'approved');
      repo.updateCase(this.sql, id, { status: 'void' });
      return { note: reason.trim() };
    });
  }

  /** What may be refunded: the deposit less the deductions recorded, never more. */
  refundable(id: number): number {
    const d = this.must(id);
    return Math.max(0, d.deposit_fen - d.deducted_fen);
  }
}
