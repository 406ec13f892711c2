import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/log';
import { yieldToLoop } from '../../lib/jobs';
import type { VisitorSettings } from '@shared/contract/visitors';
import * as personal from './personal.repo';
import { idRanges } from './rules';
import { addDays, localDate, zonedInstant } from '@shared/calendar';

/** Rows erased per transaction: each chunk is a short task (a few ms), the event loop runs between chunks. */
export const ERASE_CHUNK = 250;
const DAY_MS = 86_400_000;

/** The property's night: the hour the business day turns (日结时间, the nightly summary's cut-off) in its zone. */
export interface NightHour {
  tz(): string;
  hour(): number;
}

/** The first `hour`:00 on the property's clock strictly after `after`. */
export function nextNightAt(after: Date, night: { tz: string; hour: number }): Date {
  let day = localDate(after, night.tz);
  for (;;) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const at = zonedInstant(y, m, d, night.hour, 0, night.tz);
    if (at.getTime() > after.getTime()) return at;
    day = addDays(day, 1);
  }
}

/**
 * The retention job: personal data of visitors, workers, applicants and refused visitors is erased once the
 * property's period (visitor settings, default 90 days) has passed since the visit or pass ended. Only
 * visitor_personal changes (its columns blanked, the row kept), so visits, pass numbers and counts stay, and no
 * money or custody row — whose digests the audit chain holds — is touched. Each chunk erased is one audit entry
 * (`visitor.erase`, the ids as ranges), in the same transaction. Runs at start (catching up a night the PC was
 * off) and then each night at the property's night hour (the business day's cut-off, 04:00 by default, on the
 * property's clock: the injected clock is read on every check, so a test moves it), off the request path, in
 * chunks with the event loop free in between; also planned appointments of past days become no-shows.
 */
export class VisitorRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<{ erased: number; noShows: number }> | null = null;
  private stopped = false;
  /** when the next run is due (the night hour after the last run); null before the first */
  private nextAt: Date | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly settings: () => VisitorSettings,
    private readonly expireAppointments: () => number,
    private readonly night: NightHour,
  ) {}

  /** Runs now (after the current task), then looks every `pollMs` whether the night hour has come round. */
  start(pollMs = 60_000): void {
    this.stopped = false;
    setImmediate(() => void this.tick());
    this.timer = setInterval(() => void this.tick(), pollMs);
    this.timer.unref();
  }

  /** When the job runs next (null before its first run). */
  nextRunAt(): Date | null {
    return this.nextAt;
  }

  /** A run when none has been yet or the night hour has come since the last one; null when not due. */
  tick(): Promise<{ erased: number; noShows: number }> | null {
    if (this.stopped || (this.nextAt && this.clock.now().getTime() < this.nextAt.getTime())) return null;
    const r = this.run();
    r.catch((e: unknown) => this.log.error(`visitor retention failed: ${e instanceof Error ? e.message : String(e)}`));
    return r;
  }

  /** Stops the daily run; resolves when a run under way has finished its current chunk. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass over everything due; a second call while one runs shares it. */
  run(chunk = ERASE_CHUNK): Promise<{ erased: number; noShows: number }> {
    // the next night counts from this run (an administrator's run now included)
    if (!this.running) this.nextAt = nextNightAt(this.clock.now(), { tz: this.night.tz(), hour: this.night.hour() });
    this.running ??= this.runChunks(chunk).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runChunks(chunk: number): Promise<{ erased: number; noShows: number }> {
    const noShows = this.expireAppointments();
    const days = this.settings().retentionDays;
    let erased = 0;
    for (;;) {
      if (this.stopped) break;
      const now = this.clock.now();
      const before = new Date(now.getTime() - days * DAY_MS).toISOString();
      const n = this.sql.tx(() => {
        const ids = personal.dueForErasure(this.sql, before, chunk);
        if (ids.length === 0) return 0;
        const changed = personal.erase(this.sql, ids, now.toISOString());
        appendAudit(this.sql, this.clock, {
          operatorId: null,
          action: 'visitor.erase',
          entity: 'visitor_personal',
          entityId: `${Math.min(...ids)}-${Math.max(...ids)}`,
          detail: { count: changed, ids: idRanges(ids), retentionDays: days, before },
        });
        return changed;
      });
      erased += n;
      if (n < chunk) break;
      await yieldToLoop();
    }
    if (erased > 0) personal.checkpoint(this.sql);
    if (erased > 0) this.log.info(`visitor retention: erased the personal data of ${erased} record(s) older than ${days} days`);
    return { erased, noShows };
  }
}
