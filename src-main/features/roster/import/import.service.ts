import { appendAudit } from '../../../db/audit';
import type { Sql } from '../../../db/sql';
import type { Clock } from '../../../lib/clock';
import { AppError, isAppError } from '../../../lib/errors';
import { Job, yieldToLoop } from '../../../lib/jobs';
import { MAX_IMPORT_BYTES, type ImportIssue, type ImportPreview, type ImportStatus } from '@shared/contract';
import type { SessionOperator } from '../../operators/sessions';
import * as repo from '../roster.repo';
import { MAX_ISSUES } from './check-file';
import { MAX_ROWS, sniffFormat, type ReadProgress } from './parse';
import { compareCodes, planFingerprint, planImport, previewRow, residentKey, unitKey, type Plan, type Snapshot } from './plan';
import { cancelled, checkInline, checkInWorker, type CheckRun } from './run-check';
import type { CheckedRow } from './validate';

export { MAX_ISSUES };

/**
 * Roster import from CSV/XLSX: parse → check row by row → preview against the roster → commit on confirmation.
 *
 * Nothing is written before commit. A resident is identified by (room code, name): re-importing updates
 * rather than duplicates, and residents missing from the file are left alone. A blank cell never erases
 * what the roster already holds (it only means "not given"; new residents get the defaults).
 * Personal data (names, phones) is never logged nor written to the audit chain.
 */

export const JOB_TTL_MS = 30 * 60_000;
export const PREVIEW_ROWS = 200;
const MAX_JOBS = 4;
/** Files from this size on are read in a worker thread (about 1,000 rows: more than a frame of work). */
export const WORKER_MIN_BYTES = 64 * 1024;

export interface ImportOptions {
  /** Files at least this big are read in a worker thread (tests set 0 to force it). */
  workerMinBytes?: number;
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  buildingsCreated: number;
}

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
  settled: Promise<void>;
  /** Stops the read-and-check pass (the worker thread) when the import is cancelled or dropped. */
  abort: () => void;
}

const zh = (n: number) => n.toLocaleString('zh-CN');

function countsMessage(p: ImportPreview['summary']): string {
  return `共 ${zh(p.total)} 行：新增 ${zh(p.new)}，更新 ${zh(p.update)}，无变化 ${zh(p.unchanged)}，有错误 ${zh(p.error)}`;
}

export class RosterImportService {
  private readonly jobs = new Map<string, Entry>();

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
      throw new AppError('IMPORT_FAILED', `文件太大（${Math.ceil(data.length / 1048576)} MB，最大 ${MAX_IMPORT_BYTES / 1048576} MB）：请按楼栋拆成几个文件分批导入。`);
    sniffFormat(data, name);
    while (this.jobs.size >= MAX_JOBS) {
      const oldest = [...this.jobs.entries()].sort((a, b) => a[1].touchedAt - b[1].touchedAt)[0];
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
    this.drop(jobId);
  }

  /** Writes the previewed rows in one transaction, after checking the roster did not change under the preview. */
  commit(jobId: string, skipErrors: boolean, actor: SessionOperator): ImportStatus {
    const e = this.get(jobId);
    const p = e.job.progress;
    if (e.result) throw new AppError('CONFLICT', '这个文件已经导入过了，不能重复确认。如需再次导入，请重新选择文件。');
    if (p.state === 'running') throw new AppError('CONFLICT', '文件还在检查中，请等检查完成、看过预览后再确认导入。');
    const preview = e.preview;
    if (p.state === 'failed' || !preview) throw new AppError('CONFLICT', `这个文件没能读取，不能导入：${p.message}`);
    const { error } = preview.summary;
    if (error > 0 && !skipErrors)
      throw new AppError(
        'CONFLICT',
        `有 ${zh(error)} 行有错误，还不能导入：请按提示修改文件后重新选择，或选择「跳过有错误的行」只导入其余 ${zh(preview.summary.total - error)} 行。`,
        { errors: error },
      );
    let result: ImportResult;
    try {
      result = this.sql.tx(() => this.write(e, jobId, actor));
    } catch (err) {
      if (isAppError(err)) throw err;
      throw new AppError('IMPORT_FAILED', '导入失败，名册没有任何改动：写入数据库时出错。请重试；如果仍然失败，请重启程序或联系管理员。');
    }
    e.result = result;
    e.rows = [];
    e.job.progress = {
      state: 'done',
      done: preview.summary.total,
      total: preview.summary.total,
      message: `导入完成：新增 ${zh(result.inserted)}，更新 ${zh(result.updated)}，无变化 ${zh(result.unchanged)}，跳过 ${zh(result.skipped)}` +
        (result.buildingsCreated ? `，新建楼栋 ${result.buildingsCreated} 个` : ''),
    };
    return this.toStatus(jobId, e);
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
    if (!e) return;
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
      progress: (p: ReadProgress) => job.step(p.bytesRead, p.totalBytes, `正在读取并检查：已读 ${zh(p.rows)} 行（${Math.floor((100 * p.bytesRead) / Math.max(1, p.totalBytes))}%）`),
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
      const snap = this.snapshot(codes);
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

  /** What the roster holds for the buildings named in the file: one query per building, into maps. */
  private snapshot(codes: Set<string>): Snapshot {
    const snap: Snapshot = { buildings: new Map(), units: new Map(), rooms: new Map(), residents: new Map() };
    for (const b of repo.allBuildings(this.sql)) snap.buildings.set(b.code, b.id);
    for (const code of codes) {
      const id = snap.buildings.get(code);
      if (id === undefined) continue;
      for (const u of repo.unitsOfBuilding(this.sql, id)) snap.units.set(unitKey(code, u.code), u.id);
      for (const r of repo.roomsOfBuilding(this.sql, id)) snap.rooms.set(r.code, { id: r.id, areaCm2: r.area_cm2 });
      for (const r of repo.residentsOfBuilding(this.sql, id))
        snap.residents.set(residentKey(r.room_code, r.name), {
          id: r.id,
          kind: r.kind,
          phone: r.phone,
          moveIn: r.move_in,
          moveOut: r.move_out,
          note: r.note,
        });
    }
    return snap;
  }

  /** Runs inside the commit transaction. Throws (rolling everything back) when the preview no longer holds. */
  private write(e: Entry, jobId: string, actor: SessionOperator): ImportResult {
    const rows = e.rows;
    const codes = new Set(rows.filter((r) => r.ok).map((r) => r.building));
    const snap = this.snapshot(codes);
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
    const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, skipped: 0, buildingsCreated: 0 };
    const buildingId = (code: string): number => {
      let id = snap.buildings.get(code);
      if (id === undefined) {
        id = repo.insertBuilding(this.sql, { code, name: `${code}栋`, at });
        snap.buildings.set(code, id);
        result.buildingsCreated++;
      }
      return id;
    };
    const unitIdOf = (building: string, unit: string): number => {
      const key = unitKey(building, unit);
      let id = snap.units.get(key);
      if (id === undefined) {
        id = repo.insertUnit(this.sql, buildingId(building), unit);
        snap.units.set(key, id);
      }
      return id;
    };

    rows.forEach((r, i) => {
      const p = plan.rows[i] as Plan['rows'][number];
      if (p.status === 'error') {
        result.skipped++;
        return;
      }
      let room = snap.rooms.get(r.roomCode);
      if (!room) {
        const id = repo.insertRoom(this.sql, { unitId: unitIdOf(r.building, r.unit), number: r.number, code: r.roomCode, areaCm2: r.area, at });
        room = { id, areaCm2: r.area };
        snap.rooms.set(r.roomCode, room);
      } else if (r.area !== null && room.areaCm2 !== r.area) {
        repo.setRoomArea(this.sql, room.id, r.area);
        room.areaCm2 = r.area;
      }
      const ex = p.existing;
      if (p.status === 'new') {
        repo.insertResident(this.sql, {
          roomId: room.id,
          name: r.name,
          kind: r.kind ?? 'owner',
          initials: r.initials,
          pinyin: r.pinyin,
          phone: r.phone,
          moveIn: r.moveIn,
          moveOut: r.moveOut,
          note: r.note ?? '',
          at,
        });
        result.inserted++;
      } else if (p.status === 'update' && ex) {
        repo.updateResident(this.sql, ex.id, {
          kind: r.kind ?? ex.kind,
          phone: r.phone ?? ex.phone,
          moveIn: r.moveIn ?? ex.moveIn,
          moveOut: r.moveOut ?? ex.moveOut,
          note: r.note ?? ex.note,
          at,
        });
        result.updated++;
      } else {
        result.unchanged++;
      }
    });

    appendAudit(this.sql, this.clock, {
      operatorId: actor.id,
      action: 'roster.import',
      entity: 'roster',
      entityId: jobId,
      detail: { fileName: e.fileName, encoding: e.preview?.encoding ?? '', rows: rows.length, ...result },
    });
    return result;
  }
}
