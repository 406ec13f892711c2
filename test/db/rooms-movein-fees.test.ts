import { describe, expect, it } from 'vitest';
import { openRoomsCore, rowsIn } from '../support/rooms';

/** 交房's first fees (a 收费 receipt for the room, or none due), on the slip and in the day's summary; the slip to the printer. */

describe('move-in first fees', () => {
  it('links the first fees’ receipt of the room, refuses another room’s or an unknown one, and sums it in 当日收楼汇总', async () => {
    const t = await openRoomsCore();
    const c = await t.call('rooms.moveIn.start', { roomId: t.newRoom });
    await t.call('cash.open', { count: { '10000': 5 } });
    const item = await t.call('fees.items.save', {
      code: 'WYF',
      name: '物业费',
      category: 'property',
      rule: 'amount',
      unitPriceFen: 0,
      unitLabel: '次',
      refundable: false,
      active: true,
      sort: 2,
    });
    const collect = (requestId: string, roomId: number, amountFen: number) =>
      t.call('fees.collect', { requestId, roomId, lines: [{ itemId: item.id, amountFen }], payments: [{ method: 'cash', amountFen }] });
    const other = await collect('movein-fee-other', t.rooms.a, 10000);
    expect(await t.raw('rooms.moveIn.fees', { caseId: c.id, receiptNo: other.receiptNo })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: `收据 ${other.receiptNo} 不是这个房间的收据。` },
    });
    expect(await t.raw('rooms.moveIn.fees', { caseId: c.id, receiptNo: 'T01-99999999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM movein_cases WHERE fees_done_at IS NOT NULL')).toBe(0);

    const own = await collect('movein-fee-own01', t.newRoom, 35550);
    const withFees = await t.call('rooms.moveIn.fees', { caseId: c.id, receiptNo: own.receiptNo });
    expect(withFees).toMatchObject({ feesReceiptNo: own.receiptNo });
    expect(withFees.steps.fees).not.toBeNull();

    await t.call('rooms.moveIn.identity', { caseId: c.id, name: '陈静', idNote: '身份证 尾号1234' });
    await t.call('rooms.moveIn.documents', { caseId: c.id, docs: ['id_card'] });
    await t.call('rooms.moveIn.meters', { caseId: c.id, readings: [{ meter: 'water', reading: 3 }] });
    await t.call('rooms.moveIn.keys', { caseId: c.id, keyIds: [], signedBy: '陈静' });
    await t.call('rooms.moveIn.cardsDone', { caseId: c.id });
    await t.call('rooms.moveIn.finish', { caseId: c.id, state: 'vacant' });

    const slip = await t.call('rooms.moveIn.slip', { caseId: c.id });
    expect(slip.lines).toContain(`首期费用：收据 ${own.receiptNo}`);
    const day = await t.call('rooms.moveIn.day', { date: '2026-11-23' });
    expect(day).toMatchObject({ feesFen: 35550, rooms: [expect.objectContaining({ caseId: c.id, receiptNo: own.receiptNo, feesFen: 35550 })] });
  });

  it('prints the 交房确认单 on the receipt printer only when one is set up', async () => {
    const t = await openRoomsCore();
    const c = await t.call('rooms.moveIn.start', { roomId: t.newRoom });
    expect(await t.call('rooms.moveIn.print', { caseId: c.id })).toEqual({ queued: false });
    expect(rowsIn(t, "SELECT count(*) AS n FROM print_jobs WHERE payload LIKE '%movein-slip%'")).toBe(0);
  });
});
