import { describe, expect, it } from 'vitest';
import { openReceivablesCore } from '../support/receivables';

/**
 * 违约金 waivers. 3-2-501 (89.50 m², ￥223.75 a month) owes 物业费 from 2026-09; the clock is at 2026-11-23 and late
 * fees run at 万分之五 a day, capped at 10 %: September is 54 days late (￥6.04), October 23 days (￥2.57).
 */
async function owing() {
  const t = await openReceivablesCore();
  await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-09' });
  await t.call('receivables.settings.save', { firstMonth: 'whole', lateFee: { enabled: true, dailyBp: 5, capPct: 10 } });
  return t;
}
const waiveInput = (t: Awaited<ReturnType<typeof owing>>, approvalId: string) => ({
  roomId: t.roomId,
  itemId: t.items.property,
  reason: '通知未送达',
  approvalId,
});

describe('late fee waiver', () => {
  it('needs a supervisor approval for that room and item; a refused waiver changes nothing', async () => {
    const t = await owing();
    const wrongRoom = await t.approve('receivable.lateWaive', '5-1-101:WYF');
    expect(await t.raw('receivables.lateFee.waive', waiveInput(t, wrongRoom))).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    const wrongAction = await t.approve('receivable.adjust', '3-2-501:WYF');
    expect(await t.raw('receivables.lateFee.waive', waiveInput(t, wrongAction))).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    const d = await t.call('receivables.dues', { roomId: t.roomId });
    expect(d).toMatchObject({ lateFeeFen: 604 + 257, lateWaivedFen: 0, totalFen: 3 * 22375 });
  });

  it('waives the late fee accrued up to today, shown apart as waived; the debt and its price stay as they were; audited', async () => {
    const t = await owing();
    const approvalId = await t.approve('receivable.lateWaive', '3-2-501:WYF');
    expect(await t.call('receivables.lateFee.waive', waiveInput(t, approvalId))).toEqual({ waivedFen: 861 });
    const d = await t.call('receivables.dues', { roomId: t.roomId });
    expect(d).toMatchObject({ lateFeeFen: 0, lateWaivedFen: 861, totalFen: 3 * 22375 });
    expect(d.items[0]?.owed.map((u) => [u.month, u.amountFen])).toEqual([
      ['2026-09', 22375],
      ['2026-10', 22375],
      ['2026-11', 22375],
    ]);
    expect((await t.call('fees.quote', { roomId: t.roomId, lines: [{ itemId: t.items.property, months: 3 }] })).totalFen).toBe(3 * 22375);
    const audit = t.core.need().db.prepare("SELECT operator_id, entity_id, detail FROM audit_log WHERE action = 'receivable.lateWaive'").all() as Array<{
      entity_id: string;
      detail: string;
    }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_id).toBe('3-2-501');
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ itemId: t.items.property, waivedFen: 861, throughDay: '2026-11-23' });
    // the approval is used once
    expect(await t.raw('receivables.lateFee.waive', waiveInput(t, approvalId))).toMatchObject({ ok: false });
    // the record cannot be changed afterwards
    expect(() => t.core.need().db.prepare('UPDATE receivable_late_waivers SET waived_fen = 1').run()).toThrow(/immutable/);
    expect(() => t.core.need().db.prepare('DELETE FROM receivable_late_waivers').run()).toThrow(/immutable/);
  });

  it('still unpaid, the late fee runs again from the day after the waiver; a month due later is not waived', async () => {
    const t = await owing();
    await t.call('receivables.lateFee.waive', waiveInput(t, await t.approve('receivable.lateWaive', '3-2-501:WYF')));
    t.clock.advance(10 * 86_400_000); // 2026-12-03
    await t.call('auth.unlock', { password: 'admin-pass-1' });
    const d = await t.call('receivables.dues', { roomId: t.roomId });
    // September 64 days ￥7.16 − ￥6.04 waived; October 33 days ￥3.69 − ￥2.57; November 3 days ￥0.34, none waived
    expect(d.lateFeeFen).toBe(112 + 112 + 34);
    expect(d.lateWaivedFen).toBe(861);
    expect(d.totalFen).toBe(4 * 22375);
  });

  it('refuses a waiver with no late fee to waive, or with late fees off, before the approval is used', async () => {
    const t = await owing();
    await t.call('receivables.settings.save', { firstMonth: 'whole', lateFee: { enabled: false, dailyBp: 5, capPct: 10 } });
    const approvalId = await t.approve('receivable.lateWaive', '3-2-501:WYF');
    const off = await t.raw('receivables.lateFee.waive', waiveInput(t, approvalId));
    expect(off).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!off.ok) expect(off.error.message).toContain('没有开启违约金');
    await t.call('receivables.settings.save', { firstMonth: 'whole', lateFee: { enabled: true, dailyBp: 5, capPct: 10 } });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 3 }]);
    const none = await t.raw('receivables.lateFee.waive', waiveInput(t, approvalId));
    expect(none).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!none.ok) expect(none.error.message).toContain('没有违约金');
    // the approval was not used up by the refusals
    const owedAgain = await t.call('receivables.dues', { roomId: t.roomId });
    expect(owedAgain.lateFeeFen).toBe(0);
    expect(t.core.need().db.prepare('SELECT consumed_at FROM approvals WHERE id = ?').get(approvalId)).toMatchObject({ consumed_at: null });
  });
});
