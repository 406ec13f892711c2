import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { decodeEscPos } from '../devices/escpos-decode';
import { openVisitorsCore, type VisitorsFixture } from '../support/visitors';

const DAY = 86_400_000;

const worker = (t: VisitorsFixture, extra: Partial<Input<'visitors.workers.issue'>> = {}): Input<'visitors.workers.issue'> => ({
  company: '美家装修',
  workerName: '陈师傅',
  phone: '13500001111',
  docType: 'id_card',
  docLast4: '4321',
  validFrom: '2026-11-23',
  validUntil: '2026-11-25',
  roomId: t.rooms.r501,
  ...extra,
});

describe("workers' temporary passes printed by the app", () => {
  it('are valid from the first day to the end of the last (property calendar), printed with their barcode', async () => {
    const t = await openVisitorsCore();
    const r = await t.call('visitors.workers.issue', worker(t));
    // 2026-11-23 00:00 to 2026-11-26 00:00 in Shanghai
    expect(r.pass).toMatchObject({
      passNo: 'T01-W0000001',
      kind: 'worker',
      company: '美家装修',
      validFrom: '2026-11-22T16:00:00.000Z',
      validUntil: '2026-11-25T16:00:00.000Z',
      fromForm: false,
    });
    expect(r.pass.holder).toMatchObject({ nameMasked: '陈**', phoneMasked: '135****1111', docMasked: '****4321' });
    await t.settle();
    const d = decodeEscPos(t.printer.documents[0] as Uint8Array);
    expect(d.barcodes.map((b) => b.code128?.text)).toEqual(['T01-W0000001']);
    expect(d.text.join('\n')).toContain('2026-11-23 至 2026-11-25');
  });

  it('refuse a start in the past and a validity beyond the property maximum', async () => {
    const t = await openVisitorsCore({ printer: false, settings: { workerPassMaxDays: 7 } });
    expect(await t.raw('visitors.workers.issue', worker(t, { validFrom: '2026-11-22' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.workers.issue', worker(t, { validUntil: '2026-11-30' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.workers.issue', worker(t, { validUntil: '2026-11-22' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.workers.issue', worker(t, { roomId: null }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('visitors.workers.issue', worker(t, { formNo: 'LS000101' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await t.call('visitors.workers.issue', worker(t, { validUntil: '2026-11-29' }))).pass.passNo).toBe('T01-W0000001');
    // a common area with a reason
    expect(
      (await t.call('visitors.workers.issue', worker(t, { roomId: null, commonAreaReason: '地下车库 保洁', zones: [t.buildings.b5] }))).pass,
    ).toMatchObject({ roomId: null, zones: ['5'] });
  });

  it('out, expired (listed for follow-up), returned, lost', async () => {
    const t = await openVisitorsCore({ printer: false });
    const a = await t.call('visitors.workers.issue', worker(t));
    const b = await t.call('visitors.workers.issue', worker(t, { workerName: '王师傅', validUntil: '2026-11-23' }));
    expect((await t.call('visitors.workers.list', {})).map((p) => p.passNo)).toEqual([b.pass.passNo, a.pass.passNo]);
    await t.advance(DAY);
    expect((await t.call('visitors.workers.list', { status: 'expired' })).map((p) => p.passNo)).toEqual([b.pass.passNo]);
    expect((await t.call('visitors.workers.list', { status: 'out' })).map((p) => p.passNo)).toEqual([a.pass.passNo]);
    expect(await t.call('visitors.workers.return', { passNo: b.pass.passNo })).toMatchObject({ status: 'returned' });
    expect(await t.raw('visitors.workers.return', { passNo: b.pass.passNo })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('visitors.workers.lost', { passNo: a.pass.passNo, reason: '工人说丢在工地' })).toMatchObject({
      status: 'lost',
      closeReason: '工人说丢在工地',
    });
    expect(await t.call('visitors.workers.list', { status: 'expired' })).toEqual([]);
    expect((await t.call('visitors.workers.list', { status: 'closed' })).length).toBe(2);
  });
});

describe('pre-printed forms signed for at finance: the stock register balances', () => {
  async function formsCore() {
    const t = await openVisitorsCore({ printer: false, settings: { workerPassMode: 'forms' } });
    await t.call('visitors.forms.receive', { firstNo: 'LS000101', lastNo: 'LS000120', receivedOn: '2026-11-23', signedBy: '王经理', handedOverBy: '孙会计' });
    return t;
  }
  const balance = (r: { received: number; issued: number; inStock: number; void: number; lost: number }) => r.issued + r.inStock + r.void + r.lost;

  it('received = issued + in stock + void + lost, through issue, return, void and loss', async () => {
    const t = await formsCore();
    let reg = await t.call('visitors.forms.register', {});
    expect(reg).toMatchObject({ mode: 'forms', received: 20, inStock: 20, issued: 0, balanced: true, nextInStock: 'LS000101' });
    expect(reg.batches[0]).toMatchObject({
      firstNo: 'LS000101',
      lastNo: 'LS000120',
      count: 20,
      signedBy: '王经理',
      handedOverBy: '孙会计',
      receivedByName: '王经理',
      inStock: 20,
    });

    // a pre-printed form: the number is the form's, nothing is printed
    expect(await t.raw('visitors.workers.issue', worker(t))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const a = await t.call('visitors.workers.issue', worker(t, { formNo: 'ls000101' }));
    expect(a).toMatchObject({ pass: { passNo: 'LS000101', fromForm: true }, printQueued: false });
    expect(await t.raw('visitors.workers.issue', worker(t, { formNo: 'LS000101' }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.raw('visitors.workers.issue', worker(t, { formNo: 'LS000999' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const b = await t.call('visitors.workers.issue', worker(t, { formNo: 'LS000102' }));
    const c = await t.call('visitors.workers.issue', worker(t, { formNo: 'LS000103' }));
    await t.call('visitors.workers.return', { passNo: a.pass.passNo });
    await t.call('visitors.passes.void', { passNo: b.pass.passNo, reason: '填错了单位' });
    await t.call('visitors.workers.lost', { passNo: c.pass.passNo, reason: '工人遗失' });
    await t.call('visitors.forms.writeOff', { formNo: 'LS000110', state: 'void', reason: '打印污损' });
    await t.call('visitors.forms.writeOff', { formNo: 'LS000111', state: 'lost', reason: '盘点不见' });
    expect(await t.raw('visitors.forms.writeOff', { formNo: 'LS000101', state: 'void', reason: '已发出的' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    reg = await t.call('visitors.forms.register', {});
    // issued: 101 (returned); void: 102, 110; lost: 103, 111
    expect(reg).toMatchObject({ received: 20, issued: 1, returned: 1, out: 0, void: 2, lost: 2, inStock: 15, balanced: true, nextInStock: 'LS000104' });
    expect(balance(reg)).toBe(reg.received);
    const states = t.core.need().sql.db.prepare('SELECT state, count(*) AS n FROM pass_forms GROUP BY state ORDER BY state').all();
    expect(states).toEqual([
      { state: 'in_stock', n: 15 },
      { state: 'issued', n: 1 },
      { state: 'lost', n: 2 },
      { state: 'void', n: 2 },
    ]);
  });

  it('a range already received is refused whole; a range must be one prefix and width', async () => {
    const t = await formsCore();
    expect(
      await t.raw('visitors.forms.receive', { firstNo: 'LS000115', lastNo: 'LS000130', receivedOn: '2026-11-23', signedBy: '王经理', handedOverBy: '孙会计' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await t.raw('visitors.forms.receive', { firstNo: 'LS000121', lastNo: 'LT000130', receivedOn: '2026-11-23', signedBy: '王经理', handedOverBy: '孙会计' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(
      await t.raw('visitors.forms.receive', { firstNo: 'LS000130', lastNo: 'LS000121', receivedOn: '2026-11-23', signedBy: '王经理', handedOverBy: '孙会计' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const li = await t.asReceptionist();
    expect(
      await t.raw(
        'visitors.forms.receive',
        { firstNo: 'LS000121', lastNo: 'LS000130', receivedOn: '2026-11-23', signedBy: '王经理', handedOverBy: '孙会计' },
        li,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROLE_REQUIRED' },
    });
    expect((await t.call('visitors.forms.register', {})).received).toBe(20);
  });

  it("the shift's count: a difference needs an explanation; the handover counts the blank forms", async () => {
    const t = await formsCore();
    await t.call('visitors.workers.issue', worker(t, { formNo: 'LS000101' }));
    expect(await t.raw('visitors.forms.count', { counted: 18 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const reg = await t.call('visitors.forms.count', { counted: 18, explanation: 'LS000120 在主管处' });
    expect(reg.lastCount).toMatchObject({ expectedInStock: 19, counted: 18, explanation: 'LS000120 在主管处', operatorName: '王经理' });
    expect((await t.call('visitors.forms.count', { counted: 19 })).lastCount).toMatchObject({ counted: 19 });
    const h = await t.call('handover.summary', {});
    expect(h.visitors).toMatchObject({ available: true, workerOut: 1, formsInStock: 19 });
  });
});
