import type { Insertable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { FeeItemsTable, PaymentsTable, ReceiptLinesTable, ReceiptsTable } from '../../db/schema';

/** Fee and receipt queries only; the service owns transactions and rules. */

export const listItems = (sql: Sql, includeInactive: boolean) => {
  let q = qb.selectFrom('fee_items').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  return sql.all(q.orderBy('sort').orderBy('id'));
};

export const itemsByIds = (sql: Sql, ids: number[]) => (ids.length ? sql.all(qb.selectFrom('fee_items').selectAll().where('id', 'in', ids)) : []);

export const itemById = (sql: Sql, id: number) => sql.get(qb.selectFrom('fee_items').selectAll().where('id', '=', id));
export const itemByCode = (sql: Sql, code: string) => sql.get(qb.selectFrom('fee_items').selectAll().where('code', '=', code));

/** A fee item as the service writes it; the repo stamps the times. */
export type ItemWrite = Omit<Insertable<FeeItemsTable>, 'id' | 'created_at' | 'updated_at'>;

export const insertItem = (sql: Sql, w: ItemWrite, at: string) =>
  sql.run(qb.insertInto('fee_items').values({ ...w, created_at: at, updated_at: at })).lastInsertRowid;
export const updateItem = (sql: Sql, id: number, w: ItemWrite, at: string) =>
  sql.run(
    qb
      .updateTable('fee_items')
      .set({ ...w, updated_at: at })
      .where('id', '=', id),
  );

/** Takes the next number of a series; call inside the posting transaction so a rollback leaves no gap. */
export function nextCounter(sql: Sql, name: string): number {
  sql.run(
    qb
      .insertInto('counters')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) }))),
  );
  return sql.get(qb.selectFrom('counters').select('value').where('name', '=', name))?.value as number;
}

export const receiptByRequest = (sql: Sql, requestId: string) => sql.get(qb.selectFrom('receipts').select('id').where('request_id', '=', requestId));

export const insertReceipt = (sql: Sql, r: Insertable<ReceiptsTable>) => sql.run(qb.insertInto('receipts').values(r)).lastInsertRowid;

export const insertLine = (sql: Sql, l: Insertable<ReceiptLinesTable>) => sql.run(qb.insertInto('receipt_lines').values(l)).lastInsertRowid;

export const insertPayment = (sql: Sql, p: Insertable<PaymentsTable>) => sql.run(qb.insertInto('payments').values(p));

export const receiptRow = (sql: Sql, id: number) =>
  sql.get(
    qb
      .selectFrom('receipts as r')
      .innerJoin('operators as o', 'o.id', 'r.operator_id')
      .leftJoin('approvals as a', 'a.id', 'r.approval_id')
      .leftJoin('operators as ao', 'ao.id', 'a.approver_id')
      .leftJoin('receipts as orig', 'orig.id', 'r.original_id')
      .selectAll('r')
      .select(['o.display_name as operator_name', 'ao.display_name as approver_name', 'orig.receipt_no as original_no'])
      .where('r.id', '=', id),
  );

export const linesOf = (sql: Sql, receiptId: number) =>
  sql.all(
    qb
      .selectFrom('receipt_lines as l')
      .selectAll('l')
      .select((eb) => eb.exists(eb.selectFrom('receipt_lines as x').select('x.id').whereRef('x.original_line_id', '=', 'l.id')).as('reversed'))
      .where('l.receipt_id', '=', receiptId)
      .orderBy('l.line_no'),
  );

export const paymentsOf = (sql: Sql, receiptId: number) => sql.all(qb.selectFrom('payments').selectAll().where('receipt_id', '=', receiptId).orderBy('id'));

export const reversalsOf = (sql: Sql, originalId: number) =>
  sql.all(qb.selectFrom('receipts').select(['id', 'receipt_no', 'kind', 'total_fen']).where('original_id', '=', originalId).orderBy('id'));

export const listReceipts = (sql: Sql, opts: { from?: string; to?: string; q?: string; limit: number }) => {
  let q = qb.selectFrom('receipts as r').select([
    'r.id',
    'r.receipt_no',
    'r.kind',
    'r.issued_at',
    'r.room_code',
    'r.total_fen',
    (eb) =>
      eb
        .selectFrom('payments as p')
        .select((e) => e.fn<string>('group_concat', ['p.method']).as('m'))
        .whereRef('p.receipt_id', '=', 'r.id')
        .as('methods'),
    (eb) => eb.exists(eb.selectFrom('receipts as v').select('v.id').whereRef('v.original_id', '=', 'r.id').where('v.kind', '=', 'void')).as('voided'),
  ]);
  if (opts.from) q = q.where('r.issued_at', '>=', opts.from);
  if (opts.to) q = q.where('r.issued_at', '<', opts.to);
  if (opts.q)
    q = q.where((eb) =>
      eb.or([eb('r.receipt_no', 'like', `%${opts.q}%`), eb('r.room_code', '>=', opts.q as string).and('r.room_code', '<', `${opts.q}\u{10FFFF}`)]),
    );
  return sql.all(q.orderBy('r.id', 'desc').limit(opts.limit));
};

/** Per-session aggregates for the close slip and the expected cash. */
export const sessionPayments = (sql: Sql, sessionId: number) =>
  sql.all(
    qb
      .selectFrom('payments as p')
      .innerJoin('receipts as r', 'r.id', 'p.receipt_id')
      .select(['p.method', (eb) => eb.fn.sum<number>('p.amount_fen').as('total')])
      .where('r.session_id', '=', sessionId)
      .groupBy('p.method'),
  );

export const sessionByItem = (sql: Sql, sessionId: number) =>
  sql.all(
    qb
      .selectFrom('receipt_lines as l')
      .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
      .select(['l.name', (eb) => eb.fn.sum<number>('l.amount_fen').as('total')])
      .where('r.session_id', '=', sessionId)
      .groupBy('l.name')
      .orderBy('l.name'),
  );

export const sessionReceiptStats = (sql: Sql, sessionId: number) =>
  sql.all(
    qb
      .selectFrom('receipts')
      .select([
        'kind',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('total_fen').as('total'),
        (eb) => eb.fn.min<string>('receipt_no').as('first'),
        (eb) => eb.fn.max<string>('receipt_no').as('last'),
      ])
      .where('session_id', '=', sessionId)
      .groupBy('kind'),
  );

/** The decoration case (not yet refunded) whose deposit a receipt is: its deposit is refunded from the case only. */
export const decorationCaseOfDeposit = (sql: Sql, receiptNo: string) =>
  sql.get(
    qb
      .selectFrom('decoration_cases as d')
      .innerJoin('rooms as rm', 'rm.id', 'd.room_id')
      .select(['d.id as id', 'rm.code as room_code'])
      .where('d.deposit_receipt_no', '=', receiptNo)
      .where('d.status', 'not in', ['refunded', 'rejected', 'void']),
  );
