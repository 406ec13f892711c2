import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/log';
import { AppError } from '../../lib/errors';
import { isPrinterError, PRINTER_ERROR_MESSAGES, PrinterError, statusForError, type PrinterPort, type PrinterStatus } from '../../devices/printer/port';
import { renderReceipt, renderSlip, testPage, type Rendered, type Width } from '../../devices/printer/receipt';
import type { PrinterSettings } from '@shared/contract/printer';
import type { PrintInfo } from '../fees/receipt-view';
import * as repo from './print.repo';
import { closeSlipLines, receiptDoc } from './print-docs';
import { parcelSlipDoc, renderParcelSlip } from '../parcels/slip';
import { payload, type Payload, type PrintContext, type PrintDocuments } from './print-jobs';

export const MAX_ATTEMPTS = 6;
export type { PrintContext, PrintDocuments } from './print-jobs';

/**
 * The print queue (a table-backed job queue): a job row written in the same transaction as the receipt, sent after
 * the commit, retried with backoff up to MAX_ATTEMPTS, re-parsed from its stored payload. On start, a job
 * that was being sent is marked interrupted (it may have printed): the screen offers 补打, never a new charge.
 */
export class PrintQueue {
  private port: PrinterPort;
  private portKey = '';
  private running = false;
  private stopped = false;
  private inflight: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  /** the last status read, for the configuration it was read with (another configuration: not known yet) */
  private lastStatus: { key: string; status: PrinterStatus } | null = null;
  private reading: Promise<PrinterStatus> | null = null;
  private docs: PrintDocuments | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly ctx: PrintContext,
    private readonly makePort: (s: PrinterSettings['config']) => PrinterPort,
  ) {
    this.port = this.currentPort();
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** Where the close, handover and dispatch slips come from (the features that queue them; set once, before start). */
  printDocumentsFrom(docs: PrintDocuments): void {
    this.docs = docs;
  }

  private documents(): PrintDocuments {
    if (!this.docs) throw new Error('打印队列还没有连上单据来源（程序装配错误）：请重新启动 LobbyDesk；如果反复出现，请联系技术支持。');
    return this.docs;
  }

  /** The port for the saved settings; rebuilt when they change. */
  private currentPort(): PrinterPort {
    const cfg = this.ctx.settings().config;
    const key = JSON.stringify(cfg);
    if (key !== this.portKey) {
      void this.port?.close().catch(() => {});
      this.port = this.makePort(cfg);
      this.portKey = key;
    }
    return this.port;
  }

  configured(): boolean {
    return this.ctx.settings().config.kind !== 'none';
  }

  start(pollMs = 3000): void {
    const interrupted = this.sql.tx(() => repo.interruptPrinting(this.sql, this.now()));
    if (interrupted) this.log.warn(`${interrupted} print job(s) interrupted by the last shutdown`);
    this.timer = setInterval(() => void this.drain(), pollMs);
    this.timer.unref();
    // the status bar's printer state: asked at once (until it answers the bar says 检查中), then every 10 s
    if (this.configured()) void this.status().catch(() => {});
    this.statusTimer = setInterval(() => {
      if (this.configured()) void this.status().catch(() => {});
    }, 10_000);
    this.statusTimer.unref();
    this.wake();
  }

  /** No new jobs start; resolves when the one being sent (if any) has recorded its outcome. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.timer = null;
    this.statusTimer = null;
    await this.inflight;
    await this.port.close().catch(() => {});
  }

  /** Starts sending after the current synchronous work (the posting transaction) has committed. */
  wake(): void {
    setImmediate(() => void this.drain());
  }

  private enqueue(
    kind: 'receipt' | 'reprint' | 'slip' | 'test',
    p: Payload,
    ids: { receiptId?: number; sessionId?: number; parcelId?: number; passId?: number; copy?: number; kick?: boolean },
  ): number {
    const id = repo.insertJob(this.sql, {
      kind,
      receipt_id: ids.receiptId ?? null,
      session_id: ids.sessionId ?? null,
      parcel_id: ids.parcelId ?? null,
      pass_id: ids.passId ?? null,
      copy_no: ids.copy ?? 0,
      kick_drawer: ids.kick ? 1 : 0,
      payload: JSON.stringify(p),
      at: this.now(),
    });
    this.wake();
    return id;
  }

  /** Inside the posting transaction. False when no printer is set up (the screen shows the preview instead). */
  enqueueReceipt(receiptId: number, opts: { copy: number; kickDrawer: boolean }): boolean {
    if (!this.configured()) return false;
    const kick = opts.kickDrawer && this.ctx.settings().kickDrawer;
    this.enqueue(opts.copy > 0 ? 'reprint' : 'receipt', { kind: 'receipt', receiptId, copy: opts.copy, at: this.now() }, { receiptId, copy: opts.copy, kick });
    return true;
  }

  enqueueCloseSlip(sessionId: number): void {
    if (this.configured()) this.enqueue('slip', { kind: 'close-slip', sessionId, at: this.now() }, { sessionId });
  }

  /** A handover slip (交接单). False when no printer is set up (the screen prints the page instead). */
  enqueueHandoverSlip(handoverId: number): boolean {
    if (!this.configured()) return false;
    this.enqueue('slip', { kind: 'handover-slip', handoverId, at: this.now() }, {});
    return true;
  }

  /** A dispatch slip (派工单) for the department, written with the dispatch. False when no printer is set up. */
  enqueueDispatchSlip(requestId: number): boolean {
    if (!this.configured()) return false;
    this.enqueue('slip', { kind: 'dispatch-slip', requestId, at: this.now() }, {});
    return true;
  }

  /** A parcel's intake slip, inside the intake transaction. False when no printer is set up. */
  enqueueParcelSlip(parcelId: number, copy: number): boolean {
    if (!this.configured()) return false;
    this.enqueue('slip', { kind: 'parcel-slip', parcelId, copy, at: this.now() }, { parcelId, copy });
    return true;
  }

  /** A pass slip (visitor pass, temporary pass, removal pass), inside the issuing transaction; copy > 0 is a reprint (副本). False when no printer is set up. */
  enqueuePassSlip(passId: number, copy: number): boolean {
    if (!this.configured()) return false;
    this.enqueue('slip', { kind: 'pass-slip', passId, copy, at: this.now() }, { passId, copy });
    return true;
  }

  /** A payment notice's short form, inside the issuing transaction (the caller checks `configured()` first). */
  enqueueNoticeSlip(noticeId: number): void {
    this.enqueue('slip', { kind: 'notice-slip', noticeId, at: this.now() }, {});
  }

  /** A move-in's 交房确认单 for the owner's signature. False when no printer is set up (the screen prints it on A4). */
  enqueueMoveInSlip(caseId: number): boolean {
    if (!this.configured()) return false;
    this.enqueue('slip', { kind: 'movein-slip', caseId, at: this.now() }, {});
    return true;
  }

  /** The state of a pass's first print and how many reprints it has had. */
  passInfo(passId: number): PrintInfo {
    const jobs = repo.jobsOfPass(this.sql, passId);
    const first = jobs.find((j) => j.copy_no === 0) ?? jobs[0];
    const copies = jobs.reduce((m, j) => Math.max(m, j.copy_no), 0);
    if (!first) return { state: 'not-configured', error: null, copies };
    return { state: first.status, error: first.last_error, copies };
  }

  parcelInfo(parcelId: number): PrintInfo {
    const jobs = repo.jobsOfParcel(this.sql, parcelId);
    const last = jobs[jobs.length - 1];
    const copies = jobs.reduce((m, j) => Math.max(m, j.copy_no), 0);
    if (!last) return { state: 'not-configured', error: null, copies };
    return { state: last.status, error: last.last_error, copies };
  }

  testPage(): void {
    if (!this.configured()) throw new AppError('CONFLICT', '还没有设置打印机：请先选择连接方式并保存。');
    this.sql.tx(() => this.enqueue('test', { kind: 'test', at: this.now() }, {}));
  }

  info(receiptId: number): PrintInfo {
    const jobs = repo.jobsOfReceipt(this.sql, receiptId);
    const original = jobs.find((j) => j.copy_no === 0);
    const copies = jobs.reduce((m, j) => Math.max(m, j.copy_no), 0);
    if (!original) return { state: 'not-configured', error: null, copies };
    return { state: original.status, error: original.last_error, copies };
  }

  open() {
    return repo.openJobs(this.sql).map((j) => ({
      id: j.id,
      kind: j.kind,
      receiptId: j.receipt_id,
      receiptNo: j.receipt_no ?? null,
      status: j.status,
      attempts: j.attempts,
      lastError: j.last_error,
      createdAt: j.created_at,
    }));
  }

  /**
   * 重新打印. A failed job (the printer refused it before anything was sent) prints as it was; an
   * interrupted one may already be on paper, so it comes out again as a marked copy (补打).
   */
  retry(jobId: number): void {
    this.sql.tx(() => {
      const j = repo.jobById(this.sql, jobId);
      if (!j) throw new AppError('NOT_FOUND', '找不到这个打印任务：请刷新。');
      if (j.status !== 'failed' && j.status !== 'interrupted') throw new AppError('CONFLICT', '这个打印任务不需要重试。');
      if (j.status === 'interrupted' && j.receipt_id !== null) {
        repo.setJob(this.sql, j.id, { status: 'cancelled', updated_at: this.now() });
        const copy = this.info(j.receipt_id).copies + 1;
        this.enqueue('reprint', { kind: 'receipt', receiptId: j.receipt_id, copy, at: this.now() }, { receiptId: j.receipt_id, copy });
        return;
      }
      repo.setJob(this.sql, j.id, { status: 'pending', attempts: 0, next_attempt_at: this.now(), last_error: null, updated_at: this.now() });
    });
    this.wake();
  }

  cancel(jobId: number): void {
    this.sql.tx(() => {
      const j = repo.jobById(this.sql, jobId);
      if (!j) throw new AppError('NOT_FOUND', '找不到这个打印任务：请刷新。');
      if (j.status === 'done' || j.status === 'cancelled') return;
      repo.setJob(this.sql, j.id, { status: 'cancelled', updated_at: this.now() });
    });
  }

  async status(): Promise<PrinterStatus> {
    const port = this.currentPort();
    const key = this.portKey;
    let st: PrinterStatus;
    try {
      st = await port.status();
    } catch (e) {
      st = statusForError(isPrinterError(e) ? e : new PrinterError('IO', String(e)));
    }
    this.lastStatus = { key, status: st };
    return st;
  }

  /**
   * What the status bar shows without waiting: not configured; the last status read for the current
   * configuration; or, before the first answer (just started, settings just changed), 'checking' — a read
   * is started then if none is under way.
   */
  cachedStatus(): PrinterStatus | { state: 'checking'; paperNearEnd: false; detail: string } {
    if (!this.configured()) return { state: 'not-configured', paperNearEnd: false, detail: '未设置打印机' };
    const key = JSON.stringify(this.ctx.settings().config);
    if (this.lastStatus?.key === key) return this.lastStatus.status;
    if (!this.reading && !this.stopped) this.reading = this.status().finally(() => (this.reading = null));
    return { state: 'checking', paperNearEnd: false, detail: '正在读取打印机状态…' };
  }

  private render(p: Payload, copy: number): Rendered {
    const width: Width = this.ctx.settings().width;
    const timeZone = this.ctx.timeZone();
    switch (p.kind) {
      case 'receipt':
        return renderReceipt(receiptDoc(this.sql, p.receiptId, this.ctx.propertyName()), { width, timeZone, ...(copy > 0 ? { copy, reprintedAt: p.at } : {}) });
      case 'close-slip':
        return renderSlip('交款单', closeSlipLines(this.documents().closeResult(p.sessionId), this.ctx.terminalId(), timeZone), { width, timeZone });
      case 'test':
        return testPage(width, p.at, timeZone);
      case 'parcel-slip':
        return renderParcelSlip(parcelSlipDoc(this.sql, p.parcelId, this.ctx.propertyName(), timeZone), width);
      case 'handover-slip':
        return renderSlip('交接单', this.documents().handoverLines(p.handoverId), { width, timeZone });
      case 'dispatch-slip':
        return renderSlip('派工单', this.documents().dispatchLines(p.requestId), { width, timeZone });
      case 'pass-slip':
        return this.documents().passSlip(p.passId, { width, ...(copy > 0 ? { copy, reprintedAt: p.at } : {}) });
      case 'notice-slip': {
        const n = this.documents().noticeSlip(p.noticeId);
        return renderSlip(n.title, n.lines, { width, timeZone });
      }
      case 'movein-slip': {
        const slip = this.documents().moveInSlip(p.caseId);
        return renderSlip(slip.title, slip.lines, { width, timeZone });
      }
    }
  }

  /** The receipt as it prints, for the on-screen preview. */
  preview(receiptId: number, copy: number): { svg: string; width: Width } {
    const width = this.ctx.settings().width;
    return {
      svg: renderReceipt(receiptDoc(this.sql, receiptId, this.ctx.propertyName()), { width, timeZone: this.ctx.timeZone(), ...(copy > 0 ? { copy } : {}) }).svg,
      width,
    };
  }

  /** Sends due jobs one at a time. */
  drain(): Promise<void> {
    if (this.running || this.stopped) return this.inflight;
    this.running = true;
    this.inflight = this.drainLoop().finally(() => {
      this.running = false;
    });
    return this.inflight;
  }

  private async drainLoop(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const j = repo.nextDue(this.sql, this.now());
      if (!j) return;
      const attempts = j.attempts + 1;
      this.sql.tx(() => repo.setJob(this.sql, j.id, { status: 'printing', attempts, updated_at: this.now() }));
      let error: string | null = null;
      try {
        const p = payload.parse(JSON.parse(j.payload));
        const doc = this.render(p, j.copy_no);
        const port = this.currentPort();
        await port.print(doc.bytes);
        if (j.kick_drawer === 1) await port.kickDrawer().catch((e: unknown) => this.log.warn(`drawer kick failed: ${String(e)}`));
      } catch (e) {
        error = isPrinterError(e) ? e.message || PRINTER_ERROR_MESSAGES[e.code] : `无法打印：${e instanceof Error ? e.message : String(e)}`;
        if (!isPrinterError(e)) this.log.error(`print job ${j.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      const at = this.now();
      if (error === null) {
        this.sql.tx(() => repo.setJob(this.sql, j.id, { status: 'done', printed_at: at, last_error: null, updated_at: at }));
        continue;
      }
      const giveUp = attempts >= MAX_ATTEMPTS;
      const backoffMs = Math.min(60_000, 1000 * 2 ** (attempts - 1)) * (0.5 + Math.random() / 2);
      this.sql.tx(() =>
        repo.setJob(this.sql, j.id, {
          status: giveUp ? 'failed' : 'pending',
          last_error: error,
          next_attempt_at: giveUp ? null : new Date(this.clock.now().getTime() + backoffMs).toISOString(),
          updated_at: at,
        }),
      );
      void this.status().catch(() => {});
      return; // the printer is not taking jobs: try again at the next tick
    }
  }
}
