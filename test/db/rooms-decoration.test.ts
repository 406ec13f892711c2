import { describe, expect, it } from 'vitest';
import { openRoomsCore, rowsIn, type RoomsFixture } from '../support/rooms';

/** The decoration case: one open case per room, review, deposit receipt, works, extension, patrols, deductions, acceptance. */

const application = (roomId: number, depositFen = 200000) => ({
  roomId,
  contractor: '美家装饰',
  personInCharge: '孙师傅',
  contractorPhone: '13500004444',
  startDate: '2026-11-25',
  plannedEnd: '2027-01-25',
  scope: ['plumbing_electric', 'walls'] as ('plumbing_electric' | 'walls')[],
  docs: ['drawings', 'contractor_licence'] as ('drawings' | 'contractor_licence')[],
  depositFen,
});

/** The deposit collected through 收费 (a receipt for the room). */
async function depositReceipt(t: RoomsFixture, roomId: number, amountFen: number): Promise<string> {
  await t.call('cash.open', { count: { '10000': 5 } });
  const item = await t.call('fees.items.save', {
    code: 'ZXYJ',
    name: '装修押金',
    category: 'deposit',
    rule: 'fixed',
    unitPriceFen: amountFen,
    unitLabel: '次',
    refundable: true,
    active: true,
    sort: 1,
  });
  const r = await t.call('fees.collect', { requestId: 'deco-deposit-0001', roomId, lines: [{ itemId: item.id }], payments: [{ method: 'cash', amountFen }] });
  return r.receiptNo;
}

describe('decoration case', () => {
  it('runs from application to acceptance: review, deposit receipt, 装修中, extension, patrol with a deduction, acceptance', async () => {
    const t = await openRoomsCore();
    const room = t.rooms.a;
    const c = await t.call('rooms.decoration.apply', application(room));
    expect(c).toMatchObject({ status: 'applied', roomCode: '3-2-501', phoneMasked: '135****4444', personInCharge: '孙**', depositFen: 200000 });
    await t.call('rooms.decoration.review', { caseId: c.id, approve: true, remark: '按图施工' });
    expect(await t.raw('rooms.decoration.start', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('装修押金还没有收') },
    });
    const receiptNo = await depositReceipt(t, room, 200000);
    await t.call('rooms.decoration.deposit', { caseId: c.id, receiptNo });
    expect((await t.call('rooms.decoration.start', { caseId: c.id })).status).toBe('in_progress');
    expect((await t.call('rooms.file', { roomId: room })).room.state).toBe('renovating');
    expect((await t.call('rooms.decoration.extend', { caseId: c.id, newEnd: '2027-02-10', reason: '材料延迟到货' })).plannedEnd).toBe('2027-02-10');
    const patrolled = await t.call('rooms.decoration.patrol', { caseId: c.id, violation: true, note: '中午施工噪音', deductionFen: 50000 });
    expect(patrolled.deductedFen).toBe(50000);
    await t.call('rooms.decoration.patrol', { caseId: c.id, violation: false });
    await t.call('rooms.decoration.finish', { caseId: c.id });
    const failed = await t.call('rooms.decoration.accept', { caseId: c.id, pass: false, opinion: '卫生间防水未做闭水试验' });
    expect(failed.status).toBe('in_progress');
    await t.call('rooms.decoration.finish', { caseId: c.id });
    const accepted = await t.call('rooms.decoration.accept', { caseId: c.id, pass: true, opinion: '验收合格' });
    expect(accepted).toMatchObject({ status: 'accepted', overdue: false, refundOverdue: false });
    expect(accepted.events.map((e) => e.kind)).toEqual([
      'apply',
      'approve',
      'deposit',
      'start',
      'extend',
      'deduct',
      'patrol',
      'finish',
      'fail',
      'finish',
      'accept',
    ]);
    expect(t.core.need().decoration.refundable(c.id)).toBe(150000);
    const file = await t.call('rooms.file', { roomId: room });
    expect(file.room.state).toBe('vacant');
    expect(file.decoration).toMatchObject({ id: c.id, status: 'accepted', deductedFen: 50000 });
    // a deposit not refunded 30 days after acceptance is flagged (read in the service: the idle screen lock has long
    // set in by then)
    t.clock.advance(31 * 86_400_000);
    expect(t.core.need().decoration.list('accepted')[0]).toMatchObject({ id: c.id, refundOverdue: true });
  });

  it('a second open case for the room, a deduction above the deposit and a rejection without a remark are refused; nothing changes', async () => {
    const t = await openRoomsCore();
    const room = t.rooms.a;
    const c = await t.call('rooms.decoration.apply', application(room, 100000));
    const second = await t.raw('rooms.decoration.apply', application(room));
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已有一份「申请中」的装修申请') } });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM decoration_cases')).toBe(1);

    expect(await t.raw('rooms.decoration.review', { caseId: c.id, approve: false })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('驳回要写明原因') },
    });
    await t.call('rooms.decoration.review', { caseId: c.id, approve: true });
    await t.call('rooms.decoration.deposit', { caseId: c.id, receiptNo: await depositReceipt(t, room, 100000) });
    await t.call('rooms.decoration.start', { caseId: c.id });
    await t.call('rooms.decoration.patrol', { caseId: c.id, violation: true, note: '破坏承重墙', deductionFen: 80000 });
    const events = rowsIn(t, 'SELECT count(*) AS n FROM decoration_events');
    const above = await t.raw('rooms.decoration.patrol', { caseId: c.id, violation: true, note: '垃圾堆放楼道', deductionFen: 20001 });
    expect(above).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '扣款 ￥200.01 超过押金余额 ￥200.00（押金 ￥1,000.00，已扣 ￥800.00）。' },
    });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM decoration_events')).toBe(events);
    expect(rowsIn(t, 'SELECT deducted_fen AS n FROM decoration_cases WHERE id = ?', c.id)).toBe(80000);
    expect(t.core.need().decoration.refundable(c.id)).toBe(20000);
  });

  it('a rejected case closes with its remark, and the room may apply again', async () => {
    const t = await openRoomsCore();
    const c = await t.call('rooms.decoration.apply', application(t.rooms.a));
    const rejected = await t.call('rooms.decoration.review', { caseId: c.id, approve: false, remark: '图纸缺少水电走向' });
    expect(rejected).toMatchObject({ status: 'rejected', reviewRemark: '图纸缺少水电走向' });
    expect(await t.raw('rooms.decoration.start', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('rooms.decoration.apply', application(t.rooms.a))).status).toBe('applied');
    expect((await t.call('rooms.decoration.list', {})).map((d) => d.status)).toEqual(['applied']);
    expect((await t.call('rooms.decoration.list', { status: 'rejected' })).map((d) => d.id)).toEqual([c.id]);
    // an application withdrawn before works start
    const again = (await t.call('rooms.decoration.list', {}))[0];
    expect((await t.call('rooms.decoration.void', { caseId: again?.id ?? 0, reason: '业主暂缓装修' })).status).toBe('void');
    expect(await t.call('rooms.decoration.list', {})).toEqual([]);
    // works past the planned end are flagged
    const late = await t.call('rooms.decoration.apply', { ...application(t.rooms.a, 0), startDate: '2026-11-01', plannedEnd: '2026-11-20' });
    expect((await t.call('rooms.decoration.review', { caseId: late.id, approve: true })).overdue).toBe(true);
    // a room not handed over cannot apply
    expect(await t.raw('rooms.decoration.apply', application(t.newRoom))).toMatchObject({ ok: false, error: { message: expect.stringContaining('未交房') } });
  });
});
