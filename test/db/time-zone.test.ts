import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFeesCore, FLOAT_500, type FeesFixture } from '../support/fees';

/**
 * The property's time zone is a setting (default Asia/Shanghai). Whatever zone the PC is set to, every time shown,
 * printed, reported and sent uses it. The PC here is set to New York (process.env.TZ): a receipt issued at
 * 2026-11-23 02:00Z is 10:00 on the 23rd in Shanghai and 21:00 on the 22nd in New York.
 */
describe("the property's time zone", () => {
  const saved = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  let n = 0;
  const collect = async (t: FeesFixture) =>
    t.call('fees.collect', {
      requestId: `tz-test-${++n}`,
      roomId: t.roomId,
      lines: [{ itemId: t.items.copy, quantity: 2 }],
      payments: [{ method: 'cash', amountFen: 100, receivedFen: 100 }],
    });

  it('prints, lists and reports on Beijing time by default, not on the PC clock', async () => {
    const t = await openFeesCore();
    expect(new Date('2026-11-23T02:00:00Z').getDate()).toBe(22); // the PC thinks it is still the 22nd
    await t.call('cash.open', { count: FLOAT_500 });
    const r = await collect(t);
    await t.settle();
    expect(t.printedText().at(-1)).toContain('2026-11-23 10:00');
    // the receipts list for "the 23rd" is the property's 23rd
    expect((await t.call('fees.receipts.list', { date: '2026-11-23' })).map((x) => x.receiptNo)).toContain(r.receiptNo);
    expect(await t.call('fees.receipts.list', { date: '2026-11-22' })).toEqual([]);
    // the day report counts it on the 23rd
    const day = await t.call('reports.period', { period: 'day', date: '2026-11-23' });
    expect(day.fees.receipts.count).toBe(1);
    expect((await t.call('system.status', {})).timeZone).toBe('Asia/Shanghai');
    await t.core.close();
  });

  it('a property in Xinjiang time prints and counts on its own clock', async () => {
    const t = await openFeesCore();
    const s = await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240, timeZone: 'Asia/Urumqi' });
    expect(s).toMatchObject({ timeZone: 'Asia/Urumqi', timeZoneChangeable: true });
    await t.call('cash.open', { count: FLOAT_500 });
    t.clock.set('2026-11-22T19:00:00Z'); // 01:00 on the 23rd in Xinjiang, 03:00 in Beijing
    const r = await collect(t);
    await t.settle();
    expect(t.printedText().at(-1)).toContain('2026-11-23 01:00');
    expect((await t.call('fees.receipts.list', { date: '2026-11-23' })).map((x) => x.receiptNo)).toContain(r.receiptNo);
    expect((await t.call('system.status', {})).timeZone).toBe('Asia/Urumqi');
    await t.core.close();
  });

  it('refuses an unknown zone, and a zone change once a business day was built for head office', async () => {
    const t = await openFeesCore();
    const bad = await t.raw('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240, timeZone: 'Mars/Olympus' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toContain('时区');
    t.core
      .need()
      .db.prepare(
        `INSERT INTO upstream_outbox (kind, business_date, idempotency_key, body, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES ('daily-summary', '2026-11-22', 'T01:2026-11-22:daily-summary', '{}', 'pending', 0, 'x', 'x', 'x')`,
      )
      .run();
    expect((await t.call('settings.get', {})).timeZoneChangeable).toBe(false);
    const late = await t.raw('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240, timeZone: 'Asia/Urumqi' });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // the same zone again (the settings form sends it back) is fine
    expect(await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240, timeZone: 'Asia/Shanghai' })).toMatchObject({
      timeZone: 'Asia/Shanghai',
    });
    await t.core.close();
  });
});
