import type { Sql } from '../../db/sql';
import type { ReceiptDoc } from '../../devices/printer/receipt';
import type { SlipLine } from '../../devices/printer/receipt';
import { formatFen } from '@shared/money';
import { localDateTime } from '@shared/calendar';
import type { CloseResult } from '@shared/contract/cash';
import * as fees from '../fees/fees.repo';
import { maskName, maskReference } from '@shared/mask';

const METHOD: Record<string, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡' };

/** A posted receipt (immutable) as the document the printer layer lays out. Personal data is masked. */
export function receiptDoc(sql: Sql, receiptId: number, propertyName: string): ReceiptDoc {
  const r = fees.receiptRow(sql, receiptId);
  if (!r) throw new Error(`receipt ${receiptId} not found`);
  const payments = fees.paymentsOf(sql, receiptId);
  const cash = payments.find((p) => p.method === 'cash' && p.amount_fen > 0);
  const reversal = r.kind !== 'receipt';
  return {
    kind: reversal ? 'void' : 'receipt',
    propertyName,
    terminalId: r.terminal_id,
    receiptNo: r.receipt_no,
    issuedAt: r.issued_at,
    operatorName: r.operator_name,
    roomCode: r.room_code,
    payer: maskName(r.payer),
    lines: fees
      .linesOf(sql, receiptId)
      .map((l) => ({ name: l.name, ...(l.detail ? { detail: l.detail } : {}), ...(l.quantity ? { quantity: l.quantity } : {}), amountFen: l.amount_fen })),
    totalFen: r.total_fen,
    payments: payments.map((p) => ({ method: p.method, amountFen: p.amount_fen, ...(p.reference ? { reference: maskReference(p.reference) } : {}) })),
    ...(cash?.received_fen != null ? { receivedFen: cash.received_fen, changeFen: cash.change_fen ?? 0 } : {}),
    ...(reversal && r.original_no
      ? { original: { receiptNo: r.original_no, reason: `${r.kind === 'refund' ? '押金退款：' : ''}${r.reason ?? ''}`, approverName: r.approver_name ?? '' } }
      : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}

/** The shift-close slip: what the cash session took, by item and method, the count and the chain head. */
export function closeSlipLines(c: CloseResult, terminalId: string, timeZone: string): SlipLine[] {
  const s = c.session;
  const y = (fen: number | null) => (fen === null ? '—' : `￥${formatFen(fen, { grouping: true })}`);
  return [
    // the 交款单 number is the session's: the handover summary names the slip by it
    ['交款单号', `#${s.id}`],
    ['终端', terminalId],
    ['收款员', s.operatorName],
    ['开班', localDateTime(s.openedAt, timeZone)],
    ['结班', s.closedAt ? localDateTime(s.closedAt, timeZone) : ''],
    ['收据号', c.slip.receiptRange],
    ['收据张数', String(c.slip.receipts)],
    { rule: true },
    { heading: '按项目' },
    ...c.slip.byItem.map((i) => [i.name, y(i.amountFen)] as const),
    { heading: '按付款方式' },
    ...c.slip.byMethod.map((m) => [METHOD[m.method] ?? m.method, y(m.amountFen)] as const),
    ['作废', `${c.slip.voids.count} 张 ${y(c.slip.voids.amountFen)}`],
    ['押金退款', `${c.slip.refunds.count} 张 ${y(c.slip.refunds.amountFen)}`],
    { rule: true },
    { heading: '现金' },
    ['备用金', y(s.floatFen)],
    ['存入', y(c.slip.cashIn)],
    ['取出', y(c.slip.cashOut)],
    ['应有现金', y(s.expectedFen)],
    ['实点现金', y(s.countedFen)],
    ['差异', y(s.varianceFen)],
    { rule: true },
    ['审计链', c.slip.chainHead],
    '交款人签字：',
    '财务签收：',
  ];
}
