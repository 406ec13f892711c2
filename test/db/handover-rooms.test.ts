import { describe, expect, it } from 'vitest';
import { openReceivablesCore } from '../support/receivables';

const A = 22375; // 3-2-501's 物业费 a month

/**
 * The handover's lines from receivables and the room file: today's collections of monthly fees against arrears
 * (how much settled earlier months), move-ins completed in the shift, decoration cases waiting for review or for
 * acceptance, and works in progress not patrolled today.
 */
describe('handover: collections against arrears, move-ins, decoration cases, patrols', () => {
  it('today’s collections and what of them settled earlier months (a void takes back)', async () => {
    const t = await openReceivablesCore();
    let h = await t.call('handover.summary', {});
    expect(h.receivables).toEqual({ available: true, settledFen: 0, earlierMonthsFen: 0 });
    // the clock in 2026-11: 物业费 from 2026-08 → August…October are earlier months, November this month
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-08' });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 4 }]);
    await t.call('receivables.plan.save', { roomId: t.roomB, itemId: t.items.parking, startMonth: '2026-11' });
    const b = await t.collect(t.roomB, [{ itemId: t.items.parking, months: 2 }]); // November and December ahead
    h = await t.call('handover.summary', {});
    expect(h.receivables).toEqual({ available: true, settledFen: 4 * A + 60000, earlierMonthsFen: 3 * A });
    await t.call('fees.void', { receiptId: b.id, approvalId: await t.approve('receipt.void', b.receiptNo), reason: '测试作废' });
    h = await t.call('handover.summary', {});
    expect(h.receivables).toEqual({ available: true, settledFen: 4 * A, earlierMonthsFen: 3 * A });
    await t.core.close();
  });

  it('move-ins done in the shift, cases to review and to accept, sites not patrolled today', async () => {
    const t = await openReceivablesCore();
    const db = t.core.need().db;
    const now = t.clock.now().getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const HOUR = 3_600_000;
    // two more rooms in 3-2 for the cases
    const unit = (db.prepare('SELECT unit_id FROM rooms WHERE id = ?').get(t.roomId) as { unit_id: number }).unit_id;
    const room = (n: string) =>
      Number(db.prepare("INSERT INTO rooms (unit_id, number, code, created_at) VALUES (?, ?, ?, 'now')").run(unit, n, `3-2-${n}`).lastInsertRowid);
    const r601 = room('601');
    const r701 = room('701');
    const r801 = room('801');
    // move-ins: one completed an hour ago (this shift), one three days ago (an earlier shift)
    const movein = db.prepare("INSERT INTO movein_cases (room_id, status, started_at, started_by, completed_at, completed_by) VALUES (?, 'done', ?, 1, ?, 1)");
    movein.run(t.roomId, iso(now - 2 * HOUR), iso(now - HOUR));
    movein.run(t.roomB, iso(now - 80 * HOUR), iso(now - 72 * HOUR));
    // decoration: one applied, one awaiting acceptance, two in progress (one patrolled this morning, one yesterday)
    const deco = db.prepare(
      "INSERT INTO decoration_cases (room_id, status, contractor, person_in_charge, contractor_phone, start_date, planned_end, created_at, created_by, updated_at) VALUES (?, ?, '美家装饰', '孙师傅', '13500004444', '2026-11-01', '2026-12-31', 'now', 1, 'now')",
    );
    const event = db.prepare('INSERT INTO decoration_events (case_id, kind, at, operator_id) VALUES (?, ?, ?, 1)');
    deco.run(t.roomId, 'applied');
    deco.run(t.roomB, 'awaiting_acceptance');
    const patrolled = Number(deco.run(r601, 'in_progress').lastInsertRowid);
    const notToday = Number(deco.run(r701, 'in_progress').lastInsertRowid);
    deco.run(r801, 'in_progress');
    event.run(patrolled, 'patrol', iso(now - HOUR)); // 09:00 in Shanghai today
    event.run(notToday, 'deduct', iso(now - 20 * HOUR)); // yesterday afternoon

    const h = await t.call('handover.summary', {});
    expect(h.rooms).toEqual({ available: true, moveIns: ['3-2-501'], toReview: 1, toAccept: 1, patrolsDue: ['3-2-701', '3-2-801'] });
    // a patrol recorded now takes the site off the list
    event.run(notToday, 'patrol', iso(now));
    expect((await t.call('handover.summary', {})).rooms).toMatchObject({ patrolsDue: ['3-2-801'] });
    await t.core.close();
  });
});
