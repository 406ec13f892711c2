import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { openRoomsCore, rowsIn, type RoomsFixture } from '../support/rooms';

/** 交房 as a resumable case: identity, documents, meters, keys from the register, cards, the resident, the slip, the day. */

async function vacantKeys(t: RoomsFixture, roomId: number, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await t.call('keys.save', { kind: 'vacant', label: `入户门 ${i + 1}`, roomId, hook: `B-0${i}` })).id);
  return ids;
}

describe('move-in (交房)', () => {
  it('resumes after the store is closed and reopened, and ends with keys with the owner, a card, the resident and 自住', async () => {
    const t = await openRoomsCore();
    const keys = await vacantKeys(t, t.newRoom, 2);
    const c = await t.call('rooms.moveIn.start', { roomId: t.newRoom });
    await t.call('rooms.moveIn.identity', { caseId: c.id, name: '陈静', phone: '13600003333', idNote: '身份证 110101199001011234 原件核对' });
    await t.call('rooms.moveIn.documents', { caseId: c.id, docs: ['purchase_contract', 'id_card', 'movein_notice'] });

    // the counter restarts in the middle of the case
    await t.core.close();
    const again = await openTestCore(t.dataDir, t.clock);
    await again.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    const open = await again.call('rooms.moveIn.get', { roomId: t.newRoom });
    expect(open).toMatchObject({ id: c.id, status: 'open', docsSeen: ['purchase_contract', 'id_card', 'movein_notice'] });
    expect(open?.steps.identity).not.toBeNull();
    expect(open?.steps.documents).not.toBeNull();
    expect(open?.steps.meters).toBeNull();
    // starting again opens the same case, never a second one
    expect((await again.call('rooms.moveIn.start', { roomId: t.newRoom })).id).toBe(c.id);
    expect(rowsIn(again, 'SELECT count(*) AS n FROM movein_cases')).toBe(1);
    // the identity note keeps only the last four digits of the ID number
    expect(rowsIn(again, "SELECT count(*) AS n FROM movein_cases WHERE id_note LIKE '%1234%' AND id_note NOT LIKE '%110101%'")).toBe(1);

    await again.call('rooms.moveIn.meters', {
      caseId: c.id,
      readings: [
        { meter: 'water', reading: 12.5 },
        { meter: 'electricity', reading: 301.25 },
        { meter: 'gas', reading: 0 },
      ],
    });
    const unfinished = await again.raw('rooms.moveIn.finish', { caseId: c.id, state: 'owner_occupied' });
    expect(unfinished).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '还有步骤没有完成：交付钥匙、发放门禁卡。完成后再确认交房。' } });
    await again.call('rooms.moveIn.keys', { caseId: c.id, keyIds: keys, signedBy: '陈静' });
    const withCard = await again.call('rooms.moveIn.card', { caseId: c.id, number: '11127706' });
    await again.call('rooms.moveIn.cardsDone', { caseId: c.id });
    const done = await again.call('rooms.moveIn.finish', { caseId: c.id, state: 'owner_occupied', issues: '客厅墙面裂缝' });
    expect(done).toMatchObject({ status: 'done', keyIds: keys, cardIds: withCard.cardIds, issues: '客厅墙面裂缝' });
    expect(done.readings).toEqual([
      { meter: 'water', reading: 12.5 },
      { meter: 'electricity', reading: 301.25 },
      { meter: 'gas', reading: 0 },
    ]);

    const file = await again.call('rooms.file', { roomId: t.newRoom });
    expect(file.room.state).toBe('owner_occupied');
    expect(file.residents).toEqual([expect.objectContaining({ name: '陈静', kind: 'owner', current: true, phoneMasked: '136****3333' })]);
    expect(file.cards).toHaveLength(1);
    expect(file.moveIn).toMatchObject({ id: c.id, status: 'done' });
    // the card is the owner's, issued by the cards area
    const card = again.core.need().sql.db.prepare('SELECT resident_id, holder_name, status FROM cards WHERE id = ?').get(withCard.cardIds[0]) as Record<
      string,
      unknown
    >;
    expect(card).toEqual({ resident_id: done.residentId, holder_name: '陈静', status: 'active' });

    const slip = await again.call('rooms.moveIn.slip', { caseId: c.id });
    expect(slip.title).toBe('交房确认单');
    expect(slip.lines).toEqual(
      expect.arrayContaining([
        '房号：3-2-1201（3栋）',
        '业主：陈*',
        '水表读数：12.5',
        '电表读数：301.25',
        expect.stringMatching(/^钥匙：2 把 K-\d{4} K-\d{4}$/),
        '问题记录：客厅墙面裂缝',
        '交房日期：2026-11-23',
      ]),
    );
    expect(slip.lines.join('\n')).not.toContain('13600003333');

    const day = await again.call('rooms.moveIn.day', { date: '2026-11-23' });
    expect(day).toMatchObject({
      date: '2026-11-23',
      keys: 2,
      cards: 1,
      rooms: [{ caseId: c.id, roomCode: '3-2-1201', keys: 2, cards: 1, issues: '客厅墙面裂缝' }],
    });
    expect((await again.call('rooms.moveIn.day', { date: '2026-11-22' })).rooms).toEqual([]);
    // a handed-over room cannot be handed over again
    expect(await again.raw('rooms.moveIn.start', { roomId: t.newRoom })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已交房') },
    });
  });

  it("the unit's keys move from the register's custody to the owner, audited; another room's key is refused and nothing moves", async () => {
    const t = await openRoomsCore();
    const [mine] = await vacantKeys(t, t.newRoom, 1);
    const others = (await t.call('keys.save', { kind: 'vacant', label: '502 入户门', roomId: t.rooms.b, hook: 'C-01' })).id;
    const c = await t.call('rooms.moveIn.start', { roomId: t.newRoom });
    expect(await t.raw('rooms.moveIn.keys', { caseId: c.id, keyIds: [mine as number], signedBy: '陈静' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('请先核验业主身份') },
    });
    await t.call('rooms.moveIn.identity', { caseId: c.id, name: '陈静', idNote: '身份证原件' });
    const wrong = await t.raw('rooms.moveIn.keys', { caseId: c.id, keyIds: [mine as number, others], signedBy: '陈静' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('不是这个房间的空置房钥匙') } });
    // nothing moved: the first key of the refused list is still on the board
    expect(rowsIn(t, "SELECT count(*) AS n FROM keys WHERE status = 'on_board'")).toBe(2);

    const before = (await t.call('keys.count', {})).expectedOnBoard;
    await t.call('rooms.moveIn.keys', { caseId: c.id, keyIds: [mine as number], signedBy: '陈静' });
    expect((await t.call('keys.count', {})).expectedOnBoard).toBe(before - 1);
    expect((await t.call('keys.list', {})).map((k) => k.id)).not.toContain(mine);
    const audit = t.core.need().sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'key.handover'").all() as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([expect.objectContaining({ roomCode: '3-2-1201', to: '陈*' })]);
  });

  it('a meter reading lower than the last one is refused and none of the readings sent is kept', async () => {
    const t = await openRoomsCore();
    const c = await t.call('rooms.moveIn.start', { roomId: t.newRoom });
    await t.call('rooms.moveIn.meters', { caseId: c.id, readings: [{ meter: 'water', reading: 20 }] });
    const lower = await t.raw('rooms.moveIn.meters', {
      caseId: c.id,
      readings: [
        { meter: 'electricity', reading: 5 },
        { meter: 'water', reading: 19.99 },
      ],
    });
    expect(lower).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '水表读数 19.99 低于上次的 20（2026-11-23）：请重新核对表上的数字。' } });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM meter_readings')).toBe(1);
    await t.call('rooms.moveIn.meters', { caseId: c.id, readings: [{ meter: 'water', reading: 20 }] });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM meter_readings')).toBe(2);
  });

  it("an owner already on file for the room is checked rather than added again; another room's resident is refused", async () => {
    const t = await openRoomsCore();
    const owner = await t.call('rooms.residents.add', { roomId: t.newRoom, kind: 'owner', name: '陈静', phone: '13600003333' });
    const c = await t.call('rooms.moveIn.start', { roomId: t.newRoom });
    const wrong = await t.raw('rooms.moveIn.identity', { caseId: c.id, residentId: t.residentA, idNote: '身份证原件' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('不是这个房间的现业主') } });
    expect((await t.call('rooms.moveIn.get', { roomId: t.newRoom }))?.steps.identity).toBeNull();
    const checked = await t.call('rooms.moveIn.identity', { caseId: c.id, residentId: owner.id, idNote: '身份证原件' });
    expect(checked.residentId).toBe(owner.id);
    expect(rowsIn(t, 'SELECT count(*) AS n FROM residents WHERE room_id = ?', t.newRoom)).toBe(1);
  });
});
