import type { Insertable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { ReceivableNoticesTable } from '../../db/schema';

/** Payment notices: the next number and batch, writing a notice, reading notices as issued. */

export const nextNumbers = (sql: Sql) => {
  const r = sql.get(
    qb
      .selectFrom('receivable_notices')
      .select((eb) => [eb.fn.coalesce(eb.fn.max<number>('seq'), eb.lit(0)).as('seq'), eb.fn.coalesce(eb.fn.max<number>('batch'), eb.lit(0)).as('batch')]),
  );
  return { seq: (r?.seq ?? 0) + 1, batch: (r?.batch ?? 0) + 1 };
};

export const insertNotice = (sql: Sql, n: Insertable<ReceivableNoticesTable>) => sql.run(qb.insertInto('receivable_notices').values(n)).lastInsertRowid;

const noticeSelect = () =>
  qb.selectFrom('receivable_notices as n').innerJoin('operators as o', 'o.id', 'n.operator_id').selectAll('n').select('o.display_name as operator_name');

export const noticesByIds = (sql: Sql, ids: number[]) => (ids.length ? sql.all(noticeSelect().where('n.id', 'in', ids).orderBy('n.seq')) : []);

export const noticesOfRoom = (sql: Sql, roomId: number, limit: number) =>
  sql.all(noticeSelect().where('n.room_id', '=', roomId).orderBy('n.seq', 'desc').limit(limit));

export type NoticeRow = ReturnType<typeof noticesByIds>[number];
