import { appendAudit, chainHead } from '../../db/audit';
import {
  auditCheck,
  clearAttention,
  readAttention,
  readCheckpoint,
  writeAttention,
  writeCheckpoint,
  type AuditReport,
  type StoredAttention,
} from '../../db/audit-check';
import { expectedTriggers, restoreTriggers } from '../../db/guards';
import { isLedgerTable, stampRow } from '../../db/ledger';
import { auditCheckInWorker } from '../../db/maintenance';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import type { AppStatus, Channel, VerifyView } from '@shared/contract';
import type { SessionOperator } from '../operators/sessions';
import { ALLOWED_IN_ATTENTION, ATTENTION_ADVICE, READ_ONLY_MESSAGE } from './attention';

const DAY_MS = 24 * 3600_000;
/** Above this many chain rows the full check runs in a worker, so the core keeps answering meanwhile. */
const IN_PROCESS_MAX_ROWS = 100_000;

export interface AuditWatchDeps {
  sql: Sql;
  clock: Clock;
  log: Logger;
  dbFile: string;
  nativeBinding?: string;
}

/**
 * Watches the store's protection: at start-up the protective triggers and the audit chain from the last
 * verified row (the checkpoint), plus the ledger rows stamped or added since; then, off the main thread, the
 * full check of every row (at start-up and daily). A finding puts the counter into the read-only
 * "needs attention" state until a check passes again; it survives a restart.
 */
export class AuditWatch {
  private state: StoredAttention | null = null;
  /** bumped by every check made here, so a slower background check cannot overrule a newer one */
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;
  lastStartup: AuditReport | null = null;

  constructor(private readonly d: AuditWatchDeps) {}

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  private expected() {
    return expectedTriggers(this.d.nativeBinding);
  }

  get attention(): StoredAttention | null {
    return this.state;
  }

  /** Start-up: the quick check (and any finding stored before the restart). */
  startup(): AuditReport {
    const t0 = performance.now();
    const db = this.d.sql.db;
    this.state = readAttention(db);
    const checked = auditCheck(db, { expected: this.expected(), since: readCheckpoint(db), full: false, at: this.now() });
    // the time of record includes deriving the expected triggers (first use in this process)
    const report = { ...checked, ms: Math.round(performance.now() - t0) };
    this.lastStartup = report;
    this.d.log.info(
      `protection check at start-up: ${report.full ? 'full' : 'from checkpoint'}, ${report.chainRows} chain rows, ${report.ledgerRows} ledger rows, ${report.ms} ms, ${report.problems.length} problems`,
    );
    // a quick pass does not clear a stored finding: only a full check can
    if (report.ok && !this.state && report.checkpoint) writeCheckpoint(db, report.checkpoint);
    if (!report.ok) this.enter(report);
    return report;
  }

  /** The full check in a worker now, and then once a day (production). */
  startBackground(): void {
    void this.background();
    this.timer = setInterval(() => void this.background(), DAY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.generation++;
  }

  async background(): Promise<void> {
    const gen = ++this.generation;
    const r = await auditCheckInWorker(this.d.dbFile, this.now(), this.d.nativeBinding);
    if (gen !== this.generation) return;
    if ('error' in r) {
      this.d.log.error(`full protection check could not run: ${r.error}`);
      return;
    }
    this.d.log.info(`full protection check: ${r.chainRows} chain rows, ${r.ledgerRows} ledger rows, ${r.ms} ms, ${r.problems.length} problems`);
    this.apply(r);
  }

  /** The full check now (设置 → 审计链): here on a small store, in a worker on a large one. */
  async verifyNow(): Promise<AuditReport> {
    const gen = ++this.generation;
    const db = this.d.sql.db;
    const rows = chainHead(this.d.sql).seq;
    let r: AuditReport;
    if (rows <= IN_PROCESS_MAX_ROWS) r = auditCheck(db, { expected: this.expected(), since: null, full: true, at: this.now(), limit: 200 });
    else {
      const w = await auditCheckInWorker(this.d.dbFile, this.now(), this.d.nativeBinding, 200);
      if ('error' in w) throw new AppError('INTERNAL', `校验未能运行：${w.error}。请重试；如果反复出现，请联系技术支持。`);
      r = w;
    }
    if (gen === this.generation) this.apply(r);
    return r;
  }

  private enter(r: AuditReport): void {
    this.state = { since: this.state?.since ?? this.now(), problems: r.problems };
    writeAttention(this.d.sql.db, this.state, this.now());
    this.d.log.error(`store needs attention: ${r.problems.map((p) => p.message).join(' | ')}`);
  }

  private apply(r: AuditReport): void {
    if (!r.ok) return this.enter(r);
    if (this.state) {
      clearAttention(this.d.sql.db);
      this.d.log.warn('store protection check passes again: attention cleared');
    }
    this.state = null;
    if (r.checkpoint) writeCheckpoint(this.d.sql.db, r.checkpoint);
  }

  /** The dispatcher's gate: while the store needs attention only the listed channels run. */
  guard(channel: Channel): void {
    if (this.state && !ALLOWED_IN_ATTENTION.has(channel)) throw new AppError('READ_ONLY', READ_ONLY_MESSAGE);
  }

  statusView(): AppStatus['attention'] {
    return this.state ? { since: this.state.since, problems: this.state.problems.slice(0, 20), advice: ATTENTION_ADVICE } : null;
  }

  /**
   * A supervisor has looked into the finding: protective triggers go back as the migrations made them, and
   * each listed row is accepted as it now is (a `ledger.accept` entry with the reason and who). Everything is
   * checked again; what is still wrong stays. A broken chain cannot be accepted.
   */
  async resolve(reason: string, actor: SessionOperator): Promise<AuditReport> {
    const found = await this.verifyNow();
    if (found.ok) return found;
    const chain = found.problems.find((p) => p.kind === 'chain');
    if (chain) {
      throw new AppError('CONFLICT', `审计链本身断开（${chain.message}），不能登记核实：请管理员进入恢复，从最近的完好备份恢复，并联系技术支持。`);
    }
    const { sql, clock } = this.d;
    const why = reason.trim();
    sql.tx(() => {
      const triggers = restoreTriggers(sql.db, this.expected());
      if (triggers.length) {
        appendAudit(sql, clock, {
          operatorId: actor.id,
          action: 'audit.triggers_restored',
          entity: 'system',
          entityId: 'triggers',
          detail: { reason: why, triggers: triggers.map((t) => `${t.kind}:${t.name}`) },
        });
      }
      let rows = 0;
      for (const p of found.problems) {
        if (p.table === null || p.rowId === null || !isLedgerTable(p.table) || !p.kind.startsWith('row-')) continue;
        stampRow(sql, clock, p.table, p.rowId, 'accept', actor.id, { reason: why, finding: p.kind, comparedSeq: p.seq });
        rows++;
      }
      appendAudit(sql, clock, {
        operatorId: actor.id,
        action: 'audit.findings_accepted',
        entity: 'system',
        entityId: 'protection',
        detail: { reason: why, rows, triggers: triggers.length },
      });
    });
    return this.verifyNow();
  }
}

/** The report as the 审计链 screen shows it. */
export function verifyView(r: AuditReport): VerifyView {
  if (r.ok) return { ok: true, rows: r.chainRows, ledgerRows: r.ledgerRows, headSeq: r.head.seq, headHash: r.head.hash };
  const chain = r.problems.find((p) => p.kind === 'chain');
  const trig = r.problems.some((p) => p.kind.startsWith('trigger-'));
  const firstRow = r.problems.find((p) => p.kind.startsWith('row-'));
  return {
    ok: false,
    rows: r.chainRows,
    ledgerRows: r.ledgerRows,
    firstBadSeq: chain?.seq ?? firstRow?.seq ?? null,
    reason: chain?.reason ?? (trig ? 'triggers' : 'ledger'),
    problems: r.problems,
  };
}
