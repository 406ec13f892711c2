import { z } from 'zod';
import { def, isoDate } from './common';
import { requestStats } from './requests';
import { cardsSection, feesSection, keysSection, parcelsSection, requestsSection } from './summary';

/** 统计报表: a day, a week (Monday to Sunday) or a month — fees, parcels, keys, cards and service requests. */
export const reportPeriod = z.enum(['day', 'week', 'month']);

export const reportView = z.object({
  period: reportPeriod,
  from: isoDate,
  to: isoDate,
  fees: feesSection,
  parcels: parcelsSection,
  keys: keysSection,
  cards: cardsSection.omit({ changes: true }),
  requests: requestStats,
  requestsSummary: requestsSection,
});
export type ReportView = z.infer<typeof reportView>;

export const reportsContract = {
  'reports.period': def({ input: z.object({ period: reportPeriod, date: isoDate }), output: reportView, access: 'receptionist' }),
  'reports.export': def({
    input: z.object({ period: reportPeriod, date: isoDate }),
    output: z.object({ fileName: z.string(), data: z.string() }),
    access: 'supervisor',
    maxBytes: 1024,
  }),
};
