import { describe, expect, it } from 'vitest';
import { openReceivablesCore, type ReceivablesFixture } from '../support/receivables';

/**
 * Opening balances from the previous system: a preview that checks every row and writes nothing, a confirm that
 * writes the good rows, and a re-import that corrects a room's item instead of adding to it.
 */
const csv = (rows: string[]) => Buffer.from(['房号,项目,已交至,期初欠费', ...rows].join('\r\n'), 'utf8').toString('base64');

const counts = (t: ReceivablesFixture) =>
  t.core
    .need()
    .db.prepare(
      "SELECT (SELECT count(*) FROM receivable_plans) AS plans, (SELECT count(*) FROM receivable_charges WHERE kind = 'opening') AS opening, (SELECT count(*) FROM receivable_charges) AS charges",
    )
    .get();

describe('opening balances import', () => {
  it('previews good rows and row errors, writes nothing before the confirm, then brings paid-through months and old arrears in', async () => {
    const t = await openReceivablesCore();
    const p = await t.call('receivables.opening.preview', {
      fileName: '期初.csv',
      data: csv([
        '3-2-501,WYF,2026-06,120.50',
        '5-1-101,停车费,2026/9,',
        '9-9-999,WYF,2026-06,',
        '3-2-501,XX,2026-01,',
        '5-1-101,WYF,2026-13,',
        '5-1-101,WYF,2026-06,-5',
      ]),
    });
    expect(p.counts).toEqual({ total: 6, new: 2, changed: 0, same: 0, errors: 4 });
    expect(p.errors.map((e) => e.row)).toEqual([4, 5, 6, 7]);
    expect(p.errors[0]?.message).toContain('房号 9-9-999 不在名册里');
    expect(p.errors[1]?.message).toContain('「XX」不是周期收费项目');
    expect(p.errors[2]?.message).toContain('不是月份');
    expect(p.errors[3]?.message).toContain('期初欠费');
    expect(counts(t)).toEqual({ plans: 0, opening: 0, charges: 0 });
    const refused = await t.raw('receivables.opening.confirm', { previewId: p.previewId, skipErrors: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(counts(t)).toEqual({ plans: 0, opening: 0, charges: 0 });
    expect(await t.call('receivables.opening.confirm', { previewId: p.previewId, skipErrors: true })).toMatchObject({ new: 2, errors: 4 });
    const d = await t.call('receivables.dues', { roomId: t.roomId });
    const wyf = d.items.find((i) => i.itemId === t.items.property);
    expect(wyf?.paidThrough).toBe('2026-06');
    expect(wyf?.owed[0]).toMatchObject({ kind: 'opening', amountFen: 12050 });
    expect(wyf?.owed.slice(1).map((u) => u.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const b = await t.call('receivables.dues', { roomId: t.roomB });
    expect(b.items[0]).toMatchObject({ itemId: t.items.parking, paidThrough: '2026-09' });
    const audit = t.core.need().db.prepare("SELECT detail FROM audit_log WHERE action = 'receivables.opening.import'").all() as Array<{ detail: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ fileName: '期初.csv', new: 2, errors: 4, arrearsFen: 12050 });
    // the preview is used once
    expect(await t.raw('receivables.opening.confirm', { previewId: p.previewId, skipErrors: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('re-importing corrects rather than duplicates; the same file again changes nothing', async () => {
    const t = await openReceivablesCore();
    const first = await t.call('receivables.opening.preview', { fileName: 'a.csv', data: csv(['3-2-501,WYF,2026-06,120.50']) });
    await t.call('receivables.opening.confirm', { previewId: first.previewId, skipErrors: false });
    await t.call('receivables.dues', { roomId: t.roomId });
    const fix = await t.call('receivables.opening.preview', { fileName: 'b.csv', data: csv(['3-2-501,WYF,2026-08,']) });
    expect(fix.rows).toEqual([expect.objectContaining({ roomCode: '3-2-501', paidThrough: '2026-08', change: 'changed' })]);
    await t.call('receivables.opening.confirm', { previewId: fix.previewId, skipErrors: false });
    expect(counts(t)).toMatchObject({ plans: 1, opening: 0 });
    const d = await t.call('receivables.dues', { roomId: t.roomId });
    expect(d.items[0]?.paidThrough).toBe('2026-08');
    expect(d.items[0]?.owed.map((u) => u.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    const same = await t.call('receivables.opening.preview', { fileName: 'b.csv', data: csv(['3-2-501,WYF,2026-08,']) });
    expect(same.counts).toMatchObject({ same: 1, changed: 0, new: 0 });
  });

  it('after a collection here, a correction of that room and item is a row error', async () => {
    const t = await openReceivablesCore();
    const first = await t.call('receivables.opening.preview', { fileName: 'a.csv', data: csv(['3-2-501,WYF,2026-06,']) });
    await t.call('receivables.opening.confirm', { previewId: first.previewId, skipErrors: false });
    await t.collect(t.roomId, [{ itemId: t.items.property, months: 1 }]);
    const again = await t.call('receivables.opening.preview', { fileName: 'b.csv', data: csv(['3-2-501,WYF,2026-03,']) });
    expect(again.counts).toMatchObject({ errors: 1, changed: 0 });
    expect(again.errors[0]?.message).toContain('已经在本系统收过费');
  });
});
