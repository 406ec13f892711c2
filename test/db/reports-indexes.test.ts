import { describe, expect, it } from 'vitest';
import { planStore } from '../support/plans';
import { periodFigures } from '../../src-main/features/reports/period-figures';

/**
 * The nightly summary and the reports aggregate one window of five years of data: every aggregate must be answered
 * from an index on its time column, never by walking a whole table. Captured as periodFigures runs them, for a
 * recent window (counted from the near side) and an old one (counted from the far side).
 */
describe('period figures (nightly summary, reports) query plans', () => {
  const { db, sql, statementsOf } = planStore();
  // one parcel from years back, so that a window built long after it is counted from the far side
  db.prepare("INSERT INTO operators (username, display_name, role, password_hash, created_at, updated_at) VALUES ('a', 'A', 'admin', 'x', 'now', 'now')").run();
  db.prepare(
    "INSERT INTO parcels (waybill, carrier, pickup_code, status, intake_at, intake_by, updated_at) VALUES ('SF1000000001', 'SF', '123456', 'in_stock', '2021-01-01T00:00:00Z', 1, 'now')",
  ).run();
  const window = { terminalId: 'T01', from: new Date('2026-11-19T20:00:00Z'), to: new Date('2026-11-20T20:00:00Z'), overdueDays: 3 };
  const statements = statementsOf(() => {
    periodFigures(sql, { ...window, now: new Date('2026-11-23T00:00:00Z') });
    // built long after the window: the in-stock counts come from the other side of its end
    periodFigures(sql, { ...window, now: new Date('2036-11-23T00:00:00Z'), auditHead: false });
  });
  const on = (table: string) => statements.filter((s) => new RegExp(`\\bFROM ${table}\\b`, 'i').test(s.sql));

  it('captures the aggregates of both sides', () => {
    // parcels: in, out, the first intake; near side: in stock now, left since; far side: came, left, left of those overdue
    expect(on('parcels')).toHaveLength(8);
    expect(on('receipts')).toHaveLength(4);
    expect(on('key_loans')).toHaveLength(3);
  });

  it.each([
    ['receipts', /receipts_issued \(issued_at>\? AND issued_at<\?\)/],
    ['parcels', /USING (COVERING )?INDEX parcels_(intake_at|closed_at|closed_intake|status_intake)/],
    ['key_loans', /USING (COVERING )?INDEX key_loans_(lent|returned)/],
    ['card_events', /USING INDEX card_events_at \(at>\? AND at<\?\)/],
    ['service_requests', /USING INDEX service_requests_created \(created_at>\? AND created_at<\?\)/],
  ])('%s: each aggregate through its time index', (table, index) => {
    const found = on(table);
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      expect(s.plan, s.sql).toMatch(index);
      // a range search, not a walk of the table or of a whole index
      expect(s.plan, s.sql).not.toMatch(/\bSCAN\b/);
    }
  });

  it('the day’s receipts by their time, not by the (terminal_id, seq) index that walks every receipt of the terminal', () => {
    for (const s of on('receipts')) expect(s.plan, s.sql).not.toMatch(/sqlite_autoindex_receipts_2|terminal_id=/);
  });

  it('the audit head walks back from the newest row (rowid order), with no sort', () => {
    const [head] = on('audit_log');
    expect(head?.plan).toBe('SCAN audit_log');
  });
});
