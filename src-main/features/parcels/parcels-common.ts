import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { ParcelSettings, ParcelView } from '@shared/contract/parcels';
import type { PropertyCalendar } from '@shared/calendar';
import type { Width } from '../../devices/printer/receipt';
import type { PrintInfo } from '../fees/receipt-view';
import { readParcelSettings } from './parcel-settings';
import { overdueCutoff, parcelView } from './parcel-view';
import * as repo from './parcels.repo';

/** The print queue as parcels see it: slips are queued inside the intake transaction. */
export interface ParcelPrintSink {
  enqueueParcelSlip(parcelId: number, copy: number): boolean;
  parcelInfo(parcelId: number): PrintInfo;
  width(): Width;
  propertyName(): string;
}

/** What every part of the parcels service is built on. */
export interface ParcelsDeps {
  sql: Sql;
  clock: Clock;
  print: ParcelPrintSink;
  calendar: PropertyCalendar;
}

export const STATUS_ZH = { in_stock: '在库', picked_up: '已取件', returned: '已退回', written_off: '已核销' } as const;

/**
 * The reads every part of the parcels service shares (the settings, a parcel as the screen shows it) and the
 * all-or-nothing check before a state change. Intake, pickup, overdue and shelves each extend it; ParcelsService
 * is the one facade the handlers call.
 */
export class ParcelsBase {
  protected readonly sql: Sql;
  protected readonly clock: Clock;
  protected readonly print: ParcelPrintSink;
  protected readonly calendar: PropertyCalendar;

  constructor(d: ParcelsDeps) {
    this.sql = d.sql;
    this.clock = d.clock;
    this.print = d.print;
    this.calendar = d.calendar;
  }

  protected now(): string {
    return this.clock.now().toISOString();
  }

  settings(): ParcelSettings {
    return readParcelSettings(this.sql);
  }

  /** Views of rows, with the overdue cutoff as of now. */
  views(rows: repo.ParcelRow[]): ParcelView[] {
    const now = this.clock.now();
    const cutoff = overdueCutoff(now, this.settings().overdueDays);
    return rows.map((r) => parcelView(r, now, cutoff, this.print.parcelInfo(r.id)));
  }

  get(id: number): ParcelView {
    const r = repo.byId(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这个快递：请刷新。');
    return this.views([r])[0] as ParcelView;
  }

  /** Rows for a state change: all must exist and still be in stock (all or nothing). */
  protected inStockRows(ids: number[], verb: string): repo.ParcelRow[] {
    const unique = [...new Set(ids)];
    const rows = repo.byIds(this.sql, unique);
    if (rows.length !== unique.length) throw new AppError('NOT_FOUND', '有快递找不到了：请刷新后重新选择。');
    const gone = rows.find((r) => r.status !== 'in_stock');
    if (gone) throw new AppError('CONFLICT', `单号 ${gone.waybill} ${STATUS_ZH[gone.status]}，不能${verb}：请刷新后重新选择。`, { parcelId: gone.id });
    return rows;
  }
}
