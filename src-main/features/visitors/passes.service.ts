import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Rendered, Width } from '../../devices/printer/receipt';
import type { PassKind } from '../../db/schema';
import type { PassView } from '@shared/contract/visitor-passes';
import type { VisitorSettings } from '@shared/contract/visitors';
import type { PropertyCalendar } from '@shared/calendar';
import { maskText } from '@shared/mask';
import { nextCounter } from '../fees/fees.repo';
import type { SessionOperator } from '../operators/sessions';
import * as repo from './passes.repo';
import * as visits from './visits.repo';
import { renderPass } from './pass-slip';
import { maskDoc, normalizePassNo, passNumber, PASS_KIND_ZH, seriesName, shownName, shownPhone, zonesOf } from './rules';

export type PrintStateCode = PassView['printState'];

/** The receipt printer as the passes use it (the print queue in production, a fake in tests). */
export interface PassPrinter {
  /** Queues the pass slip inside the issuing transaction; false when no printer is set up. */
  enqueue(passId: number, copy: number): boolean;
  /** The state of the first print and the number of reprints. */
  info(passId: number): { state: PrintStateCode; copies: number };
  width(): Width;
  propertyName(): string;
}

export interface PassIssue {
  kind: PassKind;
  personalId: number;
  visitId?: number;
  removalId?: number;
  company?: string;
  roomId: number | null;
  commonAreaReason: string | null;
  zones: string[];
  note?: string;
  validFrom: string;
  validUntil: string;
  requestId?: string | null;
  /** a pre-printed form handed over instead of a printed pass */
  form?: { id: number; formNo: string };
}

/**
 * Passes of every kind: issuing (the number from this terminal's gapless series of the kind, taken inside the
 * caller's transaction, or a pre-printed form's), looking up, reprinting (副本 n), voiding with a reason, the
 * preview and the bytes the printer gets.
 */
export class PassesService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly terminalId: () => string,
    private readonly printer: PassPrinter,
    private readonly calendar: PropertyCalendar,
    private readonly settings: () => VisitorSettings,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** Issues a pass. Call inside the transaction that records what it is for: a rollback takes the number back too. */
  issueInTx(w: PassIssue, actor: SessionOperator): { passId: number; passNo: string; printQueued: boolean } {
    const terminal = this.terminalId();
    const seq = w.form ? null : nextCounter(this.sql, seriesName(w.kind, terminal));
    const passNo = w.form ? w.form.formNo : passNumber(terminal, w.kind, seq as number);
    const passId = repo.insertPass(this.sql, {
      pass_no: passNo,
      kind: w.kind,
      terminal_id: terminal,
      seq,
      form_id: w.form?.id ?? null,
      visit_id: w.visitId ?? null,
      removal_id: w.removalId ?? null,
      personal_id: w.personalId,
      company: w.kind === 'worker' ? (w.company ?? '') : null,
      room_id: w.roomId,
      common_area_reason: w.commonAreaReason,
      zones: JSON.stringify(w.zones),
      note: w.note ?? '',
      valid_from: w.validFrom,
      valid_until: w.validUntil,
      issued_at: this.now(),
      issued_by: actor.id,
      request_id: w.requestId ?? null,
    });
    const printQueued = w.form ? false : this.printer.enqueue(passId, 0);
    return { passId, passNo, printQueued };
  }

  /** A pass row as the screen shows it: the holder masked, expired worked out now, the print state. */
  view(r: repo.PassRow): PassView {
    const erased = r.erased_at !== null;
    const print = r.form_id !== null ? { state: 'not-configured' as const, copies: 0 } : this.printer.info(r.id);
    return {
      id: r.id,
      passNo: r.pass_no,
      kind: r.kind,
      status: r.status,
      // validity ends are exclusive (a worker's pass ends at the midnight after its last day)
      expired: r.status === 'valid' && r.valid_until <= this.now(),
      fromForm: r.form_id !== null,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      issuedAt: r.issued_at,
      issuedByName: r.issued_by_name,
      roomId: r.room_id,
      roomCode: r.room_code,
      commonAreaReason: r.common_area_reason,
      zones: zonesOf(r.zones),
      holder: erased ? null : { nameMasked: shownName(r.name, false), phoneMasked: shownPhone(r.phone), docType: r.doc_type, docMasked: maskDoc(r.doc_last4) },
      company: r.company,
      note: r.note,
      visitId: r.visit_id,
      removalId: r.removal_id,
      closedAt: r.closed_at,
      closedByName: r.closed_by_name,
      closeReason: r.close_reason,
      printState: print.state,
      copies: print.copies,
    };
  }

  byId(id: number): PassView {
    const r = repo.passById(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这张通行证：请刷新。');
    return this.view(r);
  }

  /** The pass of a number as scanned or typed, or a plain NOT_FOUND naming the number. */
  mustByNo(passNo: string): repo.PassRow {
    const no = normalizePassNo(passNo);
    const r = repo.passByNo(this.sql, no);
    if (!r) throw new AppError('NOT_FOUND', `找不到证号 ${no}：请核对号码，或重新扫描证上的条码。`, { passNo: no });
    return r;
  }

  get(passNo: string): PassView {
    return this.view(this.mustByNo(passNo));
  }

  /** Why a pass that is no longer valid cannot be used for something, in one sentence. */
  closedMessage(r: repo.PassRow): string {
    const at = r.closed_at ? this.calendar.dateTime(r.closed_at) : '';
    const by = r.closed_by_name ? `（${r.closed_by_name}）` : '';
    switch (r.status) {
      case 'void':
        return `${PASS_KIND_ZH[r.kind]} ${r.pass_no} 已于 ${at} 作废${by}：原因「${r.close_reason ?? ''}」。`;
      case 'used':
        return `搬运放行条 ${r.pass_no} 已于 ${at} 核验使用${by}。`;
      case 'returned':
        return `${PASS_KIND_ZH[r.kind]} ${r.pass_no} 已于 ${at} 交回${by}。`;
      case 'closed':
        return `${PASS_KIND_ZH[r.kind]} ${r.pass_no} 已于 ${at} 结束${by}：${r.close_reason ?? ''}`;
      case 'lost':
        return `${PASS_KIND_ZH[r.kind]} ${r.pass_no} 已于 ${at} 登记遗失${by}。`;
      default:
        return `${PASS_KIND_ZH[r.kind]} ${r.pass_no} 仍有效。`;
    }
  }

  /** 补打: the pass again, marked 副本 n. Only while it is valid, and only a pass this terminal printed. */
  reprint(passNo: string, actor: SessionOperator): { pass: PassView; copy: number } {
    return this.sql.tx(() => {
      const r = this.mustByNo(passNo);
      if (r.form_id !== null) throw new AppError('CONFLICT', `${r.pass_no} 是预印的纸质出入证，不由本机打印：如损坏请作废后换一张。`);
      if (r.status !== 'valid') throw new AppError('CONFLICT', `${this.closedMessage(r)}不能补打。`);
      const copy = this.printer.info(r.id).copies + 1;
      if (!this.printer.enqueue(r.id, copy)) throw new AppError('CONFLICT', '还没有设置打印机：请在「设置 → 打印机」里设置后再补打，或先查看预览。');
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'pass.reprint', entity: 'pass', entityId: r.pass_no, detail: { kind: r.kind, copy } });
      return { pass: this.view(this.mustByNo(r.pass_no)), copy };
    });
  }

  /**
   * Voids a pass with a reason. A visitor pass takes its visit off the on-site list (the visitor registers again;
   * an appointment is planned again); a pre-printed form is voided with it; a removal pass can no longer be verified.
   */
  void(passNo: string, reason: string, actor: SessionOperator): PassView {
    return this.sql.tx(() => {
      const r = this.mustByNo(passNo);
      if (r.status !== 'valid') throw new AppError('CONFLICT', `${this.closedMessage(r)}不能再作废。`);
      const at = this.now();
      const why = reason.trim();
      repo.closePass(this.sql, r.id, { status: 'void', at, by: actor.id, reason: why });
      if (r.kind === 'visitor' && r.visit_id !== null) {
        const v = visits.visitById(this.sql, r.visit_id);
        visits.closeVisit(this.sql, r.visit_id, { status: 'void', at, by: actor.id, method: 'void', note: why });
        if (v?.appointment_id) visits.setAppointment(this.sql, v.appointment_id, 'checked_in', { status: 'planned' });
      }
      if (r.form_id !== null) repo.setFormState(this.sql, r.form_id, 'issued', { state: 'void', changed_at: at, changed_by: actor.id, reason: why });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'pass.void',
        entity: 'pass',
        entityId: r.pass_no,
        detail: { kind: r.kind, reason: maskText(why) },
      });
      return this.view(this.mustByNo(r.pass_no));
    });
  }

  /** The pass as the printer lays it out (the print queue and the preview). */
  render(passId: number, opts: { width?: Width; copy?: number; reprintedAt?: string } = {}): Rendered {
    return renderPass(this.sql, passId, {
      propertyName: this.printer.propertyName(),
      timeZone: this.calendar.tz(),
      width: opts.width ?? this.printer.width(),
      showsRoom: this.settings().passShowsRoom,
      ...(opts.copy ? { copy: opts.copy } : {}),
      ...(opts.reprintedAt ? { reprintedAt: opts.reprintedAt } : {}),
    });
  }

  preview(passNo: string): { svg: string; width: Width } {
    const r = this.mustByNo(passNo);
    if (r.form_id !== null) throw new AppError('CONFLICT', `${r.pass_no} 是预印的纸质出入证，没有打印预览。`);
    const width = this.printer.width();
    return { svg: this.render(r.id, { width }).svg, width };
  }
}
