import { describe, expect, it } from 'vitest';
import { appendAudit, verifyChain } from '../../src-main/db/audit';
import { readCheckpoint } from '../../src-main/db/audit-check';
import { installLedgerStamp, LEDGER_TABLES, rowDigest } from '../../src-main/db/ledger';
import { TOUCHED_SINCE, verifyLedger } from '../../src-main/db/ledger-verify';
import { migrate } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open';
import { qb, Sql } from '../../src-main/db/sql';
import { ManualClock } from '../../src-main/lib/clock';

const clock = new ManualClock('2026-11-23T08:00:00Z');

function store() {
  const db = openDatabase(':memory:');
  migrate(db);
  const sql = new Sql(db);
  installLedgerStamp(sql, clock);
  db.prepare(
    "INSERT INTO operators (username, display_name, role, password_hash, created_at, updated_at) VALUES ('a', '王', 'admin', 'x', 'now', 'now')",
  ).run();
  return { db, sql };
}

const openSession = (db: Sql['db']) =>
  Number(
    db
      .prepare("INSERT INTO cash_sessions (terminal_id, operator_id, opened_at, float_fen, float_detail, status) VALUES ('T01', 1, 'now', 50000, '{}', 'open')")
      .run().lastInsertRowid,
  );

const ledgerEntries = (db: Sql['db']) =>
  db.prepare("SELECT action, entity, entity_id, detail FROM audit_log WHERE action GLOB 'ledger.*' ORDER BY seq").all() as Array<{
    action: string;
    entity: string;
    entity_id: string;
    detail: string;
  }>;

describe('the ledger stamp', () => {
  it('stamps a row written in a transaction before it commits, with the digest of the row as committed', () => {
    const { db, sql } = store();
    const id = sql.tx(() => {
      const s = openSession(db);
      // updated again in the same transaction: one entry, the final content
      db.prepare('UPDATE cash_sessions SET float_detail = \'{"10000":5}\' WHERE id = ?').run(s);
      return s;
    });
    const entries = ledgerEntries(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'ledger.insert', entity: 'cash_sessions', entity_id: String(id) });
    const row = db.prepare('SELECT * FROM cash_sessions WHERE id = ?').get(id) as Record<string, unknown>;
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ v: 1, digest: rowDigest('cash_sessions', row) });
    // a later state change: a new entry with the row as it now is
    sql.tx(() =>
      db
        .prepare("UPDATE cash_sessions SET status = 'closed', closed_at = 'later', expected_fen = 50000, counted_fen = 50000, variance_fen = 0 WHERE id = ?")
        .run(id),
    );
    expect(ledgerEntries(db).map((e) => e.action)).toEqual(['ledger.insert', 'ledger.update']);
    expect(verifyLedger(db).findings).toEqual([]);
    expect(verifyChain(sql).ok).toBe(true);
  });

  it('a transaction that rolls back leaves neither the row nor its entry, and nothing pending for the next one', () => {
    const { db, sql } = store();
    expect(() =>
      sql.tx(() => {
        openSession(db);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    sql.tx(() => appendAudit(sql, clock, { operatorId: 1, action: 'test.other', entity: 'thing', entityId: 1 }));
    expect(ledgerEntries(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM temp.ledger_dirty').get()).toEqual({ n: 0 });
  });

  it('nested transactions stamp once, at the outermost commit; a lone write outside a transaction is stamped in its own', () => {
    const { db, sql } = store();
    sql.tx(() => {
      const s = openSession(db);
      sql.tx(() =>
        db.prepare("INSERT INTO cash_movements (session_id, kind, amount_fen, reason, operator_id, at) VALUES (?, 'in', 100, '补零钱', 1, 'now')").run(s),
      );
      expect(ledgerEntries(db)).toEqual([]);
    });
    expect(ledgerEntries(db).map((e) => e.entity)).toEqual(['cash_sessions', 'cash_movements']);
    sql.run(qb.insertInto('cash_movements').values({ session_id: 1, kind: 'out', amount_fen: 50, reason: '找零钱', operator_id: 1, at: 'now' }));
    expect(ledgerEntries(db).map((e) => e.entity)).toEqual(['cash_sessions', 'cash_movements', 'cash_movements']);
    expect(verifyLedger(db).findings).toEqual([]);
  });

  it('the start-up query reads only the chain rows after the checkpoint (rowid range), never every ledger entry', () => {
    const { db } = store();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${TOUCHED_SINCE}`).all(0) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toContain('USING INTEGER PRIMARY KEY (rowid>?)');
    expect(plan).not.toContain('audit_log_ledger');
  });

  it('covers exactly the money and custody tables', () => {
    expect([...LEDGER_TABLES].sort()).toEqual([
      'card_events',
      'card_stock_moves',
      'cards',
      'cash_movements',
      'cash_sessions',
      'key_counts',
      'key_loans',
      'parcels',
      // every pass handed out, its one verification, the pre-printed form register (no personal data in any of them)
      'pass_form_batches',
      'pass_form_counts',
      'pass_forms',
      'pass_issues',
      'pass_verifications',
      'payments',
      'receipt_lines',
      'receipts',
      'receivable_allocations',
      'removal_pass_items',
      'removal_passes',
    ]);
  });

  it('the digest ignores key order and NULL columns, and names the table', () => {
    expect(rowDigest('payments', { id: 1, amount_fen: 100, reference: null })).toBe(rowDigest('payments', { amount_fen: 100, id: 1 }));
    expect(rowDigest('payments', { id: 1, amount_fen: 100 })).not.toBe(rowDigest('cash_movements', { id: 1, amount_fen: 100 }));
    expect(rowDigest('payments', { id: 1, amount_fen: 100 })).not.toBe(rowDigest('payments', { id: 1, amount_fen: 1 }));
  });
});

describe('migration 0011 (ledger audit) on an existing store', () => {
  it('stamps every existing ledger row into the chain, one backfill entry per row, and the store then verifies', () => {
    const db = openDatabase(':memory:');
    migrate(db, { migrations: MIGRATIONS.slice(0, 7) });
    const sql = new Sql(db);
    db.prepare(
      "INSERT INTO operators (username, display_name, role, password_hash, created_at, updated_at) VALUES ('a', '王', 'admin', 'x', 'now', 'now')",
    ).run();
    sql.tx(() => appendAudit(sql, clock, { operatorId: 1, action: 'system.setup', entity: 'system', entityId: 'T01' }));
    const s = openSession(db);
    for (let i = 1; i <= 3; i++) {
      const r = Number(
        db
          .prepare(
            "INSERT INTO receipts (receipt_no, terminal_id, seq, kind, session_id, operator_id, issued_at, total_fen, request_id) VALUES (?, 'T01', ?, 'receipt', ?, 1, 'now', 10000, ?)",
          )
          .run(`T01-0000000${i}`, i, s, `request-${i}`).lastInsertRowid,
      );
      db.prepare("INSERT INTO receipt_lines (receipt_id, line_no, name, category, amount_fen) VALUES (?, 1, '管理费', 'property', 10000)").run(r);
      db.prepare("INSERT INTO payments (receipt_id, method, amount_fen) VALUES (?, 'cash', 10000)").run(r);
    }
    // before: rows the chain knows nothing about
    expect(verifyLedger(db).findings.length).toBeGreaterThan(0);
    migrate(db);
    expect(verifyChain(sql).ok).toBe(true);
    expect(verifyLedger(db).findings).toEqual([]);
    const perRow = db.prepare("SELECT entity, count(*) AS n FROM audit_log WHERE action = 'ledger.backfill' GROUP BY entity ORDER BY entity").all();
    expect(perRow).toEqual([
      { entity: 'cash_sessions', n: 1 },
      { entity: 'payments', n: 3 },
      { entity: 'receipt_lines', n: 3 },
      { entity: 'receipts', n: 3 },
    ]);
    // the chain as it was verified during the migration: its new head is the first checkpoint
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect(readCheckpoint(db)).toMatchObject({ seq: head.seq, hash: head.hash, ids: { receipts: 3, payments: 3, cash_sessions: 1, parcels: 0 } });
    // and a row changed afterwards is found
    db.exec('DROP TRIGGER receipts_no_update');
    db.prepare('UPDATE receipts SET total_fen = 1 WHERE id = 2').run();
    expect(verifyLedger(db).findings).toEqual([expect.objectContaining({ kind: 'row-changed', table: 'receipts', id: 2 })]);
  });
});

describe('migration 0011 (ledger audit) on a store whose chain was already broken', () => {
  it('stamps the rows but leaves no checkpoint, so the next start walks the whole chain and reports the break', () => {
    const db = openDatabase(':memory:');
    migrate(db, { migrations: MIGRATIONS.slice(0, 7) });
    const sql = new Sql(db);
    for (let i = 0; i < 3; i++) sql.tx(() => appendAudit(sql, clock, { operatorId: null, action: 'test.event', entity: 'thing', entityId: i }));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET detail = \'{"x":1}\' WHERE seq = 2').run();
    migrate(db);
    expect(readCheckpoint(db)).toBeNull();
    expect(verifyChain(sql)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
});
