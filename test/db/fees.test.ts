import { describe, expect, it } from 'vitest';
import { openFeesCore, FLOAT_500, type FeesFixture } from '../support/fees';

let n = 0;
const rid = () => `req-${Date.now()}-${++n}`;

async function openSession(t: FeesFixture) {
  return t.call('cash.open', { count: FLOAT_500 });
}

async function approve(t: FeesFixture, action: 'receipt.void' | 'deposit.refund' | 'cash.variance', subject: string) {
  return (await t.call('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action, subject, reason: '住户要求，已核实' })).approvalId;
}

const propertyFee3Months = (t: FeesFixture) => ({ itemId: t.items.property, months: 3, from: '2026-01' });

describe('collecting fees', () => {
  it('refuses to collect before the cash session is opened', async () => {
    const t = await openFeesCore();
    const r = await t.raw('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [propertyFee3Months(t)],
      payments: [{ method: 'cash', amountFen: 67125 }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!r.ok) expect(r.error.message).toContain('开班');
  });

  it('prices a property fee by area and months, takes cash with change, and numbers the receipt', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const q = await t.call('fees.quote', { roomId: t.roomId, lines: [propertyFee3Months(t)] });
    // 89.50 m² × ￥2.50 × 3 months = ￥671.25
    expect(q.totalFen).toBe(67125);
    expect(q.totalUpper).toBe('陆佰柒拾壹元贰角伍分');
    expect(q.lines[0]?.detail).toContain('2026-01 至 2026-03');
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      payer: '曾国藩',
      lines: [propertyFee3Months(t)],
      payments: [{ method: 'cash', amountFen: 67125, receivedFen: 70000 }],
    });
    expect(r.receiptNo).toBe('T01-00000001');
    expect(r.payments[0]).toMatchObject({ method: 'cash', amountFen: 67125, receivedFen: 70000, changeFen: 2875 });
    expect(r.payerMasked).toBe('曾**');
    expect(r.roomCode).toBe('3-2-501');
  });

  it('numbers are gapless: a refused payment takes no number, a double submit posts once', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const ok1 = await t.call('fees.collect', {
      requestId: 'same-request-1',
      roomId: null,
      lines: [{ itemId: t.items.copy, quantity: 4 }],
      payments: [{ method: 'cash', amountFen: 200 }],
    });
    const again = await t.call('fees.collect', {
      requestId: 'same-request-1',
      roomId: null,
      lines: [{ itemId: t.items.copy, quantity: 4 }],
      payments: [{ method: 'cash', amountFen: 200 }],
    });
    expect(again.id).toBe(ok1.id);
    const bad = await t.raw('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy, quantity: 4 }],
      payments: [{ method: 'cash', amountFen: 150 }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const short = await t.raw('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy }],
      payments: [{ method: 'cash', amountFen: 50, receivedFen: 20 }],
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const ok2 = await t.call('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy }],
      payments: [{ method: 'cash', amountFen: 50 }],
    });
    expect([ok1.receiptNo, ok2.receiptNo]).toEqual(['T01-00000001', 'T01-00000002']);
  });

  it('WeChat/Alipay and bank card need a reference; split payments must add up', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const noRef = await t.raw('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [{ itemId: t.items.parking, months: 1 }],
      payments: [{ method: 'wechat', amountFen: 30000 }],
    });
    expect(noRef).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [{ itemId: t.items.parking, months: 1 }, { itemId: t.items.card }],
      payments: [
        { method: 'wechat', amountFen: 30000, reference: '134567890123456789' },
        { method: 'cash', amountFen: 2000, receivedFen: 5000 },
      ],
    });
    expect(r.totalFen).toBe(32000);
    expect(r.payments.find((p) => p.method === 'wechat')?.referenceMasked).toBe('****6789');
    expect(JSON.stringify(r)).not.toContain('134567890123456789');
  });

  it('refuses per-area fees without a room, and zero or absurd amounts', async () => {
    const t = await openFeesCore();
    await openSession(t);
    expect(await t.raw('fees.quote', { roomId: null, lines: [propertyFee3Months(t)] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('fees.quote', { roomId: null, lines: [{ itemId: t.items.water, amountFen: 0 }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await t.raw('fees.quote', { roomId: null, lines: [{ itemId: t.items.water, amountFen: 1.5 }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await t.raw('fees.quote', { roomId: null, lines: [{ itemId: t.items.water, amountFen: -100 }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  it('posted receipts cannot be changed or deleted, even with SQL', async () => {
    const t = await openFeesCore();
    await openSession(t);
    await t.call('fees.collect', { requestId: rid(), roomId: null, lines: [{ itemId: t.items.copy }], payments: [{ method: 'cash', amountFen: 50 }] });
    const db = t.core.need().db;
    expect(() => db.prepare('UPDATE receipts SET total_fen = 1').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM payments').run()).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE receipt_lines SET amount_fen = 1').run()).toThrow(/immutable/);
  });
});

describe('voids and refunds', () => {
  it('a void is a reversing document with a supervisor approval, once only', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [propertyFee3Months(t)],
      payments: [{ method: 'cash', amountFen: 67125 }],
    });
    expect(await t.raw('fees.void', { receiptId: r.id, approvalId: 'nope', reason: '收错房号' })).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    const v = await t.call('fees.void', { receiptId: r.id, approvalId: await approve(t, 'receipt.void', r.receiptNo), reason: '收错房号' });
    expect(v).toMatchObject({
      kind: 'void',
      receiptNo: 'T01-00000002',
      totalFen: -67125,
      original: { id: r.id, receiptNo: r.receiptNo },
      approverName: '赵主管',
    });
    expect(v.totalUpper).toBe('负陆佰柒拾壹元贰角伍分');
    expect((await t.call('fees.receipts.get', { id: r.id })).voidedBy?.receiptNo).toBe('T01-00000002');
    const twice = await t.raw('fees.void', { receiptId: r.id, approvalId: await approve(t, 'receipt.void', r.receiptNo), reason: '再作废' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const voidOfVoid = await t.raw('fees.void', { receiptId: v.id, approvalId: await approve(t, 'receipt.void', v.receiptNo), reason: '作废冲正单' });
    expect(voidOfVoid).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('the approval must be for this receipt, and not from the operator who asks', async () => {
    const t = await openFeesCore();
    await t.call('auth.logout', {});
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' });
    await openSession(t);
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy }],
      payments: [{ method: 'cash', amountFen: 50 }],
    });
    const self = await t.raw('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action: 'receipt.void', subject: r.receiptNo, reason: '自己批准' });
    expect(self).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
  });

  it('a deposit is refunded once, and a refunded receipt cannot be voided', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [{ itemId: t.items.deposit }, { itemId: t.items.copy }],
      payments: [{ method: 'cash', amountFen: 200050 }],
    });
    const refund = await t.call('fees.refundDeposit', {
      receiptId: r.id,
      approvalId: await approve(t, 'deposit.refund', r.receiptNo),
      reason: '装修验收合格',
      method: 'cash',
    });
    expect(refund).toMatchObject({ kind: 'refund', totalFen: -200000 });
    expect(refund.lines.map((l) => l.name)).toEqual(['装修押金']);
    expect((await t.call('fees.receipts.get', { id: r.id })).refundedFen).toBe(200000);
    expect(
      await t.raw('fees.refundDeposit', { receiptId: r.id, approvalId: await approve(t, 'deposit.refund', r.receiptNo), reason: '再退', method: 'cash' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.raw('fees.void', { receiptId: r.id, approvalId: await approve(t, 'receipt.void', r.receiptNo), reason: '作废' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('cash session', () => {
  it('cash out can use the float but never the takings', async () => {
    const t = await openFeesCore();
    await openSession(t);
    await t.call('fees.collect', { requestId: rid(), roomId: t.roomId, lines: [propertyFee3Months(t)], payments: [{ method: 'cash', amountFen: 67125 }] });
    await t.call('cash.move', { kind: 'out', amountFen: 20000, reason: '购买打印纸' });
    const over = await t.raw('cash.move', { kind: 'out', amountFen: 40000, reason: '报销' });
    expect(over).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!over.ok) expect(over.error.message).toContain('坐支');
    await t.call('cash.move', { kind: 'in', amountFen: 10000, reason: '补充零钱' });
    await t.call('cash.move', { kind: 'out', amountFen: 40000, reason: '报销' });
  });

  it('a blind close: expected stays hidden until counted; a variance over the threshold needs a supervisor', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const current = await t.call('cash.current', {});
    expect(current?.expectedFen).toBeNull();
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [propertyFee3Months(t)],
      payments: [{ method: 'cash', amountFen: 67125, receivedFen: 70000 }],
    });
    await t.call('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [{ itemId: t.items.parking, months: 2 }],
      payments: [{ method: 'alipay', amountFen: 60000, reference: '2026112322001400001234' }],
    });
    await t.call('fees.void', { receiptId: r.id, approvalId: await approve(t, 'receipt.void', r.receiptNo), reason: '收错' });
    await t.call('cash.move', { kind: 'out', amountFen: 5000, reason: '买胶带' });
    // expected cash = 500 + 671.25 − 671.25 − 50 = 450.00; count 420.00 → −30.00, over the ￥10 threshold
    const count = { '10000': 4, '1000': 2 };
    const first = await t.raw('cash.close', { count });
    expect(first).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    if (!first.ok) expect(first.error.message).not.toMatch(/450|30\.00/);
    const session = current?.id as number;
    const closed = await t.call('cash.close', { count, approvalId: await approve(t, 'cash.variance', String(session)) });
    expect(closed.session).toMatchObject({ status: 'closed', expectedFen: 45000, countedFen: 42000, varianceFen: -3000 });
    expect(closed.slip.receiptRange).toBe('T01-00000001 – T01-00000003');
    expect(closed.slip.voids).toEqual({ count: 1, amountFen: -67125 });
    expect(closed.slip.byMethod).toEqual(
      expect.arrayContaining([
        { method: 'alipay', amountFen: 60000 },
        { method: 'cash', amountFen: 0 },
      ]),
    );
    expect(closed.slip.chainHead).toMatch(/^#\d+ [0-9a-f]{64}$/);
    // the session is closed: no more collecting in it
    expect(
      await t.raw('fees.collect', { requestId: rid(), roomId: null, lines: [{ itemId: t.items.copy }], payments: [{ method: 'cash', amountFen: 50 }] }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const handed = await t.call('cash.handover', { sessionId: session, financeName: '财务李会计' });
    expect(handed.status).toBe('handed_over');
    expect(() => t.core.need().db.prepare('UPDATE cash_sessions SET counted_fen = 45000 WHERE id = ?').run(session)).toThrow(/immutable/);
  });

  it('a small variance closes without approval', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const closed = await t.call('cash.close', { count: { ...FLOAT_500, '100': 15 } });
    expect(closed.session.varianceFen).toBe(-500);
  });
});
