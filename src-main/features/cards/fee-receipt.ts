import { qb, type Sql } from '../../db/sql';

/**
 * What a receipt can settle of replacement fees: its card-category lines (not reversed) and how many cards
 * already name it as the receipt that paid their fee. Queries only; CardsService.settleFee owns the rule.
 */
export function cardFeeCapacity(sql: Sql, receiptId: number, receiptNo: string): { lines: number; amountFen: number; linkedCards: number } {
  const lines = sql.all(
    qb
      .selectFrom('receipt_lines as l')
      .select(['l.quantity as quantity', 'l.amount_fen as amount_fen'])
      .where('l.receipt_id', '=', receiptId)
      .where('l.category', '=', 'card')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('receipt_lines as r').select('r.id').whereRef('r.original_line_id', '=', 'l.id')))),
  );
  const linked = sql.get(qb.selectFrom('cards').select((eb) => eb.fn.countAll<number>().as('n')).where('fee_receipt_no', '=', receiptNo));
  return {
    // a fixed-price line reads "2张": two cards on one line
    lines: lines.reduce((n, l) => n + Math.max(1, Number.parseInt(l.quantity, 10) || 1), 0),
    amountFen: lines.reduce((s, l) => s + l.amount_fen, 0),
    linkedCards: Number(linked?.n ?? 0),
  };
}
