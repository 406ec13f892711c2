import type { Insertable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { KeyCondition, KeyCountsTable, KeyKind, KeyLoansTable, KeysTable, KeyStatus } from '../../db/schema';

/** Key register and loan queries only; the service owns transactions and rules. */

const keyCols = [
  'k.id as id',
  'k.tag as tag',
  'k.kind as kind',
  'k.label as label',
  'k.room_id as room_id',
  'rm.code as room_code',
  'k.hook as hook',
  'k.status as status',
  'k.note as note',
] as const;

const keys = () => qb.selectFrom('keys as k').leftJoin('rooms as rm', 'rm.id', 'k.room_id').select(keyCols);
export type KeyRow = NonNullable<ReturnType<typeof keyById>>;

export const keyById = (sql: Sql, id: number) => sql.get(keys().where('k.id', '=', id));
export const keyByTag = (sql: Sql, tag: string) => sql.get(keys().where('k.tag', '=', tag));

export function listKeys(sql: Sql, f: { q?: string; status?: KeyStatus; kind?: KeyKind }) {
  let q = keys();
  if (f.status) q = q.where('k.status', '=', f.status);
  else q = q.where('k.status', '!=', 'retired');
  if (f.kind) q = q.where('k.kind', '=', f.kind);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('k.tag', 'like', like), eb('k.label', 'like', like), eb('rm.code', 'like', like), eb('k.hook', 'like', like)]));
  }
  return sql.all(q.orderBy('k.tag').limit(1000));
}

/** A key as the service writes it; the repo sets the status of a new key and stamps the times. */
export type KeyWrite = Omit<Insertable<KeysTable>, 'id' | 'status' | 'created_at' | 'updated_at'>;

export const insertKey = (sql: Sql, w: KeyWrite, at: string) =>
  sql.run(qb.insertInto('keys').values({ ...w, status: 'on_board', created_at: at, updated_at: at })).lastInsertRowid;
export const updateKey = (sql: Sql, id: number, w: KeyWrite, at: string) =>
  sql.run(
    qb
      .updateTable('keys')
      .set({ ...w, updated_at: at })
      .where('id', '=', id),
  );
export const setKeyStatus = (sql: Sql, id: number, status: KeyStatus, at: string) =>
  sql.run(qb.updateTable('keys').set({ status, updated_at: at }).where('id', '=', id));

const loanCols = [
  'l.id as id',
  'l.key_id as key_id',
  'k.tag as key_tag',
  'k.kind as key_kind',
  'k.label as key_label',
  'rm.code as room_code',
  'l.borrower_type as borrower_type',
  'l.borrower_name as borrower_name',
  'l.borrower_phone as borrower_phone',
  'l.company as company',
  'l.purpose as purpose',
  'l.purpose_note as purpose_note',
  'l.id_checked as id_checked',
  'l.lent_at as lent_at',
  'l.due_at as due_at',
  'lo.display_name as lent_by_name',
  'ap.display_name as approver_name',
  'l.returned_at as returned_at',
  'l.return_condition as return_condition',
  'l.return_note as return_note',
] as const;

const loans = () =>
  qb
    .selectFrom('key_loans as l')
    .innerJoin('keys as k', 'k.id', 'l.key_id')
    .leftJoin('rooms as rm', 'rm.id', 'k.room_id')
    .innerJoin('operators as lo', 'lo.id', 'l.lent_by')
    .leftJoin('operators as ap', 'ap.id', 'l.approver_id')
    .select(loanCols);
export type LoanRow = NonNullable<ReturnType<typeof loanById>>;

export const loanById = (sql: Sql, id: number) => sql.get(loans().where('l.id', '=', id));
export const openLoanOfKey = (sql: Sql, keyId: number) => sql.get(loans().where('l.key_id', '=', keyId).where('l.returned_at', 'is', null));
export const openLoans = (sql: Sql) => sql.all(loans().where('l.returned_at', 'is', null).orderBy('l.due_at'));
/** Open loans due before `now` (served by the partial index key_loans_open_due). */
export const overdueLoans = (sql: Sql, now: string) => sql.all(loans().where('l.returned_at', 'is', null).where('l.due_at', '<', now).orderBy('l.due_at'));
export function listLoans(sql: Sql, f: { keyId?: number; open?: boolean; limit: number }) {
  let q = loans();
  if (f.keyId) q = q.where('l.key_id', '=', f.keyId);
  if (f.open === true) q = q.where('l.returned_at', 'is', null);
  if (f.open === false) q = q.where('l.returned_at', 'is not', null);
  return sql.all(q.orderBy('l.lent_at', 'desc').orderBy('l.id', 'desc').limit(f.limit));
}

/** A new loan: the return columns stay empty until the key comes back (closeLoan). */
export type LoanWrite = Omit<Insertable<KeyLoansTable>, 'id' | 'returned_at' | 'returned_by' | 'return_condition' | 'return_note'>;

export const insertLoan = (sql: Sql, w: LoanWrite) => sql.run(qb.insertInto('key_loans').values(w)).lastInsertRowid;
export const closeLoan = (sql: Sql, id: number, w: { returned_at: string; returned_by: number; return_condition: KeyCondition; return_note: string | null }) =>
  sql.run(qb.updateTable('key_loans').set(w).where('id', '=', id).where('returned_at', 'is', null)).changes;

export function keyCounts(sql: Sql): Record<KeyStatus, number> {
  const rows = sql.all(
    qb
      .selectFrom('keys')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status'),
  );
  const out: Record<KeyStatus, number> = { on_board: 0, out: 0, lost: 0, retired: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export const insertCount = (sql: Sql, w: Insertable<KeyCountsTable>) => sql.run(qb.insertInto('key_counts').values(w)).lastInsertRowid;
export const lastCount = (sql: Sql) =>
  sql.get(
    qb
      .selectFrom('key_counts as c')
      .innerJoin('operators as o', 'o.id', 'c.operator_id')
      .select([
        'c.at as at',
        'o.display_name as operator_name',
        'c.expected_on_board as expected_on_board',
        'c.counted as counted',
        'c.explanation as explanation',
      ])
      .orderBy('c.id', 'desc')
      .limit(1),
  );
