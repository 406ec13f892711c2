import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/log';
import { yieldToLoop } from '../../lib/jobs';
import type { VisitorSettings } from '@shared/contract/visitors';
import * as personal from './personal.repo';
import { idRanges } from './rules';

/** Rows erased per transaction: each chunk is a short task (a few ms), the event loop runs between chunks. */
export const ERASE_CHUNK = 250;
const DAY_MS = 86_400_000;

/**
 * The retention job: personal data of visitors, workers, applicants and refused visitors is erased once the
 * property's period (visitor settings, default 90 days) has passed since the visit or pass ended. Only
 * visitor_personal changes (its columns blanked, the row kept), so visits, pass numbers and counts stay, and no
 * money or custody row — whose digests the audit chain holds — is touched. Each chunk erased is one audit entry
 * (`visitor.erase`, the ids as ranges), in the same transaction. Runs at start and daily, off the request path,
 * in chunks with the event loop free in between; also planned appointments of past days become no-shows.
 */
export class VisitorRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<{ erased: number; noShows: number }> | null = null;
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly settings: () => VisitorSettings,
    private readonly expireAppointments: () => number,
  ) {}

  /** Runs now (after the current task) and then every day. */
  start(everyMs = DAY_MS): void {
    this.stopped = false;
    setImmediate(() => void this.run().catch((e: unknown) => this.log.error(`visitor retention failed: ${e instanceof Error ? e.message : String(e)}`)));
    this.timer = setInterval(
      () => void this.run().catch((e: unknown) => this.log.error(`visitor retention failed: ${e instanceof Error ? e.message : String(e)}`)),
      everyMs,
    );
    this.timer.unref();
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
