import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { ParsedInput } from '@shared/contract';
import type { FormRegisterView, PassView } from '@shared/contract/visitor-passes';
import type { VisitorSettings } from '@shared/contract/visitors';
import type { PropertyCalendar } from '@shared/calendar';
import { maskText } from '@shared/mask';
import type { SessionOperator } from '../operators/sessions';
import type { DocumentSeal } from './document-seal';
import { personalColumns, recordPerson } from './people';
import * as repo from './passes.repo';
import type { PassesService } from './passes.service';
import { formatFormNo, formRange, normalizePassNo, parseFormNo, workerValidity } from './rules';
import { placeOf } from './visits.service';

/**
 * Workers' temporary passes (临时出入证) and, when they are pre-printed forms signed for at finance, the form
 * register: ranges received (with who signed and who handed them over), each form in stock, issued, void or lost,
 * the shift counts, and the passes past their validity not yet returned.
 */
export class WorkersService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly passes: PassesService,
    private readonly seal: DocumentSeal,
    private readonly settings: () => VisitorSettings,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  issue(input: ParsedInput<'visitors.workers.issue'>, actor: SessionOperator): { pass: PassView; printQueued: boolean } {
    return this.sql.tx(() => {
      if (input.requestId) {
        const seen = repo.passByRequest(this.sql, input.requestId);
        if (seen) return { pass: this.passes.byId(seen.id), printQueued: false };
      }
      const s = this.settings();
      const validity = workerValidity(this.calendar, input.validFrom, input.validUntil, s);
      const place = placeOf(this.sql, input.roomId, input.commonAreaReason, input.zones);
      let form: { id: number; formNo: string } | undefined;
      if (s.workerPassMode === 'forms') {
        if (!input.formNo) throw new AppError('BAD_INPUT', '本物业使用预印的临时出入证：请填写交给施工人员的那张表单的编号。', { field: 'formNo' });
        const no = normalizePassNo(input.formNo);
        const f = repo.formByNo(this.sql, no);
        if (!f) throw new AppError('BAD_INPUT', `表单 ${no} 不在领用登记里：请核对编号，或请主管先登记从财务领来的这一段编号。`, { field: 'formNo' });
        if (f.state !== 'in_stock')
          throw new AppError(
            'CONFLICT',
            `表单 ${no} ${f.state === 'issued' ? '已经发出' : f.state === 'void' ? '已作废' : '已登记遗失'}：请换一张库存中的表单。`,
          );
        repo.setFormState(this.sql, f.id, 'in_stock', { state: 'issued', changed_at: this.now(), changed_by: actor.id, reason: null });
        form = { id: f.id, formNo: no };
      } else if (input.formNo) {
        throw new AppError('BAD_INPUT', '本物业的临时出入证由本机打印，不用填写表单编号。', { field: 'formNo' });
      }
      const cols = personalColumns(
        { name: input.workerName, phone: input.phone, docType: input.docType, docLast4: input.docLast4, docNumber: input.docNumber },
        s,
        this.seal,
      );
      const personalId = recordPerson(this.sql, 'worker', cols, validity.validUntil, this.now());
      const issued = this.passes.issueInTx(
        {
          kind: 'worker',
          personalId,
          company: input.company.trim(),
          roomId: place.room?.id ?? null,
          commonAreaReason: place.commonAreaReason,
          zones: place.zones,
          note: input.note?.trim() ?? '',
          validFrom: validity.validFrom,
          validUntil: validity.validUntil,
          requestId: input.requestId ?? null,
          ...(form ? { form } : {}),
        },
        actor,
      );
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'pass.workerIssue',
        entity: 'pass',
        entityId: issued.passNo,
        detail: { days: validity.days, roomCode: place.room?.code ?? null, zones: place.zones, form: form !== undefined },
      });
      return { pass: this.passes.byId(issued.passId), printQueued: issued.printQueued };
    });
  }

  list(status: 'out' | 'expired' | 'closed' | 'all', q: string | undefined, limit: number): PassView[] {
    const f: Parameters<typeof repo.workerPasses>[1] = { status, now: this.now(), limit };
    if (q?.trim()) f.passNo = normalizePassNo(q);
    return repo.workerPasses(this.sql, f).map((r) => this.passes.view(r));
  }

  private mustWorker(passNo: string): repo.PassRow {
    const r = this.passes.mustByNo(passNo);
    if (r.kind !== 'worker') throw new AppError('CONFLICT', `${r.pass_no} 不是临时出入证。`);
    if (r.status !== 'valid') throw new AppError('CONFLICT', this.passes.closedMessage(r));
    return r;
  }

  /** The worker hands the pass back (a form stays issued: it was used; the register counts it as returned). */
  returnPass(passNo: string, actor: SessionOperator): PassView {
    return this.sql.tx(() => {
      const r = this.mustWorker(passNo);
      repo.closePass(this.sql, r.id, { status: 'returned', at: this.now(), by: actor.id, reason: null });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'pass.workerReturn',
        entity: 'pass',
        entityId: r.pass_no,
        detail: { late: r.valid_until <= this.now() },
      });
      return this.passes.byId(r.id);
    });
  }

  lost(passNo: string, reason: string, actor: SessionOperator): PassView {
    return this.sql.tx(() => {
      const r = this.mustWorker(passNo);
      const at = this.now();
      repo.closePass(this.sql, r.id, { status: 'lost', at, by: actor.id, reason: reason.trim() });
      if (r.form_id !== null) repo.setFormState(this.sql, r.form_id, 'issued', { state: 'lost', changed_at: at, changed_by: actor.id, reason: reason.trim() });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'pass.workerLost',
        entity: 'pass',
        entityId: r.pass_no,
        detail: { reason: maskText(reason.trim()) },
      });
      return this.passes.byId(r.id);
    });
  }

  // ——— the pre-printed form register ———

  register(): FormRegisterView {
    const c = repo.formStateCounts(this.sql);
    const received = repo.receivedCount(this.sql);
    const returned = repo.returnedForms(this.sql);
    const last = repo.lastFormCount(this.sql);
    return {
      mode: this.settings().workerPassMode,
      received,
      inStock: c.in_stock,
      issued: c.issued,
      out: c.issued - returned,
      returned,
      void: c.void,
      lost: c.lost,
      balanced: received === c.issued + c.in_stock + c.void + c.lost,
      nextInStock: repo.nextInStock(this.sql),
      batches: repo.batches(this.sql).map((b) => ({
        id: b.id,
        firstNo: formatFormNo({ prefix: b.prefix, n: b.first_no, digits: b.digits }),
        lastNo: formatFormNo({ prefix: b.prefix, n: b.last_no, digits: b.digits }),
        count: b.count,
        receivedOn: b.received_on,
        signedBy: b.signed_by,
        handedOverBy: b.handed_over_by,
        receivedByName: b.received_by_name,
        createdAt: b.created_at,
        note: b.note,
        inStock: b.in_stock ?? 0,
      })),
      expiredOut: this.list('expired', undefined, 200),
      lastCount: last
        ? { at: last.at, operatorName: last.operator_name, expectedInStock: last.expected_in_stock, counted: last.counted, explanation: last.explanation }
        : null,
    };
  }

  /** A range of forms received from finance: every number in stock, the range and who signed recorded. */
  receive(input: ParsedInput<'visitors.forms.receive'>, actor: SessionOperator): FormRegisterView {
    this.sql.tx(() => {
      const r = formRange(input.firstNo, input.lastNo);
      if (input.receivedOn > this.calendar.today())
        throw new AppError('BAD_INPUT', `领用日期 ${input.receivedOn} 还没到：请填写实际领用的日期。`, { field: 'receivedOn' });
      const numbers: string[] = [];
      for (let n = r.from; n <= r.to; n++) numbers.push(formatFormNo({ prefix: r.prefix, n, digits: r.digits }));
      const taken = repo.formsTaken(this.sql, numbers);
      if (taken.length)
        throw new AppError(
          'CONFLICT',
          `编号 ${taken.slice(0, 5).join('、')}${taken.length > 5 ? ` 等 ${taken.length} 张` : ''} 已经登记过：同一编号不能领用两次，请核对这一段编号。`,
        );
      const at = this.now();
      const batchId = repo.insertBatch(this.sql, {
        prefix: r.prefix,
        first_no: r.from,
        last_no: r.to,
        digits: r.digits,
        count: numbers.length,
        received_on: input.receivedOn,
        signed_by: input.signedBy.trim(),
        handed_over_by: input.handedOverBy.trim(),
        received_by: actor.id,
        created_at: at,
        note: input.note?.trim() ?? '',
      });
      for (const no of numbers) repo.insertForm(this.sql, { batch_id: batchId, form_no: no, changed_at: at, changed_by: actor.id });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'pass.formsReceive',
        entity: 'pass_form_batch',
        entityId: batchId,
        detail: { first: numbers[0], last: numbers[numbers.length - 1], count: numbers.length },
      });
    });
    return this.register();
  }

  /** A blank form in stock spoiled (void) or missing (lost). Issued forms are voided or reported lost with their pass. */
  writeOff(formNo: string, state: 'void' | 'lost', reason: string, actor: SessionOperator): FormRegisterView {
    this.sql.tx(() => {
      const no = normalizePassNo(formNo);
      if (!parseFormNo(no)) throw new AppError('BAD_INPUT', '表单编号格式不对：例如 LS000123。', { field: 'formNo' });
      const f = repo.formByNo(this.sql, no);
      if (!f) throw new AppError('NOT_FOUND', `表单 ${no} 不在领用登记里：请核对编号。`);
      if (f.state === 'issued')
        throw new AppError('CONFLICT', `表单 ${no} 已发给施工人员：请在「临时出入证」里${state === 'void' ? '作废' : '登记遗失'}这张证。`);
      if (f.state !== 'in_stock') throw new AppError('CONFLICT', `表单 ${no} 已${f.state === 'void' ? '作废' : '登记遗失'}。`);
      repo.setFormState(this.sql, f.id, 'in_stock', { state, changed_at: this.now(), changed_by: actor.id, reason: reason.trim() });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: `pass.form${state === 'void' ? 'Void' : 'Lost'}`,
        entity: 'pass_form',
        entityId: no,
        detail: { reason: maskText(reason.trim()) },
      });
    });
    return this.register();
  }

  /** The shift's count of blank forms: a difference to the register needs an explanation. */
  count(counted: number, explanation: string | undefined, actor: SessionOperator): FormRegisterView {
    this.sql.tx(() => {
      const reg = this.register();
      const why = explanation?.trim() ?? '';
      if (counted !== reg.inStock && why.length < 2)
        throw new AppError('BAD_INPUT', `登记应有空白表单 ${reg.inStock} 张，点到 ${counted} 张：请写明差异原因（例如哪几号不在、在谁手里）。`, {
          field: 'explanation',
        });
      const id = repo.insertFormCount(this.sql, {
        at: this.now(),
        operator_id: actor.id,
        expected_in_stock: reg.inStock,
        counted,
        out_count: reg.out,
        explanation: why,
      });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'pass.formsCount',
        entity: 'pass_form_count',
        entityId: id,
        detail: { expected: reg.inStock, counted, out: reg.out, explanation: maskText(why) },
      });
    });
    return this.register();
  }
}
