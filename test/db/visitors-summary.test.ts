import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDailySummary } from '../../src-main/sync/summary';
import { openVisitorsCore, walkUp, type VisitorsFixture } from '../support/visitors';

const HOUR = 3_600_000;
const PERSONAL = /刘洋|王芳|陈师傅|张伟|13900001234|13700005678|13500001111|京A12345|京AD12345|123X/;

/**
 * On 2026-11-23 (Shanghai): three visits (one voided, one checked out, one still on site and overdue by 16:00),
 * a worker's pass ending that day, a removal pass verified, one voided.
 */
async function busyDay(t: VisitorsFixture) {
  const a = await t.call('visitors.checkIn', walkUp({ plate: '京A12345', partySize: 2 }, t.rooms.r501));
  const b = await t.call('visitors.checkIn', walkUp({ visitorName: '王芳', phone: '13700005678' }, t.rooms.r502));
  const c = await t.call('visitors.checkIn', walkUp({ visitorName: '赵六', phone: '13600009999' }, t.rooms.r601));
  await t.call('visitors.passes.void', { passNo: c.pass.passNo, reason: '登记错了房号' });
  await t.call('visitors.checkOut', { passNo: a.pass.passNo });
  await t.call('visitors.workers.issue', {
    company: '美家装修',
    workerName: '陈师傅',
    phone: '13500001111',
    docType: 'id_card',
    docLast4: '4321',
    validFrom: '2026-11-23',
    validUntil: '2026-11-23',
    roomId: t.rooms.r501,
  });
  const removal = (plate?: string) =>
    t.call('visitors.removal.issue', {
      roomId: t.rooms.r501,
      applicantKind: 'owner',
      applicantName: '张伟',
      items: [{ name: '家具', quantity: 1 }],
      date: '2026-11-23',
      windowFrom: '09:00',
      windowTo: '18:00',
      ...(plate ? { plate } : {}),
    });
  const r1 = await removal('京AD12345');
  const r2 = await removal();
  await t.call('visitors.removal.verify', { passNo: r1.pass.passNo });
  await t.call('visitors.passes.void', { passNo: r2.pass.passNo, reason: '业主改期' });
  return { a, b, c };
}

describe('visitors in the handover', () => {
  it('on site, overdue, workers’ passes out and expired, removal passes of the shift: counts only', async () => {
    const t = await openVisitorsCore({ printer: false });
    await busyDay(t);
    let h = await t.call('handover.summary', {});
    expect(h.visitors).toEqual({
      available: true,
      onSite: 1,
      people: 1,
      overdue: 0,
      workerOut: 1,
      workerExpired: 0,
      removalIssued: 2,
      removalVerified: 1,
      formsInStock: null,
    });
    // 16:00 Shanghai: b's 4 hours are over; the worker's pass ends at midnight
    await t.advance(6 * HOUR);
    h = await t.call('handover.summary', {});
    expect(h.visitors).toMatchObject({ onSite: 1, overdue: 1, workerOut: 1, workerExpired: 0 });
    await t.advance(8 * HOUR);
    h = await t.call('handover.summary', {});
    expect(h.visitors).toMatchObject({ workerOut: 0, workerExpired: 1 });
    expect(JSON.stringify(h)).not.toMatch(PERSONAL);
  });
});

describe('visitors in the nightly summary and the reports', () => {
  it('counts per day (visits, passes issued/returned/expired, removal passes issued/verified/void) and nothing personal', async () => {
    const t = await openVisitorsCore({ printer: false });
    await busyDay(t);
    // during the day, passes still running have not expired (a report of today)
    const today = await t.call('reports.period', { period: 'day', date: '2026-11-23' });
    expect(today.visitors).toMatchObject({ visitorPasses: { expired: 0 }, workerPasses: { expired: 0 } });
    // the next day: the worker's pass and b's visitor pass have expired unreturned
    await t.advance(24 * HOUR);
    const s = buildDailySummary(t.core.need().sql, {
      terminalId: 'T01',
      propertyName: '阳光花园',
      businessDate: '2026-11-23',
      cutoffHour: 0,
      timeZone: 'Asia/Shanghai',
      overdueDays: 3,
      generatedAt: t.clock.now(),
    });
    expect(s.visitors).toEqual({
      available: true,
      visits: 2,
      people: 3,
      checkedOut: 1,
      refusalOverrides: 0,
      visitorPasses: { issued: 3, returned: 1, expired: 1, void: 1 },
      workerPasses: { issued: 1, returned: 0, expired: 1, void: 0, lost: 0 },
      removalPasses: { issued: 2, verified: 1, void: 1 },
    });
    expect(JSON.stringify(s)).not.toMatch(PERSONAL);
    const day = await t.call('reports.period', { period: 'day', date: '2026-11-23' });
    expect(day.visitors).toEqual(s.visitors);
    const month = await t.call('reports.period', { period: 'month', date: '2026-11-23' });
    expect(month.visitors.visits).toBe(2);
  });

  it('the XLSX lists the visits with names masked; whole names need a reason and the reveal is audited', async () => {
    const t = await openVisitorsCore({ printer: false });
    await busyDay(t);
    const read = async (data: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('访客');
      const out: unknown[][] = [];
      ws?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const masked = await read((await t.call('reports.export', { period: 'day', date: '2026-11-23' })).data);
    expect(masked[0]?.[2]).toBe('访客（已遮盖）');
    expect(masked.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['T01-V0000001', '刘*'],
      ['T01-V0000002', '王*'],
      ['T01-V0000003', '赵*'],
    ]);
    expect(t.core.need().sql.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.revealVisitors'").get()).toEqual({ n: 0 });
    const whole = await read((await t.call('reports.export', { period: 'day', date: '2026-11-23', revealReason: '派出所协查来访记录' })).data);
    expect(whole.slice(1).map((r) => r[2])).toEqual(['刘洋', '王芳', '赵六']);
    const audit = t.core.need().sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'report.revealVisitors'").all() as Array<{ detail: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ rows: 3 });
    expect(audit[0]?.detail).not.toMatch(PERSONAL);
    const li = await t.asReceptionist();
    expect(await t.raw('reports.export', { period: 'day', date: '2026-11-23', revealReason: '看看' }, li)).toMatchObject({
      ok: false,
      error: { code: 'ROLE_REQUIRED' },
    });
  });
});
