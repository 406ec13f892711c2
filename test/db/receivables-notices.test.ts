import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as roster from '../../src-main/features/roster/roster.repo';
import { openReceivablesCore, type ReceivablesFixture } from '../support/receivables';

/**
 * Payment notices on the receivables fixture (the clock in 2026-11): building 5 gets two more rooms, 5-1-102 owing
 * and 5-1-103 paid up; 3-2-501 and 5-1-101 owe 物业费 since 2026-01 (11 months), 5-1-102 since 2026-09 (3 months).
 */
async function fixture(): Promise<ReceivablesFixture & { room102: number; room103: number }> {
  const t = await openReceivablesCore();
  const sql = t.core.need().sql;
  const { room102, room103 } = sql.tx(() => {
    const unit = sql.db.prepare("SELECT id FROM units WHERE building_id = (SELECT id FROM buildings WHERE code = '5')").get() as { id: number };
    const r102 = roster.insertRoom(sql, { unitId: unit.id, number: '102', code: '5-1-102', areaCm2: 10000, at: 'now' });
    const r103 = roster.insertRoom(sql, { unitId: unit.id, number: '103', code: '5-1-103', areaCm2: 10000, at: 'now' });
    const owner = (roomId: number, name: string) =>
      roster.insertResident(sql, {
        roomId,
        name,
        kind: 'owner',
        initials: '',
        pinyin: '',
        phone: '13812345678',
        moveIn: null,
        moveOut: null,
        note: '',
        at: 'now',
      });
    owner(t.roomId, '王建国');
    owner(t.roomB, '李秀英');
    owner(r102, '张伟');
    return { room102: r102, room103: r103 };
  });
  for (const [roomId, start] of [
    [t.roomId, '2026-01'],
    [t.roomB, '2026-01'],
    [room102, '2026-09'],
    [room103, '2026-11'],
  ] as const)
    await t.call('receivables.plan.save', { roomId, itemId: t.items.property, startMonth: start });
  await t.collect(room103, [{ itemId: t.items.property, months: 1 }]);
  return { ...t, room102, room103 };
}

const buildingOf = async (t: ReceivablesFixture, code: string) =>
  (await t.call('roster.buildings.list', {})).find((b: { code: string }) => b.code === code)?.id as number;

describe('payment notices', () => {
  it('a building batch numbers each owing room in turn, with no gaps or duplicates across batches, and logs each as 通知单', async () => {
    const t = await fixture();
    const b5 = await buildingOf(t, '5');
    const first = await t.call('receivables.notices.issue', { buildingId: b5, kind: 'reminder', print: false });
    // the paid-up room gets none
    expect(first.ids).toHaveLength(2);
    expect(first.owedFen).toBe(11 * 25000 + 3 * 25000);
    const one = await t.call('receivables.notices.issue', { roomId: t.roomId, kind: 'payment', print: false });
    const second = await t.call('receivables.notices.issue', { buildingId: b5, kind: 'payment', print: false });
    expect(second.batch).toBe(first.batch + 2);
    const all = await t.call('receivables.notices.get', { ids: [...first.ids, ...one.ids, ...second.ids] });
    expect(all.map((n) => [n.noticeNo, n.roomCode, n.batch])).toEqual([
      ['TZ000001', '5-1-101', first.batch],
      ['TZ000002', '5-1-102', first.batch],
      ['TZ000003', '3-2-501', first.batch + 1],
      ['TZ000004', '5-1-101', second.batch],
      ['TZ000005', '5-1-102', second.batch],
    ]);
    const n1 = all[0];
    expect(n1?.lines).toEqual([
      { itemId: t.items.property, name: '物业费', kind: 'month', fromMonth: '2026-01', toMonth: '2026-11', months: 11, amountFen: 11 * 25000 },
    ]);
    expect(n1?.kind).toBe('reminder');
    expect(n1?.howToPay).toContain('物业服务中心');
    // each notice is a line in its room's 催缴 log, way 通知单, naming the notice and the amount
    const log = await t.call('receivables.contacts.list', { roomId: t.roomB });
    expect(log.map((c) => [c.way, c.result])).toEqual([
      ['notice', '交费通知单 TZ000004：欠费 ￥2,750.00'],
      ['notice', '催缴通知单 TZ000001：欠费 ￥2,750.00'],
    ]);
    // a room that owes nothing gets no notice and no number
    expect(await t.raw('receivables.notices.issue', { roomId: t.room103, kind: 'payment', print: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这个房号没有欠费：不用发通知单。' },
    });
    const count = t.core.need().db.prepare('SELECT count(*) AS n, max(seq) AS top FROM receivable_notices').get() as { n: number; top: number };
    expect(count).toEqual({ n: 5, top: 5 });
  });

  it('a notice keeps the wording it was issued with; a supervisor’s new wording is on the next ones', async () => {
    const t = await fixture();
    const first = await t.call('receivables.notices.issue', { roomId: t.roomId, kind: 'payment', print: false });
    await t.call('receivables.notices.settings.save', { howToPay: '请在每月 15 日前到前台或用微信交费。', contact: '物业服务中心 0755-86001234' });
    const second = await t.call('receivables.notices.issue', { roomId: t.roomId, kind: 'payment', print: false });
    const [a, b] = await t.call('receivables.notices.get', { ids: [...first.ids, ...second.ids] });
    expect([a?.howToPay, a?.contact]).toEqual(['请到物业服务中心前台交费，现金、微信、支付宝、银行卡均可。', '物业服务中心前台']);
    expect([b?.howToPay, b?.contact]).toEqual(['请在每月 15 日前到前台或用微信交费。', '物业服务中心 0755-86001234']);
    // one line each: a line break is refused, nothing saved
    expect(await t.raw('receivables.notices.settings.save', { howToPay: '第一行\n第二行', contact: '前台' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect((await t.call('receivables.notices.settings.get', {})).contact).toBe('物业服务中心 0755-86001234');
  });

  it('a batch that cannot print writes nothing (no number is used up)', async () => {
    const t = await fixture();
    const b5 = await buildingOf(t, '5');
    expect(await t.raw('receivables.notices.issue', { buildingId: b5, kind: 'payment', print: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const n = t.core.need().db.prepare('SELECT (SELECT count(*) FROM receivable_notices) + (SELECT count(*) FROM receivable_contacts) AS n').get() as {
      n: number;
    };
    expect(n.n).toBe(0);
    const ok = await t.call('receivables.notices.issue', { buildingId: b5, kind: 'payment', print: false });
    expect((await t.call('receivables.notices.get', { ids: ok.ids })).map((x) => x.noticeNo)).toEqual(['TZ000001', 'TZ000002']);
    // issued notices are never changed
    expect(() => t.core.need().db.prepare("UPDATE receivable_notices SET owed_fen = 1 WHERE notice_no = 'TZ000001'").run()).toThrow(/immutable/);
  });

  it('names are masked on the notice, the printed slip and the mail-merge XLSX; the slip shows the periods and the total', async () => {
    const t = await fixture();
    await t.call('printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: 9100, statusCheck: true }, width: 80, kickDrawer: false });
    const b5 = await buildingOf(t, '5');
    const r = await t.call('receivables.notices.issue', { buildingId: b5, kind: 'payment', print: true });
    expect(r.printed).toBe(true);
    await t.settle();
    const printed = t.printedText().filter((x) => x.includes('交费通知单'));
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('TZ000001');
    expect(printed[0]).toContain('5-1-101');
    expect(printed[0]).toContain('物业费 2026-01 至 2026-11（11 个月）');
    expect(printed[0]).toContain('2,750.00');
    expect(printed[0]).toContain('李**');
    expect(printed[1]).toContain('张*');
    for (const p of printed) expect(p).not.toMatch(/李秀英|张伟|13812345678/);
    const notices = await t.call('receivables.notices.get', { ids: r.ids });
    expect(notices.map((n) => n.ownerMasked)).toEqual(['李**', '张*']);

    const x = await t.call('receivables.notices.export', { ids: r.ids });
    expect(x.fileName).toBe('通知单_TZ000001-TZ000002.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('通知单');
    const rows = (ws?.getSheetValues() ?? []).filter(Boolean).map((v) => (v as unknown[]).slice(1));
    expect(rows[1]?.slice(0, 5)).toEqual(['TZ000001', '交费通知单', '5栋', '5-1-101', '李**']);
    expect(rows[1]?.[7]).toBe(2750);
    expect(JSON.stringify(rows)).not.toMatch(/李秀英|张伟/);
    // 重新打印 queues the same notices again
    expect(await t.call('receivables.notices.print', { ids: r.ids })).toEqual({ queued: 2 });
  });

  it('the arrears list and the collection figures export as XLSX, names masked', async () => {
    const t = await fixture();
    const x = await t.call('receivables.arrears.export', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('欠费清单')?.getSheetValues() ?? []).filter(Boolean).map((v) => (v as unknown[]).slice(1));
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[6]])).toEqual([
      ['3-2-501', '王**', 11, 11 * 223.75, '7–12 个月'],
      ['5-1-101', '李**', 11, 2750, '7–12 个月'],
      ['5-1-102', '张*', 3, 750, '1–3 个月'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/王建国|李秀英|张伟/);
    const filtered = await t.call('receivables.arrears.export', { bucket: '1-3' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(filtered.data, 'base64') as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('欠费清单')?.rowCount).toBe(2);

    const f = await t.call('receivables.figures.export', { year: 2026 });
    expect(f.fileName).toBe('收缴率_2026.xlsx');
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(Buffer.from(f.data, 'base64') as unknown as ArrayBuffer);
    const total = (wb3.getWorksheet('合计')?.getRow(2).values as unknown[]).slice(1);
    // charged: 11 months of 3-2-501 and 5-1-101, 3 of 5-1-102, 1 of 5-1-103 (paid)
    expect(total).toEqual(['2026-01 至 2026-12', 11 * 223.75 + 11 * 250 + 3 * 250 + 250, 250, expect.closeTo(25000 / (246125 + 275000 + 75000 + 25000), 4), 0]);
  });
});
