import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { maskText } from '@shared/mask';
import { sumFen } from '@shared/money';
import type { PayMethod } from '../../db/schema';
import type { SessionOperator } from '../operators/sessions';
import * as repo from './fees.repo';
import type { Settlements } from './settlements';

/** What posting a reversal needs from the fees service. */
export interface ReversalContext {
  sql: Sql;
  clock: Clock;
  terminalId: string;
  now: string;
  settlements: Settlements | null;
  print: { enqueueReceipt(receiptId: number, opts: { copy: number; kickDrawer: boolean }): boolean };
}

/**
 * A void or a refund as a reversing receipt (negative lines against the original's, the payments paid back), numbered
 * from the terminal's counter inside the caller's transaction, its months re-opened, audited and queued to print.
 */
export function postReversal(
  ctx: ReversalContext,
  kind: 'void' | 'refund',
  orig: NonNullable<ReturnType<typeof repo.receiptRow>>,
  sessionId: number,
  actor: SessionOperator,
  approvalId: string,
  approverId: number,
  reason: string,
  lines: Array<{ line: ReturnType<typeof repo.linesOf>[number]; amountFen: number }>,
  payments: Array<{ method: PayMethod; amountFen: number; reference: string | null }>,
): number {
  const terminal = ctx.terminalId;
  const seq = repo.nextCounter(ctx.sql, `receipt:${terminal}`);
  const receiptNo = `${terminal}-${String(seq).padStart(8, '0')}`;
  const total = sumFen(lines.map((l) => l.amountFen));
  const issuedAt = ctx.now;
  const rid = repo.insertReceipt(ctx.sql, {
    receipt_no: receiptNo,
    terminal_id: terminal,
    seq,
    kind,
    session_id: sessionId,
    operator_id: actor.id,
    room_id: orig.room_id,
    room_code: orig.room_code,
    payer: orig.payer,
    issued_at: issuedAt,
    total_fen: total,
    original_id: orig.id,
    reason: reason.trim(),
    approval_id: approvalId,
    request_id: `${kind}:${orig.id}:${seq}`,
    note: '',
  });
  lines.forEach((l, i) => {
    const lineId = repo.insertLine(ctx.sql, {
      receipt_id: rid,
      line_no: i + 1,
      fee_item_id: l.line.fee_item_id,
      name: l.line.name,
      category: l.line.category,
      detail: l.line.detail,
      quantity: l.line.quantity,
      amount_fen: l.amountFen,
      refundable: 0,
      original_line_id: l.line.id,
    });
    ctx.settlements?.reopen(l.line.id, lineId, issuedAt);
  });
  for (const p of payments)
    repo.insertPayment(ctx.sql, {
      receipt_id: rid,
      method: p.method,
      amount_fen: p.amountFen,
      received_fen: null,
      change_fen: null,
      reference: p.reference,
    });
  appendAudit(ctx.sql, ctx.clock, {
    operatorId: actor.id,
    action: kind === 'void' ? 'receipt.void' : 'deposit.refund',
    entity: 'receipt',
    entityId: receiptNo,
    detail: { original: orig.receipt_no, totalFen: total, approvedBy: approverId, reason: maskText(reason.trim()) },
  });
  ctx.print.enqueueReceipt(rid, { copy: 0, kickDrawer: payments.some((p) => p.method === 'cash') });
  return rid;
}
