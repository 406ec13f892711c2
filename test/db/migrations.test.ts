import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, readPragmas } from '../../src-main/db/open';
import { migrate, schemaVersion, NewerDatabaseError } from '../../src-main/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src-main/db/migrations';
import type { Migration } from '../../src-main/db/migrations/types';
import { backupBeforeMigrate, listBackups } from '../../src-main/db/backup';
import { ManualClock } from '../../src-main/lib/clock';
import { tmpDir } from '../support/core';

const tables = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

describe('migrations', () => {
  it('each migration applies on :memory: in order and sets user_version', () => {
    const db = openDatabase(':memory:');
    for (const m of MIGRATIONS) {
      migrate(db, { migrations: MIGRATIONS.slice(0, m.version) });
      expect(schemaVersion(db)).toBe(m.version);
    }
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['settings', 'operators', 'approvals', 'audit_log', 'buildings', 'units', 'rooms', 'residents']));
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('running migrate twice is a no-op', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(migrate(db)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
  });

  it('refuses a database from a newer version of the app', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
    expect(() => migrate(db)).toThrow(/请安装新版/);
  });

  it('a failing migration rolls back completely and leaves the previous version', () => {
    const db = openDatabase(':memory:');
    const bad: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        d.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    migrate(db);
    expect(() => migrate(db, { migrations: [...MIGRATIONS, bad] })).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
  });

  it('backs up a database that holds data before migrating it', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'x.sqlite');
    const clock = new ManualClock('2026-11-23T01:02:03Z');
    const db = openDatabase(file);
    migrate(db);
    db.prepare("INSERT INTO settings VALUES ('property_name', '阳光花园', 'now')").run();
    const next: Migration = { version: SCHEMA_VERSION + 1, name: 'next', up: (d) => d.exec('CREATE TABLE later (x INTEGER)') };
    migrate(db, { migrations: [...MIGRATIONS, next], beforeMigrate: (from) => backupBeforeMigrate(db, path.join(dir, 'backups'), clock, from) });
    const backups = listBackups(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]?.kind).toBe('pre-migrate');
    const copy = openDatabase(backups[0]?.file as string, { readonly: true });
    expect(schemaVersion(copy)).toBe(SCHEMA_VERSION);
    expect(copy.prepare("SELECT value FROM settings WHERE key='property_name'").get()).toEqual({ value: '阳光花园' });
    copy.close();
    db.close();
  });

  it('rejects a migration list that is out of order', () => {
    const db = openDatabase(':memory:');
    const skip: Migration = { version: SCHEMA_VERSION + 2, name: 'gap', up: () => {} };
    expect(() => migrate(db, { migrations: [...MIGRATIONS, skip] })).toThrow(/out of order/);
  });
});

describe('pragmas', () => {
  it('a file database runs WAL with synchronous=FULL, even after writes and on reopen', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'p.sqlite');
    let db = openDatabase(file);
    migrate(db);
    db.prepare("INSERT INTO settings VALUES ('k', 'v', 'now')").run();
    expect(readPragmas(db)).toMatchObject({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
    expect(readPragmas(db).busyTimeout).toBeGreaterThan(0);
    db.close();
    db = openDatabase(file);
    expect(readPragmas(db)).toMatchObject({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('foreign keys are enforced', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    expect(() => db.prepare("INSERT INTO units (building_id, code) VALUES (999, '1')").run()).toThrow(/FOREIGN KEY/);
  });
});
