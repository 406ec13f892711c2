import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupNow, listBackups, KEEP } from '../../src-main/db/backup';
import { fullCheckInWorker } from '../../src-main/db/maintenance';
import { openReadyCore, openTestCore } from '../support/core';

/** Overwrites pages in the middle of the file so SQLite's checks fail. */
function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const size = fs.fstatSync(fd).size;
  const junk = Buffer.alloc(4096 * 3, 0x5a);
  fs.writeSync(fd, junk, 0, junk.length, Math.max(4096, Math.floor(size / 2) - 4096));
  fs.closeSync(fd);
}

describe('backups and recovery', () => {
  it('keeps a rotated set of daily backups, each one a good database', async () => {
    const t = await openReadyCore();
    const s = t.core.need();
    for (let i = 0; i < KEEP.daily + 3; i++) {
      await backupNow(s.db, t.core.backupsDir, t.clock, 'daily');
      t.clock.advance(24 * 3600_000);
    }
    const daily = listBackups(t.core.backupsDir).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(KEEP.daily);
    // newest first, and the oldest three were removed
    expect((daily[0]?.createdAt ?? '') > (daily[daily.length - 1]?.createdAt ?? '')).toBe(true);
    await t.core.close();
  });

  it('a damaged store opens in recovery mode, and restoring the newest good backup brings the data back', async () => {
    const t = await openReadyCore();
    await t.call('roster.buildings.create', { code: '7', name: '7栋' });
    await t.call('system.backupNow', {});
    await t.core.close();

    // lots of data so the damage lands inside real pages
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(t.core.dbFile);
    raw.exec('CREATE TABLE filler (x TEXT)');
    const ins = raw.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 3000; i++) ins.run('x'.repeat(200));
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    damage(t.core.dbFile);

    const again = await openTestCore(t.dataDir, t.clock);
    const status = await again.call('system.status', {});
    expect(status.mode).toBe('recovery');
    expect(status.recovery?.problems[0]).toMatch(/数据库/);
    expect(status.recovery?.backups.some((b) => b.good)).toBe(true);
    // nothing else works until it is restored
    const refused = await again.raw('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_RECOVERY' } });

    const good = status.recovery?.backups.find((b) => b.good);
    await again.call('system.restoreBackup', { name: good?.name as string });
    const after = await again.call('system.status', {});
    expect(after.mode).toBe('ready');
    await again.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    const buildings = await again.call('roster.buildings.list', {});
    expect(buildings.map((b) => b.code)).toContain('7');
    // the damaged file is kept beside it, not deleted
    expect(fs.readdirSync(t.dataDir).some((f) => f.includes('.damaged-'))).toBe(true);
    const verify = await again.call('system.verifyAudit', {});
    expect(verify.ok).toBe(true);
    await again.core.close();
  });

  it('the full integrity check runs in a worker and reports damage', async () => {
    const t = await openReadyCore();
    const file = t.core.dbFile;
    expect(await fullCheckInWorker(file)).toEqual({ ok: true, problems: [] });
    await t.core.close();
    const copy = path.join(t.dataDir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    damage(copy);
    const r = await fullCheckInWorker(copy);
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBeGreaterThan(0);
  });
});

describe('maintenance', () => {
  it('backs up daily even while the counter is busy, and runs the full check first when idle', async () => {
    const t = await openReadyCore();
    const m = t.core.need().maintenance;
    await m.runIfDue(false);
    expect(listBackups(t.core.backupsDir).filter((b) => b.kind === 'daily')).toHaveLength(1);
    expect((await t.call('system.status', {})).integrity.lastFullCheckAt).toBeNull();
    await m.runIfDue(true);
    expect((await t.call('system.status', {})).integrity.ok).toBe(true);
    // not again the same day
    await m.runIfDue(true);
    expect(listBackups(t.core.backupsDir).filter((b) => b.kind === 'daily')).toHaveLength(1);
    t.clock.advance(24 * 3600_000 + 1);
    await m.runIfDue(false);
    expect(listBackups(t.core.backupsDir).filter((b) => b.kind === 'daily')).toHaveLength(2);
    // no -wal/-shm files are left beside the backups
    expect(fs.readdirSync(t.core.backupsDir).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
    await t.core.close();
  });

  it('status polling does not count as activity; signed-in calls do', async () => {
    const t = await openReadyCore();
    const before = t.core.sessions.lastActivityAt;
    t.clock.advance(60_000);
    await t.call('system.status', {});
    expect(t.core.sessions.lastActivityAt).toBe(before);
    await t.call('roster.stats', {});
    expect(t.core.sessions.lastActivityAt).toBe(t.clock.now().getTime());
  });

  it('after a failed full check no more backups are written', async () => {
    const t = await openReadyCore();
    t.core.system.setMaintenanceState({ lastFullCheckAt: t.clock.now().toISOString(), fullCheckOk: false });
    await t.core.need().maintenance.runIfDue(true);
    expect(listBackups(t.core.backupsDir)).toHaveLength(0);
    // an admin can take the counter into recovery from there
    await t.call('system.enterRecovery', {});
    expect((await t.call('system.status', {})).mode).toBe('recovery');
  });
});

describe('stores that must not be "recovered"', () => {
  it('a store from a newer version is refused without offering to overwrite it', async () => {
    const t = await openReadyCore();
    await t.call('system.backupNow', {});
    t.core.need().db.pragma('user_version = 99');
    await t.core.close();
    const again = await openTestCore(t.dataDir, t.clock);
    const s = await again.call('system.status', {});
    expect(s.mode).toBe('recovery');
    expect(s.recovery?.problems[0]).toContain('新版');
    expect(s.recovery?.backups).toEqual([]);
    const name = listBackups(t.core.backupsDir)[0]?.name as string;
    expect(await again.raw('system.restoreBackup', { name })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fs.readdirSync(t.dataDir).some((f) => f.includes('.damaged-'))).toBe(false);
  });

  it('a missing store next to existing backups opens recovery, not an empty first run', async () => {
    const t = await openReadyCore();
    await t.call('system.backupNow', {});
    await t.core.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(t.core.dbFile + s, { force: true });
    const again = await openTestCore(t.dataDir, t.clock);
    const s = await again.call('system.status', {});
    expect(s.mode).toBe('recovery');
    expect(s.recovery?.problems[0]).toContain('找不到数据库文件');
    await again.call('system.restoreBackup', { name: s.recovery?.backups[0]?.name as string });
    expect((await again.call('system.status', {})).mode).toBe('ready');
  });
});
