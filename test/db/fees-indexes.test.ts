import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { qb } from '../../src-main/db/sql';

/** The hot queries of posting and showing a receipt must not scan 5 years of receipts. */
describe('fee query plans', () => {
  const db = openDatabase(':memory:');
  migrate(db);
  const plan = (q: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const c = q.compile();
    return (db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
  };

  it.each([
    ['reversals of a receipt', () => qb.selectFrom('receipts').select('id').where('original_id', '=', 7), 'receipts_original'],
    ['receipt by request id', () => qb.selectFrom('receipts').select('id').where('request_id', '=', 'x'), 'sqlite_autoindex_receipts'],
    ['receipts of a session', () => qb.selectFrom('receipts').select('id').where('session_id', '=', 3), 'receipts_session'],
    ['lines of a receipt', () => qb.selectFrom('receipt_lines').select('id').where('receipt_id', '=', 3), 'sqlite_autoindex_receipt_lines'],
    ['reversal of a line', () => qb.selectFrom('receipt_lines').select('id').where('original_line_id', '=', 3), 'receipt_lines_one_reversal'],
    ['payments of a receipt', () => qb.selectFrom('payments').select('id').where('receipt_id', '=', 3), 'payments_receipt'],
    ['print jobs of a receipt', () => qb.selectFrom('print_jobs').select('id').where('receipt_id', '=', 3), 'print_jobs_receipt'],
    ['due print jobs', () => qb.selectFrom('print_jobs').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', 'x').orderBy('id'), 'print_jobs_status'],
    ['open print jobs', () => qb.selectFrom('print_jobs').select('id').where('status', 'in', ['pending', 'failed']), 'print_jobs_status'],
    ['receipts of a day', () => qb.selectFrom('receipts').select('id').where('issued_at', '>=', '2026-11-22').where('issued_at', '<', '2026-11-23'), 'receipts_issued'],
  ])('%s', (_n, q, index) => {
    expect(plan(q())).toContain(index);
  });
});
