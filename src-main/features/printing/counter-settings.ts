import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../../db/audit';
import { printerSettings, type PrinterSettings } from '@shared/contract/printer';
import type { SessionOperator } from '../operators/sessions';
import { getSetting, setSetting } from '../system/settings.repo';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@shared/calendar';

export const DEFAULT_PRINTER: PrinterSettings = { config: { kind: 'none' }, width: 80, kickDrawer: true };
/** A cash variance above ¥10 needs a supervisor (site setting). */
export const DEFAULT_VARIANCE_THRESHOLD_FEN = 1000;

/** Site settings for the counter's devices and cash rules, kept in the settings table and re-validated on read. */
export class CounterSettings {
  private printerCache: PrinterSettings | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  printer(): PrinterSettings {
    if (this.printerCache) return this.printerCache;
    const raw = getSetting(this.sql, 'printer_settings');
    let parsed = DEFAULT_PRINTER;
    if (raw) {
      try {
        const r = printerSettings.safeParse(JSON.parse(raw));
        if (r.success) parsed = r.data;
      } catch {
        /* a damaged setting falls back to "no printer", never to a crash */
      }
    }
    this.printerCache = parsed;
    return parsed;
  }

  savePrinter(s: PrinterSettings, actor: SessionOperator): PrinterSettings {
    this.sql.tx(() => {
      setSetting(this.sql, 'printer_settings', JSON.stringify(s), this.clock.now().toISOString());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'settings.printer', entity: 'settings', entityId: 'printer', detail: s });
    });
    this.printerCache = null;
    return this.printer();
  }

  varianceThresholdFen(): number {
    const v = Number(getSetting(this.sql, 'cash_variance_threshold_fen'));
    return Number.isSafeInteger(v) && v >= 0 && getSetting(this.sql, 'cash_variance_threshold_fen') !== undefined ? v : DEFAULT_VARIANCE_THRESHOLD_FEN;
  }

  saveVarianceThreshold(fen: number, actor: SessionOperator): number {
    this.sql.tx(() => {
      setSetting(this.sql, 'cash_variance_threshold_fen', String(fen), this.clock.now().toISOString());
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'settings.cash',
        entity: 'settings',
        entityId: 'cash',
        detail: { varianceThresholdFen: fen },
      });
    });
    return this.varianceThresholdFen();
  }

  /** The cash settings (收银设置) as the settings screen edits them. */
  cashSettings(): { varianceThresholdFen: number } {
    return { varianceThresholdFen: this.varianceThresholdFen() };
  }

  saveCashSettings(input: { varianceThresholdFen: number }, actor: SessionOperator): { varianceThresholdFen: number } {
    return { varianceThresholdFen: this.saveVarianceThreshold(input.varianceThresholdFen, actor) };
  }

  terminalId(): string {
    return getSetting(this.sql, 'terminal_id') ?? 'T00';
  }

  propertyName(): string {
    return getSetting(this.sql, 'property_name') ?? '';
  }

  /** The property's time zone (IANA name; default Asia/Shanghai): every time shown, printed and sent uses it. */
  timeZone(): string {
    const tz = getSetting(this.sql, 'time_zone');
    return isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
  }
}
