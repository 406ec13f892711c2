/** Parcels: the business day view, search, the XLSX export, slips, shelves and settings. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openParcelsCore, type ParcelsFixture } from '../support/parcels';

const SF = (n: number) => `SF${String(1000000000000 + n)}`;
const DAY = 86_400_000;

async function audit(t: ParcelsFixture, action: string) {
  return t.core.need().db.prepare('SELECT entity_id, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{
    entity_id: string;
    detail: string;
  }>;
}

describe('daily view, search and export', () => {
  it('counts in, out, in stock, overdue and by carrier for a business day', async () => {
    const t = await openParcelsCore({ printer: false });
    // 2026-11-23 10:00 Beijing
    const a = await t.call('parcels.intake', { waybill: SF(1), roomId: t.rooms.r501 });
    await t.call('parcels.intake', { waybill: SF(2), roomId: t.rooms.r501 });
    const c = await t.call('parcels.intake', { waybill: 'YT7512345678901' });
    await t.call('parcels.pickup', { ids: [a.id], check: 'code', proxy: false });
    await t.advance(DAY);
    await t.call('parcels.intake', { waybill: 'JT0001234567890' });
    await t.call('parcels.return', { ids: [c.id], reason: '拒收' });
    await t.advance(3 * DAY);
    const day1 = await t.call('parcels.stats', { date: '2026-11-23' });
    // SF(2) has been in stock 4 days (overdue); the JT parcel exactly 3 (not yet over 3 days)
    expect(day1).toMatchObject({ date: '2026-11-23', in: 3, pickedUp: 1, returned: 0, writtenOff: 0, inStock: 2, overdue: 1, overdueDays: 3 });
    expect(day1.byCarrier).toEqual([
      { carrier: 'SF', name: '顺丰', in: 2 },
      { carrier: 'YT', name: '圆通', in: 1 },
    ]);
    expect(await t.call('parcels.stats', { date: '2026-11-24' })).toMatchObject({ in: 1, pickedUp: 0, returned: 1 });
  });

  it('search by any field: code, phone last four, room, waybill, name, with filters', async () => {
    const t = await openParcelsCore({ printer: false });
    const a = await t.call('parcels.intake', { waybill: SF(1), residentId: t.residents.zhangwei, phoneLast4: '5678' });
    const b = await t.call('parcels.intake', { waybill: 'YT7512345678901', roomId: t.rooms.r502 });
    const c = await t.call('parcels.intake', { waybill: SF(2), recipient: '欧阳娜娜' });
    const ids = async (input: Parameters<ParcelsFixture['call']>[1]) => (await t.call('parcels.search', input as never)).map((p) => p.id);
    expect(await ids({ q: a.pickupCode })).toEqual([a.id]);
    expect(await ids({ q: '5678' })).toEqual([a.id]);
    expect(await ids({ q: '3-2-50' })).toEqual([b.id, a.id]);
    expect(await ids({ q: '3栋2单元502' })).toEqual([b.id]);
    expect(await ids({ q: 'yt751' })).toEqual([b.id]);
    expect(await ids({ q: '欧阳' })).toEqual([c.id]);
    expect(await ids({ q: '张' })).toEqual([a.id]);
    expect(await ids({ carrier: 'SF' })).toEqual([c.id, a.id]);
    expect(await ids({ status: 'picked_up' })).toEqual([]);
    expect(await ids({ date: '2026-11-23' })).toHaveLength(3);
    expect(await ids({ date: '2026-11-22' })).toEqual([]);
  });

  it('exports an XLSX that reads back with exceljs, names masked, no pickup codes', async () => {
    const t = await openParcelsCore({ printer: false });
    const a = await t.call('parcels.intake', { waybill: SF(1), residentId: t.residents.zhangwei });
    await t.call('parcels.intake', { waybill: 'YT7512345678901', recipient: '欧阳娜娜' });
    await t.call('parcels.pickup', { ids: [a.id], check: 'signature', proxy: false });
    const x = await t.call('parcels.export', { from: '2026-11-23', to: '2026-11-23' });
    expect(x).toMatchObject({ fileName: '快递_2026-11-23_2026-11-23.xlsx', rows: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('快递');
    const rows = (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      '入库时间',
      '快递公司',
      '单号',
      '房号',
      '收件人',
      '不在名册',
      '货架',
      '状态',
      '出库时间',
      '领取人',
      '核验',
      '代取',
      '退回/核销原因',
      '入库人',
    ]);
    expect(rows[1]?.slice(0, 10)).toEqual(['2026-11-23 10:00', '顺丰', SF(1), '3-2-501', '张*', '', 'A-01', '已取件', '2026-11-23 10:00', '张*']);
    expect(rows[2]?.slice(1, 6)).toEqual(['圆通', 'YT7512345678901', '', '欧***', '是']);
    const all = JSON.stringify(rows);
    expect(all).not.toContain('张伟');
    expect(all).not.toContain(a.pickupCode);
    expect(await t.raw('parcels.export', { from: '2026-01-01', to: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await audit(t, 'parcel.export')).toHaveLength(1);
  });

  it('slip preview, reprint, shelves and settings', async () => {
    const t = await openParcelsCore();
    const a = await t.call('parcels.intake', { waybill: SF(1), roomId: t.rooms.r501 });
    const prev = await t.call('parcels.slip', { id: a.id });
    expect(prev.width).toBe(58);
    expect(prev.svg).toContain('<svg');
    await t.call('parcels.reprintSlip', { id: a.id });
    await t.settle();
    expect(t.printedText().filter((s) => s.includes(a.pickupCodeSpoken))).toHaveLength(2);
    const shelves = await t.call('parcels.shelves.list', {});
    expect(shelves.map((s) => [s.code, s.slots, s.inStock])).toEqual([
      ['A', 3, 1],
      ['B', 10, 0],
    ]);
    expect(await t.raw('parcels.shelves.save', { id: t.shelves.B, code: 'A', name: '', slots: 3, active: true, sort: 0 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' }, 'test:2');
    const r = await t.raw('parcels.settings.save', { overdueDays: 7, printSlip: false }, 'test:2');
    expect(r.ok).toBe(true);
    await t.call('operators.create', { username: 'xiao', displayName: '小李', role: 'receptionist', password: 'xiao-pass-123' });
    await t.call('auth.login', { username: 'xiao', password: 'xiao-pass-123' }, 'test:3');
    expect(await t.raw('parcels.shelves.save', { code: 'C', name: '', slots: 3, active: true, sort: 0 }, 'test:3')).toMatchObject({
      ok: false,
      error: { code: 'ROLE_REQUIRED' },
    });
    const noSlip = await t.call('parcels.intake', { waybill: SF(2) }, 'test:3');
    await t.settle();
    expect(noSlip.printState).toBe('not-configured');
  });
});
