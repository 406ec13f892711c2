import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { yuanSign as yuan } from '@shared/money';
import type { ParsedInput } from '@shared/contract';
import type { KeyLoanView } from '@shared/contract/keys';
import type { DecorationCaseView } from '@shared/contract/rooms';
import type { PassView } from '@shared/contract/visitor-passes';
import type { PayMethod } from '../../db/schema';
import type { SessionOperator } from '../operators/sessions';
import type { RefundArgs } from '../fees/fees.service';
import type { DecorationService } from './decoration.service';
import * as repo from './decoration.repo';

/** What a case needs of the visitors area: a worker's temporary pass. */
export interface WorkerPassIssuer {
  issue(input: ParsedInput<'visitors.workers.issue'>, actor: SessionOperator): { pass: PassView; printQueued: boolean };
}
/** What a case needs of the keys area: a loan of a key on the board. */
export interface KeyLender {
  lend(input: ParsedInput<'keys.lend'>, actor: SessionOperator): KeyLoanView;
}
/** What a case needs of 收费: the deposit refund (supervisor approval), posted in the caller's transaction. */
export interface DepositRefunder {
  refundDepositInTx(...a: RefundArgs): number;
}

/**
 * What a decoration case sets in motion in other areas, each linked to the case (decoration_links): workers'
 * temporary passes for the room, the contractor's key loans (purpose 装修) and the deposit refund — the deposit
 * less the deductions recorded, through 收费's refund with a supervisor's approval, never more.
 */
export class DecorationLinksService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly cases: DecorationService,
    private readonly workers: WorkerPassIssuer,
    private readonly keys: KeyLender,
    private readonly fees: DepositRefunder,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  private audit(actor: SessionOperator, caseId: number, action: string, detail: Record<string, unknown>): void {
    appendAudit(this.sql, this.clock, { operatorId: actor.id, action: `decoration.${action}`, entity: 'decoration_case', entityId: caseId, detail });
  }

  /** A worker's pass for the case's room, valid no later than the works' planned end. */
  workerPass(
    caseId: number,
    pass: Omit<ParsedInput<'visitors.workers.issue'>, 'roomId' | 'commonAreaReason'>,
    actor: SessionOperator,
  ): { pass: PassView; printQueued: boolean } {
    return this.sql.tx(() => {
      const d = this.cases.must(caseId);
      this.cases.expect(d, 'approved', 'in_progress', 'awaiting_acceptance');
      if (pass.validUntil > d.planned_end)
        throw new AppError('BAD_INPUT', `出入证有效期不能晚于计划完工日 ${d.planned_end}：工期要延长请先办理延期。`, { field: 'validUntil' });
      const issued = this.workers.issue({ ...pass, roomId: d.room_id }, actor);
      repo.insertLink(this.sql, caseId, 'worker_pass', issued.pass.id, this.now());
      this.audit(actor, caseId, 'workerPass', { roomId: d.room_id, passNo: issued.pass.passNo });
      return issued;
    });
  }

  /** The contractor borrows a key of the case's room (purpose 装修). */
  keyLoan(caseId: number, loan: Omit<ParsedInput<'keys.lend'>, 'purpose' | 'borrowerType'>, actor: SessionOperator): KeyLoanView {
    return this.sql.tx(() => {
      const d = this.cases.must(caseId);
      this.cases.expect(d, 'approved', 'in_progress', 'awaiting_acceptance');
      const room = repo.keyRoom(this.sql, loan.keyId);
      if (!room || room.room_id !== d.room_id)
        throw new AppError('BAD_INPUT', `这把钥匙不是房间 ${d.room_code} 的：装修只能借出本房间的钥匙。`, { field: 'keyId' });
      const lent = this.keys.lend({ ...loan, company: loan.company ?? d.contractor, borrowerType: 'contractor', purpose: 'renovation' }, actor);
      repo.insertLink(this.sql, caseId, 'key_loan', lent.id, this.now());
      this.audit(actor, caseId, 'keyLoan', { roomId: d.room_id, tag: lent.keyTag, loanId: lent.id });
      return lent;
    });
  }

  /**
   * 退押金: an accepted case's deposit less its deductions, refunded on the deposit receipt through 收费 (approval
   * 'deposit.refund' bound to that receipt's number); the case becomes 押金已退. Everything deducted stays with the
   * property. A case whose deductions took the whole deposit closes without a refund receipt.
   */
  refund(caseId: number, approvalId: string, method: PayMethod, reference: string | undefined, actor: SessionOperator): DecorationCaseView {
    return this.cases.act(caseId, 'refund', actor, (d) => {
      this.cases.expect(d, 'accepted');
      const amount = d.deposit_fen - d.deducted_fen;
      if (amount < 0) throw new AppError('CONFLICT', '扣款超过了押金：请联系主管核对扣款记录。');
      let receiptNo = '';
      if (amount > 0) {
        const r = d.deposit_receipt_no ? repo.receiptByNo(this.sql, d.deposit_receipt_no) : undefined;
        if (!r) throw new AppError('CONFLICT', '这份装修申请没有关联押金收据：请先关联收取押金的收据。');
        const reason = `装修押金退还：押金 ${yuan(d.deposit_fen)}${d.deducted_fen > 0 ? `，扣款 ${yuan(d.deducted_fen)}` : ''}`;
        const refundId = this.fees.refundDepositInTx(r.id, approvalId, reason, method, reference, actor, { amountFen: amount });
        repo.insertLink(this.sql, caseId, 'refund', refundId, this.now());
        receiptNo = repo.receiptNoOf(this.sql, refundId) ?? '';
      }
      repo.updateCase(this.sql, caseId, { status: 'refunded' });
      return { note: receiptNo, amountFen: amount };
    });
  }
}
