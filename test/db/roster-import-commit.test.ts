import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportStatus } from '@shared/contract';
import { verifyChain } from '../../src-main/db/audit';
import { migrate } from '../../src-main/db/migrate';
import { openDatabase, type Db } from '../../src-main/db/open';
import { qb, Sql } from '../../src-main/db/sql';
import type { SessionOperator } from '../../src-main/features/operators/sessions';
import { RosterImportService, type ImportOptions } from '../../src-main/features/roster/import/import.service';
import * as repo from '../../src-main/features/roster/roster.repo';
import { ManualClock } from '../../src-main/lib/clock';
import { AppError } from '../../src-main/lib/errors';
import { FIXTURES } from '../fixtures/roster/make-fixtures';
import { tmpDir } from '../support/core';
import { FLOAT_500, openFeesCore } from '../support/fees';
import { rosterRows } from '../support/xlsx';

/**
 * Confirming a large roster import writes it in chunks, each its own transaction, with the event loop free between
 * them: the counter's calls are answered (and a payment goes through) while the rows go in. A commit cut off in the
 * middle (the process killed, or a write failing) leaves the rows written so far, says so, and importing the same
 * file again completes it without a duplicate.
 */
const supervisor: SessionOperator = { id: 1, username: 'zhuguan', displayName: '王主管', role: 'supervisor' };
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
/** Longest the event loop may be held at a stretch during a commit (before: the whole commit, seconds). */
const MAX_STALL_MS = 1_000;

function rosterCsv(n: number): Buffer {
  const lines: string[] = [];
  for (const r of rosterRows(n)) lines.push(r.join(','));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

async function rejected(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const audits = (sql: Sql, action: string) =>
  sql
    .all(qb.selectFrom('audit_log').select(['action', 'operator_id', 'detail']).where('action', '=', action).orderBy('seq'))
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
const residentCount = (sql: Sql) => repo.stats(sql).residents;
/** (room, name) pairs held more than once: an import must never make one. */
const duplicates = (db: Db) =>
  (db.prepare('SELECT count(*) AS n FROM (SELECT room_id, name FROM residents GROUP BY room_id, name HAVING count(*) > 1)').get() as { n: number }).n;

describe('a commit of 60,000 rows through the dispatcher', () => {
  it('keeps answering: status and searches within the bound, a payment in between, progress moving', async () => {
    const t = await openFeesCore({ printer: false });
    await t.call('cash.open', { count: FLOAT_500 });
    const data = rosterCsv(60_000);
    const { jobId } = await t.call('roster.import.start', { fileName: '全体住户.csv', data: data.toString('base64'), createBuildings: true });
    let checked: ImportStatus;
    while ((checked = await t.call('roster.import.status', { jobId })).progress.state === 'running') await new Promise((r) => setTimeout(r, 50));
    expect(checked.preview?.summary).toMatchObject({ total: 60_000, new: 60_000, error: 0 });

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let settled = false;
    const commit = t.raw('roster.import.commit', { jobId, skipErrors: false }).finally(() => (settled = true));
    const answers: number[] = [];
    const seen: ImportStatus['progress'][] = [];
    let receipt: string | null = null;
    while (!settled) {
      const a = performance.now();
      const status = await t.call('system.status', {});
      const found = await t.call('roster.search', { q: '3-2-501' });
      answers.push(performance.now() - a);
      expect(status.mode).toBe('ready');
      expect(found.items.length).toBeGreaterThanOrEqual(0);
      const s = await t.call('roster.import.status', { jobId });
      seen.push(s.progress);
      if (receipt === null && s.progress.done > 10_000) {
        // a counter write in the middle of the import: answered, and kept
        const r = await t.call('fees.collect', {
          requestId: 'during-import-1',
          roomId: t.roomId,
          lines: [{ itemId: t.items.copy, quantity: 2 }],
          payments: [{ method: 'cash', amountFen: 100 }],
        });
        receipt = r.receiptNo;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    delay.disable();
    const r = await commit;
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const end = (r as { value: ImportStatus }).value;
    expect(end.result).toEqual({ inserted: 60_000, updated: 0, unchanged: 0, skipped: 0, buildingsCreated: 39 });

    // the loop was never held for long, and the UI's polls saw the writing advance
    expect(delay.max / 1e6).toBeLessThan(MAX_STALL_MS);
    expect(Math.max(...answers)).toBeLessThan(MAX_STALL_MS);
    const writing = seen.filter((p) => p.state === 'running' && p.message.startsWith('正在写入名册'));
    expect(new Set(writing.map((p) => p.done)).size).toBeGreaterThan(3);
    expect(writing.every((p) => p.total === 60_000)).toBe(true);

    // the payment made during the import is there, and the store's audit chain holds
    expect(receipt).not.toBeNull();
    const sql = t.core.need().sql;
    expect(
      sql.get(
        qb
          .selectFrom('receipts')
          .select('total_fen')
          .where('receipt_no', '=', receipt as string),
      ),
    ).toEqual({ total_fen: 100 });
    expect(residentCount(sql)).toBe(60_000);
    expect(audits(sql, 'roster.import')).toHaveLength(1);
    expect(audits(sql, 'roster.import')[0]?.detail).toMatchObject({ rows: 60_000, inserted: 60_000 });
    expect(verifyChain(sql).ok).toBe(true);
    expect(await t.call('roster.import.unfinished', {})).toBeNull();
  }, 240_000);
});

describe('a commit cut off in the middle', () => {
  let db: Db;
  let sql: Sql;
  let clock: ManualClock;
  beforeEach(() => {
    db = openDatabase(':memory:');
    migrate(db);
    sql = new Sql(db);
    clock = new ManualClock('2026-11-23T08:00:00Z');
  });
  afterEach(() => db.close());

  const service = (opts: ImportOptions = {}) => new RosterImportService(sql, clock, { commitChunkRows: 10, ...opts });
  async function checked(svc: RosterImportService, data: Buffer): Promise<ImportStatus> {
    const s = await svc.settled(svc.start('名册.csv', data, true, supervisor).jobId);
    expect(s.progress.state, s.progress.message).toBe('done');
    return s;
  }

  it('a write failing in the third chunk: the first two stay, the message says how to complete, re-import completes', async () => {
    const svc = service();
    db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON residents WHEN NEW.name = '谢春梅' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const s = await checked(svc, fixture('sample-roster.csv'));
    const e = await rejected(svc.commit(s.jobId, false, supervisor));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.message).toContain('前 20 行（共 30 行）已经写入名册');
    expect(e.message).toContain('重新选择同一个文件再导入一次');
    expect(residentCount(sql)).toBe(20);
    expect(svc.status(s.jobId).progress).toMatchObject({ state: 'failed', message: e.message });
    expect(() => svc.commit(s.jobId, false, supervisor)).toThrow(/已经中断/);
    expect(svc.unfinished()).toMatchObject({ fileName: '名册.csv', doneRows: 20, totalRows: 30 });
    // the partial import is in the audit chain and says so; there is no completed entry
    expect(audits(sql, 'roster.import')).toEqual([]);
    expect(audits(sql, 'roster.import.incomplete')).toEqual([
      expect.objectContaining({ operator_id: 1, detail: expect.objectContaining({ rows: 30, written: 20, inserted: 20, reason: 'failed' }) }),
    ]);

    db.exec('DROP TRIGGER fail_late');
    const again = await checked(svc, fixture('sample-roster.csv'));
    expect(again.preview?.summary).toMatchObject({ new: 10, unchanged: 20, update: 0, error: 0 });
    const done = await svc.commit(again.jobId, false, supervisor);
    expect(done.result).toMatchObject({ inserted: 10, unchanged: 20 });
    expect(residentCount(sql)).toBe(30);
    expect(duplicates(db)).toBe(0);
    expect(svc.unfinished()).toBeNull();
    expect(verifyChain(sql).ok).toBe(true);
  });

  it('a write failing in the first chunk: nothing written, and the same import can be confirmed again', async () => {
    const svc = service({ commitChunkRows: 1_000 });
    db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON residents WHEN NEW.name = '谢春梅' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const s = await checked(svc, fixture('sample-roster.csv'));
    const e = await rejected(svc.commit(s.jobId, false, supervisor));
    expect(e.message).toContain('名册没有任何改动');
    expect(residentCount(sql)).toBe(0);
    expect(svc.status(s.jobId).progress.state).toBe('done');
    expect(svc.unfinished()).toBeNull();
    db.exec('DROP TRIGGER fail_late');
    expect((await svc.commit(s.jobId, false, supervisor)).result).toMatchObject({ inserted: 30 });
  });

  it('one import writes at a time, and a writing import cannot be cancelled', async () => {
    const svc = service({ commitChunkRows: 2 });
    const a = await checked(svc, fixture('sample-roster.csv'));
    const b = await checked(svc, fixture('sample-roster.csv'));
    const writing = svc.commit(a.jobId, false, supervisor);
    expect(() => svc.commit(b.jobId, false, supervisor)).toThrow(/正在写入/);
    expect(() => svc.commit(a.jobId, false, supervisor)).toThrow(/正在写入/);
    expect(() => svc.cancel(a.jobId)).toThrow(/不能取消/);
    expect((await writing).result).toMatchObject({ inserted: 30 });
  });

  it('a building created at the counter between two chunks is used, not created twice', async () => {
    const svc = service({ commitChunkRows: 5 });
    const s = await checked(svc, fixture('sample-roster.csv'));
    expect(s.preview?.summary.buildingsToCreate).toEqual(['1', '2', '3']);
    const writing = svc.commit(s.jobId, false, supervisor);
    while (svc.status(s.jobId).progress.done === 0) await new Promise((r) => setImmediate(r));
    repo.insertBuilding(sql, { code: '3', name: '三号楼', at: clock.now().toISOString() });
    const done = await writing;
    expect(done.result).toMatchObject({ inserted: 30, buildingsCreated: 2 });
    expect(repo.listBuildings(sql).map((b) => [b.code, b.name])).toEqual([
      ['1', '1栋'],
      ['2', '2栋'],
      ['3', '三号楼'],
    ]);
  });
});

describe('the process killed in the middle of a commit', () => {
  it('reopened: the import screen is told the last import did not finish; the same file completes it, no duplicates', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'lobbydesk.sqlite');
    const csv = path.join(dir, 'roster.csv');
    fs.writeFileSync(csv, rosterCsv(20_000));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/import-kill-child.ts', file, csv, '1000', '5000'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal, stderr).toBe('SIGKILL');

    const db = openDatabase(file);
    try {
      migrate(db);
      const sql = new Sql(db);
      const clock = new ManualClock('2026-11-24T08:00:00Z');
      const svc = new RosterImportService(sql, clock);
      // what the killed process left: whole chunks, and the batch row that counts them
      const batch = sql.get(qb.selectFrom('roster_imports').selectAll());
      expect(batch).toMatchObject({ state: 'running', total_rows: 20_000, file_name: '全体住户.csv' });
      const written = batch?.done_rows ?? 0;
      expect(written).toBeGreaterThanOrEqual(5_000);
      expect(written).toBeLessThan(20_000);
      expect(residentCount(sql)).toBe(written);
      expect(svc.unfinished()).toMatchObject({ fileName: '全体住户.csv', doneRows: written, totalRows: 20_000 });

      // the same file again: the rows already in come out unchanged, the rest new; nothing twice
      const { jobId } = svc.start('全体住户.csv', fs.readFileSync(csv), true, supervisor);
      const s = await svc.settled(jobId);
      expect(
        sql.get(
          qb
            .selectFrom('roster_imports')
            .select('state')
            .where('id', '=', batch?.id ?? 0),
        ),
      ).toEqual({ state: 'interrupted' });
      expect(s.preview?.summary).toMatchObject({ total: 20_000, unchanged: written, new: 20_000 - written, update: 0, error: 0 });
      const done = await svc.commit(jobId, false, supervisor);
      expect(done.result).toMatchObject({ inserted: 20_000 - written, unchanged: written });
      expect(residentCount(sql)).toBe(20_000);
      expect(duplicates(db)).toBe(0);
      expect(svc.unfinished()).toBeNull();
      // the audit chain says the first one stopped part way, then the second completed
      expect(audits(sql, 'roster.import.incomplete')).toEqual([
        expect.objectContaining({ detail: expect.objectContaining({ written, rows: 20_000, reason: 'interrupted' }) }),
      ]);
      expect(audits(sql, 'roster.import')).toHaveLength(1);
      expect(verifyChain(sql).ok).toBe(true);
    } finally {
      db.close();
    }
  }, 120_000);
});
