import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { openKeysCardsCore, type KeysCardsFixture } from '../support/keys-cards';

const HOUR = 3_600_000;
const inHours = (t: KeysCardsFixture, h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();

async function vacantKey(t: KeysCardsFixture) {
  return t.call('keys.save', { kind: 'vacant', label: '空置房大门', roomId: t.rooms.a, hook: 'A-01' });
}

const lendInput = (t: KeysCardsFixture, keyId: number, extra: Record<string, unknown> = {}) => ({
  keyId,
  borrowerType: 'contractor' as const,
  borrowerName: '王师傅',
  borrowerPhone: '13900001111',
  company: '美家装修',
  purpose: 'renovation' as const,
  idChecked: '身份证 110101199003071234',
  dueAt: inHours(t, 4),
  ...extra,
});

describe('key register', () => {
  it('gives a tag that does not name the unit, and refuses one that does', async () => {
    const t = await openKeysCardsCore();
    const k = await vacantKey(t);
    expect(k.tag).toBe('K-0001');
    expect(k.roomCode).toBe('3-2-501');
    expect(k.status).toBe('on_board');
    const bad = await t.raw('keys.save', { kind: 'vacant', label: '空置房', roomId: t.rooms.a, tag: 'K3-2-501' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const noRoom = await t.raw('keys.save', { kind: 'trust', label: '托管', roomId: null });
    expect(noRoom).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const pub = await t.call('keys.save', { kind: 'public', label: '2栋屋顶', roomId: null });
    expect(pub.tag).toBe('K-0002');
  });
});

describe('lending and returning keys', () => {
  it('lends with purpose and due time, masks the borrower, returns with condition, audits both', async () => {
    const t = await openKeysCardsCore();
    const k = await vacantKey(t);
    const loan = await t.call('keys.lend', lendInput(t, k.id));
    expect(loan).toMatchObject({
      keyTag: 'K-0001',
      borrowerMasked: '王**',
      phoneMasked: '139****1111',
      purpose: 'renovation',
      overdue: false,
      returnedAt: null,
    });
    expect(loan.idCheckedMasked).not.toContain('110101199003071234');
    expect(loan.idCheckedMasked).toContain('1234');
    expect((await t.call('keys.list', {}))[0]).toMatchObject({ status: 'out', loan: { id: loan.id } });
    const twice = await t.raw('keys.lend', lendInput(t, k.id));
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const damagedNoNote = await t.raw('keys.return', { loanId: loan.id, condition: 'damaged' });
    expect(damagedNoNote).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const back = await t.call('keys.return', { loanId: loan.id, condition: 'ok' });
    expect(back.returnCondition).toBe('ok');
    expect((await t.call('keys.list', {}))[0]?.status).toBe('on_board');
    expect(await t.raw('keys.return', { loanId: loan.id, condition: 'ok' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const sql = t.core.need().sql;
    const audit = sql.db.prepare("SELECT action, detail FROM audit_log WHERE entity = 'key' ORDER BY seq").all() as Array<{ action: string; detail: string }>;
    expect(audit.map((a) => a.action)).toEqual(['key.create', 'key.lend', 'key.return']);
    expect(audit.map((a) => a.detail).join()).not.toMatch(/王师傅|13900001111|110101199003071234/);
    expect(verifyChain(sql).ok).toBe(true);
  });

  it('refuses a due time in the past and one more than 30 days ahead', async () => {
    const t = await openKeysCardsCore();
    const k = await vacantKey(t);
    expect(await t.raw('keys.lend', lendInput(t, k.id, { dueAt: inHours(t, -1) }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('keys.lend', lendInput(t, k.id, { dueAt: inHours(t, 31 * 24) }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('a key held in trust needs a second person: a supervisor approval bound to its tag, used once', async () => {
    const t = await openKeysCardsCore();
    const k = await t.call('keys.save', { kind: 'trust', label: '业主托管钥匙', roomId: t.rooms.b });
    const li = await t.asReceptionist();
    const none = await t.raw('keys.lend', { ...lendInput(t, k.id), borrowerType: 'agent', purpose: 'viewing' }, li);
    expect(none).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    // an approval for another key does not open this one
    const other = await t.call('keys.save', { kind: 'trust', label: '另一把', roomId: t.rooms.a });
    const wrong = await t.approve('key.lendTrust', other.tag, li);
    expect(await t.raw('keys.lend', { ...lendInput(t, k.id), approvalId: wrong }, li)).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    // the supervisor cannot approve their own lending
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' }, 'test:3');
    const self = await t.raw(
      'auth.approve',
      { username: 'zhao', password: 'zhao-pass-123', action: 'key.lendTrust', subject: k.tag, reason: '自己批' },
      'test:3',
    );
    expect(self).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });

    const approvalId = await t.approve('key.lendTrust', k.tag, li);
    const loan = await t.call('keys.lend', { ...lendInput(t, k.id), approvalId }, li);
    expect(loan.approverName).toBe('赵主管');
    expect(loan.lentByName).toBe('李前台');
    await t.call('keys.return', { loanId: loan.id, condition: 'ok' }, li);
    const reuse = await t.raw('keys.lend', { ...lendInput(t, k.id), approvalId }, li);
    expect(reuse).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
  });

  it('overdue: an open loan past its due time, by the injected clock', async () => {
    const t = await openKeysCardsCore();
    const k = await vacantKey(t);
    const k2 = await t.call('keys.save', { kind: 'public', label: '水表间', roomId: null });
    const loan = await t.call('keys.lend', lendInput(t, k.id, { dueAt: inHours(t, 2) }));
    await t.call('keys.lend', lendInput(t, k2.id, { dueAt: inHours(t, 6), borrowerType: 'staff', purpose: 'meter' }));
    expect(await t.call('keys.overdue', {})).toEqual([]);
    t.clock.advance(2 * HOUR + 60_000);
    const over = await t.call('keys.overdue', {});
    expect(over.map((l) => l.id)).toEqual([loan.id]);
    expect(over[0]?.overdue).toBe(true);
    expect((await t.call('keys.count', {})).overdue).toBe(1);
    t.clock.advance(2 * HOUR); // stays under the 4-hour idle lock
    expect((await t.call('keys.overdue', {})).length).toBe(1);
    t.clock.advance(2 * HOUR);
    expect((await t.call('keys.overdue', {})).length).toBe(2);
    await t.call('keys.return', { loanId: loan.id, condition: 'ok' });
    expect((await t.call('keys.overdue', {})).length).toBe(1);
  });

  it('the shift count: expected on the board vs out; a difference needs an explanation', async () => {
    const t = await openKeysCardsCore();
    const k1 = await vacantKey(t);
    await t.call('keys.save', { kind: 'public', label: '屋顶', roomId: null });
    await t.call('keys.save', { kind: 'public', label: '配电房', roomId: null });
    const loan = await t.call('keys.lend', lendInput(t, k1.id));
    const c = await t.call('keys.count', {});
    expect(c).toMatchObject({ total: 3, expectedOnBoard: 2, out: 1, lost: 0, lastCount: null });
    expect(c.outLoans.map((l) => l.id)).toEqual([loan.id]);
    expect(await t.raw('keys.recordCount', { counted: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const r = await t.call('keys.recordCount', { counted: 1, explanation: '配电房钥匙在工程部老刘手里，未登记' });
    expect(r.lastCount).toMatchObject({ expectedOnBoard: 2, counted: 1 });
    // a key lost on return leaves the board count
    await t.call('keys.return', { loanId: loan.id, condition: 'lost', note: '装修工人遗失，已通知业主换锁' });
    expect(await t.call('keys.count', {})).toMatchObject({ expectedOnBoard: 2, out: 0, lost: 1 });
  });
});
