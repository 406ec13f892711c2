import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';
import type { Db } from '../../src-main/db/open';
import { openReceivablesCore } from '../support/receivables';

/**
 * The collection figures read totals per month, building and item that triggers keep on the charges, and 清欠 through
 * a partial index of the allocations. Whatever writes a charge (month generation, collecting, voids, refunds, a plan
 * moved, a rate change, a vacancy, a reduction), the totals must equal the charges summed, and 清欠 the allocations
 * read in full.
 */
const fromCharges = (db: Db) =>
  db
    .prepare(
      "SELECT month, building_id, item_id, sum(amount_fen) AS charged_fen, sum(settled_fen) AS settled_fen FROM receivable_charges WHERE kind = 'month' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )
    .all();
const fromTotals = (db: Db) =>
  db
    .prepare(
      'SELECT month, building_id, item_id, charged_fen, settled_fen FROM receivable_month_totals WHERE charged_fen <> 0 OR settled_fen <> 0 ORDER BY 1, 2, 3',
    )
    .all();
/** 清欠 as it was read before the partial index: every allocation of the window */
const clearedInFull = (db: Db, fromAt: string, toAt: string, before: string) =>
  db
    .prepare(
      "SELECT building_id, item_id, sum(amount_fen) AS fen FROM receivable_allocations WHERE at >= ? AND at < ? AND (kind = 'opening' OR month < ?) GROUP BY 1, 2 ORDER BY 1, 2",
    )
    .all(fromAt, toAt, before);

describe('collection totals kept with the charges', () => {
  it('equal the charges summed after collecting, paying ahead, a void, a moved plan, a rate change, a vacancy and a reduction', async () => {
    const t = await openReceivablesCore();
    const db = t.core.need().db;
    const same = () => expect(fromTotals(db)).toEqual(fromCharges(db));
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2025-01' });
    await t.call('receivables.plan.save', { roomId: t.roomB, itemId: t.items.property, startMonth: '2025-06' });
    await t.call('receivables.plan.save', { roomId: t.roomB, itemId: t.items.parking, startMonth: '2026-01' });
    await t.call('receivables.figures', { year: 2026 }); // brings the month charges up to date
    same();
    expect(fromTotals(db).length).toBeGreaterThan(20);
    const a = await t.collect(t.roomId, [{ itemId: t.items.property, months: 14 }]);
    await t.collect(t.roomB, [{ itemId: t.items.parking, months: 13 }]); // two months ahead
    same();
    await t.call('fees.void', { receiptId: a.id, approvalId: await t.approve('receipt.void', a.receiptNo), reason: '测试作废' });
    same();
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 3 }]);
    await t.call('receivables.plan.save', { roomId: t.roomB, itemId: t.items.property, startMonth: '2025-09' });
    same();
    await t.call('receivables.rates.add', { itemId: t.items.property, fromMonth: '2026-10', unitPriceFen: 300 });
    await t.call('receivables.vacancy.add', { roomId: t.roomB, fromMonth: '2026-03', toMonth: '2026-05', pct: 50, reason: '空置' });
    await t.call('receivables.adjust', {
      roomId: t.roomB,
      itemId: t.items.property,
      fromMonth: '2025-09',
      toMonth: '2025-10',
      pctOff: 100,
      reason: '业主困难',
      approvalId: await t.approve('receivable.adjust', '5-1-101:WYF'),
    });
    same();
    // and the figures read from them are the ones summed from the charges
    const y = await t.call('receivables.figures', { year: 2026 });
    const charges = db
      .prepare("SELECT sum(amount_fen) AS c, sum(settled_fen) AS s FROM receivable_charges WHERE kind = 'month' AND month BETWEEN '2026-01' AND '2026-11'")
      .get() as { c: number; s: number };
    expect(y.total).toMatchObject({ chargedFen: charges.c, collectedFen: charges.s });
    await t.core.close();
  });

  it('清欠 through the partial index equals every allocation read in full, at the new year in Shanghai too', async () => {
    const t = await openReceivablesCore();
    const db = t.core.need().db;
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2025-01' });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 3 }]); // 2025-01…03 collected in 2026: arrears
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 14 }]); // the rest of 2025 and 2026 to date
    const windows: Array<[string, string, string]> = [
      ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '2026-01'],
      ['2025-12-31T16:00:00Z', '2026-12-31T16:00:00Z', '2026-01'],
      ['2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', '2026-01'],
      ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2025-01'],
    ];
    const { arrearsCollected } = await import('../../src-main/features/receivables/receivables.repo');
    for (const [from, to, before] of windows) {
      const viaIndex = arrearsCollected(t.core.need().sql, from, to, before).sort((x, y) => x.building_id - y.building_id || x.item_id - y.item_id);
      expect(viaIndex).toEqual(clearedInFull(db, from, to, before));
    }
    expect(clearedInFull(db, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '2026-01')).toEqual([expect.objectContaining({ fen: 12 * 22375 })]);
    // a payment at 00:30 on 1 January in Shanghai (16:30 UTC the day before) for December of the year before is arrears of the new year
    db.exec('DROP TRIGGER IF EXISTS receivable_allocations_no_update');
    const row = db.prepare('SELECT * FROM receivable_allocations ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    db.prepare(
      "INSERT INTO receivable_allocations (charge_id, receipt_line_id, amount_fen, at, room_id, building_id, item_id, kind, month) VALUES (?, ?, 100, '2026-12-31T16:30:00.000Z', ?, ?, ?, 'month', '2026-12')",
    ).run(row.charge_id, row.receipt_line_id, row.room_id, row.building_id, row.item_id);
    const next = ['2026-12-31T16:00:00Z', '2027-12-31T16:00:00Z', '2027-01'] as const;
    expect(arrearsCollected(t.core.need().sql, ...next)).toEqual(clearedInFull(db, ...next));
    expect(clearedInFull(db, ...next)).toEqual([expect.objectContaining({ fen: 100 })]);
    await t.core.close();
  });

  it('are filled from the charges already on file when the store is migrated', () => {
    const db = openDatabase(':memory:');
    migrate(db, { migrations: MIGRATIONS.filter((m) => m.version < 16) });
    db.exec(`
      INSERT INTO buildings (id, code, name, created_at) VALUES (1, '1', '1栋', 'now'), (2, '2', '2栋', 'now');
      INSERT INTO units (id, building_id, code) VALUES (1, 1, '1'), (2, 2, '1');
      INSERT INTO rooms (id, unit_id, number, code, created_at) VALUES (1, 1, '101', '1-1-101', 'now'), (2, 2, '101', '2-1-101', 'now');
      INSERT INTO fee_items (id, code, name, category, rule, unit_price_fen, unit_label, refundable, active, sort, created_at, updated_at)
        VALUES (1, 'WYF', '物业费', 'property', 'per_month', 100, '月', 0, 1, 0, 'now', 'now');
      INSERT INTO receivable_items (item_id, since_month, vacancy_applies, created_at, updated_at) VALUES (1, '2026-01', 0, 'now', 'now');
      INSERT INTO receivable_charges (room_id, building_id, item_id, kind, month, base_fen, amount_fen, settled_fen) VALUES
        (1, 1, 1, 'month', '2026-01', 100, 100, 100), (2, 2, 1, 'month', '2026-01', 100, 80, 0),
        (1, 1, 1, 'month', '2026-02', 100, 100, 40), (1, 1, 1, 'opening', '2025-12', 500, 500, 0);
    `);
    migrate(db);
    expect(fromTotals(db)).toEqual([
      { month: '2026-01', building_id: 1, item_id: 1, charged_fen: 100, settled_fen: 100 },
      { month: '2026-01', building_id: 2, item_id: 1, charged_fen: 80, settled_fen: 0 },
      { month: '2026-02', building_id: 1, item_id: 1, charged_fen: 100, settled_fen: 40 },
    ]);
    expect(fromTotals(db)).toEqual(fromCharges(db));
  });
});
