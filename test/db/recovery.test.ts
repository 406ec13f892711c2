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
