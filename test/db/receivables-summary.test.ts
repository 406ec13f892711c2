import { describe, expect, it } from 'vitest';
import { buildDailySummary } from '../../src-main/sync/summary';
import { dailySummary } from '@shared/contract/summary';
import { openReceivablesCore } from '../support/receivables';

const A = 22375; // 3-2-501's 物业费 a month (89.50 m² × ￥2.50), planned from 2025-01
const P = 30000; // 5-1-101's 停车费 a month, planned from 2026-09

/**
 * The nightly summary's receivables and occupancy for the whole property: hand-computed figures, nothing that names a
 * room or a person, and the same figures when the day is built again after later collections, a void and a state change.
 */
describe('receivables and occupancy in the nightly summary', () => {
  it('month and year to date (charged, collected, 收缴率, 清欠), owed at the day’s end, the day’s collections; occupancy counts', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2025-01' });
    await t.call('receivables.plan.save', { roomId: t.roomB, itemId: t.items.parking, startMonth: '2026-09' });
    // 2026-11-23, 10:00 in Shanghai: all of 2025 for 3-2-501 (arrears of an earlier year), September for 5-1-101
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 12 }]);
    await t.collect(t.roomB, [{ itemId: t.items.parking, months: 1 }]);
    t.core.need().collections.generate();
    const build = () =>
      buildDailySummary(t.core.need().sql, {
        terminalId: 'T01',
        propertyName: '阳光花园',
        businessDate: '2026-11-23',
        cutoffHour: 0,
        timeZone: 'Asia/Shanghai',
        overdueDays: 3,
        generatedAt: new Date('2026-11-23T16:00:00Z'),
      });
    const s = build();
    expect(dailySummary.parse(s)).toEqual(s);
    expect(s.receivables).toEqual({
      available: true,
      month: { month: '2026-11', chargedFen: A + P, collectedFen: 0, rateBp: 0, arrearsCollectedFen: 12 * A },
      yearToDate: { year: 2026, chargedFen: 11 * A + 3 * P, collectedFen: P, rateBp: Math.round((P * 10000) / (11 * A + 3 * P)), arrearsCollectedFen: 12 * A },
      arrears: { owedFen: 11 * A + 2 * P, rooms: 2 },
      day: { settledFen: 12 * A + P, earlierMonthsFen: 12 * A + P },
    });
    expect(s.occupancy).toEqual({ available: true, counts: { undelivered: 0, vacant: 2, ownerOccupied: 0, rented: 0, renovating: 0, total: 2 } });
    expect(JSON.stringify({ r: s.receivables, o: s.occupancy })).not.toMatch(/3-2-501|5-1-101|3栋|5栋/);

    // the next day: 3-2-501 pays January and February, 5-1-101's payment is voided, 5-1-101 is let; the day built again is the same
    t.clock.advance(24 * 3_600_000);
    await t.call('auth.unlock', { password: 'admin-pass-1' });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 2 }]);
    const receipts = await t.call('fees.receipts.list', {});
    const b = receipts.find((r) => r.totalFen === P);
    if (!b) throw new Error('no receipt of 5-1-101');
    await t.call('fees.void', { receiptId: b.id, approvalId: await t.approve('receipt.void', b.receiptNo), reason: '测试作废' });
    await t.call('rooms.setState', { id: t.roomB, state: 'rented', reason: '出租' });
    const again = build();
    expect(again.receivables).toEqual(s.receivables);
    expect(again.occupancy).toEqual(s.occupancy);
    await t.core.close();
  });

  it('says receivables are not recorded where no room is billed monthly', async () => {
    const t = await openReceivablesCore();
    const s = buildDailySummary(t.core.need().sql, {
      terminalId: 'T01',
      propertyName: '阳光花园',
      businessDate: '2026-11-23',
      cutoffHour: 0,
      timeZone: 'Asia/Shanghai',
      overdueDays: 3,
      generatedAt: new Date('2026-11-23T16:00:00Z'),
    });
    expect(s.receivables).toEqual({ available: false, reason: expect.stringContaining('没有按月计划收费') });
    await t.core.close();
  });
});
