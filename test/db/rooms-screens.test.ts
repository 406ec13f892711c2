import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openRoomsCore, rowsIn, type RoomsFixture } from '../support/rooms';

/** What the room-file screens add to the core: the units of a building, the occupancy XLSX, an erasure a receptionist asks a supervisor for. */
const approve = async (t: RoomsFixture, subject: string, clientId: string) =>
  (await t.call('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action: 'resident.erase', subject, reason: '本人申请，已核实身份' }, clientId))
    .approvalId;

describe('room file screens: core channels', () => {
  it('lists a building’s units with their room counts, for the supervisor adding a room', async () => {
    const t = await openRoomsCore();
    const b = (await t.call('roster.buildings.create', { code: '7' })).id;
    expect(await t.call('rooms.units.list', { buildingId: b })).toEqual([]);
    const u2 = await t.call('rooms.units.create', { buildingId: b, code: '2' });
    const u10 = await t.call('rooms.units.create', { buildingId: b, code: '10' });
    await t.call('rooms.create', { unitId: u2.id, number: '101' });
    await t.call('rooms.create', { unitId: u2.id, number: '102' });
    const li = await t.asReceptionist();
    expect(await t.call('rooms.units.list', { buildingId: b }, li)).toEqual([
      { id: u2.id, code: '2', rooms: 2 },
      { id: u10.id, code: '10', rooms: 0 },
    ]);
    expect(await t.raw('rooms.units.list', { buildingId: 999 }, li)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exports the month’s occupancy as an XLSX: each building and the property by state, and the month’s change', async () => {
    const t = await openRoomsCore();
    await t.call('rooms.setState', { id: t.newRoom, state: 'vacant', reason: '交房' });
    const li = await t.asReceptionist();
    const x = await t.call('rooms.occupancy.export', { month: '2026-11' }, li);
    expect(x.fileName).toBe('房屋状态统计_2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('房屋状态')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual(['楼栋', '未交房', '空置', '自住', '出租', '装修中', '合计']);
    // 3-2-501 and 3-2-502 are 空置 (fixture), 3-2-1201 was handed over from 未交房 to 空置 this month
    expect(rows).toContainEqual(['3栋', 0, 3, 0, 0, 0, 3]);
    expect(rows).toContainEqual(['全小区', 0, 3, 0, 0, 0, 3]);
    const change = new Map<string, unknown>();
    wb.getWorksheet('本月变化')?.eachRow((r) => change.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(change.get('空置')).toBe(1);
    expect(change.get('未交房')).toBe(0);
    expect(change.get('新建房间')).toBe(1);
  });

  it('a receptionist erases a resident with a supervisor’s approval for that resident, never without one', async () => {
    const t = await openRoomsCore();
    const li = await t.asReceptionist();
    const refused = await t.raw('rooms.residents.erase', { id: t.residentA, reason: '本人申请删除个人信息' }, li);
    expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', message: expect.stringContaining('需要主管审批') } });
    // an approval for another resident does not do
    const other = await approve(t, 'resident-99999', li);
    expect(await t.raw('rooms.residents.erase', { id: t.residentA, reason: '本人申请删除个人信息', approvalId: other }, li)).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM residents WHERE erased_at IS NOT NULL')).toBe(0);
    const ok = await approve(t, `resident-${t.residentA}`, li);
    const erased = await t.call('rooms.residents.erase', { id: t.residentA, reason: '本人申请删除个人信息', approvalId: ok }, li);
    expect(erased).toMatchObject({ id: t.residentA, erased: true });
    const audit = t.core.need().sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'resident.erase'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ approvedBy: expect.any(Number) });
    // the approval is used up
    expect((await t.raw('rooms.residents.erase', { id: t.residentA, reason: '再来一次', approvalId: ok }, li)).ok).toBe(false);
  });
});
