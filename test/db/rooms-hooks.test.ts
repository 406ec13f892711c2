import { describe, expect, it } from 'vitest';
import { walkUp } from '../support/visitors';
import { RoomsService } from '../../src-main/features/rooms/rooms.service';
import { AppError } from '../../src-main/lib/errors';
import { openReceivablesCore } from '../support/receivables';

/**
 * The room file's sections from other areas: today's visitors (names masked, voided visits left out, yesterday's
 * not shown) and what the room owes (per item: months, oldest month, amount); and a move-out that tells the caller
 * what the room still owes, so the screen can show unpaid fees before going on.
 */
describe('room file hooks and the move-out check', () => {
  it('the room file lists today’s visitors of the room and what it owes, each linking to its area', async () => {
    const t = await openReceivablesCore();
    // a visit yesterday, two today (one voided as a mistake), one to another room
    await t.call('visitors.checkIn', walkUp({ visitorName: '赵强', consent: 'owner_present', consentPhone: undefined }, t.roomId));
    t.clock.advance(24 * 3_600_000);
    await t.call('auth.unlock', { password: 'admin-pass-1' });
    const v = await t.call('visitors.checkIn', walkUp({ visitorName: '刘洋', partySize: 3, consent: 'owner_present', consentPhone: undefined }, t.roomId));
    const w = await t.call('visitors.checkIn', walkUp({ visitorName: '钱多多', consent: 'owner_present', consentPhone: undefined }, t.roomId));
    await t.call('visitors.passes.void', { passNo: w.pass.passNo, reason: '登记错了房号' });
    await t.call('visitors.checkIn', walkUp({ visitorName: '孙丽', consent: 'owner_present', consentPhone: undefined }, t.roomB));

    let file = await t.call('rooms.file', { roomId: t.roomId });
    const visitors = file.more.find((m) => m.area === 'visitors');
    expect(visitors?.title).toBe('今日访客');
    expect(visitors?.lines).toEqual([{ area: 'visitors', refId: v.visit.id, label: '刘* 等 3 人', detail: expect.stringMatching(/^访友 · 在场 · /) }]);
    expect(JSON.stringify(file.more)).not.toMatch(/刘洋|赵强|钱多多|13900001234/);
    // nothing owed without a billing plan
    expect(file.more.find((m) => m.area === 'fees')).toEqual({ area: 'fees', title: '欠费', lines: [] });

    // 物业费 ￥223.75 a month from 2026-06 (the clock in 2026-11): 6 months owed, 2 of them paid
    await t.call('receivables.plan.save', { roomId: t.roomId, itemId: t.items.property, startMonth: '2026-06' });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 2 }]);
    file = await t.call('rooms.file', { roomId: t.roomId });
    expect(file.more.find((m) => m.area === 'fees')?.lines).toEqual([
      { area: 'fees', refId: t.items.property, label: '物业费', detail: '欠 4 个月（2026-08 起） · 共 ￥895.00' },
    ]);
    await t.core.close();
  });

  it('a section that cannot be read says why in a line; the rest of the room file still opens', async () => {
    const t = await openReceivablesCore();
    const s = t.core.need();
    const failing = {
      area: 'fees',
      title: '欠费',
      lines: () => {
        throw new AppError('BAD_INPUT', '2026-11 没有单价：请先补上单价期间。');
      },
    };
    const rooms = new RoomsService(s.sql, t.clock, s.calendar, { moveIn: () => null, decoration: () => null }, [failing]);
    const file = rooms.file(t.roomId);
    expect(file.room.code).toBe('3-2-501');
    expect(file.more).toEqual([
      { area: 'fees', title: '欠费', lines: [{ area: 'fees', refId: null, label: '暂时取不到', detail: '2026-11 没有单价：请先补上单价期间。' }] },
    ]);
    await t.core.close();
  });

  it('a tenant’s move-out and a resident’s end say what the room still owes; receivables.owed says it before', async () => {
    const t = await openReceivablesCore();
    await t.call('receivables.plan.save', { roomId: t.roomB, itemId: t.items.parking, startMonth: '2026-09' });
    const tenant = await t.call('rooms.tenants.moveIn', { roomId: t.roomB, name: '王芳', startDate: '2026-01-01', endDate: '2026-12-31' });
    const before = await t.call('receivables.owed', { roomId: t.roomB });
    expect(before).toEqual({
      roomId: t.roomB,
      roomCode: '5-1-101',
      thisMonth: '2026-11',
      owedFen: 3 * 30000,
      lateFeeFen: 0,
      items: [{ itemId: t.items.parking, name: expect.any(String), months: 3, owedFen: 90000, oldestMonth: '2026-09', paidThrough: '2026-08', openingFen: 0 }],
    });
    const out = await t.call('rooms.tenants.moveOut', { id: tenant.id, moveOut: '2026-11-20' });
    expect(out).toMatchObject({ id: tenant.id, moveOut: '2026-11-20', current: false, owed: { owedFen: 90000, items: [{ months: 3 }] } });

    // paid up: the owner's end says nothing is owed
    await t.collect(t.roomB, [{ itemId: t.items.parking, months: 3 }]);
    const owner = await t.call('rooms.residents.add', { roomId: t.roomB, kind: 'owner', name: '周杰', moveIn: '2026-01-01' });
    const ended = await t.call('rooms.residents.end', { id: owner.id, moveOut: '2026-11-22' });
    expect(ended.owed).toEqual({ roomId: t.roomB, roomCode: '5-1-101', thisMonth: '2026-11', owedFen: 0, lateFeeFen: 0, items: [] });
    await t.core.close();
  });
});
