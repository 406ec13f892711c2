import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { s10CheckDigit } from '../../src-main/features/parcels/carriers';
import * as repo from '../../src-main/features/parcels/parcels.repo';
import { COOLDOWN_DAYS } from '../../src-main/features/parcels/pickup-code';
import { openParcelsCore, type ParcelsFixture } from '../support/parcels';

const SF = (n: number) => `SF${String(1000000000000 + n)}`;
const DAY = 86_400_000;

async function audit(t: ParcelsFixture, action: string) {
  return t.core.need().db.prepare('SELECT entity_id, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{
    entity_id: string;
    detail: string;
  }>;
}

describe('parcel intake', () => {
  it('saves a scanned parcel with carrier, room, suggested slot and a pickup code, and prints a slip', async () => {
    const t = await openParcelsCore();
    const p = await t.call('parcels.intake', { waybill: ' sf1234567890123 ', residentId: t.residents.zhangwei });
    expect(p).toMatchObject({
      waybill: 'SF1234567890123',
      carrier: 'SF',
      carrierName: '顺丰',
      status: 'in_stock',
      roomCode: '3-2-501',
      recipientMasked: '张*',
      unlisted: false,
      slotLabel: 'A-01',
      needsDetails: false,
    });
    expect(p.pickupCode).toMatch(/^\d{6}$/);
    expect(p.pickupCodeSpoken).toBe(`${p.pickupCode.slice(0, 3)} ${p.pickupCode.slice(3)}`);
    await t.settle();
    const slip = t.printedText().at(-1) ?? '';
    expect(slip).toContain(p.pickupCodeSpoken);
    expect(slip).toContain('A-01');
    expect(slip).toContain('3-2-501');
    expect(slip).not.toContain('张伟');
    expect((await t.call('parcels.get', { id: p.id })).printState).toBe('done');
    // an arrival notice is recorded for the upstream outbox, and the intake is in the audit chain
    expect(t.core.need().db.prepare('SELECT kind, status FROM parcel_notices WHERE parcel_id = ?').all(p.id)).toEqual([{ kind: 'arrival', status: 'pending' }]);
    const [row] = await audit(t, 'parcel.intake');
    expect(row?.detail).toContain('张*');
    expect(row?.detail).not.toContain('张伟');
  });

  it('the next free slot is suggested; a room already in stock keeps its slot', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1), roomId: t.rooms.r501 });
    const b = await t.call('parcels.intake', { waybill: SF(2), roomId: t.rooms.r502 });
    const c = await t.call('parcels.intake', { waybill: SF(3), roomId: t.rooms.r501 });
    expect([a.slotLabel, b.slotLabel, c.slotLabel]).toEqual(['A-01', 'A-02', 'A-01']);
    expect(await t.call('parcels.suggestSlot', { roomId: t.rooms.r601 })).toMatchObject({ label: 'A-03' });
    const typed = await t.call('parcels.intake', { waybill: SF(4), roomId: t.rooms.r601, slot: 'b7' });
    expect(typed.slotLabel).toBe('B-07');
    const bad = await t.raw('parcels.intake', { waybill: SF(5), slot: 'A-9' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const none = await t.call('parcels.intake', { waybill: SF(6), slot: null });
    expect(none.slotLabel).toBeNull();
  });

  it('catches a duplicate scan with a Chinese message naming the parcel already in stock', async () => {
    const t = await openParcelsCore();
    const first = await t.call('parcels.intake', { waybill: 'YT7512345678901', roomId: t.rooms.r502 });
    const again = await t.raw('parcels.intake', { waybill: 'yt 7512345678901' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { parcelId: first.id } } });
    if (!again.ok) {
      expect(again.error.message).toContain('已经入库');
      expect(again.error.message).toContain(first.pickupCodeSpoken);
      expect(again.error.message).toContain('3-2-502');
    }
    const d = await t.call('parcels.detect', { waybill: 'YT7512345678901' });
    expect(d).toMatchObject({ kind: 'known', carrier: 'YT', duplicate: { id: first.id, pickupCode: first.pickupCode } });
    // once picked up, the same number may come in again (re-delivery)
    await t.call('parcels.pickup', { ids: [first.id], check: 'code', proxy: false });
    const back = await t.call('parcels.intake', { waybill: 'YT7512345678901' });
    expect(back.id).not.toBe(first.id);
  });

  it('a retried submit with the same requestId returns the parcel already saved', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { requestId: 'scan-0001-abcdef', waybill: SF(1) });
    const b = await t.call('parcels.intake', { requestId: 'scan-0001-abcdef', waybill: SF(1) });
    expect(b.id).toBe(a.id);
  });

  it('digit-only numbers no rule recognises (an older 12-digit shape): asks once, then remembers the choice for the same shape', async () => {
    const t = await openParcelsCore();
    const ask = await t.raw('parcels.intake', { waybill: '780123456789' });
    expect(ask).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { candidates: 'ZTO,STO,YD,YT,POST,EMS,DBL,CAINIAO,OTHER' } } });
    expect(await t.call('parcels.detect', { waybill: '780123456789' })).toMatchObject({ kind: 'ambiguous', remembered: null });
    const chosen = await t.call('parcels.intake', { waybill: '780123456789', carrier: 'ZTO' });
    expect(chosen.carrierName).toBe('中通');
    expect(await t.call('parcels.detect', { waybill: '789999999999' })).toMatchObject({ kind: 'ambiguous', remembered: 'ZTO' });
    const next = await t.call('parcels.intake', { waybill: '789999999999' });
    expect(next.carrier).toBe('ZTO');
    // another shape is asked again
    expect(await t.raw('parcels.intake', { waybill: '4312345678901' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses invalid numbers (too short, bad S10 check digit) and accepts a good S10', async () => {
    const t = await openParcelsCore();
    expect(await t.raw('parcels.intake', { waybill: 'SF12' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const serial = '47312482';
    const bad = `EA${serial}${(s10CheckDigit(serial) + 1) % 10}CN`;
    const r = await t.raw('parcels.intake', { waybill: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!r.ok) expect(r.error.message).toContain('校验位');
    expect((await t.call('parcels.intake', { waybill: `EA${serial}${s10CheckDigit(serial)}CN` })).carrier).toBe('EMS');
  });

  it('a recipient not in the roster is allowed and flagged; one who is in the room is matched', async () => {
    const t = await openParcelsCore();
    const stranger = await t.call('parcels.intake', { waybill: SF(1), recipient: '欧阳娜娜', phoneLast4: '8888' });
    expect(stranger).toMatchObject({ unlisted: true, roomId: null, recipientMasked: '欧***', phoneLast4: '8888', needsDetails: false });
    const guest = await t.call('parcels.intake', { waybill: SF(2), roomId: t.rooms.r501, recipient: '王五' });
    expect(guest).toMatchObject({ unlisted: true, roomCode: '3-2-501' });
    const matched = await t.call('parcels.intake', { waybill: SF(3), roomId: t.rooms.r502, recipient: '李娜' });
    expect(matched).toMatchObject({ unlisted: false, residentId: t.residents.lina });
    expect(await t.raw('parcels.intake', { waybill: SF(4), roomId: t.rooms.r502, residentId: t.residents.zhangwei })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  it('batch intake saves every good scan, reports the bad ones, and details are fixed later', async () => {
    const t = await openParcelsCore({ printer: false });
    const res = await t.call('parcels.intakeBatch', {
      items: [
        { waybill: SF(1) },
        { waybill: 'JT0001234567890' },
        { waybill: SF(1) },
        { waybill: 'SF1' },
        { waybill: '7701234567890' },
        { waybill: 'JDVA12345678901' },
      ],
    });
    expect(res.map((r) => r.ok)).toEqual([true, true, false, false, true, true]);
    expect(res[2]?.error?.code).toBe('CONFLICT');
    expect(res[3]?.error?.code).toBe('BAD_INPUT');
    const unknown = res[4]?.parcel;
    expect(unknown).toMatchObject({ carrier: 'UNKNOWN', needsDetails: true });
    expect((await t.call('parcels.stats', {})).needsDetails).toBe(4);
    const fixed = await t.call('parcels.update', {
      id: unknown?.id as number,
      carrier: 'STO',
      residentId: t.residents.lina,
      slot: { shelfId: t.shelves.B, slot: 2 },
    });
    expect(fixed).toMatchObject({ carrier: 'STO', roomCode: '3-2-502', needsDetails: false, slotLabel: 'B-02', pickupCode: unknown?.pickupCode });
    // fixing a carrier remembers it for that shape
    expect(await t.call('parcels.detect', { waybill: '7709999999999' })).toMatchObject({ remembered: 'STO' });
    // the arrival notice is recorded once the room is known
    expect(t.core.need().db.prepare('SELECT count(*) AS n FROM parcel_notices WHERE parcel_id = ?').get(fixed.id)).toEqual({ n: 1 });
    expect(t.printedText()).toHaveLength(0);
  });
});

describe('pickup', () => {
  it('by code, by waybill and by room; all in stock only', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1), residentId: t.residents.zhangwei });
    const b = await t.call('parcels.intake', { waybill: SF(2), roomId: t.rooms.r501 });
    await t.call('parcels.intake', { waybill: SF(3), roomId: t.rooms.r502 });
    expect((await t.call('parcels.byCode', { code: a.pickupCodeSpoken })).map((p) => p.id)).toEqual([a.id]);
    expect((await t.call('parcels.byWaybill', { waybill: 'sf' + SF(2).slice(2) })).map((p) => p.id)).toEqual([b.id]);
    expect((await t.call('parcels.byRoom', { roomId: t.rooms.r501 })).map((p) => p.id)).toEqual([a.id, b.id]);
    await t.call('parcels.pickup', { ids: [a.id], check: 'code', proxy: false });
    expect(await t.call('parcels.byCode', { code: a.pickupCode })).toEqual([]);
    expect((await t.call('parcels.byRoom', { roomId: t.rooms.r501 })).map((p) => p.id)).toEqual([b.id]);
    expect(await t.call('parcels.byCode', { code: '12' })).toEqual([]);
  });

  it('batch pickup by a proxy records the check and the proxy; a second pickup is refused', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1), residentId: t.residents.zhangwei });
    const b = await t.call('parcels.intake', { waybill: SF(2), residentId: t.residents.zhangwei });
    expect(await t.raw('parcels.pickup', { ids: [a.id, b.id], check: 'id_card', proxy: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const out = await t.call('parcels.pickup', { ids: [a.id, b.id], check: 'id_card', checkNote: '身份证尾号 1234', proxy: true, proxyName: '张伟的妻子' });
    expect(out.map((p) => p.status)).toEqual(['picked_up', 'picked_up']);
    expect(out[0]?.pickup).toMatchObject({ check: 'id_card', checkNote: '身份证尾号 1234', proxy: true, proxyNameMasked: '张***', collectorMasked: '张***' });
    expect(out[0]?.closedByName).toBe('王经理');
    const again = await t.raw('parcels.pickup', { ids: [a.id], check: 'code', proxy: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!again.ok) expect(again.error.message).toContain('已取件');
    expect(await audit(t, 'parcel.pickup')).toHaveLength(2);
  });

  it('all or nothing: one parcel already gone refuses the whole batch', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1) });
    const b = await t.call('parcels.intake', { waybill: SF(2) });
    await t.call('parcels.pickup', { ids: [b.id], check: 'code', proxy: false });
    expect(await t.raw('parcels.pickup', { ids: [a.id, b.id], check: 'code', proxy: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('parcels.get', { id: a.id })).status).toBe('in_stock');
  });

  it('a parcel that left stock is frozen in the database, and parcels are never deleted', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1) });
    const db = t.core.need().db;
    expect(() => db.prepare("UPDATE parcels SET pickup_code = '000000' WHERE id = ?").run(a.id)).toThrow(/immutable/);
    await t.call('parcels.pickup', { ids: [a.id], check: 'code', proxy: false });
    expect(() => db.prepare("UPDATE parcels SET note = 'x' WHERE id = ?").run(a.id)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM parcels WHERE id = ?').run(a.id)).toThrow(/never deleted/);
    expect(await t.raw('parcels.update', { id: a.id, note: '改一下' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('pickup codes stay unique among parcels in stock under churn, and are not reused within 30 days', async () => {
    const t = await openParcelsCore({ printer: false });
    const inStock: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const p = await t.call('parcels.intake', { waybill: SF(i), slot: null });
      expect(seen.has(p.pickupCode)).toBe(false);
      seen.add(p.pickupCode);
      inStock.push(p.id);
      if (i % 3 === 2) await t.call('parcels.pickup', { ids: inStock.splice(i % inStock.length, 1), check: 'code', proxy: false });
    }
    const dup = t.core.need().db.prepare("SELECT pickup_code, count(*) n FROM parcels WHERE status = 'in_stock' GROUP BY pickup_code HAVING n > 1").all();
    expect(dup).toEqual([]);
  });

  it('a code stays taken for 30 days after it was given, even once picked up', async () => {
    const t = await openParcelsCore({ printer: false });
    const a = await t.call('parcels.intake', { waybill: SF(1) });
    await t.call('parcels.pickup', { ids: [a.id], check: 'code', proxy: false });
    const sql = t.core.need().sql;
    const since = (now: Date) => new Date(now.getTime() - COOLDOWN_DAYS * DAY).toISOString();
    expect(repo.codeTaken(sql, a.pickupCode, since(t.clock.now()))).toBe(true);
    await t.advance(COOLDOWN_DAYS * DAY + 1000);
    expect(repo.codeTaken(sql, a.pickupCode, since(t.clock.now()))).toBe(false);
    // the unique index is the backstop: a second in-stock parcel with the same code cannot exist
    const b = await t.call('parcels.intake', { waybill: SF(2) });
    expect(() => t.core.need().db.prepare("UPDATE parcels SET status = 'in_stock' WHERE id = ?").run(a.id)).toThrow();
    expect(() =>
      t.core
        .need()
        .db.prepare(
          "INSERT INTO parcels (waybill, carrier, pickup_code, status, intake_at, intake_by, updated_at) VALUES ('SF9999999999999', 'SF', ?, 'in_stock', 'x', 1, 'x')",
        )
        .run(b.pickupCode),
    ).toThrow(/UNIQUE/);
  });
});

describe('overdue, returns and write-offs', () => {
  it('lists parcels in stock over N days (setting), records reminders once a day', async () => {
    const t = await openParcelsCore({ printer: false });
    const old = await t.call('parcels.intake', { waybill: SF(1), roomId: t.rooms.r501 });
    await t.advance(2 * DAY);
    const mid = await t.call('parcels.intake', { waybill: SF(2), roomId: t.rooms.r502 });
    await t.advance(2 * DAY);
    await t.call('parcels.intake', { waybill: SF(3), roomId: t.rooms.r601 });
    expect((await t.call('parcels.settings.get', {})).overdueDays).toBe(3);
    const over = await t.call('parcels.overdue', {});
    expect(over.map((p) => p.id)).toEqual([old.id]);
    expect(over[0]).toMatchObject({ overdue: true, daysInStock: 4 });
    await t.call('parcels.settings.save', { overdueDays: 1, printSlip: true });
    expect((await t.call('parcels.overdue', {})).map((p) => p.id)).toEqual([old.id, mid.id]);
    expect(await t.call('parcels.remind', {})).toEqual({ recorded: 2 });
    expect(await t.call('parcels.remind', {})).toEqual({ recorded: 0 });
    await t.advance(DAY);
    expect(await t.call('parcels.remind', { ids: [old.id] })).toEqual({ recorded: 1 });
    expect(t.core.need().db.prepare("SELECT count(*) AS n FROM parcel_notices WHERE kind = 'overdue'").get()).toEqual({ n: 3 });
  });

  it('returns to the courier with a reason', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1) });
    expect(await t.raw('parcels.return', { ids: [a.id], reason: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const [r] = await t.call('parcels.return', { ids: [a.id], reason: '查无此人，退回快递员' });
    expect(r).toMatchObject({ status: 'returned', returnReason: '查无此人，退回快递员' });
    expect(await audit(t, 'parcel.return')).toHaveLength(1);
  });

  it('a write-off needs a single-use supervisor approval for that waybill, from another person', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1) });
    const b = await t.call('parcels.intake', { waybill: SF(2) });
    expect(await t.raw('parcels.writeOff', { id: a.id, approvalId: 'nope', reason: '丢失' })).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    // the signed-in admin cannot approve their own write-off (two-person rule)
    expect(
      await t.raw('auth.approve', { username: 'admin', password: 'admin-pass-1', action: 'parcel.writeOff', subject: a.waybill, reason: '丢失' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INVALID' },
    });
    const forB = await t.approve(b.waybill);
    expect(await t.raw('parcels.writeOff', { id: a.id, approvalId: forB, reason: '丢失' })).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    const ap = await t.approve(a.waybill);
    const w = await t.call('parcels.writeOff', { id: a.id, approvalId: ap, reason: '快递员确认丢失' });
    expect(w).toMatchObject({ status: 'written_off', writeOff: { reason: '快递员确认丢失', approverName: '赵主管' } });
    expect(await t.raw('parcels.writeOff', { id: b.id, approvalId: ap, reason: '丢失' })).toMatchObject({ ok: false, error: { code: 'APPROVAL_INVALID' } });
    expect(verifyChain(t.core.need().sql).ok).toBe(true);
  });
});
