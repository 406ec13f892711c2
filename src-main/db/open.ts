import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Path to a better_sqlite3.node built for Electron's ABI (the Electron shell passes it; plain Node leaves it unset). */
  nativeBinding?: string;
  busyTimeoutMs?: number;
}

export class PragmaError extends Error {}

/**
 * Opens the store with the pragmas the data rules require and reads each one back.
 * better-sqlite3 is compiled with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a WAL database silently
 * drops to synchronous=NORMAL unless FULL is set on every connection; we refuse to run otherwise.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    applyPragmas(db, file, opts);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function applyPragmas(db: Db, file: string, opts: OpenOptions): void {
  db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
  db.pragma('foreign_keys = ON');
  if (!opts.readonly) {
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    // An in-memory database reports 'memory'; every file database must be in WAL.
    const inMemory = file === ':memory:' || file === '';
    if (!inMemory && mode.toLowerCase() !== 'wal') throw new PragmaError(`journal_mode is ${mode}, expected wal`);
  }
  db.pragma('synchronous = FULL');
  const sync = Number(db.pragma('synchronous', { simple: true }));
  if (sync !== 2) throw new PragmaError(`synchronous is ${sync}, expected 2 (FULL)`);
  const fk = Number(db.pragma('foreign_keys', { simple: true }));
  if (fk !== 1) throw new PragmaError('foreign_keys could not be enabled');
}

export interface PragmaReadback {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
  busyTimeout: number;
}

export function readPragmas(db: Db): PragmaReadback {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
}

/** PRAGMA quick_check: 'ok' or the list of problems SQLite reports (first 20). */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check(20)') as Array<{ quick_check: string }>;
  const msgs = rows.map((r) => r.quick_check);
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs;
}

export function integrityCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>;
  const msgs = rows.map((r) => r.integrity_check);
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs;
}
