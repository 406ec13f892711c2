import type { Db } from './open';
import type { Migration } from './migrations/types';
import { MIGRATIONS } from './migrations';

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`数据库版本 ${found} 比本程序支持的版本 ${supported} 新：请安装新版 LobbyDesk，不要用旧版打开此数据库。`);
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export interface MigrateOptions {
  migrations?: readonly Migration[];
  /** Called once before the first pending migration runs on a database that already holds data. */
  beforeMigrate?: (from: number, to: number) => void;
}

/**
 * Brings the database to the newest schema. Each migration runs in its own transaction together
 * with the user_version bump, so a crash leaves the database at the previous version, never between.
 */
export function migrate(db: Db, opts: MigrateOptions = {}): { from: number; to: number } {
  const list = opts.migrations ?? MIGRATIONS;
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}: expected version ${i + 1}`);
  });
  const latest = list.length;
  const from = schemaVersion(db);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  if (from === latest) return { from, to: from };
  if (from > 0) opts.beforeMigrate?.(from, latest);
  for (const m of list.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: latest };
}
