import type { reportsContract } from '@shared/contract/reports';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { ReportsService } from './reports.service';

/** Report (统计报表) channels → the reports service. */
export function reportsHandlers(reports: ReportsService): HandlersOf<typeof reportsContract> {
  return {
    'reports.period': (i) => reports.period(i.period, i.date),
    'reports.export': (i, ctx) => reports.exportXlsx(i.period, i.date, i.revealReason ? { reason: i.revealReason, actor: actor(ctx) } : undefined),
    'reports.pdf': (i) => reports.pdf(i.title),
  };
}
