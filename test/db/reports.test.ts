import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { periodDays } from '../../src-main/features/reports/reports.service';
import { FLOAT_500, openFeesCore } from '../support/fees';

describe('reports (统计报表)', () => {
  it('periods: a day, a week from Monday, a month to its last day (leap years too)', () => {
    expect(periodDays('day', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(periodDays('week', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // a Monday
    expect(periodDays('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' }); // its Sunday
    expect(periodDays('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('months are China-time months: a payment at 01:00 on 1 December (17:00Z on 30 November) is December’s', async () => {
    const t = await openFeesCore({ printer: false });
    await t.call('cash.open', { count: FLOAT_500 });
    t.clock.set('2026-11-30T17:00:00Z');
    await t.call('auth.unlock', { password: 'admin-pass-1' });
    await t.call('fees.collect', {
      requestId: 'report-tz-1',
      roomId: null,
      lines: [{ itemId: t.items.copy, quantity: 2 }],
      payments: [{ method: 'cash', amountFen: 100 }],
    });
    expect((await t.call('reports.period', { period: 'month', date: '2026-11-15' })).fees.receipts.count).toBe(0);
    expect((await t.call('reports.period', { period: 'month', date: '2026-12-15' })).fees.receipts.count).toBe(1);
    expect((await t.call('reports.period', { period: 'day', date: '2026-12-01' })).fees.receipts.count).toBe(1);
  });

  it('a month with payments, a void and a repair: figures on screen and in the XLSX export', async () => {
    const t = await openFeesCore({ printer: false });
    await t.call('cash.open', { count: FLOAT_500 });
    const a = await t.call('fees.collect', {
      requestId: 'report-test-1',
      roomId: null,
      lines: [{ itemId: t.items.copy, quantity: 4 }],
      payments: [{ method: 'cash', amountFen: 200 }],
    });
    await t.call('fees.collect', {
      requestId: 'report-test-2',
      roomId: t.roomId,
      lines: [{ itemId: t.items.parking, months: 1 }],
      payments: [{ method: 'wechat', amountFen: 30000, reference: '134567890123456789' }],
    });
    const ap = await t.call('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action: 'receipt.void', subject: a.receiptNo, reason: '金额录错' });
    await t.call('fees.void', { receiptId: a.id, approvalId: ap.approvalId, reason: '金额录错' });
    const req = await t.call('requests.log', {
      kind: 'repair',
      source: 'call',
      roomId: t.roomId,
      caller: '',
      category: '水电',
      description: '漏水',
      urgency: 'normal',
    });
    await t.call('requests.dispatch', { id: req.id, department: '工程部' });
    const r = await t.call('reports.period', { period: 'month', date: '2026-11-23' });
    expect(r).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(r.fees).toMatchObject({ receipts: { count: 2, amountFen: 30200 }, voids: { count: 1, amountFen: -200 }, netFen: 30000 });
    expect(r.requests).toMatchObject({ total: 1, dispatched: 1, dispatchWithinTarget: 1 });
    expect((await t.call('reports.period', { period: 'month', date: '2026-10-05' })).fees.receipts.count).toBe(0);

    const x = await t.call('reports.export', { period: 'month', date: '2026-11-23' });
    expect(x.fileName).toBe('统计报表_2026-11-01_2026-11-30.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data, 'base64') as unknown as ArrayBuffer);
    const overview = wb.getWorksheet('概览');
    const rows = new Map<string, unknown>();
    overview?.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('收据张数')).toBe(2);
    expect(rows.get('净收（元）')).toBe(300);
    expect(rows.get('报修投诉登记')).toBe(1);
    const methods: unknown[][] = [];
    wb.getWorksheet('付款方式')?.eachRow((row, n) => n > 1 && methods.push([row.getCell(1).value, row.getCell(3).value]));
    expect(methods).toEqual(expect.arrayContaining([['微信', 300]]));
  });
});
