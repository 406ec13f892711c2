import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/lib/clock';
import { openTestCore, tmpDir, type TestCore } from '../support/core';
import { copyOfStore, counterDay, tamper } from './audit-ledger.fixture';

/**
 * Start-up: the protective triggers and the audit chain from the last verified row. A finding puts the
 * counter into the read-only "needs attention" state: writes refused with READ_ONLY, reads and sign-in work,
 * the supervisor sees the finding and can resolve it (audited, checked again); it survives a restart.
 */
async function dayFile(name: string): Promise<{ file: string; receiptId: number }> {
  const t = await counterDay();
  return { file: await copyOfStore(t, name), receiptId: t.receiptId };
}

/** Starts the app on a store file (as after a restart), signed in as the admin. */
async function startOn(file: string, signIn = true): Promise<TestCore> {
  const dir = tmpDir('lobbydesk-restart-');
  fs.copyFileSync(file, path.join(dir, 'lobbydesk.sqlite'));
  const t = await openTestCore(dir, new ManualClock('2026-11-23T09:00:00Z'));
  if (signIn) await t.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
  return t;
}

async function restart(t: TestCore): Promise<TestCore> {
  await t.core.close();
  const again = await openTestCore(t.dataDir, t.clock);
  await again.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
  return again;
}

const collectInput = { requestId: 'after-restart-0001', roomId: null, lines: [{ itemId: 1 }], payments: [{ method: 'cash' as const, amountFen: 2000 }] };

describe('start-up protection check', () => {
  it('a dropped protective trigger: attention mode, writes refused, reads and sign-in work; resolving restores it (audited)', async () => {
    const { file, receiptId } = await dayFile('dropped');
    // someone with sqlite3 on the file drops one protective trigger
    const db = new Database(file);
    db.exec('DROP TRIGGER receipts_no_update');
    db.close();
    const t = await startOn(file, false);
    const st = await t.call('system.status', {});
    expect(st.mode).toBe('attention');
    expect(st.attention?.problems.map((p) => p.kind)).toContain('trigger-missing');
    expect(st.attention?.problems.find((p) => p.name === 'receipts_no_update')?.message).toContain('保护触发器「receipts_no_update」');
    expect(st.attention?.advice).toContain('设置 → 审计链');

    // signing in works; reads work; every write is refused with READ_ONLY and says what to do
    await t.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await t.call('fees.receipts.get', { id: receiptId })).totalFen).toBe(11000);
    expect((await t.call('fees.receipts.list', {})).length).toBe(1);
    // the room file and what a room owes are reads too
    const roomId = (t.core.need().db.prepare('SELECT id FROM rooms ORDER BY id LIMIT 1').get() as { id: number }).id;
    expect((await t.call('rooms.file', { roomId })).room.id).toBe(roomId);
    expect((await t.call('receivables.owed', { roomId })).owedFen).toBe(0);
    for (const [ch, input] of [
      ['receivables.arrears', {}],
      ['cash.open', { count: { '10000': 1 } }],
      ['fees.collect', collectInput],
      ['parcels.intake', { waybill: 'SF9876543210987' }],
      ['cards.stockMove', { cardType: 'access', kind: 'in', quantity: 1, reason: '采购入库' }],
      ['settings.update', { propertyName: '阳光花园', idleLockMinutes: 30 }],
    ] as const) {
      const r = await t.raw(ch, input);
      expect(r, ch).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      if (!r.ok) expect(r.error.message).toContain('设置 → 审计链');
    }
    // not signed in still says so first
    expect(await t.raw('fees.collect', collectInput, 'other:1')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    // the supervisor's check shows it; resolving puts the triggers back, audited with the reason, and re-checks
    const v = await t.call('system.verifyAudit', {});
    expect(v).toMatchObject({ ok: false, reason: 'triggers' });
    expect(await t.raw('system.auditResolve', { reason: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const fixed = await t.call('system.auditResolve', { reason: '技术员维护时误删，已核对当日收据' });
    expect(fixed.ok).toBe(true);
    expect((await t.call('system.status', {})).mode).toBe('ready');
    const entry = t.core.need().db.prepare("SELECT operator_id, detail FROM audit_log WHERE action = 'audit.triggers_restored'").get() as {
      operator_id: number;
      detail: string;
    };
    expect(entry.operator_id).toBe(1);
    expect(entry.detail).toContain('技术员维护时误删');
    expect(entry.detail).toContain('trigger-missing:receipts_no_update');
    expect(() => t.core.need().db.prepare('UPDATE receipts SET total_fen = 1').run()).toThrow(/immutable/);
    await t.call('cash.open', { count: { '10000': 1 } });
    await t.core.close();
  }, 60_000);

  it('a row changed at rest (triggers put back) is found by the full check; the finding survives a restart and is cleared only by an audited acceptance', async () => {
    const { file, receiptId } = await dayFile('at-rest');
    let t = await startOn(file);
    const dbFile = path.join(t.dataDir, 'lobbydesk.sqlite');
    await t.core.close();
    tamper(dbFile, (db) => db.prepare('UPDATE receipts SET total_fen = 1 WHERE id = ?').run(receiptId), { restoreTriggers: true });
    t = await openTestCore(t.dataDir, t.clock);
    await t.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    // the quick check from the checkpoint cannot see an old row changed at rest: the full check (run off the
    // main thread at start-up and daily) can
    expect((await t.call('system.status', {})).mode).toBe('ready');
    await t.core.system.audit?.background();
    let st = await t.call('system.status', {});
    expect(st.mode).toBe('attention');
    expect(st.attention?.problems).toEqual([expect.objectContaining({ kind: 'row-changed', table: 'receipts', rowId: receiptId })]);
    expect((await t.raw('cash.open', { count: { '10000': 1 } })).ok).toBe(false);

    // a restart's quick check passes, but the stored finding stays until a full check passes
    t = await restart(t);
    st = await t.call('system.status', {});
    expect(st.mode).toBe('attention');
    expect((await t.call('system.verifyAudit', {})).ok).toBe(false);

    const r = await t.call('system.auditResolve', { reason: '与纸质收据核对：金额确为一分，系录入更正' });
    expect(r.ok).toBe(true);
    expect((await t.call('system.status', {})).mode).toBe('ready');
    const accept = t.core.need().db.prepare("SELECT operator_id, entity, entity_id, detail FROM audit_log WHERE action = 'ledger.accept'").all() as Array<{
      operator_id: number;
      entity: string;
      entity_id: string;
      detail: string;
    }>;
    expect(accept).toHaveLength(1);
    expect(accept[0]).toMatchObject({ operator_id: 1, entity: 'receipts', entity_id: String(receiptId) });
    expect(accept[0]?.detail).toContain('与纸质收据核对');
    expect(accept[0]?.detail).toContain('row-changed');
    await t.core.close();
  }, 60_000);

  it('a broken audit chain cannot be accepted away', async () => {
    const { file } = await dayFile('chain');
    tamper(file, (db) => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 5").run(), { restoreTriggers: true });
    const t = await startOn(file);
    const st = await t.call('system.status', {});
    expect(st.mode).toBe('attention');
    expect(st.attention?.problems[0]).toMatchObject({ kind: 'chain', seq: 5, reason: 'hash-mismatch' });
    const r = await t.raw('system.auditResolve', { reason: '尝试登记核实' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!r.ok) expect(r.error.message).toContain('备份恢复');
    expect((await t.call('system.status', {})).mode).toBe('attention');
    await t.core.close();
  }, 60_000);

  it('verifies incrementally from a checkpoint: the first start walks everything, the next only what is new; a row added from outside since is caught at start-up', async () => {
    const { file } = await dayFile('checkpoint');
    let t = await startOn(file);
    const first = t.core.system.audit?.lastStartup;
    expect(first?.ok).toBe(true);
    // the store's only checkpoint is from before the day: the whole chain is walked
    expect(first?.chainRows).toBe(first?.head.seq);
    expect(first?.ledgerRows).toBeGreaterThan(10);

    t = await restart(t);
    const second = t.core.system.audit?.lastStartup;
    expect(second?.ok).toBe(true);
    // only the rows written since the checkpoint (the sign-ins after the first start)
    expect(second?.chainRows).toBeLessThan(5);
    expect(second?.ledgerRows).toBe(0);

    const dbFile = path.join(t.dataDir, 'lobbydesk.sqlite');
    await t.core.close();
    tamper(
      dbFile,
      (db) =>
        db
          .prepare(
            "INSERT INTO cash_movements (session_id, kind, amount_fen, reason, operator_id, at) VALUES (1, 'in', 100000, '补充零钱', 1, '2026-11-23T03:00:00.000Z')",
          )
          .run(),
      { restoreTriggers: true },
    );
    t = await openTestCore(t.dataDir, t.clock);
    const st = await t.call('system.status', {});
    expect(st.mode).toBe('attention');
    expect(st.attention?.problems).toEqual([expect.objectContaining({ kind: 'row-inserted', table: 'cash_movements' })]);
    await t.core.close();
  }, 60_000);

  it('an edit to the audit row the checkpoint vouches for is caught at start-up', async () => {
    const { file } = await dayFile('checkpoint-row');
    const t = await startOn(file);
    const seq = t.core.system.audit?.lastStartup?.head.seq ?? 0;
    const dbFile = path.join(t.dataDir, 'lobbydesk.sqlite');
    await t.core.close();
    tamper(dbFile, (db) => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = ?").run(seq), { restoreTriggers: true });
    const again = await openTestCore(t.dataDir, t.clock);
    const st = await again.call('system.status', {});
    expect(st.attention?.problems[0]).toMatchObject({ kind: 'chain', seq, reason: 'hash-mismatch' });
    await again.core.close();
  }, 60_000);
});
