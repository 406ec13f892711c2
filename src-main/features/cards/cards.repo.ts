import type { Insertable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { CardEventKind, CardEventsTable, CardsTable, CardStatus, CardStockMoveKind, CardType } from '../../db/schema';

/** Card, card event and stock queries only; the service owns transactions and rules. */

const cardCols = [
  'c.id as id',
  'c.raw as raw',
  'c.format as format',
  'c.match_key as match_key',
  'c.value32 as value32',
  'c.prefix8 as prefix8',
  'c.type as type',
  'c.function_name as function_name',
  'c.room_id as room_id',
  'rm.code as room_code',
  'c.resident_id as resident_id',
  'c.holder_name as holder_name',
  'c.valid_from as valid_from',
  'c.valid_until as valid_until',
  'c.status as status',
  'c.deposit_fen as deposit_fen',
  'c.fee_owed_fen as fee_owed_fen',
  'c.fee_receipt_no as fee_receipt_no',
  'c.replaces_id as replaces_id',
  'c.replaced_by_id as replaced_by_id',
  'c.issued_at as issued_at',
  'o.display_name as issued_by_name',
  'c.closed_at as closed_at',
  'c.close_note as close_note',
  'c.note as note',
] as const;

const cards = () =>
  qb.selectFrom('cards as c').innerJoin('rooms as rm', 'rm.id', 'c.room_id').innerJoin('operators as o', 'o.id', 'c.issued_by').select(cardCols);
export type CardRow = NonNullable<ReturnType<typeof cardById>>;

export const cardById = (sql: Sql, id: number) => sql.get(cards().where('c.id', '=', id));

/** Every card whose match key is one of `keys` (index cards_key), newest first. */
export const cardsByKeys = (sql: Sql, keys: string[]) =>
  keys.length ? sql.all(cards().where('c.match_key', 'in', keys).orderBy('c.id', 'desc').limit(50)) : [];

/** Cards with this key that still hold the number: active, lost or blacklisted. */
export const holdingCards = (sql: Sql, key: string) =>
  sql.all(cards().where('c.match_key', '=', key).where('c.status', 'in', ['active', 'lost', 'blacklisted']).orderBy('c.id', 'desc'));

export function listCards(sql: Sql, f: { roomId?: number; status?: CardStatus; limit: number }) {
  let q = cards();
  if (f.roomId) q = q.where('c.room_id', '=', f.roomId);
  if (f.status) q = q.where('c.status', '=', f.status);
  return sql.all(q.orderBy('c.id', 'desc').limit(f.limit));
}

/** A new card as the service writes it: active, no fee settled, not replaced or closed yet. */
export type CardWrite = Omit<Insertable<CardsTable>, 'id' | 'status' | 'fee_receipt_no' | 'replaced_by_id' | 'closed_at' | 'close_note'>;

export const insertCard = (sql: Sql, w: CardWrite) => sql.run(qb.insertInto('cards').values({ ...w, status: 'active' })).lastInsertRowid;

export const closeCard = (sql: Sql, id: number, status: CardStatus, at: string, note: string | null, replacedBy: number | null = null) =>
  sql.run(
    qb
      .updateTable('cards')
      .set({ status, closed_at: at, close_note: note, ...(replacedBy !== null && { replaced_by_id: replacedBy }) })
      .where('id', '=', id),
  ).changes;

export const setReplacedBy = (sql: Sql, id: number, newId: number) =>
  sql.run(qb.updateTable('cards').set({ replaced_by_id: newId }).where('id', '=', id)).changes;

export const settleFee = (sql: Sql, id: number, receiptNo: string) =>
  sql.run(qb.updateTable('cards').set({ fee_owed_fen: 0, fee_receipt_no: receiptNo }).where('id', '=', id)).changes;

export const owedFees = (sql: Sql) => sql.all(cards().where('c.fee_owed_fen', '>', 0).orderBy('c.id', 'desc').limit(200));

export const insertEvent = (sql: Sql, w: Insertable<CardEventsTable>) => sql.run(qb.insertInto('card_events').values(w)).lastInsertRowid;

export function eventCounts(sql: Sql, from: string, to: string): Record<CardEventKind, number> {
  const rows = sql.all(
    qb
      .selectFrom('card_events')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy('kind'),
  );
  const out: Record<CardEventKind, number> = { issue: 0, replace: 0, lost: 0, return: 0, blacklist: 0 };
  for (const r of rows) out[r.kind] = r.n;
  return out;
}

export function statusCounts(sql: Sql): Record<CardStatus, number> {
  const rows = sql.all(
    qb
      .selectFrom('cards')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status'),
  );
  const out: Record<CardStatus, number> = { active: 0, lost: 0, blacklisted: 0, returned: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export const insertStockMove = (
  sql: Sql,
  w: { card_type: CardType; kind: CardStockMoveKind; quantity: number; reason: string; card_id: number | null; operator_id: number; at: string },
) => sql.run(qb.insertInto('card_stock_moves').values(w)).lastInsertRowid;

/**
 * The ledger sum of blank cards by type. Below zero only in a store written before issuing checked the stock:
 * such a count is known to be wrong (the service shows it as "needs a count", never as a negative number).
 */
export function stockOnHand(sql: Sql): Record<CardType, number> {
  const rows = sql.all(
    qb
      .selectFrom('card_stock_moves')
      .select(['card_type', (eb) => eb.fn.sum<number>('quantity').as('n')])
      .groupBy('card_type'),
  );
  const out: Record<CardType, number> = { access: 0, function: 0 };
  for (const r of rows) out[r.card_type] = Number(r.n ?? 0);
  return out;
}

export const recentStockMoves = (sql: Sql, limit: number) =>
  sql.all(
    qb
      .selectFrom('card_stock_moves as m')
      .innerJoin('operators as o', 'o.id', 'm.operator_id')
      .select([
        'm.id as id',
        'm.at as at',
        'm.card_type as card_type',
        'm.kind as kind',
        'm.quantity as quantity',
        'm.reason as reason',
        'o.display_name as operator_name',
      ])
      .orderBy('m.id', 'desc')
      .limit(limit),
  );

/** The first active fee item of category 'card' (lowest sort): what a replacement costs and how it is charged. */
export const cardFeeItem = (sql: Sql) =>
  sql.get(
    qb
      .selectFrom('fee_items')
      .select(['id', 'code', 'name', 'unit_price_fen'])
      .where('category', '=', 'card')
      .where('active', '=', 1)
      .orderBy('sort')
      .orderBy('id')
      .limit(1),
  );

export const receiptByNo = (sql: Sql, receiptNo: string) =>
  sql.get(qb.selectFrom('receipts').select(['id', 'receipt_no', 'kind', 'room_id']).where('receipt_no', '=', receiptNo));
export const isVoided = (sql: Sql, receiptId: number) =>
  sql.get(qb.selectFrom('receipts').select('id').where('original_id', '=', receiptId).where('kind', '=', 'void')) !== undefined;

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
  const linked = sql.get(
    qb
      .selectFrom('cards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('fee_receipt_no', '=', receiptNo),
  );
  return {
    // a fixed-price line reads "2张": two cards on one line
    lines: lines.reduce((n, l) => n + Math.max(1, Number.parseInt(l.quantity, 10) || 1), 0),
    amountFen: lines.reduce((s, l) => s + l.amount_fen, 0),
    linkedCards: Number(linked?.n ?? 0),
  };
}
