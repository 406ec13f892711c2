import type { Insertable, Selectable, Updateable } from 'kysely';
import { qb, type Sql } from '../db/sql';
import type { OutboxKind, UpstreamOutboxTable } from '../db/schema';

/** Upstream outbox queries only; the service owns transactions and the sending rules. */

export type OutboxRow = Selectable<UpstreamOutboxTable>;

/** True once any day was built. */
export const hasDays = (sql: Sql) => Number(sql.get(qb.selectFrom('upstream_outbox').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0) > 0;

/** The business days of a kind already in the outbox from `from` on. */
export const daysSince = (sql: Sql, kind: OutboxKind, from: string) =>
  sql.all(qb.selectFrom('upstream_outbox').select('business_date').where('kind', '=', kind).where('business_date', '>=', from)).map((r) => r.business_date);

export const insertDay = (sql: Sql, row: Insertable<UpstreamOutboxTable>) => sql.run(qb.insertInto('upstream_outbox').values(row)).lastInsertRowid;

/** The oldest day waiting whose next attempt is due (index upstream_outbox_due). */
export const nextDue = (sql: Sql, now: string) =>
  sql.get(qb.selectFrom('upstream_outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('business_date').limit(1));

export const updateDay = (sql: Sql, id: number, patch: Updateable<UpstreamOutboxTable>) =>
  sql.run(qb.updateTable('upstream_outbox').set(patch).where('id', '=', id));

/** Every waiting or stopped day back in line at once (立即上报). */
export const requeueAll = (sql: Sql, at: string) =>
  sql.run(qb.updateTable('upstream_outbox').set({ status: 'pending', next_attempt_at: at, updated_at: at }).where('status', 'in', ['pending', 'stopped']));

export const countsByStatus = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('upstream_outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status'),
  );

export const history = (sql: Sql, limit: number) => sql.all(qb.selectFrom('upstream_outbox').selectAll().orderBy('business_date', 'desc').limit(limit));

export const lastDeliveredAt = (sql: Sql) =>
  sql.get(
    qb
      .selectFrom('upstream_outbox')
      .select((eb) => eb.fn.max('delivered_at').as('at'))
      .where('status', '=', 'delivered'),
  )?.at ?? null;

/** The HTTP status of the newest stopped day (for the alert); undefined when none is stopped. */
export const lastStopped = (sql: Sql) =>
  sql.get(qb.selectFrom('upstream_outbox').select('last_http_status').where('status', '=', 'stopped').orderBy('business_date', 'desc').limit(1));

/** The clock skew learnt most recently, if any. */
export const lastSkew = (sql: Sql) =>
  sql.get(qb.selectFrom('upstream_outbox').select('clock_skew_ms').where('clock_skew_ms', 'is not', null).orderBy('updated_at', 'desc').limit(1))
    ?.clock_skew_ms ?? null;
