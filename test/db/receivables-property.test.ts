import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '@shared/calendar';
import { openReceivablesCore, type ReceivablesFixture } from '../support/receivables';

/**
 * For random sequences of collections (paying ahead included), voids and rate changes, what a room owes always equals
 * what was charged minus what was settled, checked against a model kept apart from the code: 停车费 (per month,
 * quantity 1) planned from 2026-06, the clock in 2026-11. A month paid keeps what was paid; an unpaid month costs the
 * rate in force that month now.
 */
type Cmd = { kind: 'collect'; months: number } | { kind: 'void'; pick: number } | { kind: 'rate'; ahead: number; priceFen: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ kind: fc.constant('collect' as const), months: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rate' as const), ahead: fc.integer({ min: -6, max: 6 }), priceFen: fc.integer({ min: 1000, max: 50000 }) }),
);

const START = '2026-06';
const NOW = '2026-11';

function check(
  t: ReceivablesFixture,
  model: { rates: Array<[string, number]>; paid: Map<string, number> },
  dues: Awaited<ReturnType<ReceivablesFixture['call']>>,
) {
  const rateAt = (m: string) => [...model.rates].reverse().find(([from]) => from <= m)?.[1] ?? 0;
  let owed = 0;
  let firstUnpaid: string | null = null;
  for (let m = START; m <= NOW; m = addMonths(m, 1)) {
    if (model.paid.has(m)) continue;
    owed += rateAt(m);
    firstUnpaid ??= m;
  }
  let paidThrough = firstUnpaid ? addMonths(firstUnpaid, -1) : NOW;
  if (!firstUnpaid) while (model.paid.has(addMonths(paidThrough, 1))) paidThrough = addMonths(paidThrough, 1);
  const item = (dues as { items: Array<{ owedFen: number; paidThrough: string }> }).items[0];
  expect(item?.owedFen).toBe(owed);
  expect(item?.paidThrough).toBe(paidThrough);
  const bad = t.core
    .need()
    .db.prepare(
      'SELECT c.id FROM receivable_charges c LEFT JOIN (SELECT charge_id, sum(amount_fen) s FROM receivable_allocations GROUP BY charge_id) a ON a.charge_id = c.id WHERE c.settled_fen <> coalesce(a.s, 0)',
    )
    .all();
  expect(bad).toEqual([]);
  // the collection figures' totals per month, building and item follow every charge written, repriced, settled or re-opened
  const db = t.core.need().db;
  expect(
    db
      .prepare(
        'SELECT month, building_id, item_id, charged_fen, settled_fen FROM receivable_month_totals WHERE charged_fen <> 0 OR settled_fen <> 0 ORDER BY 1, 2, 3',
      )
      .all(),
  ).toEqual(
    db
      .prepare(
        "SELECT month, building_id, item_id, sum(amount_fen) AS charged_fen, sum(settled_fen) AS settled_fen FROM receivable_charges WHERE kind = 'month' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
      )
      .all(),
  );
}

describe('owed = charged − settled, always', () => {
  it('holds for random sequences of collections, voids and rate changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 3, maxLength: 12 }), async (cmds) => {
        const t = await openReceivablesCore();
        try {
          await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.parking, startMonth: START });
          const model = { rates: [['2024-01', 30000]] as Array<[string, number]>, paid: new Map<string, number>() };
          const receipts: Array<{ id: number; receiptNo: string; months: string[]; voided: boolean }> = [];
          for (const c of cmds) {
            if (c.kind === 'collect') {
              const rateAt = (m: string) => [...model.rates].reverse().find(([from]) => from <= m)?.[1] ?? 0;
              const months: string[] = [];
              for (let m = START; months.length < c.months; m = addMonths(m, 1)) if (!model.paid.has(m)) months.push(m);
              const r = await t.collect(t.roomId, [{ itemId: t.items.parking, months: c.months }]);
              expect(r.totalFen).toBe(months.reduce((s, m) => s + rateAt(m), 0));
              for (const m of months) model.paid.set(m, r.id);
              receipts.push({ id: r.id, receiptNo: r.receiptNo, months, voided: false });
            } else if (c.kind === 'void') {
              const open = receipts.filter((r) => !r.voided);
              const r = open[c.pick % Math.max(1, open.length)];
              if (!r) continue;
              await t.call('fees.void', { receiptId: r.id, approvalId: await t.approve('receipt.void', r.receiptNo), reason: '测试作废' });
              r.voided = true;
              for (const m of r.months) model.paid.delete(m);
            } else {
              const from = addMonths(NOW, c.ahead);
              const last = model.rates.at(-1)?.[0] ?? '';
              const res = await t.raw('receivables.rates.add', { itemId: t.items.parking, fromMonth: from, unitPriceFen: c.priceFen });
              if (from > last) {
                expect(res.ok).toBe(true);
                model.rates.push([from, c.priceFen]);
              } else expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
            }
            check(t, model, await t.call('receivables.dues', { roomId: t.roomId }));
          }
        } finally {
          await t.core.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
