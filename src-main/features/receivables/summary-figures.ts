import type { Sql } from '../../db/sql';
import { dateRange, monthOf, type PropertyCalendar } from '@shared/calendar';
import type { ReceivablesSection } from '@shared/contract/summary';
import * as repo from './summary.repo';

const rate = (collected: number, charged: number): number | null => (charged > 0 ? Math.round((collected * 10000) / charged) : null);

/**
 * The nightly summary's receivables: the business date's month and its year to date (charged, collected by the
 * window's end, 收缴率, 清欠), owed at the window's end, and what the day's collections settled. Collected, owed and
 * settled are as at the window's end (allocations are append-only and timestamped), so a day built late gives the
 * same figures; the charges are as they stand when built. Null when the property bills no room monthly.
 */
export function receivablesAt(sql: Sql, o: { businessDate: string; window: { from: Date; to: Date }; timeZone: string }): ReceivablesSection | null {
  if (!repo.anyPlan(sql)) return null;
  const month = o.businessDate.slice(0, 7);
  const yearStart = `${month.slice(0, 4)}-01`;
  const end = o.window.to.toISOString();
  const startOf = (m: string) => dateRange(`${m}-01`, monthOf(`${m}-01`).to, o.timeZone).from.toISOString();
  const figures = (from: string) => {
    const t = repo.monthTotals(sql, from, month);
    const collected = t.settled - repo.settledSince(sql, end, from, month);
    return {
      chargedFen: t.charged,
      collectedFen: collected,
      rateBp: rate(collected, t.charged),
      arrearsCollectedFen: repo.clearedBetween(sql, startOf(from), end, yearStart),
    };
  };
  const owed = repo.owedAt(sql, end, month);
  const day = repo.settledBetween(sql, o.window.from.toISOString(), end, month);
  return {
    available: true,
    month: { month, ...figures(month) },
    yearToDate: { year: Number(month.slice(0, 4)), ...figures(yearStart) },
    arrears: { owedFen: owed.fen, rooms: owed.rooms },
    day: { settledFen: day.fen, earlierMonthsFen: day.earlier },
  };
}

/** The handover's line: today's collections of monthly fees (net of voids), and of that what settled months before this one. */
export function collectionsToday(sql: Sql, calendar: PropertyCalendar): { settledFen: number; earlierMonthsFen: number } {
  const today = calendar.day(calendar.today());
  const r = repo.settledBetween(sql, today.from, today.to, calendar.thisMonth());
  return { settledFen: r.fen, earlierMonthsFen: r.earlier };
}
