import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql } from '../../src-main/db/sql';
import { appendAudit, canonicalJson, chainHead, verifyChain, GENESIS_HASH } from '../../src-main/db/audit';
import { ManualClock } from '../../src-main/lib/clock';

function chain(n: number) {
  const db = openDatabase(':memory:');
  migrate(db);
  const sql = new Sql(db);
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  for (let i = 0; i < n; i++) {
    sql.tx(() =>
      appendAudit(sql, clock, { operatorId: 1, action: 'test.event', entity: 'thing', entityId: i, detail: { amountFen: i * 100, note: `第${i}条` } }),
    );
    clock.advance(1000);
  }
  return { db, sql };
}

describe('audit chain', () => {
  it('links each row to the previous and verifies end to end', () => {
    const { sql } = chain(50);
    const r = verifyChain(sql);
    expect(r).toMatchObject({ ok: true, rows: 50 });
    const head = chainHead(sql);
    expect(head.seq).toBe(50);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    const first = sql.db.prepare('SELECT prev_hash FROM audit_log WHERE seq = 1').get() as { prev_hash: string };
    expect(first.prev_hash).toBe(GENESIS_HASH);
  });

  it('refuses UPDATE and DELETE through its triggers', () => {
    const { db } = chain(3);
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
  });

  it('finds the first tampered row when someone drops the trigger and edits a row', () => {
    const { db, sql } = chain(20);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET detail = '{"amountFen":1,"note":"改过"}' WHERE seq = 13`).run();
    expect(verifyChain(sql)).toMatchObject({ ok: false, firstBadSeq: 13, reason: 'hash-mismatch' });
  });

  it('finds a row whose hash was recomputed but whose successor still points at the old one', () => {
    const { db, sql } = chain(10);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET hash = 'f' || substr(hash, 2) WHERE seq = 4").run();
    const r = verifyChain(sql);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBadSeq).toBe(4);
  });

  it('finds a deleted row in the middle as a gap', () => {
    const { db, sql } = chain(10);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 6').run();
    expect(verifyChain(sql)).toMatchObject({ ok: false, firstBadSeq: 6, reason: 'gap' });
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});
