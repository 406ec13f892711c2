import type { Insertable, Updateable } from 'kysely';
import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { ServiceEventsTable, ServiceRequestsTable } from '../../db/schema';

/** Service request queries only; the service owns transactions and rules. */

const requests = () =>
  qb.selectFrom('service_requests as r').innerJoin('operators as o', 'o.id', 'r.created_by').selectAll('r').select('o.display_name as created_by_name');

export type RequestRow = NonNullable<ReturnType<typeof requestById>>;

export const requestById = (sql: Sql, id: number) => sql.get(requests().where('r.id', '=', id));

export const requestByRequestId = (sql: Sql, requestId: string) => sql.get(qb.selectFrom('service_requests').select('id').where('request_id', '=', requestId));

export const insertRequest = (sql: Sql, r: Insertable<ServiceRequestsTable>) => sql.run(qb.insertInto('service_requests').values(r)).lastInsertRowid;

export const updateRequest = (sql: Sql, id: number, patch: Updateable<ServiceRequestsTable>) =>
  sql.run(qb.updateTable('service_requests').set(patch).where('id', '=', id));

export const insertEvent = (sql: Sql, e: Insertable<ServiceEventsTable>) => sql.run(qb.insertInto('service_events').values(e));

export const eventsOf = (sql: Sql, requestId: number) =>
  sql.all(
    qb
      .selectFrom('service_events as e')
      .innerJoin('operators as o', 'o.id', 'e.operator_id')
      .select(['e.at', 'o.display_name as name', 'e.action', 'e.note'])
      .where('e.request_id', '=', requestId)
      .orderBy('e.id'),
  );

export type RequestList = 'open' | 'callback' | 'all';

/**
 * A list of requests (index service_requests_status for the open and callback queues). The open queue puts urgent
 * requests first, then the oldest; a search and the full list show the newest first.
 */
export function listRequests(sql: Sql, view: RequestList, term: string | undefined, limit: number) {
  let q = requests();
  if (view === 'open') q = q.where('r.status', 'in', ['logged', 'dispatched', 'in_progress']);
  if (view === 'callback') q = q.where('r.status', '=', 'done').where('r.dispatched_at', 'is not', null);
  if (term) {
    q = q.where((eb) => eb.or([eb('r.room_code', 'like', `${term}%`), eb('r.category', 'like', `${term}%`), eb('r.description', 'like', `%${term}%`)]));
    return sql.all(q.orderBy('r.created_at', 'desc').limit(limit));
  }
  q = view === 'all' ? q.orderBy('r.created_at', 'desc') : q.orderBy(raw`r.urgency = 'urgent'`, 'desc').orderBy('r.created_at');
  return sql.all(q.limit(limit));
}

/** Requests logged in [from, to) (index service_requests_created). */
export const createdBetween = (sql: Sql, from: string, to: string) => sql.all(requests().where('r.created_at', '>=', from).where('r.created_at', '<', to));
