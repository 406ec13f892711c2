import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { DocType, PersonalKind } from '../../db/schema';

/**
 * visitor_personal queries only: the personal data of visitors, workers, applicants and refused visitors, the one
 * place the retention job erases. Partial indexes (`WHERE erased_at IS NULL`) need the condition written out.
 */

const NOT_ERASED = raw<boolean>`erased_at IS NULL`;
const P_NOT_ERASED = raw<boolean>`p.erased_at IS NULL`;

export interface PersonalWrite {
  kind: PersonalKind;
  name: string;
  phone: string | null;
  phone_last4: string | null;
  doc_type: DocType;
  doc_last4: string | null;
  doc_sealed: string | null;
  plate: string | null;
  retain_from: string;
  created_at: string;
}

export const insertPersonal = (sql: Sql, w: PersonalWrite) => sql.run(qb.insertInto('visitor_personal').values(w)).lastInsertRowid;

export const personalById = (sql: Sql, id: number) => sql.get(qb.selectFrom('visitor_personal').selectAll().where('id', '=', id));

/**
 * The newest visit of a visitor with this name and phone last four, and how many are on file (served by
 * visitor_personal_returning: name, phone_last4, kind, then the rowid, newest first).
 */
export function lastVisitOf(sql: Sql, name: string, phoneLast4: string) {
  const last = sql.get(
    qb
      .selectFrom('visitor_personal as p')
      .innerJoin('visits as v', 'v.personal_id', 'p.id')
      .select(['v.id as visit_id', 'p.id as personal_id'])
      .where('p.name', '=', name)
      .where('p.phone_last4', '=', phoneLast4)
      .where('p.kind', '=', 'visit')
      .where(P_NOT_ERASED)
      .orderBy('p.id', 'desc')
      .limit(1),
  );
  if (!last) return undefined;
  const n = sql.get(
    qb
      .selectFrom('visitor_personal')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', name)
      .where('phone_last4', '=', phoneLast4)
      .where('kind', '=', 'visit')
      .where(NOT_ERASED),
  );
  return { ...last, visits: n?.n ?? 0 };
}

/** Personal rows whose retention period ended before `before`, oldest first (visitor_personal_due). */
export const dueForErasure = (sql: Sql, before: string, limit: number) =>
  sql
    .all(qb.selectFrom('visitor_personal').select('id').where(NOT_ERASED).where('retain_from', '<', before).orderBy('retain_from').limit(limit))
    .map((r) => r.id);

/**
 * Blanks the personal columns of these rows (the rows stay: counts and pass numbers refer to them). The old bytes
 * are overwritten in the file (secure_delete for this statement), not left in free space of the page or index.
 */
export function erase(sql: Sql, ids: readonly number[], at: string): number {
  if (ids.length === 0) return 0;
  const before = sql.db.pragma('secure_delete', { simple: true }) as number;
  sql.db.pragma('secure_delete = ON');
  try {
    return sql.run(
      qb
        .updateTable('visitor_personal')
        .set({ name: null, phone: null, phone_last4: null, doc_last4: null, doc_sealed: null, plate: null, erased_at: at })
        .where('id', 'in', ids as number[])
        .where(NOT_ERASED),
    ).changes;
  } finally {
    sql.db.pragma(`secure_delete = ${['OFF', 'ON', 'FAST'][before] ?? 'OFF'}`);
  }
}

/** Copies the write-ahead log into the file and empties it, so the erased values' old pages do not linger there. */
export const checkpoint = (sql: Sql): void => void sql.db.pragma('wal_checkpoint(TRUNCATE)');
