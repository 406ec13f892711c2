import { describe, expect, it } from 'vitest';
import { openRoomsCore, rowsIn } from '../support/rooms';

/** The room file, rooms created and changed by a supervisor one at a time, the allowed state changes, occupancy. */
describe('room file and room upkeep', () => {
  it('a room a supervisor creates by hand is found by roster search at once, and opens as a room file', async () => {
    const t = await openRoomsCore();
    const li = await t.asReceptionist();
    const found = await t.call('roster.search', { q: '3-2-1201' }, li);
    expect(found.rooms).toEqual([{ id: t.newRoom, code: '3-2-1201', state: 'undelivered' }]);
    expect(found.items).toEqual([]);
    // by its number too, and by 栋/单元 wording
    expect((await t.call('roster.search', { q: '1201' }, li)).rooms?.map((r) => r.code)).toEqual(['3-2-1201']);
    expect((await t.call('roster.search', { q: '3栋2单元12' }, li)).rooms?.map((r) => r.code)).toEqual(['3-2-1201']);

    const file = await t.call('rooms.file', { roomId: t.newRoom }, li);
    expect(file.room).toMatchObject({
      code: '3-2-1201',
      buildingCode: '3',
      unitCode: '2',
      floor: 12,
      areaM2: '118.50',
      roomType: '三室两厅',
      state: 'undelivered',
    });
    expect(file.residents).toEqual([]);
    expect(file.stateHistory).toEqual([expect.objectContaining({ from: null, to: 'undelivered', reason: '新建房间' })]);
  });

  it('a receptionist cannot create a room, and a duplicate room is refused with nothing written', async () => {
    const t = await openRoomsCore();
    const li = await t.asReceptionist();
    const r = await t.raw('rooms.create', { unitId: t.unitId, number: '1202' }, li);
    expect(r.ok).toBe(false);
    const before = rowsIn(t, 'SELECT count(*) AS n FROM rooms');
    const dup = await t.raw('rooms.create', { unitId: t.unitId, number: '1201' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('3-2-1201 已存在') } });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM rooms')).toBe(before);
  });

  it('units and rooms are added one at a time, and a room is edited with before and after in the audit chain', async () => {
    const t = await openRoomsCore();
    const b = (await t.call('roster.buildings.create', { code: '5' })).id;
    const u = await t.call('rooms.units.create', { buildingId: b, code: '1' });
    expect((await t.raw('rooms.units.create', { buildingId: b, code: '1' })).ok).toBe(false);
    const room = await t.call('rooms.create', { unitId: u.id, number: '101', state: 'vacant' });
    expect(room).toMatchObject({ code: '5-1-101', state: 'vacant', floor: null, areaM2: null });
    const edited = await t.call('rooms.update', { id: room.id, areaM2: 89.5, floor: 1 });
    expect(edited).toMatchObject({ areaM2: '89.50', floor: 1, roomType: '' });
    const audit = t.core.need().sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'room.update' ORDER BY seq DESC LIMIT 1").get() as {
      detail: string;
    };
    expect(JSON.parse(audit.detail)).toMatchObject({ code: '5-1-101', before: { areaM2: null, floor: null }, after: { areaM2: '89.50', floor: 1 } });
    expect(await t.call('rooms.buildings.update', { id: b, name: '五号楼' })).toEqual({ id: b, code: '5', name: '五号楼' });
  });

  it('only the allowed state changes: 未交房 is never re-entered, a rented room does not go straight to 装修中', async () => {
    const t = await openRoomsCore();
    const refused = async (state: 'undelivered' | 'vacant' | 'owner_occupied' | 'rented' | 'renovating', text: string) => {
      const r = await t.raw('rooms.setState', { id: t.newRoom, state, reason: '测试' });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(text) } });
    };
    await refused('rented', '不能从「未交房」改为「出租」');
    await refused('renovating', '不能从「未交房」改为「装修中」');
    await refused('undelivered', '已经是「未交房」');
    expect((await t.call('rooms.setState', { id: t.newRoom, state: 'vacant', reason: '开发商交付' })).state).toBe('vacant');
    await refused('undelivered', '不能从「空置」改为「未交房」');
    await t.call('rooms.setState', { id: t.newRoom, state: 'rented', reason: '出租' });
    await refused('renovating', '只能改为 「空置」、「自住」');
    // refused changes left no trace: three rows (created, vacant, rented)
    expect(rowsIn(t, 'SELECT count(*) AS n FROM room_state_changes WHERE room_id = ?', t.newRoom)).toBe(3);
    expect((await t.call('rooms.file', { roomId: t.newRoom })).room.state).toBe('rented');
  });

  it('the room file shows keys, cards, parcels in stock and open requests of the room from the other areas', async () => {
    const t = await openRoomsCore();
    const a = t.rooms.a;
    const key = await t.call('keys.save', { kind: 'vacant', label: '入户门', roomId: a, hook: 'A-01' });
    await t.call('cards.issue', { number: '11127706', roomId: a, residentId: t.residentA, holderName: '张伟', type: 'access' });
    await t.call('parcels.intake', { waybill: 'SF1234567890123', roomId: a });
    await t.call('requests.log', { kind: 'repair', source: 'call', roomId: a, caller: '张先生', category: '水电', description: '厨房漏水', urgency: 'normal' });
    const file = await t.call('rooms.file', { roomId: a });
    expect(file.keys).toEqual([expect.objectContaining({ area: 'keys', refId: key.id, label: key.tag })]);
    expect(file.cards).toEqual([expect.objectContaining({ area: 'cards', label: '门禁卡', detail: expect.stringContaining('张*') })]);
    expect(file.parcelsInStock).toHaveLength(1);
    expect(file.openRequests).toEqual([expect.objectContaining({ area: 'requests', label: '水电' })]);
    expect(file.residents).toEqual([expect.objectContaining({ name: '张伟', kind: 'owner', phoneMasked: '138****5678', current: true })]);
    // the sections other areas add: no visitors today, no billing plan (nothing owed)
    expect(file.more).toEqual([
      { area: 'visitors', title: '今日访客', lines: [] },
      { area: 'fees', title: '欠费', lines: [] },
    ]);
    // the other room's file holds none of it
    const other = await t.call('rooms.file', { roomId: t.rooms.b });
    expect([other.keys, other.cards, other.parcelsInStock, other.openRequests]).toEqual([[], [], [], []]);
  });

  it('occupancy: counts per building and for the property, and the change over the month', async () => {
    const t = await openRoomsCore();
    // rooms written by the roster (3-2-501, 3-2-502) start 空置; 3-2-1201 was created 未交房
    await t.call('rooms.setState', { id: t.rooms.a, state: 'owner_occupied', reason: '业主入住' });
    const o = await t.call('rooms.occupancy', {});
    expect(o.property).toEqual({ undelivered: 1, vacant: 1, owner_occupied: 1, rented: 0, renovating: 0, total: 3 });
    expect(o.buildings).toEqual([expect.objectContaining({ code: '3', counts: o.property })]);
    // this month: 1201 created (+1 未交房), 501 空置 → 自住
    expect(o.monthChange).toMatchObject({ undelivered: 1, vacant: -1, owner_occupied: 1 });
    expect((await t.call('rooms.occupancy', { month: '2026-10' })).monthChange).toMatchObject({ undelivered: 0, vacant: 0, owner_occupied: 0, total: 0 });
  });
});
