import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../lib/clock';
import { openDatabase, quickCheck, type Db } from './open';
import { SCHEMA_VERSION } from './migrations';

export interface BackupInfo {
  file: string;
  name: string;
  kind: 'daily' | 'pre-migrate' | 'manual';
  createdAt: string;
  bytes: number;
}

const NAME = /^lobbydesk-(daily|pre-migrate|manual)-(\d{8}T\d{9}Z)(?:-v\d+)?\.sqlite$/;
export const KEEP = { daily: 14, 'pre-migrate': 5, manual: 10 } as const;

/** 2026-11-23T08:00:00.123Z → 20261123T080000123Z (millisecond resolution: two backups never share a name) */
function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    out.push({ file, name, kind: m[1] as BackupInfo['kind'], createdAt: parseStamp(m[2] ?? ''), bytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

function rotate(dir: string, kind: BackupInfo['kind']): void {
  const old = listBackups(dir)
    .filter((b) => b.kind === kind)
    .slice(KEEP[kind]);
  for (const b of old) fs.rmSync(b.file, { force: true });
}

/** Online backup with better-sqlite3's backup API (does not block the counter). Verified before it counts. */
export async function backupNow(db: Db, dir: string, clock: Clock, kind: 'daily' | 'manual' = 'daily'): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const name = `lobbydesk-${kind}-${stamp(clock.now())}.sqlite`;
  const file = path.join(dir, name);
  const tmp = `${file}.partial`;
  if (fs.existsSync(file)) throw new Error(`backup ${name} already exists`);
  try {
    await db.backup(tmp);
    assertGoodBackup(tmp);
    fs.renameSync(tmp, file);
  } finally {
    // verifying opens the copy, which leaves -wal/-shm files beside it
    removeSidecars(tmp);
    fs.rmSync(tmp, { force: true });
  }
  rotate(dir, kind);
  return listBackups(dir).find((b) => b.name === name) as BackupInfo;
}

/** Synchronous copy used right before a migration (VACUUM INTO writes a consistent, compact copy). */
export function backupBeforeMigrate(db: Db, dir: string, clock: Clock, fromVersion: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `lobbydesk-pre-migrate-${stamp(clock.now())}-v${fromVersion}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  rotate(dir, 'pre-migrate');
  return file;
}

/** A usable backup: passes quick_check and was written by this version of the app or an older one. */
function assertGoodBackup(file: string): void {
  const copy = openDatabase(file, { readonly: true });
  try {
    const problems = quickCheck(copy);
    if (problems.length) throw new Error(`backup failed its check: ${problems.join('; ')}`);
    const version = Number(copy.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) throw new Error(`backup is from a newer version (schema ${version})`);
  } finally {
    copy.close();
  }
}

const health = new Map<string, { key: string; good: boolean }>();

/** Checks a backup once per (file, size, mtime): the recovery screen asks every few seconds. */
export function isGoodBackup(file: string): boolean {
  let key: string;
  try {
    const st = fs.statSync(file);
    key = `${st.size}:${st.mtimeMs}`;
  } catch {
    return false;
  }
  const cached = health.get(file);
  if (cached?.key === key) return cached.good;
  let good: boolean;
  try {
    assertGoodBackup(file);
    good = true;
  } catch {
    good = false;
  } finally {
    removeSidecars(file);
  }
  health.set(file, { key, good });
  return good;
}

/**
 * Replaces a damaged database with a backup. The damaged file (and its -wal/-shm) is kept beside it,
 * renamed, so nothing is destroyed. The caller must have closed every connection first.
 */
export function restoreFromBackup(dbFile: string, backupFile: string, clock: Clock): { keptAs: string } {
  if (!isGoodBackup(backupFile)) throw new Error('所选备份文件本身已损坏，请选择另一个备份。');
  const keptAs = `${dbFile}.damaged-${stamp(clock.now())}`;
  if (fs.existsSync(keptAs)) throw new Error('刚刚已经恢复过一次：请稍候再试。');
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, keptAs + suffix);
  }
  fs.copyFileSync(backupFile, dbFile);
  return { keptAs };
}
