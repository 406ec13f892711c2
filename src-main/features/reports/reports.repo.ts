import { sql as raw } from 'kysely';
import type { Sql } from '../../db/sql';

/**
 * The aggregates behind the reports and the nightly summary, over a window [from, to) of ISO instants. Written as
 * SQL (Kysely's `sql` tag: bound parameters, the same statement cache as every other query) because aggregates
 * read more clearly that way. Each is answered from an index on its time column (test/db/reports-indexes.test.ts).
 *
 * `+terminal_id`: keeps the planner on the issued_at range (receipts_issued) instead of the (terminal_id, seq)
 * unique index, which would walk every receipt the terminal ever issued (120 ms at 500,000; the store has no ANALYZE).
 */
export interface Window {
  from: string;
  to: string;
}

const count = (r: { n: number } | undefined) => r?.n ?? 0;

// ——— fees: every numbered document (receipts, voids and refunds share the sequence) ———

export const feeDocuments = (sql: Sql, terminalId: string, w: Window) =>
  sql.get(
    raw<{ n: number; first: string | null; last: string | null }>`SELECT count(*) AS n, min(receipt_no) AS first, max(receipt_no) AS last FROM receipts
      WHERE +terminal_id = ${terminalId} AND issued_at >= ${w.from} AND issued_at < ${w.to}`,
  );

export const feeKinds = (sql: Sql, terminalId: string, w: Window) =>
  sql.all(
    raw<{ kind: string; n: number; fen: number | null }>`SELECT kind, count(*) AS n, sum(total_fen) AS fen FROM receipts
      WHERE +terminal_id = ${terminalId} AND issued_at >= ${w.from} AND issued_at < ${w.to} GROUP BY kind`,
  );

export const feeByItem = (sql: Sql, terminalId: string, w: Window) =>
  sql.all(
    raw<{
      name: string;
      category: string;
      n: number;
      fen: number | null;
    }>`SELECT l.name AS name, l.category AS category, count(*) AS n, sum(l.amount_fen) AS fen
       FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
      WHERE +r.terminal_id = ${terminalId} AND r.issued_at >= ${w.from} AND r.issued_at < ${w.to}
      GROUP BY l.name, l.category ORDER BY l.category, l.name`,
  );

export const feeByMethod = (sql: Sql, terminalId: string, w: Window) =>
  sql.all(
    raw<{ method: 'cash' | 'wechat' | 'alipay' | 'card'; n: number; fen: number | null }>`SELECT p.method AS method, count(*) AS n, sum(p.amount_fen) AS fen
       FROM receipts r JOIN payments p ON p.receipt_id = r.id
      WHERE +r.terminal_id = ${terminalId} AND r.issued_at >= ${w.from} AND r.issued_at < ${w.to}
      GROUP BY p.method ORDER BY p.method`,
  );

// ——— cash sessions closed in the window (a few a day: no index needed) ———

export const closedSessions = (sql: Sql, terminalId: string, w: Window) =>
  sql.all(
    raw<{
      id: number;
      operator_id: number;
      opened_at: string;
      closed_at: string;
      float_fen: number;
      expected_fen: number | null;
      counted_fen: number | null;
      variance_fen: number | null;
      variance_approval_id: string | null;
      status: string;
    }>`SELECT id, operator_id, opened_at, closed_at, float_fen, expected_fen, counted_fen, variance_fen, variance_approval_id, status
       FROM cash_sessions WHERE terminal_id = ${terminalId} AND closed_at >= ${w.from} AND closed_at < ${w.to} ORDER BY closed_at`,
  );

// ——— parcels ———

export const parcelsInByCarrier = (sql: Sql, w: Window) =>
  sql.all(
    raw<{ carrier: string; n: number }>`SELECT carrier, count(*) AS n FROM parcels WHERE intake_at >= ${w.from} AND intake_at < ${w.to} GROUP BY carrier`,
  );

export const parcelsOutByCarrier = (sql: Sql, w: Window) =>
  sql.all(
    raw<{
      carrier: string;
      status: string;
      n: number;
    }>`SELECT carrier, status, count(*) AS n FROM parcels WHERE closed_at >= ${w.from} AND closed_at < ${w.to} GROUP BY carrier, status`,
  );

export const firstParcelAt = (sql: Sql) => sql.get(raw<{ at: string | null }>`SELECT min(intake_at) AS at FROM parcels`)?.at ?? null;

/** Parcels in stock now that came before `before`. */
export const inStockCameBefore = (sql: Sql, before: string) =>
  count(sql.get(raw<{ n: number }>`SELECT count(*) AS n FROM parcels WHERE status = 'in_stock' AND intake_at < ${before}`));

/** Parcels that left at or after `at` and came before `before` (index parcels_closed_intake). */
export const leftSinceCameBefore = (sql: Sql, at: string, before: string) =>
  count(sql.get(raw<{ n: number }>`SELECT count(*) AS n FROM parcels WHERE closed_at >= ${at} AND intake_at < ${before}`));

export const cameBefore = (sql: Sql, before: string) => count(sql.get(raw<{ n: number }>`SELECT count(*) AS n FROM parcels WHERE intake_at < ${before}`));

export const leftBefore = (sql: Sql, at: string) => count(sql.get(raw<{ n: number }>`SELECT count(*) AS n FROM parcels WHERE closed_at < ${at}`));

/** Parcels that had left before `at` and had come before `before`. */
export const leftBeforeCameBefore = (sql: Sql, at: string, before: string) =>
  count(sql.get(raw<{ n: number }>`SELECT count(*) AS n FROM parcels WHERE closed_at < ${at} AND intake_at < ${before}`));

// ——— keys ———

export const keysLentByPurpose = (sql: Sql, w: Window) =>
  sql.all(
    raw<{
      purpose: string;
      n: number;
    }>`SELECT purpose, count(*) AS n FROM key_loans WHERE lent_at >= ${w.from} AND lent_at < ${w.to} GROUP BY purpose ORDER BY purpose`,
  );

export const keysReturned = (sql: Sql, w: Window) =>
  count(sql.get(raw<{ n: number }>`SELECT count(*) AS n FROM key_loans WHERE returned_at >= ${w.from} AND returned_at < ${w.to}`));

/** Keys out at `at` (lent before it, not back by then), and how many of those were past due. */
export const keysOutAt = (sql: Sql, at: string) =>
  sql.get(
    raw<{
      n: number;
      overdue: number | null;
    }>`SELECT count(*) AS n, sum(due_at < ${at}) AS overdue FROM key_loans WHERE lent_at < ${at} AND (returned_at IS NULL OR returned_at >= ${at})`,
  );

// ——— cards: each change, by card number and room (no holder names) ———

export const cardChanges = (sql: Sql, w: Window) =>
  sql.all(
    raw<{
      at: string;
      kind: 'issue' | 'replace' | 'lost' | 'return' | 'blacklist';
      raw: string;
      card_type: string;
      room: string;
    }>`SELECT e.at, e.kind, c.raw, e.card_type, r.code AS room
       FROM card_events e JOIN cards c ON c.id = e.card_id JOIN rooms r ON r.id = e.room_id
      WHERE e.at >= ${w.from} AND e.at < ${w.to} ORDER BY e.id`,
  );

// ——— service requests logged in the window ———

export const requestsLogged = (sql: Sql, w: Window) =>
  sql.all(
    raw<{
      kind: string;
      status: string;
      target_minutes: number;
      created_at: string;
      dispatched_at: string | null;
      done_at: string | null;
      satisfaction: number | null;
    }>`SELECT kind, status, target_minutes, created_at, dispatched_at, done_at, satisfaction
       FROM service_requests WHERE created_at >= ${w.from} AND created_at < ${w.to}`,
  );

/** The audit chain's head as of `before` (walks back from the newest row: cheap for recent days). */
export const auditHeadBefore = (sql: Sql, before: string) =>
  sql.get(raw<{ seq: number; hash: string }>`SELECT seq, hash FROM audit_log WHERE at < ${before} ORDER BY seq DESC LIMIT 1`);
