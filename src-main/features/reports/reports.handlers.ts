import type { reportsContract } from '@shared/contract/reports';
import type { HandlersOf } from '../../ipc/handle';
import type { ReportsService } from './reports.service';

/** Report (统计报表) channels → the reports service. */
export function reportsHandlers(reports: ReportsService): HandlersOf<typeof reportsContract> {
  return {
    'reports.period': (i) => reports.period(i.period, i.date),
    'reports.export': (i) => reports.exportXlsx(i.period, i.date),
    'reports.pdf': (i) => reports.pdf(i.title),
  };
}
