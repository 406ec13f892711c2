import { describe, expect, it } from 'vitest';
import * as fees from '../../src-main/features/fees/fees.repo';
import * as print from '../../src-main/features/printing/print.repo';
import { planStore } from '../support/plans';

/**
 * The hot queries of posting and showing a receipt must not scan 5 years of receipts. The plans are those of the
 * repositories' own statements, captured as they prepare them (a change to a repo query is checked here).
 */
describe('fee query plans', () => {
  const { sql, planOf, plansOf } = planStore();

  it.each([
    ['receipt by request id', () => fees.receiptByRequest(sql, 'x'), 'sqlite_autoindex_receipts'],
    ['reversals of a receipt', () => fees.reversalsOf(sql, 7), 'receipts_original'],
    ['payments of a receipt', () => fees.paymentsOf(sql, 3), 'payments_receipt'],
    ['print jobs of a receipt', () => print.jobsOfReceipt(sql, 3), 'print_jobs_receipt'],
    ['due print jobs', () => print.nextDue(sql, 'x'), 'print_jobs_status'],
    ['open print jobs', () => print.openJobs(sql), 'print_jobs_status'],
    ['receipts of a day', () => fees.listReceipts(sql, { from: '2026-11-22', to: '2026-11-23', limit: 100 }), 'receipts_issued'],
    ['receipts of a session', () => fees.sessionReceiptStats(sql, 3), 'receipts_session'],
    ['payments of a session', () => fees.sessionPayments(sql, 3), 'receipts_session'],
  ])('%s', (_n, run, index) => {
    expect(planOf(run)).toContain(index);
  });

  it('lines of a receipt use its key, and the "reversed" flag the one-reversal index', () => {
    const plan = plansOf(() => fees.linesOf(sql, 3)).join(' | ');
    expect(plan).toContain('sqlite_autoindex_receipt_lines');
    expect(plan).toContain('receipt_lines_one_reversal');
    expect(plan).not.toMatch(/SCAN receipt_lines\b(?! USING)/);
  });
});
