import type { Sql } from '../db/sql';
import { businessWindow, utcOffsetLabel } from '@shared/calendar';
import { dailySummary, type DailySummary } from '@shared/contract/summary';
import { periodFigures } from '../features/reports/period-figures';
import { receivablesAt } from '../features/receivables/summary-figures';
import { occupancyAt } from '../features/rooms/occupancy-at';

/**
 * Builds one business day's summary from the store: aggregates over the day's window only, each query on an
 * index (receipts_issued, parcels_intake_at, parcels_closed_at, parcels_status_intake). Posted documents are
 * immutable and timestamped at commit, so a day whose window has closed always builds to the same figures.
 */
export interface SummaryInput {
  terminalId: string;
  propertyName: string;
  businessDate: string;
  cutoffHour: number;
  /** the property's time zone (IANA) */
  timeZone: string;
  overdueDays: number;
  generatedAt: Date;
}

export function buildDailySummary(sql: Sql, input: SummaryInput): DailySummary {
  const { from, to } = businessWindow(input.businessDate, input.cutoffHour, input.timeZone);
  const p = periodFigures(sql, { terminalId: input.terminalId, from, to, overdueDays: input.overdueDays, now: input.generatedAt });
  const summary: DailySummary = {
    schema: 'lobbydesk.daily-summary',
    schemaVersion: 1,
    terminalId: input.terminalId,
    propertyName: input.propertyName,
    businessDate: input.businessDate,
    window: { from: from.toISOString(), to: to.toISOString(), cutoffHour: input.cutoffHour, utcOffset: utcOffsetLabel(from, input.timeZone) },
    generatedAt: input.generatedAt.toISOString(),
    ...p,
    receivables: receivablesAt(sql, { businessDate: input.businessDate, window: { from, to }, timeZone: input.timeZone }) ?? {
      available: false,
      reason: '本物业没有按月计划收费的房间',
    },
    occupancy: occupancyAt(sql, to),
  };
  // refuse to send what head office would reject
  return dailySummary.parse(summary);
}
