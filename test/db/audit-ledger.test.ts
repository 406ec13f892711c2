import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_TABLES, type LedgerTable } from '../../src-main/db/ledger';
import { tmpDir } from '../support/core';
import { copyOfStore, counterDay, fullCheck, latestLedgerSeq, tamper } from './audit-ledger.fixture';

/**
 * The tamper test: a copy of a store after a counter day, changed the way someone with sqlite3 on the file
 * would (protective triggers dropped, a row edited, the triggers even put back). The full check names the row:
 * its table, its id and the audit entry its content no longer matches.
 */
let base = '';
let receiptId = 0;

beforeAll(async () => {
  const t = await counterDay();
  receiptId = t.receiptId;
  base = await copyOfStore(t, 'day');
}, 60_000);

function copy(name: string): string {
  const file = path.join(tmpDir('lobbydesk-tamper-'), `${name}.sqlite`);
  fs.copyFileSync(base, file);
  return file;
}

/** One edit per ledger table that keeps every CHECK constraint satisfied (so only the digest can tell). */
const EDITS: Record<LedgerTable, string> = {
  receipts: 'UPDATE receipts SET total_fen = 1 WHERE id = ?',
  receipt_lines: 'UPDATE receipt_lines SET amount_fen = 1 WHERE id = ?',
  payments: 'UPDATE payments SET amount_fen = 1 WHERE id = ?',
  cash_sessions: 'UPDATE cash_sessions SET counted_fen = counted_fen - 2000, variance_fen = -2000 WHERE id = ?',
  cash_movements: 'UPDATE cash_movements SET amount_fen = 200000 WHERE id = ?',
  key_loans: "UPDATE key_loans SET borrower_name = '李四' WHERE id = ?",
  key_counts: "UPDATE key_counts SET counted = 0, explanation = '已核对' WHERE id = ?",
  cards: 'UPDATE cards SET deposit_fen = 50000 WHERE id = ?',
  card_events: "UPDATE card_events SET at = '2026-01-01T00:00:00.000Z' WHERE id = ?",
  card_stock_moves: 'UPDATE card_stock_moves SET quantity = quantity * 10 WHERE id = ?',
  parcels: "UPDATE parcels SET collector = '李四' WHERE id = ?",
  pass_issues: "UPDATE pass_issues SET note = '改过' WHERE id = ?",
  pass_verifications: "UPDATE pass_verifications SET at = '2026-01-01T00:00:00.000Z' WHERE id = ?",
  pass_form_batches: "UPDATE pass_form_batches SET signed_by = '李四' WHERE id = ?",
  pass_forms: "UPDATE pass_forms SET changed_at = '2026-01-01T00:00:00.000Z' WHERE id = ?",
  pass_form_counts: "UPDATE pass_form_counts SET explanation = '已核对' WHERE id = ?",
  removal_passes: "UPDATE removal_passes SET moving_company = '李四搬家' WHERE id = ?",
  removal_pass_items: 'UPDATE removal_pass_items SET quantity = quantity + 1 WHERE id = ?',
  receivable_allocations: 'UPDATE receivable_allocations SET amount_fen = 1 WHERE id = ?',
};

function firstId(file: string, table: LedgerTable): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT min(id) AS id FROM ${table}`).get() as { id: number | null }).id ?? 0;
  } finally {
    db.close();
  }
}

describe('money and custody rows are in the audit chain', () => {
  it('a counter day leaves every ledger table stamped: the full check passes', () => {
    for (const t of LEDGER_TABLES) expect(firstId(base, t), `a row of ${t}`).toBeGreaterThan(0);
    const r = fullCheck(base);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.ledgerRows).toBeGreaterThanOrEqual(LEDGER_TABLES.length);
  });

  it.each(LEDGER_TABLES)('%s: a row changed with the triggers dropped (and put back) is named with its audit entry', (table) => {
    const file = copy(`changed-${table}`);
    const id = firstId(file, table);
    const seq = latestLedgerSeq(file, table, id);
    tamper(file, (db) => expect(db.prepare(EDITS[table]).run(id).changes).toBe(1), { restoreTriggers: true });
    const r = fullCheck(file);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'row-changed', table, rowId: id, seq })]);
    expect(r.problems[0]?.message).toContain(`第 ${id} 行`);
    expect(r.problems[0]?.message).toContain(`第 ${seq} 条`);
  });

  it('a deleted row is named, with the audit entry that recorded it', () => {
    const file = copy('deleted');
    const id = firstId(file, 'payments');
    const seq = latestLedgerSeq(file, 'payments', id);
    tamper(file, (db) => db.prepare('DELETE FROM payments WHERE id = ?').run(id), { restoreTriggers: true });
    expect(fullCheck(file).problems).toEqual([expect.objectContaining({ kind: 'row-deleted', table: 'payments', rowId: id, seq })]);
  });

  it('a row inserted from outside the app (no audit entry) is named', () => {
    const file = copy('inserted');
    let id = 0;
    tamper(
      file,
      (db) => {
        id = Number(
          db
            .prepare(
              "INSERT INTO cash_movements (session_id, kind, amount_fen, reason, operator_id, at) VALUES (1, 'in', 100000, '补充零钱', 1, '2026-11-23T03:00:00.000Z')",
            )
            .run().lastInsertRowid,
        );
      },
      { restoreTriggers: true },
    );
    expect(fullCheck(file).problems).toEqual([expect.objectContaining({ kind: 'row-inserted', table: 'cash_movements', rowId: id, seq: null })]);
  });

  it('a ¥100.00 receipt changed to ¥0.01 with the triggers dropped: verify-audit names the receipt and the missing triggers, exit 1', async () => {
    const file = copy('penny');
    tamper(file, (db) => {
      db.prepare('UPDATE receipts SET total_fen = 1 WHERE id = ?').run(receiptId);
    });
    const r = fullCheck(file);
    expect(r.problems.filter((p) => p.kind === 'trigger-missing').map((p) => p.name)).toEqual(
      expect.arrayContaining(['receipts_no_update', 'audit_log_no_update']),
    );
    expect(r.problems.filter((p) => p.kind.startsWith('row-'))).toEqual([
      expect.objectContaining({ kind: 'row-changed', table: 'receipts', rowId: receiptId }),
    ]);

    const run = promisify(execFile);
    const out = await run(process.execPath, ['--import', 'tsx', 'src-main/db/verify-cli.ts', file], { cwd: process.cwd() }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`收据（receipts）第 ${receiptId} 行的内容与审计链第`);
    expect(out.stdout).toContain('保护触发器「receipts_no_update」');
  }, 60_000);

  it('an edit to the audit entry that holds the digest breaks the chain instead', () => {
    const file = copy('entry');
    const seq = latestLedgerSeq(file, 'receipts', receiptId);
    tamper(
      file,
      (db) => {
        db.prepare('UPDATE receipts SET total_fen = 1 WHERE id = ?').run(receiptId);
        db.prepare('UPDATE audit_log SET detail = \'{"digest":"0000","v":1}\' WHERE seq = ?').run(seq);
      },
      { restoreTriggers: true },
    );
    expect(fullCheck(file).problems[0]).toMatchObject({ kind: 'chain', seq, reason: 'hash-mismatch' });
  });
});
