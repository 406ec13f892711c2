import { describe, expect, it } from 'vitest';
import { openReadyCore } from '../support/core';
import { FLOAT_500, openFeesCore, type FeesFixture } from '../support/fees';

async function twoOperators() {
  const t = await openReadyCore();
  await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240 });
  await t.call('operators.create', { username: 'li', displayName: '李青', role: 'receptionist', password: 'li-pass-1234' });
  await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
  return t;
}

describe('shift handover (交接班)', () => {
  it('outgoing hands over with a summary, a note and a carry-over item; incoming accepts it (now theirs) and acknowledges', async () => {
    const t = await twoOperators();
    const summary = await t.call('handover.summary', {});
    expect(summary.cash).toMatchObject({ available: true, open: false });
    expect(summary.parcels).toMatchObject({ available: true, inStock: 0 });
    expect(summary.requests).toMatchObject({ available: true, open: 0 });
    expect(summary.keys.available).toBe(true);

    const h = await t.call('handover.create', {
      notes: '3号楼电梯下午维保，电话 13812345678 的住户来问过',
      items: [
        { kind: 'carry', text: '给 3-2-501 回电话确认维修时间', roomId: null, ownerId: null, dueAt: '2026-11-23T10:00:00Z', priority: 'high' },
        { kind: 'note', text: '前台打印纸只剩两卷', roomId: null, ownerId: null, dueAt: null, priority: 'normal' },
      ],
    });
    expect(h.notes).toContain('138****5678');
    expect(h.items.map((i) => i.status)).toEqual(['open', 'accepted']);
    expect((await t.call('handover.pending', {}))?.id).toBe(h.id);
    // the outgoing operator cannot acknowledge their own handover
    expect(await t.raw('handover.acknowledge', { id: h.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.call('auth.logout', {});

    await t.call('auth.login', { username: 'li', password: 'li-pass-1234' });
    // not before every carry-over item is answered
    const early = await t.raw('handover.acknowledge', { id: h.id });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!early.ok) expect(early.error.message).toContain('1 项');
    const carry = h.items.find((i) => i.kind === 'carry');
    const r = await t.call('handover.respond', { itemId: carry?.id ?? 0, status: 'accepted' });
    expect(r.items[0]).toMatchObject({ status: 'accepted', ownerName: '李青', respondedByName: '李青' });
    const ack = await t.call('handover.acknowledge', { id: h.id });
    expect(ack).toMatchObject({ acknowledgedByName: '李青' });
    expect(await t.call('handover.pending', {})).toBeNull();
    expect((await t.call('handover.myItems', {})).map((i) => i.text)).toEqual(['给 3-2-501 回电话确认维修时间']);
    // past handovers are searchable
    expect((await t.call('handover.list', { q: '电梯' })).map((x) => x.id)).toEqual([h.id]);
    expect(await t.call('handover.list', { q: '没有这个词' })).toEqual([]);
  });

  it('a queried item needs its question; unacknowledged handovers stay listed for the supervisor; the content is frozen', async () => {
    const t = await twoOperators();
    const h = await t.call('handover.create', {
      notes: '',
      items: [{ kind: 'carry', text: '核对钥匙柜 B 区', roomId: null, ownerId: null, dueAt: null, priority: 'normal' }],
    });
    await t.call('auth.logout', {});
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' });
    expect((await t.call('handover.list', { unacknowledged: true })).map((x) => x.id)).toEqual([h.id]);
    const id = h.items[0]?.id ?? 0;
    expect(await t.raw('handover.respond', { itemId: id, status: 'queried' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const q = await t.call('handover.respond', { itemId: id, status: 'queried', response: 'B 区钥匙在哪个抽屉？' });
    expect(q.items[0]).toMatchObject({ status: 'queried', ownerName: null });
    // answered once: it cannot be re-answered the other way round
    expect(await t.raw('handover.respond', { itemId: id, status: 'queried', response: '再问一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // taking over with a question open: the item goes to the one who took over, not into the void
    const ack = await t.call('handover.acknowledge', { id: h.id });
    expect(ack.items[0]).toMatchObject({ status: 'queried', ownerName: '赵主管' });
    const mine = await t.call('handover.myItems', {});
    expect(mine.map((i) => i.text)).toEqual(['核对钥匙柜 B 区']);
    // done: it leaves the list
    expect(await t.call('handover.itemDone', { itemId: id })).toEqual([]);
    const db = t.core.need().db;
    expect(() => db.prepare('UPDATE handovers SET notes = ? WHERE id = ?').run('x', h.id)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM handover_items WHERE id = ?').run(id)).toThrow(/kept/);
  });
});

describe('the owner of a carry-over item', () => {
  it('is a colleague with an active account: the item is theirs at once; a deactivated or unknown one is refused', async () => {
    const t = await twoOperators();
    const ops = await t.call('operators.list', {});
    const li = ops.find((o) => o.username === 'li')?.id ?? 0;
    const zhao = ops.find((o) => o.username === 'zhao')?.id ?? 0;
    const item = (ownerId: number) => ({ kind: 'carry' as const, text: '周五前联系电梯公司', roomId: null, ownerId, dueAt: null, priority: 'normal' as const });
    const h = await t.call('handover.create', { notes: '', items: [item(li)] });
    expect(h.items[0]).toMatchObject({ ownerName: '李青', status: 'open' });
    await t.call('operators.update', { id: zhao, active: false });
    for (const ownerId of [zhao, 9999]) {
      const r = await t.raw('handover.create', { notes: '', items: [item(ownerId)] });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      if (!r.ok) expect(r.error.message).toContain('负责人不存在或已停用');
    }
    // nothing of a refused handover was kept
    expect((await t.call('handover.list', {})).map((x) => x.id)).toEqual([h.id]);
  });
});

describe('handover slip and room tags', () => {
  it('an item tagged with a room as typed; the 交接单 prints on the receipt printer with the summary and the items', async () => {
    const { openFeesCore } = await import('../support/fees');
    const t = await openFeesCore();
    const bad = await t.raw('handover.create', {
      notes: '',
      items: [{ kind: 'carry', text: '回电话', roomId: null, roomCode: '9-9-999', ownerId: null, dueAt: null, priority: 'normal' }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const h = await t.call('handover.create', {
      notes: '电梯维保',
      items: [{ kind: 'carry', text: '给业主回电话', roomId: null, roomCode: '3-2-501', ownerId: null, dueAt: null, priority: 'high' }],
    });
    expect(h.items[0]?.roomCode).toBe('3-2-501');
    expect(await t.call('handover.print', { id: h.id })).toEqual({ queued: true });
    await t.settle();
    const text = t.printedText().join('\n');
    expect(text).toContain('交接单');
    expect(text).toContain('给业主回电话');
    expect(text).toContain('3-2-501');
    expect(text).toContain('电梯维保');
    // each item's state prints under it
    expect(text).toContain('待确认');
  });
});

describe("the shift's cash result in the handover", () => {
  /** ￥500 float, nothing taken, ￥480 counted: ￥20 short, over the ￥10 limit → a supervisor approves. */
  async function closeShort(t: FeesFixture) {
    const session = await t.call('cash.open', { count: FLOAT_500 });
    const count = { ...FLOAT_500, '1000': 6 };
    expect(await t.raw('cash.close', { count })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const approvalId = (
      await t.call('auth.approve', {
        username: 'zhao',
        password: 'zhao-pass-123',
        action: 'cash.variance',
        subject: String(session.id),
        reason: '点钞复核，确认短款',
      })
    ).approvalId;
    await t.call('cash.close', { count, approvalId });
    return session.id;
  }

  it('a blind close ￥20 short with approval: expected, counted, variance, approver and 交款单 number, on screen and on the printed 交接单', async () => {
    const t = await openFeesCore();
    const id = await closeShort(t);
    const s = await t.call('handover.summary', {});
    expect(s.cash).toMatchObject({
      available: true,
      open: false,
      closed: [
        { sessionId: id, operatorName: '王经理', expectedFen: 50000, countedFen: 48000, varianceFen: -2000, approverName: '赵主管', handedOverTo: null },
      ],
    });
    const h = await t.call('handover.create', { notes: '', items: [] });
    expect(h.summary.cash).toMatchObject({ closed: [{ sessionId: id, varianceFen: -2000, approverName: '赵主管' }] });
    await t.call('handover.print', { id: h.id });
    await t.settle();
    const slip = t.printedText().find((x) => x.includes('交接单')) ?? '';
    expect(slip).toContain(`交款单 #${id}`);
    expect(slip).toContain('应有 ￥500.00');
    expect(slip).toContain('实点 ￥480.00');
    expect(slip).toContain('差异 -￥20.00（赵主管 审批）');
    // the 交款单 printed at the close carries the same number
    const closeSlip = t.printedText().find((x) => x.includes('交款单号')) ?? '';
    expect(closeSlip).toContain(`#${id}`);
  });

  it("only this shift's sessions: closed after the previous handover, never more than 24 hours back; a close within the limit needs no approver", async () => {
    const t = await openFeesCore();
    const first = await closeShort(t);
    t.clock.advance(60_000);
    const h1 = await t.call('handover.create', { notes: '', items: [] });
    expect(h1.summary.cash).toMatchObject({ closed: [{ sessionId: first }] });
    t.clock.advance(60_000);
    const second = await t.call('cash.open', { count: FLOAT_500 });
    await t.call('cash.close', { count: { ...FLOAT_500, '100': 15 } });
    const next = await t.call('handover.summary', {});
    expect(next.cash).toMatchObject({ since: h1.createdAt, closed: [{ sessionId: second.id, varianceFen: -500, approverName: null }] });
    // a day later with no handover in between: the window stops 24 hours back
    t.clock.advance(25 * 3600_000);
    const later = t.core.need().handover.summary();
    expect(later.cash).toMatchObject({ available: true, closed: [] });
  });
});
