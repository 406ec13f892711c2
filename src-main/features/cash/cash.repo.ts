import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { Insertable, Updateable } from 'kysely';
import type { CashMovementsTable, CashSessionsTable } from '../../db/schema';

/**
 * The terminal's open session, through the partial unique index cash_sessions_one_open: the status is written as a
 * literal, since SQLite uses a partial index only when the query visibly implies its WHERE (a bound `?` does not).
 */
export const openSession = (sql: Sql, terminalId: string) =>
  sql.get(
    qb
      .selectFrom('cash_sessions as s')
      .innerJoin('operators as o', 'o.id', 's.operator_id')
      .selectAll('s')
      .select('o.display_name as operator_name')
      .where('s.terminal_id', '=', terminalId)
      .where(raw<boolean>`s.status = 'open'`),
  );

export const sessionById = (sql: Sql, id: number) =>
  sql.get(
    qb
      .selectFrom('cash_sessions as s')
      .innerJoin('operators as o', 'o.id', 's.operator_id')
      .selectAll('s')
      .select('o.display_name as operator_name')
      .where('s.id', '=', id),
  );

export const listSessions = (sql: Sql, limit: number) =>
  sql.all(
    qb
      .selectFrom('cash_sessions as s')
      .innerJoin('operators as o', 'o.id', 's.operator_id')
      .selectAll('s')
      .select('o.display_name as operator_name')
      .orderBy('s.id', 'desc')
      .limit(limit),
  );

export const insertSession = (sql: Sql, s: Pick<Insertable<CashSessionsTable>, 'terminal_id' | 'operator_id' | 'opened_at' | 'float_fen' | 'float_detail'>) =>
  sql.run(qb.insertInto('cash_sessions').values({ ...s, status: 'open' })).lastInsertRowid;

export const updateSession = (sql: Sql, id: number, patch: Updateable<CashSessionsTable>) =>
  sql.run(qb.updateTable('cash_sessions').set(patch).where('id', '=', id));

export const movements = (sql: Sql, sessionId: number) =>
  sql.all(qb.selectFrom('cash_movements').selectAll().where('session_id', '=', sessionId).orderBy('id'));

export const insertMovement = (sql: Sql, m: Insertable<CashMovementsTable>) => sql.run(qb.insertInto('cash_movements').values(m));

export const receiptCount = (sql: Sql, sessionId: number) =>
  Number(
    sql.get(
      qb
        .selectFrom('receipts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', sessionId),
    )?.n ?? 0,
  );

/**
 * Sessions of a terminal closed after `since` (the blind count's result), oldest first, with the name of the
 * supervisor whose approval closed a variance over the limit. A few sessions a day: no index needed.
 */
export const closedSince = (sql: Sql, terminalId: string, since: string) =>
  sql.all(
    qb
      .selectFrom('cash_sessions as s')
      .innerJoin('operators as o', 'o.id', 's.operator_id')
      .leftJoin('approvals as a', 'a.id', 's.variance_approval_id')
      .leftJoin('operators as ap', 'ap.id', 'a.approver_id')
      .select([
        's.id as id',
        'o.display_name as operator_name',
        's.opened_at as opened_at',
        's.closed_at as closed_at',
        's.expected_fen as expected_fen',
        's.counted_fen as counted_fen',
        's.variance_fen as variance_fen',
        'ap.display_name as approver_name',
        's.handed_over_to as handed_over_to',
      ])
      .where('s.terminal_id', '=', terminalId)
      .where('s.status', 'in', ['closed', 'handed_over'])
      .where('s.closed_at', '>', since)
      .orderBy('s.closed_at')
      .orderBy('s.id'),
  );
