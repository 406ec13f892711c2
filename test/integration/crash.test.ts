import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrash, type CrashSummary } from '../../scripts/crash/harness';
import { checkStore, closeSnapshot, openSnapshot, type AckedReceipt, type Expectations } from '../../scripts/crash/check';

/**
 * The crash test at CI size (npm run test:crash runs 300 kills): a child collecting payments through the
 * real core is SIGKILLed at random moments; after every kill the store must hold every acknowledged
 * receipt, nothing partial, gapless numbers and a verifying audit chain. Then negative controls: the same
 * checker on copies of the store damaged by hand must report each damage.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-crash-test-'));
const dbFile = path.join(dir, 'lobbydesk.sqlite');
let summary: CrashSummary | null = null;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the store says it holds, as if every receipt in it had been acknowledged with these values. */
function expectationsFrom(file: string): Expectations {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT receipt_no, kind, total_fen, request_id, original_id FROM receipts').all() as Array<{
    receipt_no: string;
    kind: 'receipt' | 'void';
    total_fen: number;
    request_id: string;
    original_id: number | null;
  }>;
  db.close();
  const acked = new Map<string, AckedReceipt>(
    rows.map((r) => [
      r.receipt_no,
      r.kind === 'void' ? { kind: 'void', total: r.total_fen, orig: r.original_id as number } : { kind: 'receipt', total: r.total_fen, req: r.request_id },
    ]),
  );
  return { acked, pending: null, seen: new Map(), printingBefore: new Set(), reopenedSince: true };
}

/** A copy of the crash-tested store with `damage` done to it, checked against what the original held. */
async function checkDamaged(name: string, damage: (db: Database.Database) => void): Promise<string[]> {
  const copy = path.join(dir, `${name}.sqlite`);
  const src = new Database(dbFile, { readonly: true });
  await src.backup(copy);
  src.close();
  const exp = expectationsFrom(copy);
  const db = new Database(copy);
  damage(db);
  db.close();
  const snap = openSnapshot(copy);
  const r = checkStore(snap, exp);
  if (snap) closeSnapshot(snap);
  return r.failures;
}

const dropGuards = (db: Database.Database) => {
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string }>)
    db.exec(`DROP TRIGGER "${name}"`);
};

describe('crash test (SIGKILL while collecting payments)', () => {
  it('25 kills: nothing acknowledged lost, nothing partial, numbers gapless, audit chain verifies', { timeout: 180_000 }, async () => {
    summary = await runCrash({ kills: 25, seed: 20261123, dataDir: dir, keep: true });
    expect(summary.failures).toEqual([]);
    expect(summary.kills).toBeGreaterThanOrEqual(25);
    expect(summary.acknowledged).toBeGreaterThan(50);
    expect(summary.voids).toBeGreaterThan(0);
    // the one request in flight at the last kill may have committed without an acknowledgement
    expect(summary.receipts - summary.acknowledged).toBeGreaterThanOrEqual(0);
    expect(summary.receipts - summary.acknowledged).toBeLessThanOrEqual(1);
    expect(summary.kills).toBe(Object.values(summary.phases).reduce((a, b) => a + b, 0));
    expect(summary.jobs.printing ?? 0).toBe(0);
  });

  describe('negative controls: the checker reports damage', () => {
    it('an undamaged copy passes', async () => {
      expect(summary?.failures).toEqual([]);
      expect(await checkDamaged('clean', () => {})).toEqual([]);
    });

    it('a receipt missing a line (partial) is reported', async () => {
      const failures = await checkDamaged('partial', (db) => {
        dropGuards(db);
        const line = db
          .prepare('SELECT l.id, r.receipt_no FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id WHERE r.kind = ? ORDER BY l.id DESC LIMIT 1')
          .get('receipt') as { id: number; receipt_no: string };
        db.prepare('DELETE FROM receipt_lines WHERE id = ?').run(line.id);
      });
      expect(failures.some((f) => f.startsWith('partial receipt') && /no lines|lines sum/.test(f))).toBe(true);
    });

    it('a lost acknowledged receipt (the newest, with everything that belongs to it) is reported', async () => {
      const failures = await checkDamaged('lost', (db) => {
        dropGuards(db);
        db.pragma('foreign_keys = OFF');
        const last = db.prepare('SELECT id FROM receipts ORDER BY id DESC LIMIT 1').get() as { id: number };
        for (const t of ['receipt_lines', 'payments', 'print_jobs']) db.prepare(`DELETE FROM ${t} WHERE receipt_id = ?`).run(last.id);
        db.prepare('DELETE FROM receipts WHERE id = ?').run(last.id);
      });
      expect(failures.some((f) => /^acknowledged receipt .*missing/.test(f))).toBe(true);
      expect(failures.some((f) => f.includes('counter is'))).toBe(true);
    });

    it('a gap in the receipt numbers is reported', async () => {
      const failures = await checkDamaged('gap', (db) => {
        dropGuards(db);
        db.pragma('foreign_keys = OFF');
        const mid = db
          .prepare(
            "SELECT id FROM receipts WHERE kind = 'receipt' AND id NOT IN (SELECT original_id FROM receipts WHERE original_id IS NOT NULL) ORDER BY id LIMIT 1 OFFSET 10",
          )
          .get() as { id: number };
        for (const t of ['receipt_lines', 'payments', 'print_jobs']) db.prepare(`DELETE FROM ${t} WHERE receipt_id = ?`).run(mid.id);
        db.prepare('DELETE FROM receipts WHERE id = ?').run(mid.id);
      });
      expect(failures.some((f) => f.includes('not gapless'))).toBe(true);
    });

    it('an edited amount is caught by the audit chain and the void that no longer mirrors it', async () => {
      const failures = await checkDamaged('edited', (db) => {
        dropGuards(db);
        const v = db.prepare("SELECT original_id AS id FROM receipts WHERE kind = 'void' LIMIT 1").get() as { id: number };
        db.prepare('UPDATE receipts SET total_fen = total_fen + 100 WHERE id = ?').run(v.id);
        db.prepare(
          "UPDATE audit_log SET detail = replace(detail, '\"totalFen\":', '\"totalFen\":1') WHERE seq = (SELECT max(seq) FROM audit_log WHERE action = 'receipt.issue')",
        ).run();
      });
      expect(failures.some((f) => f.startsWith('audit chain: hash-mismatch'))).toBe(true);
      expect(failures.some((f) => /^void .* does not reverse/.test(f))).toBe(true);
      expect(failures.some((f) => /^acknowledged receipt .*total/.test(f))).toBe(true);
    });

    it('a committed request re-sent and posted a second time (double charge) is reported', async () => {
      const failures = await checkDamaged('double', (db) => {
        dropGuards(db);
        const r = db.prepare("SELECT * FROM receipts WHERE kind = 'receipt' ORDER BY id DESC LIMIT 1").get() as Record<string, unknown>;
        const seq = (db.prepare('SELECT max(seq) AS s FROM receipts').get() as { s: number }).s + 1;
        const no = `${String(r.terminal_id)}-${String(seq).padStart(8, '0')}`;
        const id = db
          .prepare(
            'INSERT INTO receipts (receipt_no, terminal_id, seq, kind, session_id, operator_id, room_id, room_code, payer, issued_at, total_fen, request_id, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
          )
          .run(
            no,
            r.terminal_id,
            seq,
            'receipt',
            r.session_id,
            r.operator_id,
            r.room_id,
            r.room_code,
            r.payer,
            r.issued_at,
            r.total_fen,
            `${String(r.request_id)}-again`,
            '',
          ).lastInsertRowid;
        db.prepare(
          'INSERT INTO receipt_lines (receipt_id, line_no, name, category, amount_fen) SELECT ?, line_no, name, category, amount_fen FROM receipt_lines WHERE receipt_id = ?',
        ).run(id, r.id);
        db.prepare('INSERT INTO payments (receipt_id, method, amount_fen) SELECT ?, method, amount_fen FROM payments WHERE receipt_id = ?').run(id, r.id);
        db.prepare("UPDATE counters SET value = value + 1 WHERE name LIKE 'receipt:%'").run();
      });
      expect(failures.some((f) => f.includes('neither acknowledged nor the one in flight'))).toBe(true);
      expect(failures.some((f) => f.includes('want one receipt.issue'))).toBe(true);
    });
  });
});
