import type { Updateable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { PrintJobStatus, PrintJobsTable } from '../../db/schema';

export const insertJob = (
  sql: Sql,
  j: {
    kind: PrintJobsTable['kind'];
    receipt_id: number | null;
    session_id: number | null;
    parcel_id?: number | null;
    pass_id?: number | null;
    copy_no: number;
    kick_drawer: number;
    payload: string;
    at: string;
  },
) =>
  sql.run(
    qb.insertInto('print_jobs').values({
      kind: j.kind,
      receipt_id: j.receipt_id,
      session_id: j.session_id,
      ...(j.parcel_id ? { parcel_id: j.parcel_id } : {}),
      ...(j.pass_id ? { pass_id: j.pass_id } : {}),
      copy_no: j.copy_no,
      kick_drawer: j.kick_drawer,
      payload: j.payload,
      status: 'pending',
      attempts: 0,
      next_attempt_at: j.at,
      created_at: j.at,
      updated_at: j.at,
    }),
  ).lastInsertRowid;

export const nextDue = (sql: Sql, now: string) =>
  sql.get(qb.selectFrom('print_jobs').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('id').limit(1));

export const nextPendingAt = (sql: Sql) =>
  sql.get(
    qb
      .selectFrom('print_jobs')
      .select((eb) => eb.fn.min<string>('next_attempt_at').as('at'))
      .where('status', '=', 'pending'),
  )?.at ?? null;

export const jobById = (sql: Sql, id: number) => sql.get(qb.selectFrom('print_jobs').selectAll().where('id', '=', id));

export const setJob = (
  sql: Sql,
  id: number,
  patch: Pick<Updateable<PrintJobsTable>, 'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'printed_at'> & { updated_at: string },
) => sql.run(qb.updateTable('print_jobs').set(patch).where('id', '=', id));

export const jobsOfParcel = (sql: Sql, parcelId: number) => sql.all(qb.selectFrom('print_jobs').selectAll().where('parcel_id', '=', parcelId).orderBy('id'));

/** The jobs of a pass (print_jobs_pass). */
export const jobsOfPass = (sql: Sql, passId: number) =>
  sql.all(qb.selectFrom('print_jobs').select(['copy_no', 'status', 'last_error']).where('pass_id', '=', passId).orderBy('id'));

export const jobsOfReceipt = (sql: Sql, receiptId: number) =>
  sql.all(qb.selectFrom('print_jobs').selectAll().where('receipt_id', '=', receiptId).orderBy('id'));

export const openJobs = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('print_jobs as j')
      .leftJoin('receipts as r', 'r.id', 'j.receipt_id')
      .select(['j.id', 'j.kind', 'j.receipt_id', 'r.receipt_no', 'j.status', 'j.attempts', 'j.last_error', 'j.created_at'])
      .where('j.status', 'in', ['pending', 'printing', 'failed', 'interrupted'] satisfies PrintJobStatus[])
      .orderBy('j.id'),
  );

/** At start: a job that was being sent when the app stopped may or may not have printed. */
export const interruptPrinting = (sql: Sql, at: string) =>
  sql.run(
    qb
      .updateTable('print_jobs')
      .set({ status: 'interrupted', last_error: '程序中断时正在打印：请查看纸上是否已打出，没有打出时再打印一份（会标明“补打”）', updated_at: at })
      .where('status', '=', 'printing'),
  ).changes;
