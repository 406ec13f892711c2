import type { Sql } from '../../db/sql';
import { AppError } from '../../lib/errors';
import { fenToChineseUpper } from '@shared/money';
import type { ReceiptView } from '@shared/contract/fees';
import * as repo from './fees.repo';
import { maskName, maskReference } from '@shared/mask';

export interface PrintInfo {
  state: ReceiptView['printState'];
  error: string | null;
  /** how many copies (补打) were printed or queued after the original */
  copies: number;
}

export function receiptView(sql: Sql, id: number, print: PrintInfo): ReceiptView {
  const r = repo.receiptRow(sql, id);
  if (!r) throw new AppError('NOT_FOUND', '找不到这张收据。');
  const reversals = repo.reversalsOf(sql, r.id);
  const voidRow = reversals.find((x) => x.kind === 'void');
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    kind: r.kind,
    issuedAt: r.issued_at,
    operatorName: r.operator_name,
    roomCode: r.room_code,
    payerMasked: maskName(r.payer),
    totalFen: r.total_fen,
    totalUpper: fenToChineseUpper(r.total_fen),
    lines: repo.linesOf(sql, r.id).map((l) => ({
      lineNo: l.line_no,
      name: l.name,
      category: l.category,
      detail: l.detail,
      quantity: l.quantity,
      amountFen: l.amount_fen,
      refundable: l.refundable === 1,
      reversed: Boolean(l.reversed),
    })),
    payments: repo.paymentsOf(sql, r.id).map((p) => ({
      method: p.method,
      amountFen: p.amount_fen,
      receivedFen: p.received_fen,
      changeFen: p.change_fen,
      referenceMasked: maskReference(p.reference),
    })),
    original: r.original_id && r.original_no ? { id: r.original_id, receiptNo: r.original_no } : null,
    reason: r.reason,
    approverName: r.approver_name ?? null,
    voidedBy: voidRow ? { id: voidRow.id, receiptNo: voidRow.receipt_no } : null,
    refundedFen: -reversals.filter((x) => x.kind === 'refund').reduce((a, x) => a + x.total_fen, 0),
    printState: print.state,
    printError: print.error,
    copies: print.copies,
  };
}
