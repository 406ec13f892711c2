import { qb, type Sql } from '../../db/sql';
import type { Role } from '../../db/schema';

const cols = ['id', 'username', 'display_name', 'role', 'password_hash', 'active', 'failed_attempts', 'locked_until', 'last_login_at'] as const;

export const findByUsername = (sql: Sql, username: string) => sql.get(qb.selectFrom('operators').select(cols).where('username', '=', username));

export const findById = (sql: Sql, id: number) => sql.get(qb.selectFrom('operators').select(cols).where('id', '=', id));

export const isActive = (sql: Sql, id: number) => sql.get(qb.selectFrom('operators').select('id').where('id', '=', id).where('active', '=', 1)) !== undefined;

export const listAll = (sql: Sql) => sql.all(qb.selectFrom('operators').select(cols).orderBy('role', 'desc').orderBy('username'));

export const countOperators = (sql: Sql) => Number(sql.get(qb.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);

/** When the first operator was created: the day the counter was set up. */
export const firstCreatedAt = (sql: Sql) => sql.get(qb.selectFrom('operators').select((eb) => eb.fn.min('created_at').as('at')))?.at ?? null;

export const countActiveAdmins = (sql: Sql) =>
  Number(
    sql.get(
      qb
        .selectFrom('operators')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1),
    )?.n ?? 0,
  );

export function insertOperator(sql: Sql, o: { username: string; displayName: string; role: Role; passwordHash: string; at: string }): number {
  return sql.run(
    qb.insertInto('operators').values({
      username: o.username,
      display_name: o.displayName,
      role: o.role,
      password_hash: o.passwordHash,
      created_at: o.at,
      updated_at: o.at,
    }),
  ).lastInsertRowid;
}

export function updateOperator(
  sql: Sql,
  id: number,
  patch: Partial<{
    display_name: string;
    role: Role;
    active: number;
    password_hash: string;
    failed_attempts: number;
    locked_until: string | null;
    last_login_at: string;
  }>,
  at: string,
): void {
  sql.run(
    qb
      .updateTable('operators')
      .set({ ...patch, updated_at: at })
      .where('id', '=', id),
  );
}

export const insertApproval = (
  sql: Sql,
  a: { id: string; action: string; subject: string; reason: string; approverId: number; requestedBy: number | null; at: string; expiresAt: string },
) =>
  sql.run(
    qb.insertInto('approvals').values({
      id: a.id,
      action: a.action,
      subject: a.subject,
      reason: a.reason,
      approver_id: a.approverId,
      requested_by: a.requestedBy,
      created_at: a.at,
      expires_at: a.expiresAt,
    }),
  );

export const findApproval = (sql: Sql, id: string) => sql.get(qb.selectFrom('approvals').selectAll().where('id', '=', id));

/** Marks an approval used by `by` (its requester; the schema refuses anyone else). Returns 1, or 0 when already used. */
export const consumeApprovalRow = (sql: Sql, id: string, by: number | null, at: string) =>
  sql.run(qb.updateTable('approvals').set({ consumed_at: at, consumed_by: by }).where('id', '=', id).where('consumed_at', 'is', null)).changes;
