import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { ParsedInput } from '@shared/contract';
import type { CheckInResult, OnSiteView, ReturningVisitor, VisitorSettings, VisitView } from '@shared/contract/visitors';
import { handoverCounts, type VisitorHandoverCounts } from './figures';
import type { PropertyCalendar } from '@shared/calendar';
import { maskName, maskPhone, maskText } from '@shared/mask';
import { maskPlate } from '@shared/plate';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import type { DocumentSeal } from './document-seal';
import { personalColumns, recordPerson } from './people';
import * as personal from './personal.repo';
import * as passesRepo from './passes.repo';
import type { PassesService } from './passes.service';
import * as repo from './visits.repo';
import { placeOf, PURPOSE_ZH, REPORT_ROWS, STATUS_ZH, type VisitReportRow } from './visit-place';
import { maskDoc, matchRefusals, normalizePassNo, phoneDigits, shownName, visitValidUntil, zonesOf } from './rules';

export { placeOf, PURPOSE_ZH, type VisitReportRow } from './visit-place';

type CheckInInput = ParsedInput<'visitors.checkIn'>;

/**
 * The visitor register: check-in with a pass (refusal list checked, appointment used, returning visitor's details
 * carried over), check-out by the pass's number or by the visit, bulk check-out by a supervisor, the on-site list,
 * search and the audited reveal of a visit's phone, document number or plate.
 */
export class VisitsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly operators: Pick<OperatorsService, 'consumeApproval'>,
    private readonly passes: PassesService,
    private readonly seal: DocumentSeal,
    private readonly settings: () => VisitorSettings,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** `now`: the time overdue is judged at (a list passes it once for all its rows). */
  view(r: repo.VisitRow, now = this.now()): VisitView {
    const erased = r.erased_at !== null;
    return {
      id: r.id,
      status: r.status,
      nameMasked: shownName(r.name, erased),
      phoneMasked: maskPhone(r.phone),
      docType: r.doc_type,
      docMasked: maskDoc(r.doc_last4),
      plateMasked: maskPlate(r.plate),
      partySize: r.party_size,
      purpose: r.purpose,
      purposeNote: r.purpose_note,
      roomId: r.room_id,
      roomCode: r.room_code,
      commonAreaReason: r.common_area_reason,
      zones: zonesOf(r.zones),
      consent: r.consent,
      consentPhoneMasked: r.consent_phone_masked,
      appointmentId: r.appointment_id,
      refusalOverride: r.refusal_reason !== null ? { reason: r.refusal_reason, approverName: r.approver_name ?? '' } : null,
      checkedInAt: r.checked_in_at,
      checkedInByName: r.checked_in_by_name,
      validUntil: r.valid_until,
      overdue: r.status === 'on_site' && r.valid_until <= now,
      checkedOutAt: r.checked_out_at,
      checkedOutByName: r.checked_out_by_name,
      checkoutMethod: r.checkout_method,
      checkoutNote: r.checkout_note,
      passNo: r.pass_no,
      erased,
    };
  }

  private mustVisit(id: number): repo.VisitRow {
    const v = repo.visitById(this.sql, id);
    if (!v) throw new AppError('NOT_FOUND', '找不到这条来访记录：请刷新。');
    return v;
  }

  get(id: number): VisitView {
    return this.view(this.mustVisit(id));
  }

  private result(visitId: number, printQueued: boolean): CheckInResult {
    const v = this.mustVisit(visitId);
    return { visit: this.view(v), pass: this.passes.byId(v.pass_id), printQueued };
  }

  checkIn(input: CheckInInput, actor: SessionOperator): CheckInResult {
    return this.sql.tx(() => {
      if (input.requestId) {
        const seen = repo.visitByRequest(this.sql, input.requestId);
        if (seen) return this.result(seen.id, false);
      }
      const s = this.settings();
      const now = this.clock.now();
      const at = now.toISOString();
      const place = placeOf(this.sql, input.roomId, input.commonAreaReason, input.zones);
      const validUntil = visitValidUntil(now, input.validUntil, s).toISOString();

      // consent: a visit to a room says how the resident agreed; a common area needs none
      if (place.room && input.consent === 'none')
        throw new AppError('BAD_INPUT', '到访住户家需要住户同意：请选择电话确认、业主到场或预约。', { field: 'consent' });
      if (!place.room && input.consent !== 'none') throw new AppError('BAD_INPUT', '去公共区域不需要住户同意：同意方式请选「无需」。', { field: 'consent' });
      if (input.consent === 'phone' && !input.consentPhone)
        throw new AppError('BAD_INPUT', '电话确认：请填写拨打的住户电话（只保存部分号码）。', { field: 'consentPhone' });
      if (input.consent === 'appointment' && !input.appointmentId)
        throw new AppError('BAD_INPUT', '按预约登记：请从今天的预约里选择。', { field: 'appointmentId' });
      let appointment: repo.AppointmentRow | undefined;
      if (input.appointmentId !== undefined) {
        appointment = repo.appointmentById(this.sql, input.appointmentId);
        if (!appointment) throw new AppError('NOT_FOUND', '找不到这条预约：请刷新预约列表。');
        if (appointment.status !== 'planned')
          throw new AppError(
            'CONFLICT',
            `这条预约已${appointment.status === 'checked_in' || appointment.status === 'checked_out' ? '到访' : appointment.status === 'cancelled' ? '取消' : '过期未到'}，不能再用来登记。`,
          );
        if (appointment.date !== this.calendar.today()) throw new AppError('CONFLICT', `这条预约是 ${appointment.date} 的，不是今天的：请按来访直接登记。`);
      }
      // from an appointment the visitor's name and phone are the appointment's unless typed (the screen only
      // ever sees them masked, so it sends none)
      const fromAppt = appointment && !appointment.erased_at ? appointment : undefined;
      const visitorName = input.visitorName?.trim() || fromAppt?.name || '';
      if (!visitorName) throw new AppError('BAD_INPUT', '请填写访客姓名。', { field: 'visitorName' });

      // a returning visitor: phone, document and plate carried over from the earlier visit where left out
      let carried: NonNullable<ReturnType<typeof personal.personalById>> | null = null;
      if (input.fromVisitId !== undefined) {
        const prev = repo.visitById(this.sql, input.fromVisitId);
        const pp = prev ? personal.personalById(this.sql, prev.personal_id) : undefined;
        if (!prev || !pp || pp.erased_at || pp.name !== visitorName)
          throw new AppError('CONFLICT', '上次来访记录与这位访客不符（或已按保存期限删除）：请完整填写访客信息。', { field: 'fromVisitId' });
        carried = pp;
      }
      const phone = input.phone ?? carried?.phone ?? fromAppt?.phone ?? undefined;
      if (!phone) throw new AppError('BAD_INPUT', '请填写访客电话（登记后只显示部分号码）。', { field: 'phone' });
      // the same document as last time (type unchanged, nothing typed), unless the setting now asks for more than was kept
      const reuseDoc =
        carried !== null &&
        !input.docLast4 &&
        !input.docNumber &&
        input.docType !== 'none' &&
        input.docType === carried.doc_type &&
        (!s.fullDocumentNumber || carried.doc_sealed !== null);
      const cols = personalColumns(
        {
          name: visitorName,
          phone,
          docType: reuseDoc ? 'none' : input.docType,
          docLast4: input.docLast4,
          docNumber: input.docNumber,
          plate: input.plate || (carried?.plate ?? undefined),
        },
        s,
        this.seal,
      );
      if (reuseDoc && carried) Object.assign(cols, { doc_type: carried.doc_type, doc_last4: carried.doc_last4, doc_sealed: carried.doc_sealed });

      // the refusal list: a match stops here unless a second person's supervisor approval lets the visitor in
      const matches = matchRefusals(repo.activeRefusals(this.sql, this.calendar.today()), {
        name: cols.name,
        phoneLast4: cols.phone_last4,
        docLast4: cols.doc_last4,
        roomId: place.room?.id ?? null,
      });
      const refusal = matches[0];
      let approval: { id: string; approverId: number } | null = null;
      if (refusal) {
        const subject = `refusal-${refusal.id}`;
        if (!input.approvalId)
          throw new AppError(
            'APPROVAL_REQUIRED',
            `来访人在拒绝来访名单上${refusal.room_code ? `（${refusal.room_code} 住户要求）` : ''}：${refusal.reason}（至 ${refusal.until_date}）。如确需放行，请另一位主管审批。`,
            { action: 'visitor.admitRefused', subject },
          );
        const a = this.operators.consumeApproval(input.approvalId, 'visitor.admitRefused', subject, { by: actor });
        approval = { id: input.approvalId, approverId: a.approverId };
      }

      const personalId = recordPerson(this.sql, 'visit', cols, validUntil, at);
      const visitId = repo.insertVisit(this.sql, {
        personal_id: personalId,
        party_size: input.partySize,
        purpose: input.purpose,
        purpose_note: input.purposeNote?.trim() ?? '',
        room_id: place.room?.id ?? null,
        common_area_reason: place.commonAreaReason,
        zones: JSON.stringify(place.zones),
        consent: input.consent,
        consent_phone_masked: input.consent === 'phone' && input.consentPhone ? maskPhone(phoneDigits(input.consentPhone)) : null,
        appointment_id: appointment?.id ?? null,
        refusal_id: refusal?.id ?? null,
        approval_id: approval?.id ?? null,
        approver_id: approval?.approverId ?? null,
        checked_in_at: at,
        checked_in_by: actor.id,
        valid_until: validUntil,
        request_id: input.requestId ?? null,
      });
      if (appointment) repo.setAppointment(this.sql, appointment.id, 'planned', { status: 'checked_in', visit_id: visitId });
      const pass = this.passes.issueInTx(
        {
          kind: 'visitor',
          personalId,
          visitId,
          roomId: place.room?.id ?? null,
          commonAreaReason: place.commonAreaReason,
          zones: place.zones,
          validFrom: at,
          validUntil,
        },
        actor,
      );
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.checkIn',
        entity: 'visit',
        entityId: visitId,
        detail: {
          passNo: pass.passNo,
          partySize: input.partySize,
          purpose: input.purpose,
          roomCode: place.room?.code ?? null,
          appointmentId: appointment?.id ?? null,
          refusalId: refusal?.id ?? null,
          approvalId: approval?.id ?? null,
        },
      });
      return this.result(visitId, pass.printQueued);
    });
  }

  /** The newest visit of a visitor with this name and phone last four (pre-fill), masked; null when none is on file. */
  returning(name: string, phoneLast4: string): ReturningVisitor | null {
    const hit = personal.lastVisitOf(this.sql, name.trim(), phoneLast4);
    if (!hit) return null;
    const v = this.mustVisit(hit.visit_id);
    const view = this.view(v);
    return {
      visitId: v.id,
      nameMasked: view.nameMasked,
      phoneMasked: view.phoneMasked,
      docType: v.doc_type,
      docMasked: view.docMasked,
      plateMasked: view.plateMasked,
      partySize: v.party_size,
      purpose: v.purpose,
      purposeNote: v.purpose_note,
      roomId: v.room_id,
      roomCode: v.room_code,
      lastVisitAt: v.checked_in_at,
      visits: hit.visits,
    };
  }

  private close(v: repo.VisitRow, method: 'scan' | 'search' | 'bulk', note: string | null, actor: SessionOperator): void {
    const at = this.now();
    repo.closeVisit(this.sql, v.id, { status: 'checked_out', at, by: actor.id, method, note });
    passesRepo.closePass(this.sql, v.pass_id, { status: method === 'bulk' ? 'closed' : 'returned', at, by: actor.id, reason: method === 'bulk' ? note : null });
    if (v.appointment_id) repo.setAppointment(this.sql, v.appointment_id, 'checked_in', { status: 'checked_out', closed_at: at });
  }

  /** Check-out by the pass number (the scanner reads the pass's barcode) or by the visit found by search. */
  checkOut(input: { passNo: string } | { visitId: number }, actor: SessionOperator): VisitView {
    return this.sql.tx(() => {
      let v: repo.VisitRow;
      if ('passNo' in input) {
        const p = this.passes.mustByNo(input.passNo);
        if (p.kind !== 'visitor' || p.visit_id === null)
          throw new AppError(
            'CONFLICT',
            `${normalizePassNo(input.passNo)} 是${p.kind === 'worker' ? '临时出入证（请在「临时出入证」里办理交回）' : '搬运放行条（请在「放行核验」里核验）'}，不是访客通行证。`,
          );
        v = this.mustVisit(p.visit_id);
      } else v = this.mustVisit(input.visitId);
      if (v.status === 'checked_out')
        throw new AppError('CONFLICT', `这位访客已于 ${this.calendar.dateTime(v.checked_out_at ?? '')} 离开（${v.checked_out_by_name ?? ''} 办理）。`);
      if (v.status === 'void') throw new AppError('CONFLICT', `通行证 ${v.pass_no} 已作废（${v.checkout_note ?? ''}），这条登记不在场：无需离开登记。`);
      this.close(v, 'passNo' in input ? 'scan' : 'search', null, actor);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.checkOut',
        entity: 'visit',
        entityId: v.id,
        detail: { passNo: v.pass_no, method: 'passNo' in input ? 'scan' : 'search' },
      });
      return this.get(v.id);
    });
  }

  /** A supervisor checks out everyone still on site (checked in before the time given, default now) with a reason. */
  checkOutBulk(reason: string, checkedInBefore: string | undefined, actor: SessionOperator): { count: number } {
    return this.sql.tx(() => {
      const before = checkedInBefore ? new Date(checkedInBefore).toISOString() : this.now();
      const why = reason.trim();
      const ids = repo.onSiteCheckedInBy(this.sql, before).map((r) => r.id);
      for (const id of ids) this.close(this.mustVisit(id), 'bulk', why, actor);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.checkOutBulk',
        entity: 'visit',
        entityId: 'bulk',
        detail: { count: ids.length, before, reason: maskText(why), visitIds: ids },
      });
      return { count: ids.length };
    });
  }

  onSite(): OnSiteView {
    const now = this.now();
    const list = repo.onSite(this.sql).map((r) => this.view(r, now));
    // overdue first (longest overdue first), then by time in
    list.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) || (a.overdue ? a.validUntil.localeCompare(b.validUntil) : 0) || a.checkedInAt.localeCompare(b.checkedInAt),
    );
    return { visitors: list, visits: list.length, people: list.reduce((n, v) => n + v.partySize, 0), overdue: list.filter((v) => v.overdue).length };
  }

  /** By pass number, phone last four, room code or the exact name; a day; a status. Newest first. */
  search(f: ParsedInput<'visitors.search'>): VisitView[] {
    const q = f.q?.trim() ?? '';
    const filter: Parameters<typeof repo.searchVisits>[1] = { limit: f.limit ?? 100 };
    if (f.status) filter.status = f.status;
    if (f.date) Object.assign(filter, this.calendar.day(f.date));
    if (/^\d{4}$/.test(q)) filter.phoneLast4 = q;
    else if (/^[A-Za-z0-9]+-[A-Za-z]\d+$/.test(q) || /^[A-Za-z]{0,6}\d{3,10}$/.test(q)) filter.passNo = normalizePassNo(q);
    else if (/^[\dA-Za-z]+(-[\dA-Za-z]+)+$/.test(q)) filter.roomCode = q.toUpperCase();
    else if (q) filter.q = q;
    const now = this.now();
    return repo.searchVisits(this.sql, filter).map((r) => this.view(r, now));
  }

  /** Visitors on site and overdue, workers' passes out and expired, removal passes since the shift began (the handover). */
  handoverCounts(since: string): VisitorHandoverCounts {
    return handoverCounts(this.sql, this.now(), since, this.settings().workerPassMode === 'forms');
  }

  /**
   * The visits of a window for the report's sheet: names masked, or whole when a supervisor gives a reason (the
   * reveal is audited with the window and the number of rows, never the names).
   */
  reportRows(from: string, to: string, reveal?: { reason: string; actor: SessionOperator }): VisitReportRow[] {
    const rows = repo.visitsBetween(this.sql, from, to, REPORT_ROWS);
    if (reveal)
      this.sql.tx(() =>
        appendAudit(this.sql, this.clock, {
          operatorId: reveal.actor.id,
          action: 'report.revealVisitors',
          entity: 'report',
          entityId: `${from}/${to}`,
          detail: { rows: rows.length, reason: maskText(reveal.reason.trim()) },
        }),
      );
    return rows.map((r) => ({
      checkedInAt: this.calendar.dateTime(r.checked_in_at),
      passNo: r.pass_no,
      name: r.erased_at ? '已删除' : reveal ? (r.name ?? '') : (maskName(r.name) ?? ''),
      partySize: r.party_size,
      place: r.room_code ?? `公共区域（${r.common_area_reason ?? ''}）`,
      purpose: PURPOSE_ZH[r.purpose],
      checkedOutAt: r.checked_out_at ? this.calendar.dateTime(r.checked_out_at) : '',
      status: STATUS_ZH[r.status],
    }));
  }

  /** The whole phone, document number or plate of a visit, with a reason; audited (never with the value). */
  reveal(visitId: number, field: 'phone' | 'document' | 'plate', reason: string, actor: SessionOperator): { value: string } {
    return this.sql.tx(() => {
      const v = this.mustVisit(visitId);
      const p = personal.personalById(this.sql, v.personal_id);
      if (!p || p.erased_at) throw new AppError('CONFLICT', '这位访客的个人信息已按保存期限删除，无法查看。');
      let value: string | null;
      if (field === 'phone') value = p.phone;
      else if (field === 'plate') value = p.plate;
      else value = p.doc_sealed ? this.seal.open(p.doc_sealed) : p.doc_last4 ? `（只登记了后四位）${p.doc_last4}` : null;
      if (!value)
        throw new AppError(
          'NOT_FOUND',
          field === 'plate' ? '这次来访没有登记车牌。' : field === 'phone' ? '这次来访没有登记电话。' : '这次来访没有登记证件号。',
        );
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'visitor.reveal',
        entity: 'visit',
        entityId: v.id,
        detail: { field, reason: maskText(reason.trim()) },
      });
      return { value };
    });
  }
}
