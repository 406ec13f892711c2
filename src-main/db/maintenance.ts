import { startWorker } from '../lib/worker-file';
import type { Clock } from '../lib/clock';
import type { Logger } from '../lib/log';
import type { AuditReport } from './audit-check';
import { backupNow } from './backup';
import type { Db } from './open';

export interface FullCheckResult {
  ok: boolean;
  problems: string[];
}

/** Runs a check in a worker thread. Works from the built bundle (.js, also when this code sits in a chunk) and from source (.ts via tsx). */
function inWorker<T>(data: WorkerTask, failed: (message: string) => T): Promise<T> {
  const worker = startWorker('integrity.worker', import.meta.url, { workerData: data });
  return new Promise((resolve) => {
    worker.once('message', (m: T) => resolve(m));
    worker.once('error', (e) => resolve(failed(e.message)));
  });
}

export interface WorkerTask {
  task: 'integrity' | 'audit';
  file: string;
  nativeBinding?: string;
  /** audit: the time the report is stamped with, and how many findings to list at most */
  at?: string;
  limit?: number;
}

/** Runs the full integrity check in a worker thread. */
export function fullCheckInWorker(file: string, nativeBinding?: string): Promise<FullCheckResult> {
  return inWorker<FullCheckResult>({ task: 'integrity', file, ...(nativeBinding ? { nativeBinding } : {}) }, (m) => ({
    ok: false,
    problems: [`检查未能运行：${m}`],
  }));
}

/** The full protection check (triggers, whole chain, every ledger row) on its own read-only connection. */
export function auditCheckInWorker(file: string, at: string, nativeBinding?: string, limit?: number): Promise<AuditReport | { error: string }> {
  return inWorker<AuditReport | { error: string }>(
    { task: 'audit', file, at, ...(nativeBinding ? { nativeBinding } : {}), ...(limit ? { limit } : {}) },
    (m) => ({ error: m }),
  );
}

export interface MaintenanceState {
  lastBackupAt: string | null;
  lastFullCheckAt: string | null;
  fullCheckOk: boolean | null;
}

/**
 * Daily work that must not get in the counter's way: an online backup and a full integrity check,
 * each at most once a day, started only when nobody has used the app for a while.
 */
export class Maintenance {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly dbFile: string,
    private readonly backupsDir: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly state: { get(): MaintenanceState; set(s: Partial<MaintenanceState>): void },
    private readonly lastActivity: () => number,
    private readonly nativeBinding?: string,
  ) {}

  start(everyMs = 5 * 60_000, idleMs = 2 * 60_000): void {
    this.timer = setInterval(() => void this.runIfDue(this.clock.now().getTime() - this.lastActivity() >= idleMs), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private due(last: string | null): boolean {
    return !last || this.clock.now().getTime() - new Date(last).getTime() >= 24 * 3600_000;
  }

  /**
   * The full check runs first, and only when the counter is idle (it reads the whole file). A store that
   * failed it is never backed up again (a bad copy would rotate the good ones away) until it is restored.
   * The daily backup itself does not wait for idleness: the backup API copies in small steps.
   */
  async runIfDue(idle: boolean): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (idle && this.due(this.state.get().lastFullCheckAt)) {
        const r = await fullCheckInWorker(this.dbFile, this.nativeBinding);
        this.state.set({ lastFullCheckAt: this.clock.now().toISOString(), fullCheckOk: r.ok });
        if (!r.ok) this.log.error(`full integrity check failed: ${r.problems.join('; ')}`);
      }
      const s = this.state.get();
      if (s.fullCheckOk === false) return;
      if (this.due(s.lastBackupAt)) {
        const b = await backupNow(this.db, this.backupsDir, this.clock, 'daily');
        this.state.set({ lastBackupAt: b.createdAt });
        this.log.info(`daily backup written: ${b.name} (${b.bytes} bytes)`);
      }
    } catch (e) {
      this.log.error(`maintenance failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.running = false;
    }
  }
}
