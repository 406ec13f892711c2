import type { Insertable } from 'kysely';
import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { HandoverItemsTable, HandoversTable } from '../../db/schema';

/** Handover queries only; the service owns transactions and rules. */

const handovers = () =>
  qb
    .selectFrom('handovers as h')
    .innerJoin('operators as f', 'f.id', 'h.from_operator_id')
    .leftJoin('operators as a', 'a.id', 'h.acknowledged_by')
    .selectAll('h')
    .select(['f.display_name as from_name', 'a.display_name as ack_name']);

const items = () =>
  qb
    .selectFrom('handover_items as i')
    .leftJoin('operators as o', 'o.id', 'i.owner_operator_id')
    .leftJoin('operators as r', 'r.id', 'i.responded_by')
    .selectAll('i')
    .select(['o.display_name as owner_name', 'r.display_name as responder_name']);

export type HandoverRow = NonNullable<ReturnType<typeof handoverById>>;
export type ItemRow = ReturnType<typeof itemsOf>[number];

/** When the last handover was made (any operator), for the start of this shift (covering index handovers_created). */
export const lastHandoverAt = (sql: Sql) => sql.get(qb.selectFrom('handovers').select((eb) => eb.fn.max('created_at').as('at')))?.at ?? null;

export const handoverByRequest = (sql: Sql, requestId: string) => sql.get(qb.selectFrom('handovers').select('id').where('request_id', '=', requestId));

export const handoverById = (sql: Sql, id: number) => sql.get(handovers().where('h.id', '=', id));

/** The newest handover nobody has acknowledged yet (partial index handovers_open). */
export const latestPending = (sql: Sql) => sql.get(handovers().where('h.acknowledged_at', 'is', null).orderBy('h.created_at', 'desc').limit(1));

/** Past handovers, newest first; `term` matches the notes, an item's text or (from the start) an item's room. */
export function listHandovers(sql: Sql, f: { term: string | undefined; unacknowledged: boolean; limit: number }) {
  let q = handovers();
  if (f.unacknowledged) q = q.where('h.acknowledged_at', 'is', null);
  const term = f.term;
  if (term)
    q = q.where((eb) =>
      eb.or([
        eb('h.notes', 'like', `%${term}%`),
        eb(
          'h.id',
          'in',
          eb
            .selectFrom('handover_items')
            .select('handover_id')
            .where((e) => e.or([e('text', 'like', `%${term}%`), e('room_code', 'like', `${term}%`)])),
        ),
      ]),
    );
  return sql.all(q.orderBy('h.created_at', 'desc').limit(f.limit));
}

export const insertHandover = (sql: Sql, h: Insertable<HandoversTable>) => sql.run(qb.insertInto('handovers').values(h)).lastInsertRowid;

export const acknowledgeHandover = (sql: Sql, id: number, at: string, by: number) =>
  sql.run(qb.updateTable('handovers').set({ acknowledged_at: at, acknowledged_by: by }).where('id', '=', id));

export const insertItem = (sql: Sql, i: Insertable<HandoverItemsTable>) => sql.run(qb.insertInto('handover_items').values(i)).lastInsertRowid;

export const itemsOf = (sql: Sql, handoverId: number) => sql.all(items().where('i.handover_id', '=', handoverId).orderBy('i.id'));

export const itemState = (sql: Sql, itemId: number) =>
  sql.get(qb.selectFrom('handover_items').select(['handover_id', 'kind', 'status', 'owner_operator_id']).where('id', '=', itemId));

export const openItemCount = (sql: Sql, handoverId: number) =>
  Number(
    sql.get(
      qb
        .selectFrom('handover_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('handover_id', '=', handoverId)
        .where('status', '=', 'open'),
    )?.n ?? 0,
  );

/** Records an answer to an item; an accepted item becomes the responder's. */
export const respondToItem = (sql: Sql, itemId: number, r: { status: 'accepted' | 'queried'; response: string | null; at: string; by: number }) =>
  sql.run(
    qb
      .updateTable('handover_items')
      .set({ status: r.status, response: r.response, responded_at: r.at, responded_by: r.by, ...(r.status === 'accepted' ? { owner_operator_id: r.by } : {}) })
      .where('id', '=', itemId),
  );

/** At the acknowledgement, the queried items nobody owns go to the operator who took over. */
export const assignQueried = (sql: Sql, handoverId: number, ownerId: number) =>
  sql.run(
    qb
      .updateTable('handover_items')
      .set({ owner_operator_id: ownerId })
      .where('handover_id', '=', handoverId)
      .where('status', '=', 'queried')
      .where('owner_operator_id', 'is', null),
  );

export const markItemDone = (sql: Sql, itemId: number, at: string) =>
  sql.run(qb.updateTable('handover_items').set({ status: 'done', done_at: at }).where('id', '=', itemId));

/** The carry-over items an operator still has to clear up, those with a due time first (index handover_items_owner). */
export const ownedItems = (sql: Sql, ownerId: number) =>
  sql.all(
    items()
      .where('i.owner_operator_id', '=', ownerId)
      .where('i.status', 'in', ['accepted', 'queried'])
      .where('i.kind', '=', 'carry')
      .orderBy(raw`i.due_at IS NULL`)
      .orderBy('i.due_at'),
  );
