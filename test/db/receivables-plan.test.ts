import { describe, expect, it } from 'vitest';
import { openReceivablesCore } from '../support/receivables';

/**
 * What a month costs a room: the rate in force that month, the vacant-unit share, the first-month rule, and
 * reductions approved by a supervisor. 3-2-501 is 89.50 m²: ￥2.50/m²·月 is ￥223.75 a month, ￥3.00 is ￥268.50.
 * The clock is in 2026-11.
 */
const owedOf = async (t: Awaited<ReturnType<typeof openReceivablesCore>>, roomId: number, itemId: number) => {
  const d = await t.call('receivables.dues', { roomId });
  const i = d.items.find((x) => x.itemId === itemId);
  if (!i) throw new Error('item not planned');
  return i;
};

describe('billing plan and month prices', () => {
  it('prices each month at the rate in force then: a change in July 2025 applies from July on', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.rates.add', { itemId: t.items.property, fromMonth: '2025-07', unitPriceFen: 300 });
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2025-01' });
    const i = await owedOf(t, t.roomId, t.items.property);
    expect(i.paidThrough).toBe('2024-12');
    expect(i.owed.map((u) => u.month)).toHaveLength(23); // 2025-01 … 2026-11
    expect(i.owed[0]).toMatchObject({ month: '2025-01', amountFen: 22375 });
    expect(i.owed[5]).toMatchObject({ month: '2025-06', amountFen: 22375 });
    expect(i.owed[6]).toMatchObject({ month: '2025-07', amountFen: 26850 });
    expect(i.owedFen).toBe(6 * 22375 + 17 * 26850);
    // the earlier open-ended rate now ends in June
    const item = (await t.call('receivables.items.list', {})).find((x) => x.itemId === t.items.property);
    expect(item?.rates).toEqual([
      expect.objectContaining({ fromMonth: '2024-01', toMonth: '2025-06', unitPriceFen: 250 }),
      expect.objectContaining({ fromMonth: '2025-07', toMonth: null, unitPriceFen: 300 }),
    ]);
  });

  it('refuses a rate before the item was billed and an overlapping rate period, and changes nothing', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.rates.add', { itemId: t.items.property, fromMonth: '2025-07', unitPriceFen: 300 });
    const before = await t.call('receivables.items.list', {});
    const early = await t.raw('receivables.rates.add', { itemId: t.items.property, fromMonth: '2023-12', unitPriceFen: 200 });
    expect(early).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!early.ok) expect(early.error.message).toContain('早于这个项目的起征月份 2024-01');
    const overlap = await t.raw('receivables.rates.add', { itemId: t.items.property, fromMonth: '2025-05', toMonth: '2025-08', unitPriceFen: 280 });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!overlap.ok) expect(overlap.error.message).toContain('重叠');
    expect(await t.call('receivables.items.list', {})).toEqual(before);
  });

  it('a rate change re-prices unpaid months already written, never paid ones', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-09' });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 1 }]); // September paid at ￥223.75
    await t.call('receivables.figures', { month: '2026-11' }); // writes the month charges up to November
    await t.call('receivables.rates.add', { itemId: t.items.property, fromMonth: '2026-09', unitPriceFen: 300 });
    const i = await owedOf(t, t.roomId, t.items.property);
    expect(i.paidThrough).toBe('2026-09');
    expect(i.owed.map((u) => [u.month, u.amountFen])).toEqual([
      ['2026-10', 26850],
      ['2026-11', 26850],
    ]);
  });

  it('vacancy: a vacant unit pays the set share of 物业费 in those months; parking is not discounted', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-01' });
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.parking, startMonth: '2026-01' });
    await t.call('receivables.vacancy.add', { roomId: t.roomId, fromMonth: '2026-02', toMonth: '2026-03', pct: 50, reason: '空置未入住' });
    const p = await owedOf(t, t.roomId, t.items.property);
    expect(p.owed.slice(0, 4).map((u) => [u.month, u.baseFen, u.amountFen])).toEqual([
      ['2026-01', 22375, 22375],
      ['2026-02', 22375, 11188],
      ['2026-03', 22375, 11188],
      ['2026-04', 22375, 22375],
    ]);
    const k = await owedOf(t, t.roomId, t.items.parking);
    expect(k.owed.slice(1, 3).map((u) => u.amountFen)).toEqual([30000, 30000]);
    const clash = await t.raw('receivables.vacancy.add', { roomId: t.roomId, fromMonth: '2026-03', pct: 60, reason: '空置' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it.each([
    ['by_days', '2026-09', 11188], // 15 of September's 30 days: ￥223.75 × 15/30
    ['whole', '2026-09', 22375],
    ['next', '2026-10', 22375],
  ] as const)('first month from a hand-over on 2026-09-16, charged %s', async (rule, first, amount) => {
    const t = await openReceivablesCore();
    await t.call('receivables.settings.save', { firstMonth: rule, lateFee: { enabled: false, dailyBp: 5, capPct: 100 } });
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startDate: '2026-09-16' });
    const i = await owedOf(t, t.roomId, t.items.property);
    expect(i.owed[0]).toMatchObject({ month: first, amountFen: amount });
    expect(i.owed.at(-1)).toMatchObject({ month: '2026-11', amountFen: 22375 });
  });

  it('refuses a start month more than a year ahead or before the item was billed', async () => {
    const t = await openReceivablesCore();
    const far = await t.raw('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2028-01' });
    expect(far).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!far.ok) expect(far.error.message).toContain('最晚 1 年后');
    const early = await t.raw('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2023-06' });
    expect(early).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!early.ok) expect(early.error.message).toContain('起征月份 2024-01');
    expect(await t.call('receivables.plan.get', { roomId: t.roomId })).toEqual([]);
  });

  it('an exemption needs a supervisor approval for that room and item; exempt months are not owed', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-09' });
    const input = { roomId: t.roomId, itemId: t.items.property, fromMonth: '2026-10', toMonth: '2026-10', pctOff: 100, reason: '困难住户减免' };
    const wrong = await t.approve('receivable.adjust', '5-1-101:WYF');
    expect(await t.raw('receivables.adjust', { ...input, approvalId: wrong })).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    expect((await owedOf(t, t.roomId, t.items.property)).owed).toHaveLength(3);
    const approvalId = await t.approve('receivable.adjust', '3-2-501:WYF');
    await t.call('receivables.adjust', { ...input, approvalId });
    const i = await owedOf(t, t.roomId, t.items.property);
    expect(i.owed.map((u) => u.month)).toEqual(['2026-09', '2026-11']);
    expect(i.owedFen).toBe(2 * 22375);
    // half off a month already paid is refused
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 1 }]);
    const again = await t.approve('receivable.adjust', '3-2-501:WYF');
    const paid = await t.raw('receivables.adjust', { ...input, fromMonth: '2026-09', toMonth: '2026-09', pctOff: 50, approvalId: again });
    expect(paid).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('late fees are off by default; when on, a daily rate with a cap, shown apart and never collected with the months', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-09' });
    expect(await t.call('receivables.settings.get', {})).toMatchObject({ lateFee: { enabled: false } });
    expect((await t.call('receivables.dues', { roomId: t.roomId })).lateFeeFen).toBe(0);
    await t.call('receivables.settings.save', { firstMonth: 'whole', lateFee: { enabled: true, dailyBp: 5, capPct: 10 } });
    // today 2026-11-23: September overdue 54 days (￥6.04), October 23 days (￥2.57), November not yet
    const d = await t.call('receivables.dues', { roomId: t.roomId });
    expect(d.lateFeeFen).toBe(604 + 257);
    expect(d.totalFen).toBe(3 * 22375);
    await t.call('receivables.settings.save', { firstMonth: 'whole', lateFee: { enabled: true, dailyBp: 50, capPct: 10 } });
    // 万分之五十: September 54 days = 27%, October 23 days = 11.5%, each capped at 10% (￥22.38)
    expect((await t.call('receivables.dues', { roomId: t.roomId })).items[0]?.owed.length).toBe(3);
    expect((await t.call('receivables.dues', { roomId: t.roomId })).lateFeeFen).toBe(2238 + 2238);
    const q = await t.call('fees.quote', { roomId: t.roomId, lines: [{ itemId: t.items.property, months: 3 }] });
    expect(q.totalFen).toBe(3 * 22375);
  });
});
