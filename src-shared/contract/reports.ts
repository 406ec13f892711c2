import { z } from 'zod';
import { def, isoDate, line, reason } from './common';
import { requestStats } from './requests';
import { cardsSection, feesSection, keysSection, parcelsSection, requestsSection, visitorsSection } from './summary';

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
  /** visitors and passes: counts (the XLSX export adds the visits, names masked) */
  visitors: visitorsSection,
});
export type ReportView = z.infer<typeof reportView>;

export const reportsContract = {
  'reports.period': def({ input: z.object({ period: reportPeriod, date: isoDate }), output: reportView, access: 'receptionist' }),
  /**
   * The page on screen as a PDF. Only the desktop app can make one (Electron printToPDF): the core answers
   * supported: false and the Electron transport fills in the file; the browser host prints instead.
   */
  'reports.pdf': def({
    input: z.object({ title: line().trim().min(1).max(60) }),
    output: z.object({ supported: z.boolean(), fileName: z.string(), data: z.string() }),
    access: 'receptionist',
    maxBytes: 1024,
  }),
  /**
   * The XLSX. Its visitor sheet masks names; with `revealReason` (at least 2 characters) it shows them whole, and
   * the reveal is audited.
   */
  'reports.export': def({
    input: z.object({ period: reportPeriod, date: isoDate, revealReason: reason.optional() }),
    output: z.object({ fileName: z.string(), data: z.string() }),
    access: 'supervisor',
    maxBytes: 1024,
  }),
};
