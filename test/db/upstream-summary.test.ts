import { describe, expect, it } from 'vitest';
import { buildDailySummary } from '../../src-main/sync/summary';
import { openReadyCore } from '../support/core';

/** The parcels section counts as the day stood at its end, whatever happened since. */
describe('daily summary: parcels as they stood at the end of the day', () => {
  it('in, out, in stock and overdue at the end of 2026-11-20 (cut-off 04:00 China time = 20:00Z the day before)', async () => {
    const t = await openReadyCore();
    const db = t.core.need().db;
    let n = 0;
    const add = (intake: string, closed: string | null, status: string, carrier = 'SF') =>
      db
        .prepare(
          `INSERT INTO parcels (waybill, carrier, pickup_code, status, intake_at, intake_by, updated_at, closed_at, closed_by, picked_at, collector, check_method, return_reason)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          `SF${1000000000 + ++n}`,
          carrier,
          String(100000 + n),
          status,
          intake,
          intake,
          closed,
          closed ? 1 : null,
          status === 'picked_up' ? closed : null,
          status === 'picked_up' ? '本人' : null,
          status === 'picked_up' ? 'code' : null,
          status === 'returned' ? '退回快递员' : null,
        );
    // the window of business day 2026-11-20 is [2026-11-19T20:00Z, 2026-11-20T20:00Z)
    add('2026-11-10T01:00:00Z', null, 'in_stock'); // in stock and overdue ever since
    add('2026-11-19T21:00:00Z', '2026-11-20T10:00:00Z', 'picked_up', 'ZTO'); // in and out that day
    add('2026-11-20T05:00:00Z', '2026-11-22T03:00:00Z', 'picked_up'); // in that day, out later: in stock at the end
    add('2026-11-12T05:00:00Z', '2026-11-21T03:00:00Z', 'returned'); // overdue at the end, returned later
    add('2026-11-20T21:00:00Z', null, 'in_stock'); // arrived the next business day
    add('2026-11-01T05:00:00Z', '2026-11-20T12:00:00Z', 'returned'); // returned to the courier that day
    const build = (now: string) =>
      buildDailySummary(t.core.need().sql, {
        terminalId: 'T01',
        propertyName: 'x',
        businessDate: '2026-11-20',
        cutoffHour: 4,
        timeZone: 'Asia/Shanghai',
        overdueDays: 3,
        generatedAt: new Date(now),
      });
    // counted from the near side (soon after the day) and from the far side (built long after): the same figures
    const soon = build('2026-11-23T00:00:00Z');
    const late = build('2027-06-01T00:00:00Z');
    expect(late.parcels).toEqual(soon.parcels);
    expect(soon.parcels).toEqual({
      available: true,
      in: 2,
      out: { pickedUp: 1, returned: 1, writtenOff: 0 },
      inStockAtEnd: 3,
      overdueAtEnd: 2,
      overdueDays: 3,
      byCarrier: [
        { carrier: 'SF', in: 1, out: 1 },
        { carrier: 'ZTO', in: 1, out: 1 },
      ],
    });
    // each count is answered from an index, never by walking the parcels table
    for (const q of [
      "SELECT count(*) FROM parcels WHERE closed_at >= '2026-11-20T20:00:00.000Z' AND intake_at < '2026-11-20T20:00:00.000Z'",
      "SELECT count(*) FROM parcels WHERE closed_at < '2026-11-20T20:00:00.000Z' AND intake_at < '2026-11-17T20:00:00.000Z'",
      "SELECT count(*) FROM parcels WHERE intake_at < '2026-11-20T20:00:00.000Z'",
    ]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toMatch(/USING COVERING INDEX/);
    }
    // the day's receipts by their time, not every receipt of the terminal by its (terminal_id, seq) index
    const rp = (
      db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM receipts WHERE +terminal_id = 'T01' AND issued_at >= 'a' AND issued_at < 'b'").all() as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(rp).toContain('receipts_issued');
    await t.core.close();
  });
});
