import { describe, expect, it } from 'vitest';
import { openReceivablesCore, type ReceivablesFixture } from '../support/receivables';

/**
 * A hand-computed fixture (the clock in 2026-11): 3-2-501 (building 3) owes 物业费 ￥223.75 a month since 2025-01 and
 * pays 2025-01…2025-10 now; 5-1-101 (building 5) owes ￥250.00 a month since 2026-01 and pays 2026-01…2026-06 now.
 */
const A = 22375;
const B = 25000;

async function fixture(): Promise<ReceivablesFixture> {
  const t = await openReceivablesCore();
  await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2025-01' });
  await t.call('receivables.plan.save', { roomId: t.roomB, itemId: t.items.property, startMonth: '2026-01' });
  await t.collect(t.roomId, [{ itemId: t.items.property, months: 10 }]);
  await t.collect(t.roomB, [{ itemId: t.items.property, months: 6 }]);
  return t;
}

describe('arrears list and collection figures', () => {
  it('lists what each room owes with its months, oldest month and aging bucket, and totals by age', async () => {
    const t = await fixture();
    const all = await t.call('receivables.arrears', {});
    expect(all.rows.map((r) => [r.roomCode, r.months, r.owedFen, r.oldestMonth, r.bucket])).toEqual([
      ['3-2-501', 13, 13 * A, '2025-11', '12+'],
      ['5-1-101', 5, 5 * B, '2026-07', '4-6'],
    ]);
    expect(all.owedFen).toBe(13 * A + 5 * B);
    expect(all.buckets).toEqual({ '1-3': 3 * A + 3 * B, '4-6': 3 * A + 2 * B, '7-12': 6 * A, '12+': A });
    const b5 = await t.call('receivables.arrears', { buildingId: all.rows[1]?.buildingId as number });
    expect(b5.rows.map((r) => r.roomCode)).toEqual(['5-1-101']);
    expect((await t.call('receivables.arrears', { minMonths: 6 })).rows.map((r) => r.roomCode)).toEqual(['3-2-501']);
    expect((await t.call('receivables.arrears', { bucket: '4-6' })).rows.map((r) => r.roomCode)).toEqual(['5-1-101']);
  });

  it('收缴率 for a year and for a month, and 清欠 (earlier years collected in the period)', async () => {
    const t = await fixture();
    const y = await t.call('receivables.figures', { year: 2026 });
    expect(y.total).toEqual({ chargedFen: 11 * A + 11 * B, collectedFen: 6 * B, rateBp: 2878, arrearsCollectedFen: 10 * A });
    expect(y.byBuilding.map((b) => [b.buildingName, b.chargedFen, b.collectedFen, b.arrearsCollectedFen])).toEqual([
      ['3栋', 11 * A, 0, 10 * A],
      ['5栋', 11 * B, 6 * B, 0],
    ]);
    expect(y.byItem).toEqual([expect.objectContaining({ itemId: t.items.property, chargedFen: 11 * A + 11 * B })]);
    expect((await t.call('receivables.figures', { year: 2025 })).total).toEqual({
      chargedFen: 12 * A,
      collectedFen: 10 * A,
      rateBp: 8333,
      arrearsCollectedFen: 0,
    });
    expect((await t.call('receivables.figures', { month: '2026-03' })).total).toEqual({
      chargedFen: A + B,
      collectedFen: B,
      rateBp: 5277,
      arrearsCollectedFen: 0,
    });
    expect((await t.call('receivables.figures', { month: '2026-11' })).total).toEqual({
      chargedFen: A + B,
      collectedFen: 0,
      rateBp: 0,
      arrearsCollectedFen: 10 * A,
    });
    expect(await t.raw('receivables.figures', { month: '2027-01' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    // paying December ahead does not change this year's figures before December has come
    await t.collect(t.roomB, [{ itemId: t.items.property, months: 6 }]); // 2026-07 … 2026-12
    expect((await t.call('receivables.figures', { year: 2026 })).total).toEqual({
      chargedFen: 11 * A + 11 * B,
      collectedFen: 11 * B,
      rateBp: 5277,
      arrearsCollectedFen: 10 * A,
    });
  });

  it('month charges are written once however often they are brought up to date', async () => {
    const t = await fixture();
    const count = () => (t.core.need().db.prepare("SELECT count(*) AS n FROM receivable_charges WHERE kind = 'month'").get() as { n: number }).n;
    await t.call('receivables.figures', { year: 2026 });
    const n = count();
    expect(n).toBe(23 + 11);
    expect(t.core.need().collections.generate()).toEqual({ plans: 0, charges: 0 });
    t.core.need().db.prepare('UPDATE receivable_plans SET generated_through = NULL').run();
    expect(t.core.need().collections.generate()).toEqual({ plans: 2, charges: 0 });
    expect(count()).toBe(n);
  });

  it('催缴 log and queue: a promise past its date while the room still owes; owing rooms not contacted', async () => {
    const t = await fixture();
    expect(await t.raw('receivables.contacts.add', { roomId: t.roomId, way: 'phone', result: '答应月底交', promisedDate: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const c = await t.call('receivables.contacts.add', { roomId: t.roomId, way: 'phone', result: '答应月底交', promisedDate: '2026-11-25' });
    expect(c).toMatchObject({ roomCode: '3-2-501', day: '2026-11-23', way: 'phone', operatorName: '王经理', promisedDate: '2026-11-25' });
    let q = await t.call('receivables.queue', { days: 30 });
    expect(q.overduePromises).toEqual([]);
    expect(q.notContacted.map((r) => r.roomCode)).toEqual(['5-1-101']);
    t.clock.advance(4 * 86_400_000);
    await t.call('auth.unlock', { password: 'admin-pass-1' });
    q = await t.call('receivables.queue', { days: 30 });
    expect(q.overduePromises.map((p) => [p.roomCode, p.promisedDate, p.owedFen])).toEqual([['3-2-501', '2026-11-25', 13 * A]]);
    expect(await t.call('receivables.contacts.list', { roomId: t.roomId })).toHaveLength(1);
  });
});
