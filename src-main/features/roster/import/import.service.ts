import { performance } from 'node:perf_hooks';
import { appendAudit } from '../../../db/audit';
import type { Sql } from '../../../db/sql';
import type { Clock } from '../../../lib/clock';
import { AppError, isAppError } from '../../../lib/errors';
import { Job, yieldToLoop, type Progress } from '../../../lib/jobs';
import { MAX_IMPORT_BYTES, type ImportIssue, type ImportPreview, type ImportStatus, type ImportUnfinished } from '@shared/contract';
import type { SessionOperator } from '../../operators/sessions';
import * as batches from './batches';
import { MAX_ISSUES } from './check-file';
import { MAX_ROWS, sniffFormat, type ReadProgress } from './parse';
import { compareCodes, planFingerprint, planImport, previewRow, type Plan } from './plan';
import { countsMessage, doneMessage, writingMessage, zh } from './messages';
import { loadSnapshot } from './snapshot';
import { cancelled, checkInline, checkInWorker, type CheckRun } from './run-check';
import type { CheckedRow } from './validate';
import { RosterWriter, type WriteCounts } from './writer';

export { MAX_ISSUES };

/**
 * Roster import from CSV/XLSX: parse → check row by row → preview against the roster → commit on confirmation.
 *
 * Nothing is written before commit. A resident is identified by (room code, name): re-importing updates
 * rather than duplicates, and residents missing from the file are left alone. A blank cell never erases
 * what the roster already holds (it only means "not given"; new residents get the defaults).
 * Personal data (names, phones) is never logged nor written to the audit chain.
 *
 * The commit is written in chunks (a few thousand rows, or about 100 ms of work, per transaction) with a turn
 * of the event loop between them, so the counter's own calls (status, searches, a payment) are answered while a
 * large file is written. Each chunk records how far the import got (roster_imports). If the app stops in the
 * middle, the rows written so far stay written and the import screen says the last import did not finish;
 * importing the same file again completes it (rows already written come out unchanged, never twice).
 */

export const JOB_TTL_MS = 30 * 60_000;
export const PREVIEW_ROWS = 200;
const MAX_JOBS = 4;
/** Files from this size on are read in a worker thread (about 1,000 rows: more than a frame of work). */
export const WORKER_MIN_BYTES = 64 * 1024;

/** Most file rows written in one transaction of a commit. */
export const COMMIT_CHUNK_ROWS = 5_000;
/** A chunk also ends after this much work, so the event loop is never held much longer than this. */
export const COMMIT_CHUNK_MS = 100;

export interface ImportOptions {
  /** Files at least this big are read in a worker thread (tests set 0 to force it). */
  workerMinBytes?: number;
  /** Rows per commit transaction at most (tests set a small number to get many chunks). */
  commitChunkRows?: number;
  /** Time budget of one commit transaction, in ms. */
  commitChunkMs?: number;
}

export type ImportResult = WriteCounts;

interface Entry {
  job: Job<ImportPreview>;
  fileName: string;
  createBuildings: boolean;
  touchedAt: number;
  rows: CheckedRow[];
  fingerprints: string[];
  /** Building codes the preview found already in the roster (a commit checks they are still there). */
  existingBuildings: string[];
  preview: ImportPreview | null;
  result: ImportResult | null;
  /** Set while the confirmed rows are being written (only one import writes at a time). */
  writing: Promise<ImportStatus> | null;
  /** Why the commit stopped part way (the job cannot be confirmed again: the file is picked anew). */
  stopped: string | null;
  settled: Promise<void>;
  /** Stops the read-and-check pass (the worker thread) when the import is cancelled or dropped. */
  abort: () => void;
}

/** What the first step of a commit hands to the chunks: the writer, the plan it checked, the batch row. */
interface Begun {
  writer: RosterWriter;
  plan: Plan;
  batchId: number;
}

/** The import screen's warning: the last import was cut off after writing part of its file. */
function unfinishedView(b: NonNullable<ReturnType<typeof batches.lastWritten>>, live: boolean): ImportUnfinished | null {
  if (b.state === 'done' || (b.state === 'running' && live)) return null;
  return { fileName: b.file_name, startedAt: b.started_at, operatorName: b.display_name ?? null, doneRows: b.done_rows, totalRows: b.total_rows };
}

export class RosterImportService {
  private readonly jobs = new Map<string, Entry>();
  /** The batch (roster_imports row) this process is writing now; any other 'running' one was cut off. */
  private liveBatch: number | null = null;

  constructor(
    readonly sql: Sql,
    readonly clock: Clock,
    private readonly opts: ImportOptions = {},
  ) {}

  /** Checks the file's format at once (refusing .xls, empty and binary files), then parses and checks it in the background. */
  start(fileName: string, data: Buffer, createBuildings: boolean, _actor: SessionOperator): { jobId: string } {
    this.sweep();
    const name = fileName.split(/[\\/]/).pop()?.trim() || '名册文件';
    if (data.length > MAX_IMPORT_BYTES)
      throw new AppError(
        'IMPORT_FAILED',
        `文件太大（${Math.ceil(data.length / 1048576)} MB，最大 ${MAX_IMPORT_BYTES / 1048576} MB）：请按楼栋拆成几个文件分批导入。`,
      );
    sniffFormat(data, name);
    batches.closeInterrupted(this.sql, this.clock, this.liveBatch);
    while (this.jobs.size >= MAX_JOBS) {
      const oldest = [...this.jobs.entries()].filter(([, x]) => !x.writing).sort((a, b) => a[1].touchedAt - b[1].touchedAt)[0];
      if (!oldest) break;
      this.drop(oldest[0]);
    }
    const job = new Job<ImportPreview>();
    job.step(0, 0, '正在读取文件…');
    const entry: Entry = {
      job,
      fileName: name,
      createBuildings,
      touchedAt: this.now(),
      rows: [],
      fingerprints: [],
      existingBuildings: [],
      preview: null,
      result: null,
      writing: null,
      stopped: null,
      settled: Promise.resolve(),
      abort: () => {},
    };
    this.jobs.set(job.id, entry);
    entry.settled = this.run(entry, data);
    return { jobId: job.id };
  }

  status(jobId: string): ImportStatus {
    return this.toStatus(jobId, this.get(jobId));
  }

  /** Resolves when the background check has finished (or failed); for tests and the benchmark. */
  async settled(jobId: string): Promise<ImportStatus> {
    await this.get(jobId).settled;
    return this.status(jobId);
  }

  cancel(jobId: string): void {
    this.sweep();
    if (this.jobs.get(jobId)?.writing) throw new AppError('CONFLICT', '名册正在写入，不能取消：请等写入完成（进度见本页）。');
    this.drop(jobId);
  }

  /**
   * The last import that reached the roster, when it did not finish (the app stopped, or writing failed part way):
   * what the import screen warns about. Null when the last one finished (or none was ever confirmed). Reads only.
   */
  unfinished(): ImportUnfinished | null {
    const b = batches.lastWritten(this.sql);
    return b ? unfinishedView(b, b.id === this.liveBatch) : null;
  }

  /**
   * Confirms an import. The checks (and the check that the roster did not change under the preview) run at once
   * and throw before anything is written; then the rows are written in chunks, and the promise settles when the
   * last chunk is in (progress meanwhile through status()). A failure part way rejects with what was written and
   * what to do next; the rows written so far stay, and importing the same file again completes them.
   */
  commit(jobId: string, skipErrors: boolean, actor: SessionOperator): Promise<ImportStatus> {
    const e = this.get(jobId);
    const p = e.job.progress;
    if (e.result) throw new AppError('CONFLICT', '这个文件已经导入过了，不能重复确认。如需再次导入，请重新选择文件。');
    if (e.writing) throw new AppError('CONFLICT', '这个文件正在写入名册，不用再次确认：请等写入完成。');
    if (e.stopped) throw new AppError('CONFLICT', `这次导入已经中断，不能再次确认：${e.stopped}`);
    if (p.state === 'running') throw new AppError('CONFLICT', '文件还在检查中，请等检查完成、看过预览后再确认导入。');
    const preview = e.preview;
    if (p.state === 'failed' || !preview) throw new AppError('CONFLICT', `这个文件没能读取，不能导入：${p.message}`);
    const { error } = preview.summary;
    if (error > 0 && !skipErrors)
      throw new AppError(
        'CONFLICT',
        `有 ${zh(error)} 行有错误，还不能导入：请按提示修改文件后重新选择，或点「确认导入」后选「跳过错误行并导入」，只导入其余 ${zh(preview.summary.total - error)} 行。`,
        { errors: error },
      );
    const other = [...this.jobs.values()].find((x) => x.writing);
    if (other) throw new AppError('CONFLICT', `另一个名册文件「${other.fileName}」正在写入：请等它写完（约几十秒）后再确认导入。`);
    batches.closeInterrupted(this.sql, this.clock, this.liveBatch);
    let begun: Begun;
    try {
      begun = this.sql.tx(() => this.begin(e, jobId, actor));
    } catch (err) {
      if (isAppError(err)) throw err;
      throw new AppError('IMPORT_FAILED', '导入失败，名册没有任何改动：写入数据库时出错。请重试；如果仍然失败，请重启程序或联系管理员。');
    }
    this.liveBatch = begun.batchId;
    const checked = { ...p };
    e.job.step(0, e.rows.length, writingMessage(0, e.rows.length));
    const writing = this.writeChunks(e, jobId, actor, begun, checked).finally(() => {
      e.writing = null;
      this.liveBatch = null;
    });
    e.writing = writing;
    return writing;
  }

  // ——— internals ———

  private now(): number {
    return this.clock.now().getTime();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, e] of this.jobs) if (now - e.touchedAt > JOB_TTL_MS) this.drop(id);
  }

  private drop(jobId: string): void {
    const e = this.jobs.get(jobId);
    if (!e || e.writing) return;
    e.job.cancelled = true;
    e.abort();
    this.jobs.delete(jobId);
  }

  private get(jobId: string): Entry {
    this.sweep();
    const e = this.jobs.get(jobId);
    if (!e) throw new AppError('NOT_FOUND', '找不到这次导入：可能已超过 30 分钟或已取消。请重新选择文件。');
    e.touchedAt = this.now();
    return e;
  }

  private toStatus(jobId: string, e: Entry): ImportStatus {
    return { jobId, progress: { ...e.job.progress }, preview: e.preview, result: e.result ? { ...e.result } : null };
  }

  private async run(e: Entry, data: Buffer): Promise<void> {
    const { job } = e;
    const rows: CheckedRow[] = [];
    const sink = {
      progress: (p: ReadProgress) =>
        job.step(p.bytesRead, p.totalBytes, `正在读取并检查：已读 ${zh(p.rows)} 行（${Math.floor((100 * p.bytesRead) / Math.max(1, p.totalBytes))}%）`),
      rows: (batch: CheckedRow[]) => {
        for (const r of batch) rows.push(r);
      },
    };
    try {
      const inWorker = data.length >= (this.opts.workerMinBytes ?? WORKER_MIN_BYTES);
      const run: CheckRun = inWorker ? checkInWorker(data, e.fileName, sink, MAX_ROWS) : checkInline(data, e.fileName, sink, MAX_ROWS);
      e.abort = run.abort;
      const checked = await run.result;
      if (job.cancelled) return;
      const total = checked.total;
      job.step(total, total, '正在与现有名册比对…');
      await yieldToLoop();
      if (job.cancelled) return;
      // One synchronous step from here: the snapshot and the plan see one consistent roster.
      const codes = new Set(rows.filter((r) => r.ok).map((r) => r.building));
      const snap = loadSnapshot(this.sql, codes);
      const plan = planImport(rows, snap, e.createBuildings);
      e.rows = rows;
      e.fingerprints = plan.rows.map(planFingerprint);
      e.existingBuildings = [...codes].filter((c) => snap.buildings.has(c));
      e.preview = this.buildPreview(e, checked.encoding, rows, plan, checked.issues);
      job.finish(e.preview, `检查完成，${countsMessage(e.preview.summary)}`);
    } catch (err) {
      if (err === cancelled || job.cancelled) return;
      job.fail(isAppError(err) ? err.message : `无法读取「${e.fileName}」：文件可能已损坏。请在 Excel 中另存为 .xlsx 或「CSV UTF-8」后重试。`);
    }
  }

  private buildPreview(e: Entry, encoding: string, rows: CheckedRow[], plan: Plan, rowIssues: ImportIssue[]): ImportPreview {
    // both lists are in row order: merge them and keep the first MAX_ISSUES
    const issues = [...rowIssues, ...plan.issues.slice(0, MAX_ISSUES)].sort((a, b) => a.row - b.row).slice(0, MAX_ISSUES);
    return {
      fileName: e.fileName,
      encoding,
      summary: { total: rows.length, ...plan.counts, buildingsToCreate: plan.buildingsToCreate },
      rows: rows.slice(0, PREVIEW_ROWS).map((r, i) => previewRow(r, plan.rows[i] as Plan['rows'][number])),
      issues,
    };
  }

  /** The first step of a commit, in one transaction: the preview must still hold; the batch is recorded as running. */
  private begin(e: Entry, jobId: string, actor: SessionOperator): Begun {
    const rows = e.rows;
    const codes = new Set(rows.filter((r) => r.ok).map((r) => r.building));
    const snap = loadSnapshot(this.sql, codes);
    const gone = e.existingBuildings.filter((c) => !snap.buildings.has(c)).sort(compareCodes);
    if (gone.length > 0 && !e.createBuildings)
      throw new AppError('CONFLICT', `楼栋 ${gone.join('、')} 在预览之后被删除了，名册没有任何改动：请重新选择文件，检查新的预览后再导入。`);
    const plan = planImport(rows, snap, e.createBuildings);
    const differ = plan.rows.findIndex((p, i) => planFingerprint(p) !== e.fingerprints[i]);
    if (differ >= 0) {
      const n = plan.rows.filter((p, i) => planFingerprint(p) !== e.fingerprints[i]).length;
      throw new AppError(
        'CONFLICT',
        `预览之后名册已被修改（${zh(n)} 行与预览不同，例如第 ${rows[differ]?.n} 行），名册没有任何改动：请重新选择文件，检查新的预览后再导入。`,
      );
    }
    const at = this.clock.now().toISOString();
    const batchId = batches.insertBatch(this.sql, { jobId, fileName: e.fileName, operatorId: actor.id, totalRows: rows.length, at });
    return { writer: new RosterWriter(this.sql, snap, at), plan, batchId };
  }

  /** Writes the rows chunk by chunk, yielding to the event loop between chunks; the last chunk writes the audit entry. */
  private async writeChunks(e: Entry, jobId: string, actor: SessionOperator, w: Begun, checked: Progress): Promise<ImportStatus> {
    const rows = e.rows;
    const total = rows.length;
    const maxRows = Math.max(1, this.opts.commitChunkRows ?? COMMIT_CHUNK_ROWS);
    const budgetMs = this.opts.commitChunkMs ?? COMMIT_CHUNK_MS;
    let done = 0;
    let chunks = 0;
    let counts: WriteCounts = { ...w.writer.counts };
    for (;;) {
      // the first turn also lets the confirm's caller hear back before any row is written
      await yieldToLoop();
      let next = done;
      try {
        this.sql.tx(() => {
          const t0 = performance.now();
          const end = Math.min(total, done + maxRows);
          while (next < end) {
            w.writer.write(rows[next] as CheckedRow, w.plan.rows[next] as Plan['rows'][number]);
            next++;
            if (performance.now() - t0 >= budgetMs) break;
          }
          batches.setDone(this.sql, w.batchId, next);
          if (next === total) {
            appendAudit(this.sql, this.clock, {
              operatorId: actor.id,
              action: 'roster.import',
              entity: 'roster',
              entityId: jobId,
              detail: { fileName: e.fileName, encoding: e.preview?.encoding ?? '', rows: total, ...w.writer.counts, chunks: chunks + 1 },
            });
            batches.finishBatch(this.sql, w.batchId, 'done', this.clock.now().toISOString());
          }
        });
      } catch {
        throw this.stopped(e, jobId, actor, w.batchId, done, counts, checked);
      }
      chunks++;
      done = next;
      counts = { ...w.writer.counts };
      if (done === total) break;
      e.job.step(done, total, writingMessage(done, total));
    }
    e.result = counts;
    e.rows = [];
    e.job.progress = { state: 'done', done: total, total, message: doneMessage(counts) };
    return this.toStatus(jobId, e);
  }

  /**
   * A chunk failed (its own rows rolled back). Nothing written yet: the import can be confirmed again. Otherwise the
   * batch is closed as failed with an audit entry that says how far it got, and the screen says how to complete it.
   */
  private stopped(e: Entry, jobId: string, actor: SessionOperator, batchId: number, done: number, counts: WriteCounts, checked: Progress): AppError {
    const total = e.rows.length;
    const at = this.clock.now().toISOString();
    try {
      this.sql.tx(() => {
        batches.finishBatch(this.sql, batchId, 'failed', at);
        if (done > 0)
          appendAudit(this.sql, this.clock, {
            operatorId: actor.id,
            action: 'roster.import.incomplete',
            entity: 'roster',
            entityId: jobId,
            detail: { fileName: e.fileName, encoding: e.preview?.encoding ?? '', rows: total, written: done, ...counts, reason: 'failed' },
          });
      });
    } catch {
      // the batch stays 'running' and is reported as cut off (closeInterrupted) the next time
    }
    if (done === 0) {
      e.job.progress = checked;
      return new AppError('IMPORT_FAILED', '导入失败，名册没有任何改动：写入数据库时出错。请重试；如果仍然失败，请重启程序或联系管理员。');
    }
    const message =
      `导入没有完成：写入时出错，前 ${zh(done)} 行（共 ${zh(total)} 行）已经写入名册，其余的没有写入。` +
      '请重新选择同一个文件再导入一次：已写入的行会显示为「不变」，不会重复，其余的行会补上。如果仍然出错，请重启程序或联系管理员。';
    e.stopped = message;
    e.rows = [];
    e.job.fail(message);
    return new AppError('IMPORT_FAILED', message, { written: done, total });
  }
}
