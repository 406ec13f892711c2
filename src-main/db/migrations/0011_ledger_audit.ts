import { canonicalJson, GENESIS_HASH, rowHash, verifyChain } from '../audit';
import { Sql } from '../sql';
import { rowDigest } from '../ledger';
import type { Migration } from './types';

/** The money and custody tables as they were when this migration shipped (frozen). */
const TABLES = [
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
];
const CHUNK = 5000;

/**
 * Money and custody rows join the audit chain. From now on each write to one of these tables appends an audit
 * entry `ledger.<op>` (entity = the table, entity_id = the row id, detail {v, digest}) in the same transaction;
 * this migration stamps the rows already there, one `ledger.backfill` entry per row, so that every existing
 * row is covered from the first start of the new version. The partial index finds a row's latest entry.
 * It also walks the chain as it was; if that verifies, the new head becomes the first checkpoint (start-up
 * then verifies only what comes after it), so the one long walk happens here, behind the pre-migration backup.
 */
export const m0011: Migration = {
  version: 11,
  name: 'ledger_audit',
  up(db) {
    db.exec(`CREATE INDEX audit_log_ledger ON audit_log(entity, entity_id) WHERE action GLOB 'ledger.*';`);
    const before = verifyChain(new Sql(db));
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const ids: Record<string, number> = {};
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS_HASH;
    const at = new Date().toISOString();
    const insert = db.prepare(
      'INSERT INTO audit_log (seq, at, operator_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)',
    );
    for (const table of TABLES) {
      const page = db.prepare(`SELECT * FROM "${table}" WHERE id > ? ORDER BY id LIMIT ${CHUNK}`);
      let after = 0;
      for (;;) {
        const rows = page.all(after) as Array<Record<string, unknown>>;
        for (const row of rows) {
          const base = {
            seq: ++seq,
            at,
            operator_id: null,
            action: 'ledger.backfill',
            entity: table,
            entity_id: String(row.id),
            detail: canonicalJson({ v: 1, digest: rowDigest(table, row) }),
          };
          const hash = rowHash(prev, base);
          insert.run(base.seq, at, base.action, table, base.entity_id, base.detail, prev, hash);
          prev = hash;
        }
        if (rows.length < CHUNK) break;
        after = Number(rows[rows.length - 1]?.id);
      }
      ids[table] = (db.prepare(`SELECT coalesce(max(id), 0) AS m FROM "${table}"`).get() as { m: number }).m;
    }
    if (before.ok) {
      const checkpoint = { seq, hash: prev, ids, at };
      db.prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES ('audit_checkpoint', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      ).run(JSON.stringify(checkpoint), at);
    }
  },
};
