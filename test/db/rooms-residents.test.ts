import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullCheck } from './audit-ledger.fixture';
import { openRoomsCore, rowsIn, type RoomsFixture } from '../support/rooms';

/** Residents kept current one at a time: history kept, 过户 the same day, bad dates refused, erasure on request. */

const audits = (t: RoomsFixture, action: string) =>
  (t.core.need().sql.db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { detail: string }[]).map(
    (r) => JSON.parse(r.detail) as Record<string, unknown>,
  );

describe('residents', () => {
  it('a tenant moves in with a lease (the room becomes 出租) and out (空置 again); the history keeps the tenant', async () => {
    const t = await openRoomsCore();
    const room = t.rooms.b;
    const tenant = await t.call('rooms.tenants.moveIn', { roomId: room, name: '王芳', phone: '13900001111', startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(tenant).toMatchObject({ kind: 'tenant', moveIn: '2026-01-01', leaseEnd: '2026-12-31', current: true, phoneMasked: '139****1111' });
    expect((await t.call('rooms.file', { roomId: room })).room.state).toBe('rented');
    const out = await t.call('rooms.tenants.moveOut', { id: tenant.id, moveOut: '2026-11-20' });
    expect(out).toMatchObject({ moveOut: '2026-11-20', current: false });
    const file = await t.call('rooms.file', { roomId: room });
    expect(file.room.state).toBe('vacant');
    expect(file.residents).toEqual([expect.objectContaining({ id: tenant.id, name: '王芳', current: false, moveIn: '2026-01-01', moveOut: '2026-11-20' })]);
    // audited with before and after, the phone masked
    const moveOut = audits(t, 'tenant.move_out')[0] as { before: { moveOut: unknown; phone: string }; after: { moveOut: string; phone: string } };
    expect(moveOut.before).toMatchObject({ moveOut: null, phone: '139****1111' });
    expect(moveOut.after).toMatchObject({ moveOut: '2026-11-20', phone: '139****1111' });
    expect(JSON.stringify(audits(t, 'tenant.move_in'))).not.toContain('13900001111');
  });

  it('a move-out before the move-in is refused in Chinese and nothing changes', async () => {
    const t = await openRoomsCore();
    const tenant = await t.call('rooms.tenants.moveIn', { roomId: t.rooms.b, name: '王芳', startDate: '2026-03-01', endDate: '2027-02-28' });
    const before = rowsIn(t, 'SELECT count(*) AS n FROM audit_log');
    const r = await t.raw('rooms.tenants.moveOut', { id: tenant.id, moveOut: '2026-02-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '迁出日期 2026-02-01 早于入住日期 2026-03-01：请检查日期。' } });
    const fam = await t.call('rooms.residents.add', { roomId: t.rooms.a, kind: 'family', name: '张小明', moveIn: '2026-05-01' });
    expect((await t.raw('rooms.residents.end', { id: fam.id, moveOut: '2026-04-30' })).ok).toBe(false);
    expect(rowsIn(t, 'SELECT count(*) AS n FROM audit_log')).toBe(before + 1); // only the family member's creation
    expect(rowsIn(t, 'SELECT count(*) AS n FROM residents WHERE move_out IS NOT NULL')).toBe(0);
    expect(rowsIn(t, 'SELECT count(*) AS n FROM tenant_leases WHERE moved_out IS NOT NULL')).toBe(0);
  });

  it('overlapping leases of one tenant are refused; a lease after the move-out is a new lease on the same record', async () => {
    const t = await openRoomsCore();
    const room = t.rooms.b;
    const tenant = await t.call('rooms.tenants.moveIn', { roomId: room, name: '王芳', startDate: '2025-01-01', endDate: '2025-12-31' });
    await t.call('rooms.tenants.moveOut', { id: tenant.id, moveOut: '2025-10-31' });
    const overlap = await t.raw('rooms.tenants.moveIn', { roomId: room, name: '王芳', startDate: '2025-10-01', endDate: '2026-09-30' });
    expect(overlap).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('与「王芳」已有的租期 2025-01-01 至 2025-10-31 重叠') },
    });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM tenant_leases')).toBe(1);
    const again = await t.call('rooms.tenants.moveIn', { roomId: room, name: '王芳', startDate: '2025-11-01', endDate: '2026-10-31' });
    expect(again).toMatchObject({ id: tenant.id, moveIn: '2025-11-01', moveOut: null, leaseEnd: '2026-10-31', current: true });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM tenant_leases WHERE resident_id = ?', tenant.id)).toBe(2);
    // a lease ending before it starts
    expect(await t.raw('rooms.tenants.moveIn', { roomId: t.rooms.a, name: '李雷', startDate: '2026-05-01', endDate: '2026-04-01' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  it('过户 ends the old owner and starts the new one the same day, with the three documents ticked (not copied)', async () => {
    const t = await openRoomsCore();
    const missing = await t.raw('rooms.residents.transfer', {
      fromResidentId: t.residentA,
      date: '2026-11-23',
      newOwner: { name: '刘洋', phone: '13700002222' },
      docs: { titleDeed: true, contract: false, idCard: true },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('过户要核验 买卖合同') } });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM residents WHERE room_id = ?', t.rooms.a)).toBe(1);

    const r = await t.call('rooms.residents.transfer', {
      fromResidentId: t.residentA,
      date: '2026-11-23',
      newOwner: { name: '刘洋', phone: '13700002222' },
      docs: { titleDeed: true, contract: true, idCard: true },
    });
    expect(r.ended).toMatchObject({ id: t.residentA, kind: 'owner', moveOut: '2026-11-23', current: false });
    expect(r.added).toMatchObject({ name: '刘洋', kind: 'owner', moveIn: '2026-11-23', current: true });
    const file = await t.call('rooms.file', { roomId: t.rooms.a });
    expect(file.transfers).toEqual([{ date: '2026-11-23', fromName: '张伟', toName: '刘洋', docs: ['不动产权证', '买卖合同', '身份证'] }]);
    expect(file.residents.map((x) => [x.name, x.current])).toEqual([
      ['刘洋', true],
      ['张伟', false],
    ]);
    const out = audits(t, 'resident.transfer_out')[0] as { before: { name: string }; after: { moveOut: string } };
    expect(out.before.name).toBe('张*');
    expect(out.after.moveOut).toBe('2026-11-23');
    // the old owner cannot be transferred again
    expect(
      (
        await t.raw('rooms.residents.transfer', {
          fromResidentId: t.residentA,
          date: '2026-11-24',
          newOwner: { name: '赵六' },
          docs: { titleDeed: true, contract: true, idCard: true },
        })
      ).ok,
    ).toBe(false);
  });

  it('an edit keeps one record, re-indexed for search, with before and after audited', async () => {
    const t = await openRoomsCore();
    await t.call('rooms.residents.update', { id: t.residentA, name: '张维', phone: '13811112222' });
    const hits = await t.call('roster.search', { q: '张维' });
    expect(hits.items.map((h) => [h.id, h.phoneMasked])).toEqual([[t.residentA, '138****2222']]);
    expect((await t.call('roster.search', { q: 'zw' })).items.map((h) => h.id)).toContain(t.residentA);
    expect(audits(t, 'resident.update')[0]).toMatchObject({ before: { name: '张*', phone: '138****5678' }, after: { name: '张*', phone: '138****2222' } });
    expect(await t.raw('rooms.residents.update', { id: t.residentA, phone: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('电话号码不对') },
    });
  });

  it('erasure by a supervisor: details gone, the room history keeps a resident, search no longer finds them, the audit chain verifies', async () => {
    const t = await openRoomsCore();
    await t.call('cards.issue', { number: '11127706', roomId: t.rooms.a, residentId: t.residentA, holderName: '张伟', type: 'access' });
    const li = await t.asReceptionist();
    expect(await t.raw('rooms.residents.erase', { id: t.residentA, reason: '本人申请删除个人信息' }, li)).toMatchObject({ ok: false });
    const erased = await t.call('rooms.residents.erase', { id: t.residentA, reason: '本人申请删除个人信息' });
    expect(erased).toMatchObject({ id: t.residentA, kind: 'owner', erased: true, current: false, phoneMasked: '' });
    expect(erased.name).not.toContain('张');
    const row = t.core.need().sql.db.prepare('SELECT name, phone, pinyin, initials, note FROM residents WHERE id = ?').get(t.residentA) as Record<
      string,
      unknown
    >;
    expect(row).toEqual({ name: `已删除住户${t.residentA}`, phone: null, pinyin: '', initials: '', note: '' });
    expect((t.core.need().sql.db.prepare('SELECT holder_name FROM cards WHERE resident_id = ?').get(t.residentA) as { holder_name: string }).holder_name).toBe(
      '已删除',
    );
    expect((await t.call('rooms.file', { roomId: t.rooms.a })).residents).toEqual([expect.objectContaining({ id: t.residentA, kind: 'owner', erased: true })]);
    expect((await t.call('roster.search', { q: '3-2-501' })).items).toEqual([]);
    expect((await t.call('roster.search', { q: '已删除' })).items).toEqual([]);
    // nothing of the person in the chain, and an erased record cannot be edited back
    const dump = (t.core.need().sql.db.prepare('SELECT group_concat(detail) AS d FROM audit_log').get() as { d: string }).d;
    expect(dump).not.toContain('张伟');
    expect(dump).not.toContain('13812345678');
    expect(await t.raw('rooms.residents.update', { id: t.residentA, name: '张伟' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const file = path.join(t.dataDir, 'lobbydesk.sqlite');
    await t.core.close();
    const report = fullCheck(file);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
