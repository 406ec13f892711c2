import { sql as raw } from 'kysely';
import type { Sql } from '../../db/sql';

/** Receivables totals of the whole property for the nightly summary, as they stood at an instant (no rooms, no payers). */

const n = (v: number | null | undefined): number => v ?? 0;

export const anyPlan = (sql: Sql): boolean => sql.get(raw<{ one: number }>`SELECT 1 AS one FROM receivable_plans LIMIT 1`) !== undefined;

/** month charges of the months from..to and what of them is settled now (the totals kept per month) */
export const monthTotals = (sql: Sql, from: string, to: string) => {
  const r = sql.get(
    raw<{ charged: number | null; settled: number | null }>`
      SELECT sum(charged_fen) AS charged, sum(settled_fen) AS settled FROM receivable_month_totals WHERE month >= ${from} AND month <= ${to}`,
  );
  return { charged: n(r?.charged), settled: n(r?.settled) };
};

/** settled (net) from `at` on, for month charges of the months from..to: what a figure as of `at` must take back */
export const settledSince = (sql: Sql, at: string, from: string, to: string): number =>
  n(
    sql.get(
      raw<{ fen: number | null }>`
        SELECT sum(amount_fen) AS fen FROM receivable_allocations WHERE at >= ${at} AND kind = 'month' AND month >= ${from} AND month <= ${to}`,
    )?.fen,
  );

/** 清欠 in [fromAt, toAt): allocations to opening arrears or months before `before` (through the partial index) */
export const clearedBetween = (sql: Sql, fromAt: string, toAt: string, before: string): number =>
  n(
    sql.get(
      raw<{ fen: number | null }>`
        SELECT sum(amount_fen) AS fen FROM receivable_allocations
        WHERE (kind = 'opening' OR month < strftime('%Y', at, '+14 hours') || '-01')
          AND at >= ${fromAt} AND at < ${toAt} AND (kind = 'opening' OR month < ${before})`,
    )?.fen,
  );

/**
 * Owed at `at` for months up to `month`: what is unpaid now, plus what was settled since `at` (a void since then
 * takes back), per room; the rooms that owed something and the total.
 */
export const owedAt = (sql: Sql, at: string, month: string) => {
  const r = sql.get(
    raw<{ rooms: number; fen: number | null }>`
      SELECT count(*) AS rooms, sum(owed) AS fen FROM (
        SELECT room_id, sum(x) AS owed FROM (
          SELECT room_id, amount_fen - settled_fen AS x FROM receivable_charges WHERE settled_fen < amount_fen AND month <= ${month}
          UNION ALL
          SELECT room_id, amount_fen AS x FROM receivable_allocations WHERE at >= ${at} AND month <= ${month}
        ) GROUP BY room_id HAVING sum(x) > 0
      )`,
  );
  return { rooms: n(r?.rooms), fen: n(r?.fen) };
};

/** settled in [fromAt, toAt) (net of reversals), and of that for opening arrears or months before `before` */
export const settledBetween = (sql: Sql, fromAt: string, toAt: string, before: string) => {
  const r = sql.get(
    raw<{ fen: number | null; earlier: number | null }>`
      SELECT sum(amount_fen) AS fen, sum(CASE WHEN kind = 'opening' OR month < ${before} THEN amount_fen ELSE 0 END) AS earlier
      FROM receivable_allocations WHERE at >= ${fromAt} AND at < ${toAt}`,
  );
  return { fen: n(r?.fen), earlier: n(r?.earlier) };
};
