import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Clock } from '../lib/clock';
import { appendAudit, appendAuditRows, type AuditEntry } from './audit';
import type { Db } from './open';
import type { Sql } from './sql';

/**
 * The money and custody tables: every row of these is stamped into the audit chain. Each write to one of
 * them (insert or later state change) appends an audit entry `ledger.<op>` with entity = the table, entity_id =
 * the row id and detail {v: 1, digest}: the sha256 of the row as it is after the write. Verification
 * recomputes each row's digest and compares it with the latest such entry for that row.
 */
export const LEDGER_TABLES = [
  'receipts',
  'receipt_lines',
  'payments',
  'cash_sessions',
  'cash_movements',
  'key_loans',
  'key_counts',
  'cards',
  'card_events',
  'card_stock_moves',
  'parcels',
  // visitors and passes (0013): every pass handed out, its one-time verification, the pre-printed form register
  'pass_issues',
  'pass_verifications',
  'pass_form_batches',
  'pass_forms',
  'pass_form_counts',
  'removal_passes',
  'removal_pass_items',
  'receivable_allocations',
] as const;
export type LedgerTable = (typeof LEDGER_TABLES)[number];

export const isLedgerTable = (t: string): t is LedgerTable => (LEDGER_TABLES as readonly string[]).includes(t);

/** What the counter calls each table, for findings shown to a supervisor. */
export const LEDGER_LABEL: Record<LedgerTable, string> = {
  receipts: '收据',
  receipt_lines: '收据明细',
  payments: '付款记录',
  cash_sessions: '备用金班次',
  cash_movements: '现金存取',
  key_loans: '钥匙借出',
  key_counts: '钥匙盘点',
  cards: '门禁卡',
  card_events: '门禁卡事件',
  card_stock_moves: '空白卡库存',
  parcels: '快递',
  pass_issues: '通行证',
  pass_verifications: '放行核验',
  pass_form_batches: '出入证领用',
  pass_form_counts: '出入证盘点',
  pass_forms: '出入证表单',
  removal_passes: '搬运放行条',
  removal_pass_items: '放行物品',
  receivable_allocations: '欠费销账',
};

/** The audit actions that carry a row digest. `accept` is a supervisor's acceptance of a row as it now is. */
export type LedgerOp = 'insert' | 'update' | 'delete' | 'backfill' | 'accept';
export const LEDGER_FORMAT = 1;

/**
 * Canonical serialisation of a row (format 1, frozen: digests already in the chain depend on it): the
 * columns as a JSON object with keys sorted, NULL columns left out (so a column added later with no default
 * does not change the digest of older rows), the table name first.
 */
export function canonicalRow(table: string, row: Record<string, unknown>): string {
  const keys = Object.keys(row)
    .filter((k) => row[k] !== null && row[k] !== undefined)
    .sort();
  const body = keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(typeof row[k] === 'bigint' ? String(row[k]) : row[k])}`).join(',');
  return `${table}\n{${body}}`;
}

export function rowDigest(table: string, row: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalRow(table, row)).digest('hex');
}

export function ledgerDetail(digest: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { v: LEDGER_FORMAT, digest, ...extra };
}

const rowStatements = new WeakMap<Db, Map<string, Statement<[number], Record<string, unknown>>>>();

/** The row as it is now (prepared once per connection and table). */
export function currentRow(db: Db, table: LedgerTable, id: number): Record<string, unknown> | undefined {
  let m = rowStatements.get(db);
  if (!m) rowStatements.set(db, (m = new Map()));
  let st = m.get(table);
  if (!st) m.set(table, (st = db.prepare(`SELECT * FROM main."${table}" WHERE id = ?`)));
  return st.get(id);
}

/** The ledger entry for a row as it is now (null digest: the row is gone). */
export function ledgerEntry(
  db: Db,
  table: LedgerTable,
  id: number,
  op: LedgerOp,
  operatorId: number | null = null,
  extra: Record<string, unknown> = {},
): AuditEntry {
  const row = currentRow(db, table, id);
  return { operatorId, action: `ledger.${op}`, entity: table, entityId: id, detail: ledgerDetail(row ? rowDigest(table, row) : null, extra) };
}

/** Appends one ledger entry for a row. Call inside the writing transaction. */
export function stampRow(
  sql: Sql,
  clock: Clock,
  table: LedgerTable,
  id: number,
  op: LedgerOp,
  operatorId: number | null = null,
  extra: Record<string, unknown> = {},
) {
  return appendAudit(sql, clock, ledgerEntry(sql.db, table, id, op, operatorId, extra));
}

/**
 * Stamps every ledger write made through this connection: temporary triggers (they live on this connection
 * only, never in the file) note each inserted, updated or deleted row, and at the end of each outermost
 * transaction (Sql.beforeCommit) one audit entry per noted row is appended, in that same transaction.
 * A write made any other way (another connection, sqlite3 on the file) gets no entry, and verification
 * reports it.
 */
export function installLedgerStamp(sql: Sql, clock: Clock): void {
  const ddl = [`CREATE TEMP TABLE IF NOT EXISTS ledger_dirty (tbl TEXT NOT NULL, id INTEGER NOT NULL, op TEXT NOT NULL, UNIQUE (tbl, id))`];
  for (const t of LEDGER_TABLES) {
    for (const [when, ref, op] of [
      ['INSERT', 'NEW', 'insert'],
      ['UPDATE', 'NEW', 'update'],
      ['DELETE', 'OLD', 'delete'],
    ] as const) {
      ddl.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS ledger_mark_${t}_${op} AFTER ${when} ON main."${t}" BEGIN ` +
          `INSERT INTO ledger_dirty (tbl, id, op) SELECT '${t}', ${ref}.id, '${op}' WHERE NOT EXISTS (SELECT 1 FROM ledger_dirty WHERE tbl = '${t}' AND id = ${ref}.id); END`,
      );
    }
  }
  sql.db.exec(ddl.join(';\n'));
  const pending = sql.db.prepare('SELECT tbl, id, op FROM temp.ledger_dirty ORDER BY rowid');
  const clear = sql.db.prepare('DELETE FROM temp.ledger_dirty');
  sql.beforeCommit = () => {
    const rows = pending.all() as Array<{ tbl: LedgerTable; id: number; op: LedgerOp }>;
    if (rows.length === 0) return;
    appendAuditRows(
      sql,
      clock,
      rows.map((r) => ledgerEntry(sql.db, r.tbl, r.id, r.op)),
    );
    clear.run();
  };
}
