import { appendAudit } from '../../../db/audit';
import { qb, type Sql } from '../../../db/sql';
import type { Clock } from '../../../lib/clock';

/**
 * The record of confirmed roster imports (table roster_imports): how far each one got. A commit is written in
 * chunks, each its own transaction, and each chunk moves `done_rows` in that same transaction, so after a crash
 * the row says exactly how many rows of the file reached the roster. Names and phones are never stored here.
 */

export type BatchState = 'running' | 'done' | 'failed' | 'interrupted';

export interface BatchRow {
  id: number;
  job_id: string;
  file_name: string;
  operator_id: number;
  state: BatchState;
  total_rows: number;
  done_rows: number;
  started_at: string;
  finished_at: string | null;
}

export const insertBatch = (sql: Sql, b: { jobId: string; fileName: string; operatorId: number; totalRows: number; at: string }): number =>
  sql.run(
    qb.insertInto('roster_imports').values({
      job_id: b.jobId,
      file_name: b.fileName,
      operator_id: b.operatorId,
      state: 'running',
      total_rows: b.totalRows,
      done_rows: 0,
      started_at: b.at,
    }),
  ).lastInsertRowid;

export const setDone = (sql: Sql, id: number, doneRows: number) =>
  sql.run(qb.updateTable('roster_imports').set({ done_rows: doneRows }).where('id', '=', id).where('state', '=', 'running'));

export const finishBatch = (sql: Sql, id: number, state: Exclude<BatchState, 'running'>, at: string) =>
  sql.run(qb.updateTable('roster_imports').set({ state, finished_at: at }).where('id', '=', id).where('state', '=', 'running'));

export const runningBatches = (sql: Sql): BatchRow[] =>
  sql.all(qb.selectFrom('roster_imports').selectAll().where('state', '=', 'running').orderBy('id')) as BatchRow[];

/**
 * The most recent import that reached the roster at all (finished, or stopped after writing some rows), with the
 * name of the operator who confirmed it. An import that failed before writing anything does not count.
 */
export const lastWritten = (sql: Sql) =>
  sql.get(
    qb
      .selectFrom('roster_imports as b')
      .leftJoin('operators as o', 'o.id', 'b.operator_id')
      .select(['b.id', 'b.file_name', 'b.state', 'b.total_rows', 'b.done_rows', 'b.started_at', 'b.finished_at', 'o.display_name'])
      .where((w) => w.or([w('b.state', '=', 'done'), w('b.done_rows', '>', 0)]))
      .orderBy('b.id', 'desc')
      .limit(1),
  );

/**
 * Batches left 'running' by a process that is gone (killed, power cut) are closed as interrupted, each with an
 * audit entry that says how many of the file's rows had been written. Runs before an import starts or commits.
 */
export function closeInterrupted(sql: Sql, clock: Clock, liveBatch: number | null): void {
  for (const b of runningBatches(sql)) {
    if (b.id === liveBatch) continue;
    sql.tx(() => {
      if (finishBatch(sql, b.id, 'interrupted', clock.now().toISOString()).changes === 0) return;
      appendAudit(sql, clock, {
        operatorId: b.operator_id,
        action: 'roster.import.incomplete',
        entity: 'roster',
        entityId: b.job_id,
        detail: { fileName: b.file_name, rows: b.total_rows, written: b.done_rows, startedAt: b.started_at, reason: 'interrupted' },
      });
    });
  }
}
