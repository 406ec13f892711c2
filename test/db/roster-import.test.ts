import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { qb, Sql } from '../../src-main/db/sql';
import { verifyChain } from '../../src-main/db/audit';
import { ManualClock } from '../../src-main/lib/clock';
import { AppError } from '../../src-main/lib/errors';
import * as repo from '../../src-main/features/roster/roster.repo';
import { RosterImportService } from '../../src-main/features/roster/import/import.service';
import type { SessionOperator } from '../../src-main/features/operators/sessions';
import type { ImportStatus } from '@shared/contract';
import { FIXTURES } from '../fixtures/roster/make-fixtures';

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const supervisor: SessionOperator = { id: 1, username: 'zhuguan', displayName: '王主管', role: 'supervisor' };

let db: Db;
let sql: Sql;
let clock: ManualClock;
let svc: RosterImportService;

beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
  sql = new Sql(db);
  clock = new ManualClock('2026-11-23T08:00:00Z');
  svc = new RosterImportService(sql, clock);
});
afterEach(() => db.close());

function addBuildings(...codes: string[]) {
  for (const code of codes) repo.insertBuilding(sql, { code, name: `${code}栋`, at: clock.now().toISOString() });
}

async function preview(data: Buffer, fileName = 'roster.csv', createBuildings = false): Promise<ImportStatus> {
  const { jobId } = svc.start(fileName, data, createBuildings, supervisor);
  const s = await svc.settled(jobId);
  expect(s.progress.state, s.progress.message).toBe('done');
  return s;
}

async function importFile(data: Buffer, fileName = 'roster.csv', createBuildings = false, skipErrors = false) {
  const s = await preview(data, fileName, createBuildings);
  return { preview: s.preview!, committed: await svc.commit(s.jobId, skipErrors, supervisor) };
}

const auditRows = () => sql.all(qb.selectFrom('audit_log').selectAll().orderBy('seq'));
const resident = (roomCode: string, name: string) =>
  sql.get(
    qb
      .selectFrom('residents as r')
      .innerJoin('rooms as rm', 'rm.id', 'r.room_id')
      .select(['r.id', 'r.name', 'r.kind', 'r.phone', 'r.phone_last4', 'r.initials', 'r.pinyin', 'r.move_in', 'r.move_out', 'r.note', 'rm.area_cm2'])
      .where('rm.code', '=', roomCode)
      .where('r.name', '=', name),
  );
const snapshot = () => ({ stats: repo.stats(sql), audit: auditRows().length, residents: sql.all(qb.selectFrom('residents').selectAll().orderBy('id')) });

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

async function rejected(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('preview', () => {
  it('checks the sample roster without writing anything', async () => {
    addBuildings('1', '2', '3');
    const before = snapshot();
    const s = await preview(fixture('sample-roster.csv'), 'sample-roster.csv');
    const p = s.preview!;
    expect(p).toMatchObject({ fileName: 'sample-roster.csv', encoding: 'UTF-8' });
    expect(p.summary).toEqual({ total: 30, new: 30, update: 0, unchanged: 0, error: 0, buildingsToCreate: [] });
    expect(p.issues).toEqual([]);
    expect(p.rows[0]).toEqual({ row: 2, status: 'new', roomCode: '1-1-101', name: '张伟', kind: '业主', phoneMasked: '138****8001', changes: [] });
    expect(s.progress).toMatchObject({ state: 'done', done: 30, total: 30 });
    expect(s.progress.message).toContain('新增 30');
    expect(s.result).toBeNull();
    expect(snapshot()).toEqual(before);
  });

  it('reports progress while running, in Chinese', () => {
    const { jobId } = svc.start('a.csv', fixture('sample-roster.csv'), false, supervisor);
    const s = svc.status(jobId);
    expect(s.progress.state).toBe('running');
    expect(s.progress.message).toMatch(/正在/);
    expect(s.preview).toBeNull();
  });

  it('unknown building is an error unless new buildings may be created', async () => {
    addBuildings('1');
    const s = await preview(fixture('bad-rows.csv'));
    expect(s.preview!.issues.filter((i) => i.row === 4)).toEqual([
      expect.objectContaining({ column: '楼栋', message: expect.stringContaining('楼栋 9 不存在') }),
    ]);
    expect(s.preview!.summary).toMatchObject({ total: 12, new: 2, error: 10, buildingsToCreate: [] });
    const c = await preview(fixture('bad-rows.csv'), 'bad-rows.csv', true);
    expect(c.preview!.summary).toMatchObject({ new: 3, error: 9, buildingsToCreate: ['9'] });
  });

  it('lists bad rows with row number and column; error rows show what the file said', async () => {
    addBuildings('1');
    const p = (await preview(fixture('bad-rows.csv'))).preview!;
    expect(p.issues.find((i) => i.row === 3)).toMatchObject({ column: '电话' });
    expect(p.issues.find((i) => i.row === 5)?.message).toContain('与第 2 行重复');
    expect(p.rows.find((r) => r.row === 3)).toMatchObject({ status: 'error', roomCode: '1-1-102', name: '李娜' });
    expect(p.rows.find((r) => r.row === 11)).toMatchObject({ status: 'new', name: '周婷' });
  });

  it('refuses legacy .xls at once, and reports a header-only file as a failed check', async () => {
    addBuildings('1');
    const xls = appError(() => svc.start('名册.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), false, supervisor));
    expect(xls).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining('另存为') });
    const { jobId } = svc.start('only-header.csv', csv(['楼栋,房号,姓名']), false, supervisor);
    const s = await svc.settled(jobId);
    expect(s.progress.state).toBe('failed');
    expect(s.progress.message).toContain('只有表头');
    expect(appError(() => svc.commit(jobId, true, supervisor)).code).toBe('CONFLICT');
    const missing = await svc.settled(svc.start('x.csv', csv(['单元,电话', '1,13800138000']), false, supervisor).jobId);
    expect(missing.progress).toMatchObject({ state: 'failed', message: expect.stringContaining('缺少必需的列') });
  });

  it('unknown, cancelled and expired jobs are NOT_FOUND', async () => {
    expect(appError(() => svc.status('nope')).code).toBe('NOT_FOUND');
    const a = svc.start('a.csv', fixture('sample-roster.csv'), true, supervisor).jobId;
    svc.cancel(a);
    expect(appError(() => svc.status(a)).code).toBe('NOT_FOUND');
    const b = (await preview(fixture('sample-roster.csv'), 'a.csv', true)).jobId;
    clock.advance(29 * 60_000);
    expect(svc.status(b).progress.state).toBe('done'); // looking at it keeps it alive
    clock.advance(31 * 60_000);
    expect(appError(() => svc.commit(b, false, supervisor)).code).toBe('NOT_FOUND');
    expect(a).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('commit', () => {
  it('writes everything in one go, with one audit row that holds counts but no names or phones', async () => {
    addBuildings('1', '2', '3');
    const auditBefore = auditRows().length;
    const { committed } = await importFile(fixture('sample-roster.csv'), 'sample-roster.csv');
    expect(committed.result).toEqual({ inserted: 30, updated: 0, unchanged: 0, skipped: 0, buildingsCreated: 0 });
    expect(committed.progress.message).toContain('导入完成');
    expect(repo.stats(sql)).toEqual({ buildings: 3, rooms: 24, residents: 30 });
    expect(resident('1-1-202', '曾国华')).toMatchObject({
      initials: 'zgh',
      pinyin: 'zengguohua',
      phone: '13512345606',
      phone_last4: '5606',
      kind: 'owner',
      area_cm2: 10230,
    });
    expect(resident('1-2-101', '单建国')).toMatchObject({ initials: 'sjg' });
    expect(resident('1-1-201', '陈静')).toMatchObject({ kind: 'tenant', move_in: '2023-07-01', note: '租期至 2025-06-30' });
    expect(resident('1-2-301', '赵子轩')).toMatchObject({ kind: 'family', phone: null });
    expect(resident('3-2-502', '谢春梅')).toMatchObject({ phone: '02087654321' });
    const audit = auditRows().slice(auditBefore);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'roster.import', operator_id: 1 });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ fileName: 'sample-roster.csv', inserted: 30, updated: 0, rows: 30 });
    expect(audit[0]!.detail).not.toMatch(/张伟|曾国华|138|5606/);
    expect(verifyChain(sql).ok).toBe(true);
  });

  it('re-importing the same file changes nothing; a changed phone is 1 update and 0 new', async () => {
    addBuildings('1', '2', '3');
    await importFile(fixture('sample-roster.csv'));
    const again = await importFile(fixture('sample-roster.csv'));
    expect(again.preview.summary).toMatchObject({ new: 0, update: 0, unchanged: 30, error: 0 });
    expect(again.committed.result).toEqual({ inserted: 0, updated: 0, unchanged: 30, skipped: 0, buildingsCreated: 0 });
    expect(repo.stats(sql).residents).toBe(30);

    const changed = fs.readFileSync(path.join(FIXTURES, 'sample-roster.csv'), 'utf8').replace('13800138001', '13911112222');
    const c = await importFile(Buffer.from(changed, 'utf8'));
    expect(c.preview.summary).toMatchObject({ new: 0, update: 1, unchanged: 29 });
    expect(c.preview.rows.find((r) => r.status === 'update')).toMatchObject({ row: 2, name: '张伟', changes: ['电话'], phoneMasked: '139****2222' });
    expect(c.committed.result).toMatchObject({ inserted: 0, updated: 1 });
    expect(resident('1-1-101', '张伟')).toMatchObject({ phone: '13911112222', phone_last4: '2222' });
    expect(repo.stats(sql).residents).toBe(30);
  });

  it('residents missing from the file are left alone; blank cells do not erase; kind and dates update', async () => {
    addBuildings('1', '2', '3');
    await importFile(fixture('sample-roster.csv'));
    const c = await importFile(csv(['楼栋,单元,房号,姓名,类型,电话,迁出日期', '1,1,101,张伟,租户,,2026-10-31']));
    expect(c.preview.rows[0]).toMatchObject({ status: 'update', changes: ['类型', '迁出日期'] });
    expect(resident('1-1-101', '张伟')).toMatchObject({ kind: 'tenant', phone: '13800138001', move_in: '2019-05-01', move_out: '2026-10-31' });
    expect(resident('1-1-101', '李娜')).toBeTruthy();
    expect(repo.stats(sql).residents).toBe(30);
  });

  it('refuses to commit a file with errors unless told to skip them', async () => {
    addBuildings('1');
    const s = await preview(fixture('bad-rows.csv'));
    const e = appError(() => svc.commit(s.jobId, false, supervisor));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('10 行有错误');
    expect(e.message).toContain('跳过');
    expect(repo.stats(sql).residents).toBe(0);
    const done = await svc.commit(s.jobId, true, supervisor);
    expect(done.result).toEqual({ inserted: 2, updated: 0, unchanged: 0, skipped: 10, buildingsCreated: 0 });
    expect(repo.stats(sql).residents).toBe(2);
    expect(appError(() => svc.commit(s.jobId, true, supervisor)).message).toContain('已经导入过');
  });

  it('refuses to commit while the file is still being checked', () => {
    addBuildings('1', '2', '3');
    const { jobId } = svc.start('a.csv', fixture('sample-roster.csv'), false, supervisor);
    expect(appError(() => svc.commit(jobId, false, supervisor)).code).toBe('CONFLICT');
  });

  it('creates buildings, units and rooms when allowed', async () => {
    const { preview: p, committed } = await importFile(fixture('sample-roster.csv'), 'a.csv', true);
    expect(p.summary.buildingsToCreate).toEqual(['1', '2', '3']);
    expect(committed.result).toMatchObject({ inserted: 30, buildingsCreated: 3 });
    expect(repo.listBuildings(sql).map((b) => [b.code, b.name])).toEqual([
      ['1', '1栋'],
      ['2', '2栋'],
      ['3', '3栋'],
    ]);
  });

  it('imports a GBK CSV with the names right', async () => {
    const { preview: p } = await importFile(fixture('roster-gbk.csv'), 'roster-gbk.csv', true);
    expect(p.encoding).toBe('GB18030');
    expect(resident('1-1-101', '张伟')).toMatchObject({ initials: 'zw', move_in: '2019-05-01' });
    expect(resident('1-1-102', '曾国藩')).toMatchObject({ initials: 'zgf', kind: 'tenant' });
    expect(resident('2-2-301', '单田芳')).toMatchObject({ initials: 'stf', kind: 'family' });
  });

  it('imports an XLSX with Excel date cells and phones stored as numbers', async () => {
    addBuildings('1', '2');
    const { preview: p, committed } = await importFile(fixture('roster.xlsx'), 'roster.xlsx');
    expect(p.encoding).toBe('XLSX');
    expect(p.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(committed.result).toMatchObject({ inserted: 3 });
    expect(resident('1-1-101', '张伟')).toMatchObject({ phone: '13800138001', move_in: '2019-05-01', area_cm2: 8950 });
    expect(resident('2-2-301', '单田芳')).toMatchObject({ phone: '13812345678', move_in: '2020-02-01' });
  });

  it('a failure in the middle of the commit leaves the roster exactly as it was', async () => {
    addBuildings('1', '2', '3');
    await importFile(csv(['楼栋,单元,房号,姓名,电话', '1,1,101,张伟,13800138001']));
    db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON residents WHEN NEW.name = '谢春梅' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const before = snapshot();
    const s = await preview(Buffer.from(fixture('sample-roster.csv').toString('utf8').replace('13800138001', '13911112222'), 'utf8'));
    const e = await rejected(svc.commit(s.jobId, false, supervisor));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.message).toContain('没有任何改动');
    expect(snapshot()).toEqual(before);
    expect(resident('1-1-101', '张伟')?.phone).toBe('13800138001');
  });

  it('refuses when a building was deleted after the preview, and when the roster changed under it', async () => {
    addBuildings('1', '2', '3', '4');
    const s = await preview(csv(['楼栋,房号,姓名', '4,101,张伟']));
    db.prepare(`DELETE FROM buildings WHERE code = '4'`).run();
    const before = snapshot();
    const e = appError(() => svc.commit(s.jobId, false, supervisor));
    expect(e).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('楼栋 4 在预览之后被删除') });
    expect(snapshot()).toEqual(before);

    const a = await preview(fixture('sample-roster.csv'));
    const b = await preview(fixture('sample-roster.csv'));
    await svc.commit(a.jobId, false, supervisor);
    const after = snapshot();
    const e2 = appError(() => svc.commit(b.jobId, false, supervisor));
    expect(e2).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('预览之后名册已被修改') });
    expect(snapshot()).toEqual(after);
  });

  it('imports a 1,000-row XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['楼栋', '单元', '房号', '姓名', '类型', '电话', '入住日期']);
    const surnames = '王李张刘陈杨黄赵吴周曾单';
    for (let i = 0; i < 1000; i++)
      ws.addRow([
        1 + (i % 5),
        1 + (i % 2),
        101 + Math.floor(i / 10),
        `${surnames[i % surnames.length]}${'伟芳娜敏静'[i % 5]}${i}`,
        '业主',
        13800000000 + i,
        new Date(Date.UTC(2020, i % 12, 1)),
      ]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { preview: p, committed } = await importFile(data, 'big.xlsx', true);
    expect(p.summary).toMatchObject({ total: 1000, new: 1000, error: 0 });
    expect(p.rows).toHaveLength(200);
    expect(committed.result).toMatchObject({ inserted: 1000, buildingsCreated: 5 });
    expect(repo.stats(sql).residents).toBe(1000);
  });
});
