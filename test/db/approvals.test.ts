import { describe, expect, it } from 'vitest';
import { openFeesCore, FLOAT_500, type FeesFixture } from '../support/fees';

/**
 * The two-person rule of supervisor approvals, end to end through the dispatcher: an approval is bound to
 * the operator who asked for it, the action and the subject; the approver is never that operator nor the
 * one who did the original act.
 */
let n = 0;
const rid = () => `appr-${Date.now()}-${++n}`;
const COUNTER = 'test:1';
const DESK2 = 'test:2';

/** Supervisors zhao and qian, receptionists li and wu; no one signed in. The terminal has one drawer. */
async function withStaff(): Promise<FeesFixture> {
  const t = await openFeesCore({ printer: false });
  await t.call('operators.create', { username: 'qian', displayName: '钱主管', role: 'supervisor', password: 'qian-pass-123' });
  await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-1234' });
  await t.call('operators.create', { username: 'wu', displayName: '吴前台', role: 'receptionist', password: 'wu-pass-1234' });
  await t.call('auth.logout', {});
  return t;
}

const PASSWORDS: Record<string, string> = { zhao: 'zhao-pass-123', qian: 'qian-pass-123', li: 'li-pass-1234', wu: 'wu-pass-1234', admin: 'admin-pass-1' };

/** Signs `who` in on `client` and opens the drawer for them. */
async function takeDrawer(t: FeesFixture, who: string, client: string) {
  await t.call('auth.login', { username: who, password: PASSWORDS[who] as string }, client);
  await t.call('cash.open', { count: FLOAT_500 }, client);
}

/** Closes the drawer of whoever is signed in on `client` (counted: the float plus `count`) and signs out. */
async function leaveDrawer(t: FeesFixture, client: string, count: Record<string, number>) {
  await t.call('cash.close', { count: { ...FLOAT_500, ...count } }, client);
  await t.call('auth.logout', {}, client);
}

async function receipt(t: FeesFixture, client: string) {
  return t.call('fees.collect', { requestId: rid(), roomId: null, lines: [{ itemId: t.items.copy }], payments: [{ method: 'cash', amountFen: 50 }] }, client);
}

const ask = (t: FeesFixture, approver: string, action: 'receipt.void' | 'cash.variance' | 'deposit.refund', subject: string, client: string) =>
  t.raw('auth.approve', { username: approver, password: PASSWORDS[approver] as string, action, subject, reason: '住户要求，已核实' }, client);

async function granted(
  t: FeesFixture,
  approver: string,
  action: 'receipt.void' | 'cash.variance' | 'deposit.refund',
  subject: string,
  client: string,
): Promise<string> {
  const r = await ask(t, approver, action, subject, client);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return (r.value as { approvalId: string }).approvalId;
}

describe('approvals are bound to who asked', () => {
  it('a supervisor cannot sign out, approve their own void with no one signed in, sign back in and use it', async () => {
    const t = await withStaff();
    await takeDrawer(t, 'zhao', COUNTER);
    const r = await receipt(t, COUNTER);
    await t.call('auth.logout', {}, COUNTER);
    const selfServed = await ask(t, 'zhao', 'receipt.void', r.receiptNo, COUNTER);
    expect(selfServed).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    if (!selfServed.ok) expect(selfServed.error.message).toContain('请先登录');
    // nothing was granted, so there is nothing to use after signing back in
    expect(t.core.need().db.prepare('SELECT COUNT(*) AS n FROM approvals').get()).toEqual({ n: 0 });
    await t.call('auth.login', { username: 'zhao', password: PASSWORDS.zhao as string }, COUNTER);
    expect(await ask(t, 'zhao', 'receipt.void', r.receiptNo, COUNTER)).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    expect((await t.call('fees.receipts.get', { id: r.id }, COUNTER)).voidedBy).toBeNull();
  });

  it('an approval asked for by receptionist A cannot be used by B, nor by the supervisor who granted it', async () => {
    const t = await withStaff();
    await takeDrawer(t, 'li', DESK2);
    const r = await receipt(t, DESK2);
    const forLi = await granted(t, 'zhao', 'receipt.void', r.receiptNo, DESK2);
    await leaveDrawer(t, DESK2, { '50': 1 });
    // wu takes over the desk and tries li's approval
    await takeDrawer(t, 'wu', DESK2);
    const byWu = await t.raw('fees.void', { receiptId: r.id, approvalId: forLi, reason: '收错' }, DESK2);
    expect(byWu).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    if (!byWu.ok) expect(byWu.error.message).toContain('另一位操作员');
    await leaveDrawer(t, DESK2, {});
    // nor can the supervisor who granted it, at another desk
    await takeDrawer(t, 'zhao', COUNTER);
    expect(await t.raw('fees.void', { receiptId: r.id, approvalId: forLi, reason: '收错' }, COUNTER)).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    await leaveDrawer(t, COUNTER, {});
    // li, back at the desk, can: the refusals did not use it up
    await takeDrawer(t, 'li', DESK2);
    const v = await t.call('fees.void', { receiptId: r.id, approvalId: forLi, reason: '收错' }, DESK2);
    expect(v).toMatchObject({ kind: 'void', approverName: '赵主管', operatorName: '李前台' });
    const row = t.core.need().db.prepare('SELECT requested_by, consumed_by, approver_id FROM approvals WHERE id = ?').get(forLi) as Record<string, number>;
    expect(row.consumed_by).toBe(row.requested_by);
    expect(row.approver_id).not.toBe(row.requested_by);
  });

  it("voiding a supervisor's own receipt needs someone else, even when a receptionist asks", async () => {
    const t = await withStaff();
    await takeDrawer(t, 'zhao', COUNTER);
    const r = await receipt(t, COUNTER);
    await leaveDrawer(t, COUNTER, { '50': 1 });
    await takeDrawer(t, 'li', DESK2);
    const byCashier = await granted(t, 'zhao', 'receipt.void', r.receiptNo, DESK2);
    const refused = await t.raw('fees.void', { receiptId: r.id, approvalId: byCashier, reason: '收错' }, DESK2);
    expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    if (!refused.ok) expect(refused.error.message).toContain('另一位主管');
    const byOther = await granted(t, 'qian', 'receipt.void', r.receiptNo, DESK2);
    expect(await t.call('fees.void', { receiptId: r.id, approvalId: byOther, reason: '收错' }, DESK2)).toMatchObject({ kind: 'void', approverName: '钱主管' });
  });

  it('a deposit refund follows the same rule as a void', async () => {
    const t = await withStaff();
    await takeDrawer(t, 'qian', COUNTER);
    const r = await t.call(
      'fees.collect',
      { requestId: rid(), roomId: t.roomId, lines: [{ itemId: t.items.deposit }], payments: [{ method: 'cash', amountFen: 200000 }] },
      COUNTER,
    );
    await leaveDrawer(t, COUNTER, { '10000': 3 + 20 });
    await takeDrawer(t, 'li', DESK2);
    const byCashier = await granted(t, 'qian', 'deposit.refund', r.receiptNo, DESK2);
    expect(
      await t.raw('fees.refundDeposit', { receiptId: r.id, approvalId: byCashier, reason: '验收合格', method: 'wechat', reference: 'WX20261123' }, DESK2),
    ).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    const ok = await granted(t, 'zhao', 'deposit.refund', r.receiptNo, DESK2);
    expect(
      await t.call('fees.refundDeposit', { receiptId: r.id, approvalId: ok, reason: '验收合格', method: 'wechat', reference: 'WX20261123' }, DESK2),
    ).toMatchObject({ kind: 'refund' });
  });

  it('an approver demoted after approving cannot be relied on', async () => {
    const t = await withStaff();
    await takeDrawer(t, 'li', DESK2);
    const r = await receipt(t, DESK2);
    const a = await granted(t, 'zhao', 'receipt.void', r.receiptNo, DESK2);
    await t.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, 'admin-desk');
    const zhao = (await t.call('operators.list', {}, 'admin-desk')).find((o) => o.username === 'zhao');
    await t.call('operators.update', { id: zhao?.id as number, role: 'receptionist' }, 'admin-desk');
    expect(await t.raw('fees.void', { receiptId: r.id, approvalId: a, reason: '收错' }, DESK2)).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
  });
});

describe('cash.close and approval ids', () => {
  async function openWithTakings() {
    const t = await withStaff();
    await takeDrawer(t, 'li', DESK2);
    await receipt(t, DESK2);
    return t;
  }

  it('refuses an approval id it does not need, or does not know, with APPROVAL_INVALID (not INTERNAL), and closes without it', async () => {
    const t = await openWithTakings();
    const exact = { ...FLOAT_500, '50': 1 }; // the float plus the ￥0.50 taken: no variance
    const unknown = await t.raw('cash.close', { count: exact, approvalId: 'no-such-approval' }, DESK2);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    if (!unknown.ok) expect(unknown.error.message).toContain('不需要主管审批');
    const session = (await t.call('cash.current', {}, DESK2))?.id as number;
    const real = await granted(t, 'zhao', 'cash.variance', String(session), DESK2);
    expect(await t.raw('cash.close', { count: exact, approvalId: real }, DESK2)).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    expect((await t.call('cash.current', {}, DESK2))?.status).toBe('open');
    expect((await t.call('cash.close', { count: exact }, DESK2)).session.status).toBe('closed');
  });

  it('over the threshold: an unknown id, or one for another action, is APPROVAL_INVALID', async () => {
    const t = await openWithTakings();
    const short = { '10000': 3 }; // ￥200.50 short
    expect(await t.raw('cash.close', { count: short }, DESK2)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(await t.raw('cash.close', { count: short, approvalId: 'f'.repeat(32) }, DESK2)).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    const other = await receipt(t, DESK2);
    const forVoid = await granted(t, 'zhao', 'receipt.void', other.receiptNo, DESK2);
    const wrong = await t.raw('cash.close', { count: short, approvalId: forVoid }, DESK2);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    if (!wrong.ok) expect(wrong.error.message).toContain('不是这项操作');
  });

  it('a cash variance is approved for the operator who counted, by someone else', async () => {
    const t = await openWithTakings();
    const session = (await t.call('cash.current', {}, DESK2))?.id as number;
    // li's session, approved while wu was signed in on the desk: not li's approval
    await t.call('auth.logout', {}, DESK2);
    await t.call('auth.login', { username: 'wu', password: PASSWORDS.wu as string }, DESK2);
    const forWu = await granted(t, 'zhao', 'cash.variance', String(session), DESK2);
    await t.call('auth.logout', {}, DESK2);
    await t.call('auth.login', { username: 'li', password: PASSWORDS.li as string }, DESK2);
    expect(await t.raw('cash.close', { count: { '10000': 3 }, approvalId: forWu }, DESK2)).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    const forLi = await granted(t, 'zhao', 'cash.variance', String(session), DESK2);
    expect((await t.call('cash.close', { count: { '10000': 3 }, approvalId: forLi }, DESK2)).session).toMatchObject({ status: 'closed', varianceFen: -20050 });
  });
});

describe('the schema keeps approvals two-person and single-use', () => {
  it('refuses a self-granted approval, one with no requester (except an unlock), a use by someone else, and deletion', async () => {
    const t = await withStaff();
    const db = t.core.need().db;
    const ids = Object.fromEntries(
      (db.prepare('SELECT id, username FROM operators').all() as Array<{ id: number; username: string }>).map((o) => [o.username, o.id]),
    );
    const insert = db.prepare(
      "INSERT INTO approvals (id, action, subject, reason, approver_id, requested_by, created_at, expires_at) VALUES (?, ?, 'T01-00000001', '原因', ?, ?, 'now', 'later')",
    );
    expect(() => insert.run('a1', 'receipt.void', ids.zhao, ids.zhao)).toThrow(/asked for by one operator and granted by another/);
    expect(() => insert.run('a2', 'receipt.void', ids.zhao, null)).toThrow(/asked for by one operator and granted by another/);
    insert.run('a3', 'operator.unlock', ids.zhao, null);
    insert.run('a4', 'receipt.void', ids.zhao, ids.li);
    expect(() => db.prepare("UPDATE approvals SET consumed_at = 'now', consumed_by = ? WHERE id = 'a4'").run(ids.wu)).toThrow(
      /used once, by the operator who asked/,
    );
    db.prepare("UPDATE approvals SET consumed_at = 'now', consumed_by = ? WHERE id = 'a4'").run(ids.li);
    expect(() => db.prepare("UPDATE approvals SET consumed_at = 'again', consumed_by = ? WHERE id = 'a4'").run(ids.li)).toThrow(/used once/);
    expect(() => db.prepare("UPDATE approvals SET approver_id = ? WHERE id = 'a3'").run(ids.qian)).toThrow(/used once/);
    expect(() => db.prepare("DELETE FROM approvals WHERE id = 'a3'").run()).toThrow(/approvals are kept/);
  });
});
