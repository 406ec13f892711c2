import { describe, expect, it } from 'vitest';
import * as roster from '../../src-main/features/roster/roster.repo';
import { openReadyCore } from '../support/core';

async function ready() {
  const t = await openReadyCore();
  await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240 });
  const sql = t.core.need().sql;
  const roomId = sql.tx(() => {
    const b = roster.insertBuilding(sql, { code: '3', name: '3栋', at: 'now' });
    const u = roster.insertUnit(sql, b, '2');
    return roster.insertRoom(sql, { unitId: u, number: '501', code: '3-2-501', areaCm2: 8950, at: 'now' });
  });
  return { ...t, roomId };
}

describe('service log (报修/投诉/咨询)', () => {
  it('a repair: logged, dispatched within the 3-minute target, in progress, done, called back; every step stamped', async () => {
    const t = await ready();
    const r = await t.call('requests.log', {
      kind: 'repair',
      source: 'call',
      roomId: t.roomId,
      caller: '曾国藩',
      phoneLast4: '5678',
      category: '水电',
      description: '厨房水管漏水，电话 13812345678',
      urgency: 'urgent',
    });
    expect(r).toMatchObject({ status: 'logged', roomCode: '3-2-501', callerMasked: '曾**', targetMinutes: 3, withinTarget: null });
    expect(r.description).toBe('厨房水管漏水，电话 138****5678');
    t.clock.advance(2 * 60_000);
    const d = await t.call('requests.dispatch', { id: r.id, department: '工程部' });
    expect(d).toMatchObject({ status: 'dispatched', department: '工程部', dispatchMs: 120_000, withinTarget: true });
    await t.call('requests.start', { id: r.id });
    t.clock.advance(40 * 60_000);
    await t.call('requests.done', { id: r.id, note: '更换阀门' });
    t.clock.advance(24 * 3600_000);
    await t.call('auth.unlock', { password: 'admin-pass-1' });
    const c = await t.call('requests.callback', { id: r.id, satisfaction: 5, note: '住户满意' });
    expect(c.status).toBe('called_back');
    expect(c.events.map((e) => e.action)).toEqual(['log', 'dispatch', 'start', 'done', 'callback']);
    expect(c.events.every((e) => e.operatorName === '王经理')).toBe(true);
    // out of order steps are refused in Chinese
    const again = await t.raw('requests.dispatch', { id: r.id, department: '保安部' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a late dispatch is late; a complaint cannot be done before dispatch; an enquiry can be answered at once', async () => {
    const t = await ready();
    const late = await t.call('requests.log', {
      kind: 'repair',
      source: 'visit',
      roomId: null,
      caller: '',
      category: '电梯',
      description: '电梯异响',
      urgency: 'normal',
    });
    t.clock.advance(5 * 60_000);
    expect((await t.call('requests.get', { id: late.id })).withinTarget).toBe(false);
    expect((await t.call('requests.dispatch', { id: late.id, department: '工程部' })).withinTarget).toBe(false);
    const complaint = await t.call('requests.log', {
      kind: 'complaint',
      source: 'call',
      roomId: t.roomId,
      caller: '李四',
      category: '噪音',
      description: '楼上装修噪音',
      urgency: 'normal',
    });
    expect(await t.raw('requests.done', { id: complaint.id, note: '已处理' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const q = await t.call('requests.log', {
      kind: 'enquiry',
      source: 'visit',
      roomId: null,
      caller: '',
      category: '缴费',
      description: '物业费怎么交',
      urgency: 'normal',
    });
    expect((await t.call('requests.done', { id: q.id, note: '已告知在前台收费' })).status).toBe('done');
    const open = await t.call('requests.list', { view: 'open' });
    expect(open.map((x) => x.id).sort()).toEqual([late.id, complaint.id].sort());
    // answered at the counter: nothing to call back about
    expect(await t.call('requests.list', { view: 'callback' })).toEqual([]);
    // a date that does not exist is refused in Chinese, not an internal error
    const bad = await t.raw('requests.stats', { from: '2026-02-31', to: '2026-13-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toContain('日期不存在');
  });

  it('month statistics: by kind and category, dispatch within target, close time, callback rate and satisfaction', async () => {
    const t = await ready();
    const a = await t.call('requests.log', {
      kind: 'repair',
      source: 'call',
      roomId: t.roomId,
      caller: '',
      category: '水电',
      description: '漏水',
      urgency: 'normal',
    });
    t.clock.advance(60_000);
    await t.call('requests.dispatch', { id: a.id, department: '工程部' });
    t.clock.advance(59 * 60_000);
    await t.call('requests.done', { id: a.id, note: '修好了' });
    await t.call('requests.callback', { id: a.id, satisfaction: 4 });
    const b = await t.call('requests.log', {
      kind: 'repair',
      source: 'call',
      roomId: null,
      caller: '',
      category: '水电',
      description: '停电',
      urgency: 'urgent',
    });
    t.clock.advance(10 * 60_000);
    await t.call('requests.dispatch', { id: b.id, department: '工程部' });
    await t.call('requests.done', { id: b.id, note: '恢复供电' });
    await t.call('requests.log', {
      kind: 'complaint',
      source: 'visit',
      roomId: null,
      caller: '',
      category: '卫生',
      description: '垃圾未清',
      urgency: 'normal',
    });
    const s = await t.call('requests.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(s).toMatchObject({
      total: 3,
      byKind: [
        { kind: 'repair', count: 2 },
        { kind: 'complaint', count: 1 },
      ],
      byCategory: [
        { category: '水电', count: 2 },
        { category: '卫生', count: 1 },
      ],
      dispatched: 2,
      dispatchWithinTarget: 1,
      medianDispatchMs: Math.round((60_000 + 600_000) / 2),
      done: 2,
      calledBack: 1,
      callbackRate: 0.5,
      meanSatisfaction: 4,
      clockAnomalies: 0,
    });
    expect((await t.call('requests.stats', { from: '2026-10-01', to: '2026-10-31' })).total).toBe(0);
  });

  it('history is append-only', async () => {
    const t = await ready();
    const r = await t.call('requests.log', {
      kind: 'repair',
      source: 'call',
      roomId: null,
      caller: '',
      category: '门窗',
      description: '窗户关不上',
      urgency: 'normal',
    });
    const db = t.core.need().db;
    expect(() => db.prepare('UPDATE service_events SET note = ? WHERE request_id = ?').run('x', r.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM service_requests WHERE id = ?').run(r.id)).toThrow(/kept/);
  });
});

describe('dispatch slip (派工单)', () => {
  it('a dispatch prints the 派工单 for the department, with the room, the request and no full phone', async () => {
    const { openFeesCore } = await import('../support/fees');
    const t = await openFeesCore();
    const r = await t.call('requests.log', {
      kind: 'repair',
      source: 'call',
      roomId: t.roomId,
      caller: '曾国藩',
      phoneLast4: '5678',
      category: '水电',
      description: '厨房漏水，回电 13812345678',
      urgency: 'urgent',
    });
    await t.call('requests.dispatch', { id: r.id, department: '工程部' });
    await t.settle();
    const text = t.printedText().join('\n');
    for (const s of ['派工单', '工程部', '3-2-501', '报修（紧急）', '厨房漏水', '138****5678', '曾**']) expect(text).toContain(s);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('曾国藩');
  });
});
