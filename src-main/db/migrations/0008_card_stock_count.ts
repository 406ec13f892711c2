import type { Db } from '../open';
import type { Migration } from './types';

/**
 * Blank-card stock counts (盘点): a supervisor records the blank cards found, and the difference to the ledger
 * is one stock move of kind 'count' (either sign). Only the kind list and the sign rule of card_stock_moves are
 * widened. That is done in place, by SQLite's documented procedure for loosening a CHECK constraint (edit the
 * table's CREATE text in the schema, bump schema_version): rebuilding the table would drop and recreate its
 * append-only triggers. Every existing row satisfies the wider rule, so nothing on disk changes.
 */
const EDITS: ReadonlyArray<readonly [string, string]> = [
  ["kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'issue', 'return'))", "kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'issue', 'return', 'count'))"],
  [
    "CHECK ((kind IN ('in', 'return') AND quantity > 0) OR (kind IN ('out', 'issue') AND quantity < 0))",
    "CHECK ((kind IN ('in', 'return') AND quantity > 0) OR (kind IN ('out', 'issue') AND quantity < 0) OR kind = 'count')",
  ],
];

/**
 * Replaces each `from` (found exactly once) by `to` in a table's CREATE text, in place. Only for loosening a
 * CHECK constraint that every existing row already satisfies under the new text. Later migrations reuse it.
 */
export function loosenChecks(db: Db, table: string, edits: ReadonlyArray<readonly [string, string]>): void {
  const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
  if (!row) throw new Error(`${table} is missing`);
  let sql = row.sql;
  for (const [from, to] of edits) {
    if (sql.split(from).length !== 2) throw new Error(`${table}: the constraint to widen was not found exactly once: ${from}`);
    sql = sql.replace(from, to);
  }
  const version = Number(db.pragma('schema_version', { simple: true }));
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    const n = db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?").run(sql, table).changes;
    if (n !== 1) throw new Error(`${table}: schema row not updated`);
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
  // the new text must parse: this reloads the schema (a bad edit fails here and the migration rolls back)
  db.prepare(`SELECT count(*) FROM ${table}`).get();
}

export const m0008: Migration = {
  version: 8,
  name: 'card_stock_count',
  up(db) {
    loosenChecks(db, 'card_stock_moves', EDITS);
  },
};
