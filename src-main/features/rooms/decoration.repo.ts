import type { Insertable, Updateable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { DecorationCasesTable, DecorationEventKind, DecorationLinkKind, DecorationStatus } from '../../db/schema';

/** Decoration cases and their history. */

export const OPEN_STATUSES: readonly DecorationStatus[] = ['applied', 'approved', 'in_progress', 'awaiting_acceptance', 'accepted'];

const cases = () =>
  qb
    .selectFrom('decoration_cases as d')
    .innerJoin('rooms as rm', 'rm.id', 'd.room_id')
    .select([
      'd.id as id',
      'd.room_id as room_id',
      'rm.code as room_code',
      'd.status as status',
      'd.contractor as contractor',
      'd.person_in_charge as person_in_charge',
      'd.contractor_phone as contractor_phone',
      'd.start_date as start_date',
      'd.planned_end as planned_end',
      'd.scope as scope',
      'd.docs_seen as docs_seen',
      'd.deposit_fen as deposit_fen',
      'd.deposit_receipt_no as deposit_receipt_no',
      'd.deducted_fen as deducted_fen',
      'd.review_remark as review_remark',
      'd.accepted_at as accepted_at',
      'd.created_by as created_by',
    ]);
export type DecorationRow = NonNullable<ReturnType<typeof caseById>>;

export const caseById = (sql: Sql, id: number) => sql.get(cases().where('d.id', '=', id));
export const openCaseOfRoom = (sql: Sql, roomId: number) => sql.get(cases().where('d.room_id', '=', roomId).where('d.status', 'in', OPEN_STATUSES));
export const latestCaseOfRoom = (sql: Sql, roomId: number) => sql.get(cases().where('d.room_id', '=', roomId).orderBy('d.id', 'desc').limit(1));
export const listCases = (sql: Sql, status: DecorationStatus | undefined) =>
  sql.all((status ? cases().where('d.status', '=', status) : cases().where('d.status', 'in', OPEN_STATUSES)).orderBy('d.planned_end').limit(500));

export const insertCase = (sql: Sql, c: Omit<Insertable<DecorationCasesTable>, 'id' | 'status'>) =>
  sql.run(qb.insertInto('decoration_cases').values({ ...c, status: 'applied' })).lastInsertRowid;
export const updateCase = (sql: Sql, id: number, set: Updateable<DecorationCasesTable>) =>
  sql.run(qb.updateTable('decoration_cases').set(set).where('id', '=', id));

export const insertEvent = (
  sql: Sql,
  e: { caseId: number; kind: DecorationEventKind; at: string; operatorId: number; note: string; amountFen: number | null; newEnd: string | null },
) =>
  sql.run(
    qb
      .insertInto('decoration_events')
      .values({ case_id: e.caseId, kind: e.kind, at: e.at, operator_id: e.operatorId, note: e.note, amount_fen: e.amountFen, new_end: e.newEnd }),
  );
export const eventsOf = (sql: Sql, caseId: number) =>
  sql.all(qb.selectFrom('decoration_events').select(['kind', 'at', 'note', 'amount_fen', 'new_end']).where('case_id', '=', caseId).orderBy('id'));

export const receiptByNo = (sql: Sql, receiptNo: string) =>
  sql.get(
    qb
      .selectFrom('receipts as r')
      .select([
        'r.id as id',
        'r.room_id as room_id',
        'r.kind as kind',
        'r.total_fen as total_fen',
        (eb) => eb.exists(eb.selectFrom('receipts as v').select('v.id').whereRef('v.original_id', '=', 'r.id').where('v.kind', '=', 'void')).as('voided'),
      ])
      .where('r.receipt_no', '=', receiptNo),
  );

/** open cases in a status (the handover's counts) */
export const countInStatus = (sql: Sql, status: DecorationStatus) =>
  Number(
    sql.get(
      qb
        .selectFrom('decoration_cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', status),
    )?.n ?? 0,
  );

/** rooms of the works in progress with no patrol recorded since `since` (the day's start), by room code */
export const patrolsDue = (sql: Sql, since: string) =>
  sql
    .all(
      qb
        .selectFrom('decoration_cases as d')
        .innerJoin('rooms as rm', 'rm.id', 'd.room_id')
        .select('rm.code as room_code')
        .where('d.status', '=', 'in_progress')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('decoration_events as e')
                .select('e.id')
                .whereRef('e.case_id', '=', 'd.id')
                .where('e.kind', 'in', ['patrol', 'deduct'])
                .where('e.at', '>=', since),
            ),
          ),
        )
        .orderBy('rm.code'),
    )
    .map((r) => r.room_code);
// ——— what the case set in motion in other areas (0016) ———

export const insertLink = (sql: Sql, caseId: number, kind: DecorationLinkKind, refId: number, at: string) =>
  sql.run(qb.insertInto('decoration_links').values({ case_id: caseId, kind, ref_id: refId, at }));

/** The case's passes (pass number, company, still valid), key loans (tag, borrower, still out) and refund receipt. */
export function linksOf(sql: Sql, caseId: number) {
  const passes = sql.all(
    qb
      .selectFrom('decoration_links as l')
      .innerJoin('pass_issues as p', 'p.id', 'l.ref_id')
      .select(['l.ref_id as ref_id', 'p.pass_no as label', 'p.company as company', 'p.status as status', 'p.valid_until as valid_until'])
      .where('l.case_id', '=', caseId)
      .where('l.kind', '=', 'worker_pass')
      .orderBy('l.id'),
  );
  const loans = sql.all(
    qb
      .selectFrom('decoration_links as l')
      .innerJoin('key_loans as kl', 'kl.id', 'l.ref_id')
      .innerJoin('keys as k', 'k.id', 'kl.key_id')
      .select(['l.ref_id as ref_id', 'k.tag as label', 'kl.borrower_name as borrower', 'kl.due_at as due_at', 'kl.returned_at as returned_at'])
      .where('l.case_id', '=', caseId)
      .where('l.kind', '=', 'key_loan')
      .orderBy('l.id'),
  );
  const refunds = sql.all(
    qb
      .selectFrom('decoration_links as l')
      .innerJoin('receipts as r', 'r.id', 'l.ref_id')
      .select(['l.ref_id as ref_id', 'r.receipt_no as label', 'r.total_fen as total_fen'])
      .where('l.case_id', '=', caseId)
      .where('l.kind', '=', 'refund')
      .orderBy('l.id'),
  );
  return { passes, loans, refunds };
}

export const keyRoom = (sql: Sql, keyId: number) => sql.get(qb.selectFrom('keys').select(['id', 'room_id']).where('id', '=', keyId));
export const receiptNoOf = (sql: Sql, id: number) => sql.get(qb.selectFrom('receipts').select('receipt_no').where('id', '=', id))?.receipt_no;
