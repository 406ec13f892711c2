import { describe, expect, it } from 'vitest';
import { openFeesCore, FLOAT_500, type FeesFixture } from '../support/fees';

/**
 * Nonsense a cashier would never accept: cash received far beyond the amount due, and fee periods that
 * start centuries away. The clock is 2026-11-23 (China time), so the current month is 2026-11.
 */
let n = 0;
const rid = () => `bounds-${Date.now()}-${++n}`;

async function ready(): Promise<FeesFixture> {
  const t = await openFeesCore({ printer: false });
  await t.call('cash.open', { count: FLOAT_500 });
  return t;
}

const water = (t: FeesFixture, amountFen: number) => ({ itemId: t.items.water, amountFen });
const cash = (amountFen: number, receivedFen: number) => [{ method: 'cash' as const, amountFen, receivedFen }];

describe('cash received', () => {
  it('refuses ￥99,999,999.99 handed over for a ￥1.00 payment, with the amounts, and takes no receipt number', async () => {
    const t = await ready();
    const r = await t.raw('fees.collect', { requestId: rid(), roomId: null, lines: [water(t, 100)], payments: cash(100, 9_999_999_999) });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        '实收现金 99999999.99 元比应收 1.00 元多出 99999998.99 元：找零不会达到 100 元（多给的整张钞票应退还付款人），请核对实收金额。',
      );
    const ok = await t.call('fees.collect', { requestId: rid(), roomId: null, lines: [water(t, 100)], payments: cash(100, 10_000) });
    expect(ok.receiptNo).toBe('T01-00000001');
  });

  it('change up to ￥99.99 is fine (a ￥100 note for ￥0.01); ￥100.00 or more is refused', async () => {
    const t = await ready();
    const note = await t.call('fees.collect', { requestId: rid(), roomId: null, lines: [water(t, 1)], payments: cash(1, 10_000) });
    expect(note.payments[0]).toMatchObject({ receivedFen: 10_000, changeFen: 9_999 });
    const twoNotes = await t.call('fees.collect', { requestId: rid(), roomId: null, lines: [water(t, 15_050)], payments: cash(15_050, 20_000) });
    expect(twoNotes.payments[0]).toMatchObject({ changeFen: 4_950 });
    // a second ￥100 note that was not needed
    expect(await t.raw('fees.collect', { requestId: rid(), roomId: null, lines: [water(t, 5_000)], payments: cash(5_000, 20_000) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await t.raw('fees.collect', { requestId: rid(), roomId: null, lines: [water(t, 100)], payments: cash(100, 10_100) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    // the cash part of a split payment is checked on its own
    const split = await t.raw('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [water(t, 30_000)],
      payments: [{ method: 'wechat', amountFen: 29_000, reference: '4200001234' }, ...cash(1_000, 11_000)],
    });
    expect(split).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('fee periods', () => {
  const parking = (t: FeesFixture, from: string, months: number) => ({ roomId: t.roomId, lines: [{ itemId: t.items.parking, from, months }] });

  it('refuses 9999-12 and 0000-01 as months, naming the field', async () => {
    const t = await ready();
    for (const from of ['9999-12', '0000-01']) {
      const r = await t.raw('fees.quote', parking(t, from, 120));
      expect(r, from).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { field: 'lines[0].from' } } });
      if (!r.ok) expect(r.error.message).toMatch(/^输入无效 — 起始：月份的年份应在/);
    }
  });

  it('a period starts at most 5 years back and 1 year ahead of this month', async () => {
    const t = await ready();
    const quoted = async (from: string) => t.raw('fees.quote', parking(t, from, 1));
    expect((await quoted('2021-11')).ok).toBe(true);
    expect((await quoted('2027-11')).ok).toBe(true);
    for (const from of ['2021-10', '2027-12', '2099-01', '1900-01']) {
      const r = await quoted(from);
      expect(r, from).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!r.ok)
        expect(r.error.message).toBe(`起始月份 ${from} 不在可收费的范围内（2021-11 至 2027-11）：补缴最多追溯 5 年，预缴最早从 1 年后开始，请核对月份`);
    }
    // 120 months from an absurd start is refused at collection too: nothing posted, nothing printed as "2099-01 至 2108-12"
    const posted = await t.raw('fees.collect', { requestId: rid(), ...parking(t, '2099-01', 120), payments: [{ method: 'cash', amountFen: 3_600_000 }] });
    expect(posted).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.call('fees.receipts.list', {})).toEqual([]);
    // a normal prepayment of a year from this month
    const year = await t.call('fees.quote', parking(t, '2026-11', 12));
    expect(year.lines[0]?.detail).toContain('2026-11 至 2027-10');
  });
});
