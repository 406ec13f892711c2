import { describe, expect, it } from 'vitest';
import { openReceivablesCore, type ReceivablesFixture } from '../support/receivables';

/**
 * Collecting settles exactly the months allocated, oldest first; paying ahead settles future months; a void or a
 * refund re-opens what its receipt settled. 物业费 of 3-2-501 is ￥223.75 a month; the clock is in 2026-11.
 */
const dues = async (t: ReceivablesFixture, itemId: number) => {
  const d = await t.call('receivables.dues', { roomId: t.roomId });
  const i = d.items.find((x) => x.itemId === itemId);
  if (!i) throw new Error('item not planned');
  return i;
};

/** owed = charged − settled, per charge row, and settled = the sum of its allocations */
function ledgerHolds(t: ReceivablesFixture): void {
  const bad = t.core
    .need()
    .db.prepare(
      `SELECT c.id FROM receivable_charges c LEFT JOIN (SELECT charge_id, sum(amount_fen) s FROM receivable_allocations GROUP BY charge_id) a ON a.charge_id = c.id
       WHERE c.settled_fen <> coalesce(a.s, 0)`,
    )
    .all();
  expect(bad).toEqual([]);
}

describe('collecting what a room owes', () => {
  it('settles the oldest months first and records them on the receipt line', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-06' });
    expect((await dues(t, t.items.property)).owed).toHaveLength(6);
    const r = await t.collect(t.roomId, [{ itemId: t.items.property, months: 2 }]);
    expect(r.totalFen).toBe(2 * 22375);
    expect(r.lines[0]?.detail).toContain('2026-06 至 2026-07');
    const i = await dues(t, t.items.property);
    expect(i.paidThrough).toBe('2026-07');
    expect(i.owed.map((u) => u.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    const months = t.core
      .need()
      .db.prepare(
        'SELECT a.month, a.amount_fen FROM receivable_allocations a JOIN receipt_lines l ON l.id = a.receipt_line_id WHERE l.receipt_id = ? ORDER BY a.month',
      )
      .all(r.id);
    expect(months).toEqual([
      { month: '2026-06', amount_fen: 22375 },
      { month: '2026-07', amount_fen: 22375 },
    ]);
    ledgerHolds(t);
  });

  it('refuses to skip owed months or to collect a month already paid, and posts nothing', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-06' });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 2 }]);
    const skip = await t.raw('fees.quote', { roomId: t.roomId, lines: [{ itemId: t.items.property, months: 1, from: '2026-09' }] });
    expect(skip).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!skip.ok) expect(skip.error.message).toContain('请从 2026-08 开始收');
    const paid = await t.raw('fees.quote', { roomId: t.roomId, lines: [{ itemId: t.items.property, months: 1, from: '2026-06' }] });
    expect(paid).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!paid.ok) expect(paid.error.message).toContain('已交过（已交至 2026-07）');
    expect((await t.call('fees.receipts.list', {})).length).toBe(1);
  });

  it('pays ahead: all that is owed and four months more; the next months are offered after them', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-08' });
    const before = await dues(t, t.items.property);
    expect(before.ahead[0]).toMatchObject({ month: '2026-12', amountFen: 22375 });
    const r = await t.collect(t.roomId, [{ itemId: t.items.property, months: 8 }]);
    expect(r.lines[0]?.detail).toContain('2026-08 至 2027-03');
    const i = await dues(t, t.items.property);
    expect(i.owed).toEqual([]);
    expect(i.paidThrough).toBe('2027-03');
    expect(i.ahead[0]?.month).toBe('2027-04');
    ledgerHolds(t);
  });

  it('voiding a receipt makes its months owed again, also months in the middle and months paid ahead', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-09' });
    const first = await t.collect(t.roomId, [{ itemId: t.items.property, months: 2 }]); // 09, 10
    const second = await t.collect(t.roomId, [{ itemId: t.items.property, months: 3 }]); // 11, 12, 2027-01
    expect((await dues(t, t.items.property)).paidThrough).toBe('2027-01');
    await t.call('fees.void', { receiptId: first.id, approvalId: await t.approve('receipt.void', first.receiptNo), reason: '收错月份' });
    let i = await dues(t, t.items.property);
    expect(i.paidThrough).toBe('2026-08');
    expect(i.owed.map((u) => u.month)).toEqual(['2026-09', '2026-10']);
    await t.call('fees.void', { receiptId: second.id, approvalId: await t.approve('receipt.void', second.receiptNo), reason: '重复收费' });
    i = await dues(t, t.items.property);
    expect(i.owed.map((u) => u.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(i.ahead.slice(0, 2).map((u) => u.month)).toEqual(['2026-12', '2027-01']);
    // collecting again settles the re-opened months, oldest first
    const again = await t.collect(t.roomId, [{ itemId: t.items.property, months: 3 }]);
    expect(again.lines[0]?.detail).toContain('2026-09 至 2026-11');
    ledgerHolds(t);
  });

  it('a month owed again after a void costs the rate in force now, not what was paid', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.parking, startMonth: '2026-10' });
    const r = await t.collect(t.roomId, [{ itemId: t.items.parking, months: 2 }]); // 10, 11 at ￥300
    await t.call('receivables.rates.add', { itemId: t.items.parking, fromMonth: '2026-11', unitPriceFen: 20000 });
    await t.call('fees.void', { receiptId: r.id, approvalId: await t.approve('receipt.void', r.receiptNo), reason: '收错' });
    expect((await dues(t, t.items.parking)).owed.map((u) => [u.month, u.amountFen])).toEqual([
      ['2026-10', 30000],
      ['2026-11', 20000],
    ]);
    ledgerHolds(t);
  });

  it('a refund of a refundable periodic line re-opens its months', async () => {
    const t = await openReceivablesCore();
    await t.call('fees.items.save', {
      id: t.items.parking,
      code: 'TCF',
      name: '停车费',
      category: 'parking',
      rule: 'per_month',
      unitPriceFen: 30000,
      unitLabel: '月',
      refundable: true,
      active: true,
      sort: 0,
    });
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.parking, startMonth: '2026-11' });
    const r = await t.collect(t.roomId, [{ itemId: t.items.parking, months: 3 }]);
    expect((await dues(t, t.items.parking)).paidThrough).toBe('2027-01');
    await t.call('fees.refundDeposit', { receiptId: r.id, approvalId: await t.approve('deposit.refund', r.receiptNo), reason: '车位退租', method: 'cash' });
    const i = await dues(t, t.items.parking);
    expect(i.paidThrough).toBe('2026-10');
    expect(i.owed.map((u) => u.month)).toEqual(['2026-11']);
    ledgerHolds(t);
  });

  it('one planned item appears once on a receipt', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-06' });
    const twice = await t.raw('fees.quote', {
      roomId: t.roomId,
      lines: [
        { itemId: t.items.property, months: 1 },
        { itemId: t.items.property, months: 1 },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
