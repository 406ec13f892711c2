import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { ParsedInput } from '@shared/contract';
import type { AppointmentStatus } from '../../db/schema';
import type { AppointmentView, RefusalView } from '@shared/contract/visitors';
import { addDays, type PropertyCalendar } from '@shared/calendar';
import { maskPhone, maskText } from '@shared/mask';
import type { SessionOperator } from '../operators/sessions';
import { recordPerson } from './people';
import * as repo from './visits.repo';
import { last4, phoneDigits, shownName } from './rules';

/**
 * Appointments (预约: planned → checked in → checked out, or no-show at the end of their day on the property's
 * calendar, or cancelled) and the refusal list (拒绝来访名单: supervisor-managed, with a reason and an end date,
 * optionally for one room).
 */
export class AppointmentsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  private view(r: repo.AppointmentRow): AppointmentView {
    const erased = r.erased_at !== null;
    return {
      id: r.id,
      status: r.status,
      nameMasked: shownName(r.name, erased),
      phoneMasked: maskPhone(r.phone),
      roomId: r.room_id,
      roomCode: r.room_code,
      date: r.date,
      partySize: r.party_size,
      purpose: r.purpose,
      note: r.note,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      visitId: r.visit_id,
      cancelReason: r.cancel_reason,
      erased,
    };
  }

  private must(id: number): repo.AppointmentRow {
    const r = repo.appointmentById(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这条预约：请刷新。');
    return r;
  }

  /** Planned appointments of earlier days become no-shows (run before every list, and by the daily job). */
  expire(): number {
    return this.sql.tx(() => repo.expireAppointments(this.sql, this.calendar.today(), this.now()));
  }

  create(input: ParsedInput<'visitors.appointments.create'>, actor: SessionOperator): AppointmentView {
    return this.sql.tx(() => {
      if (input.requestId) {
        const seen = repo.appointmentByRequest(this.sql, input.requestId);
        if (seen) return this.view(this.must(seen.id));
      }
      const today = this.calendar.today();
      if (input.date < today) throw new AppError('BAD_INPUT', `预约日期 ${input.date} 已经过去：请选择今天或以后的日期。`, { field: 'date' });
      if (input.date > addDays(today, 90)) throw new AppError('BAD_INPUT', '预约最多提前 90 天登记。', { field: 'date' });
      const room = repo.roomWithBuilding(this.sql, input.roomId);
      if (!room) throw new AppError('BAD_INPUT', '这个房号不在名册中：请从名册里选择被访房号。', { field: 'roomId' });
      const at = this.now();
      const phone = input.phone ? phoneDigits(input.phone) : null;
      // kept until the end of the appointment's day, then the retention period
      const personalId = recordPerson(
        this.sql,
        'appointment',
        { name: input.visitorName.trim(), phone, phone_last4: phone ? last4(phone) : null, doc_type: 'none', doc_last4: null, doc_sealed: null, plate: null },
        this.calendar.day(input.date).to,
        at,
      );
      const id = repo.insertAppointment(this.sql, {
        personal_id: personalId,
        room_id: room.id,
        date: input.date,
        party_size: input.partySize,
        purpose: input.purpose,
        note: input.note?.trim() ?? '',
        created_at: at,
        created_by: actor.id,
        request_id: input.requestId ?? null,
      });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.appointment',
        entity: 'appointment',
        entityId: id,
        detail: { roomCode: room.code, date: input.date, partySize: input.partySize },
      });
      return this.view(this.must(id));
    });
  }

  list(date: string | undefined, status: AppointmentStatus | undefined): AppointmentView[] {
    this.expire();
    return repo.appointmentsOn(this.sql, date ?? this.calendar.today(), status).map((r) => this.view(r));
  }

  cancel(id: number, reason: string, actor: SessionOperator): AppointmentView {
    return this.sql.tx(() => {
      const r = this.must(id);
      if (r.status !== 'planned')
        throw new AppError('CONFLICT', `这条预约已${r.status === 'cancelled' ? '取消' : r.status === 'no_show' ? '过期未到' : '到访'}，不能取消。`);
      repo.setAppointment(this.sql, id, 'planned', { status: 'cancelled', closed_at: this.now(), cancel_reason: reason.trim() });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.appointmentCancel',
        entity: 'appointment',
        entityId: id,
        detail: { reason: maskText(reason.trim()) },
      });
      return this.view(this.must(id));
    });
  }

  // ——— refusal list ———

  private refusalView(r: repo.RefusalRow): RefusalView {
    const today = this.calendar.today();
    return {
      id: r.id,
      nameMasked: shownName(r.name, r.erased_at !== null),
      phoneLast4: r.phone_last4,
      docLast4: r.doc_last4,
      roomId: r.room_id,
      roomCode: r.room_code,
      reason: r.reason,
      fromDate: r.from_date,
      untilDate: r.until_date,
      active: r.ended_at === null && r.from_date <= today && r.until_date >= today,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      endedAt: r.ended_at,
      endedByName: r.ended_by_name,
      endReason: r.end_reason,
    };
  }

  private mustRefusal(id: number): repo.RefusalRow {
    const r = repo.refusalById(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这条拒绝来访记录：请刷新。');
    return r;
  }

  refusals(includeEnded: boolean): RefusalView[] {
    return repo.listRefusals(this.sql, includeEnded, this.calendar.today()).map((r) => this.refusalView(r));
  }

  addRefusal(input: ParsedInput<'visitors.refusals.save'>, actor: SessionOperator): RefusalView {
    return this.sql.tx(() => {
      if (!input.phoneLast4 && !input.docLast4)
        throw new AppError('BAD_INPUT', '请至少填写手机尾号或证件号后四位中的一项：只凭姓名会把同名的人也拦下。', { field: 'phoneLast4' });
      const today = this.calendar.today();
      if (input.untilDate < today) throw new AppError('BAD_INPUT', `截止日期 ${input.untilDate} 已经过去：请选择今天或以后的日期。`, { field: 'untilDate' });
      if (input.roomId !== null && !repo.roomWithBuilding(this.sql, input.roomId))
        throw new AppError('BAD_INPUT', '这个房号不在名册中：请从名册里选择，或不限房号。', { field: 'roomId' });
      const at = this.now();
      const personalId = recordPerson(
        this.sql,
        'refusal',
        {
          name: input.visitorName.trim(),
          phone: null,
          phone_last4: input.phoneLast4 ?? null,
          doc_type: input.docLast4 ? 'other' : 'none',
          doc_last4: input.docLast4?.toUpperCase() ?? null,
          doc_sealed: null,
          plate: null,
        },
        this.calendar.day(input.untilDate).to,
        at,
      );
      const id = repo.insertRefusal(this.sql, {
        personal_id: personalId,
        room_id: input.roomId,
        reason: input.reason.trim(),
        from_date: today,
        until_date: input.untilDate,
        created_at: at,
        created_by: actor.id,
      });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.refusal',
        entity: 'refusal',
        entityId: id,
        detail: { roomId: input.roomId, untilDate: input.untilDate, reason: maskText(input.reason.trim()) },
      });
      return this.refusalView(this.mustRefusal(id));
    });
  }

  endRefusal(id: number, reason: string, actor: SessionOperator): RefusalView {
    return this.sql.tx(() => {
      const r = this.mustRefusal(id);
      if (r.ended_at) throw new AppError('CONFLICT', `这条记录已于 ${this.calendar.dateTime(r.ended_at)} 结束。`);
      repo.endRefusal(this.sql, id, { ended_at: this.now(), ended_by: actor.id, end_reason: reason.trim() });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.refusalEnd',
        entity: 'refusal',
        entityId: id,
        detail: { reason: maskText(reason.trim()) },
      });
      return this.refusalView(this.mustRefusal(id));
    });
  }
}
