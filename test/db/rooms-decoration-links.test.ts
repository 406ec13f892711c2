import { describe, expect, it } from 'vitest';
import { openRoomsCore, rowsIn, type RoomsFixture } from '../support/rooms';

/**
 * What a decoration case sets in motion elsewhere: the deposit refunded through 收费 (the deposit less the deductions,
 * never more), workers' passes issued under the case, the contractor's key loans (purpose 装修).
 */

const application = (roomId: number, depositFen: number) => ({
  roomId,
  contractor: '美家装饰',
  personInCharge: '孙师傅',
  contractorPhone: '13500004444',
  startDate: '2026-11-23',
  plannedEnd: '2026-12-20',
  scope: ['walls' as const],
  docs: ['drawings' as const],
  depositFen,
});

const approveRefund = async (t: RoomsFixture, receiptNo: string) =>
  (
    await t.call('auth.approve', {
      username: 'zhao',
      password: 'zhao-pass-123',
      action: 'deposit.refund',
      subject: receiptNo,
      reason: '装修验收合格，退押金',
    })
  ).approvalId;

/** A case approved, its deposit collected through 收费 and linked, works started. */
async function caseUnderWay(t: RoomsFixture, depositFen: number) {
  const c = await t.call('rooms.decoration.apply', application(t.rooms.a, depositFen));
  await t.call('rooms.decoration.review', { caseId: c.id, approve: true }, 'test:1');
  await t.call('cash.open', { count: { '10000': 5 } });
  const item = await t.call('fees.items.save', {
    code: 'ZXYJ',
    name: '装修押金',
    category: 'deposit',
    rule: 'fixed',
    unitPriceFen: depositFen,
    unitLabel: '次',
    refundable: true,
    active: true,
    sort: 1,
  });
  const receipt = await t.call('fees.collect', {
    requestId: 'deco-deposit-0001',
    roomId: t.rooms.a,
    lines: [{ itemId: item.id }],
    payments: [{ method: 'cash', amountFen: depositFen }],
  });
  await t.call('rooms.decoration.deposit', { caseId: c.id, receiptNo: receipt.receiptNo });
  await t.call('rooms.decoration.start', { caseId: c.id });
  return { caseId: c.id, receipt };
}

describe('decoration case links', () => {
  it('refunds the deposit less the deductions through 收费, once, and never the full deposit from the receipt', async () => {
    const t = await openRoomsCore();
    const { caseId, receipt } = await caseUnderWay(t, 200000);
    await t.call('rooms.decoration.patrol', { caseId, violation: true, note: '楼道堆放建筑垃圾', deductionFen: 30000 });
    // a deduction above what is left of the deposit is refused, and nothing is recorded
    expect(await t.raw('rooms.decoration.patrol', { caseId, violation: true, note: '破坏公共墙面', deductionFen: 170001 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('超过押金余额 ￥1,700.00') },
    });
    expect(rowsIn(t, 'SELECT deducted_fen AS n FROM decoration_cases WHERE id = ?', caseId)).toBe(30000);
    // the refund is not yet due: the works are not accepted
    expect(await t.raw('rooms.decoration.refund', { caseId, approvalId: 'x', method: 'cash' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已验收') },
    });
    await t.call('rooms.decoration.finish', { caseId });
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' }, 'test:3');
    await t.call('rooms.decoration.accept', { caseId, pass: true, opinion: '验收合格' }, 'test:3');

    // the deposit receipt cannot be refunded in full from 收费: it belongs to the case
    const full = await t.raw('fees.refundDeposit', {
      receiptId: receipt.id,
      approvalId: await approveRefund(t, receipt.receiptNo),
      reason: '退押金',
      method: 'cash',
    });
    expect(full).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('请在「交房装修」的这份装修申请里退押金') } });
    expect(rowsIn(t, "SELECT count(*) AS n FROM receipts WHERE kind = 'refund'")).toBe(0);

    const done = await t.call('rooms.decoration.refund', { caseId, approvalId: await approveRefund(t, receipt.receiptNo), method: 'cash' });
    expect(done).toMatchObject({ status: 'refunded', depositFen: 200000, deductedFen: 30000, refundableFen: 170000 });
    expect(done.links).toEqual([expect.objectContaining({ kind: 'refund', amountFen: 170000, open: false })]);
    expect(done.events.at(-1)).toMatchObject({ kind: 'refund', amountFen: 170000 });
    // a refunded case is no longer listed as open, and still opens by its id
    expect((await t.call('rooms.decoration.list', {})).map((d) => d.id)).not.toContain(caseId);
    expect(await t.call('rooms.decoration.get', { caseId })).toMatchObject({ status: 'refunded', refundableFen: 170000 });
    // the refund receipt: 收费's reversal of the deposit line, for the deposit less the deduction
    expect(rowsIn(t, "SELECT total_fen AS n FROM receipts WHERE kind = 'refund' AND original_id = ?", receipt.id)).toBe(-170000);
    expect(rowsIn(t, "SELECT sum(p.amount_fen) AS n FROM payments p JOIN receipts r ON r.id = p.receipt_id WHERE r.kind = 'refund'")).toBe(-170000);
    const refundReceipt = await t.call('fees.receipts.get', { id: done.links[0]?.refId ?? 0 });
    expect(refundReceipt).toMatchObject({ kind: 'refund', totalFen: -170000 });
    expect((await t.call('fees.receipts.get', { id: receipt.id })).refundedFen).toBe(170000);
    // once: a second refund (from the case or from 收费) finds nothing to pay back
    expect(await t.raw('rooms.decoration.refund', { caseId, approvalId: 'x', method: 'cash' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const again = await t.raw('fees.refundDeposit', {
      receiptId: receipt.id,
      approvalId: await approveRefund(t, receipt.receiptNo),
      reason: '再退',
      method: 'cash',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(rowsIn(t, "SELECT count(*) AS n FROM receipts WHERE kind = 'refund'")).toBe(1);
  });

  it('a refund without a valid approval changes nothing', async () => {
    const t = await openRoomsCore();
    const { caseId } = await caseUnderWay(t, 100000);
    await t.call('rooms.decoration.finish', { caseId });
    await t.call('auth.login', { username: 'zhao', password: 'zhao-pass-123' }, 'test:3');
    await t.call('rooms.decoration.accept', { caseId, pass: true, opinion: '验收合格' }, 'test:3');
    expect(await t.raw('rooms.decoration.refund', { caseId, approvalId: 'not-an-approval', method: 'cash' })).toMatchObject({ ok: false });
    expect(rowsIn(t, "SELECT count(*) AS n FROM receipts WHERE kind = 'refund'")).toBe(0);
    expect(rowsIn(t, "SELECT count(*) AS n FROM decoration_cases WHERE status = 'accepted'")).toBe(1);
  });

  it('issues workers’ passes for the case’s room, valid no later than the planned end', async () => {
    const t = await openRoomsCore();
    const { caseId } = await caseUnderWay(t, 100000);
    const worker = { company: '美家装饰', workerName: '陈师傅', phone: '13500001111', docType: 'id_card' as const, docLast4: '4321', validFrom: '2026-11-23' };
    const late = await t.raw('rooms.decoration.workerPass', { caseId, pass: { ...worker, validUntil: '2026-12-21' } });
    expect(late).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('不能晚于计划完工日 2026-12-20') } });
    expect(rowsIn(t, "SELECT count(*) AS n FROM pass_issues WHERE kind = 'worker'")).toBe(0);

    const issued = await t.call('rooms.decoration.workerPass', { caseId, pass: { ...worker, validUntil: '2026-11-30' } });
    expect(issued.pass).toMatchObject({ kind: 'worker', roomId: t.rooms.a, roomCode: '3-2-501', company: '美家装饰' });
    const c = (await t.call('rooms.decoration.list', {})).find((d) => d.id === caseId);
    expect(c?.links).toEqual([expect.objectContaining({ kind: 'worker_pass', label: issued.pass.passNo, who: '美家装饰', open: true })]);
    // handed back at the visitors area: the case shows it closed
    await t.call('visitors.workers.return', { passNo: issued.pass.passNo });
    expect((await t.call('rooms.decoration.list', {})).find((d) => d.id === caseId)?.links[0]?.open).toBe(false);
  });

  it('lends the contractor a key of the case’s room (purpose 装修), never another room’s', async () => {
    const t = await openRoomsCore();
    const { caseId } = await caseUnderWay(t, 100000);
    const own = await t.call('keys.save', { kind: 'vacant', label: '501 大门', roomId: t.rooms.a });
    const other = await t.call('keys.save', { kind: 'vacant', label: '502 大门', roomId: t.rooms.b });
    const loan = { borrowerName: '孙师傅', idChecked: '身份证 尾号4321', dueAt: '2026-11-23T10:00:00.000Z' };
    const refused = await t.raw('rooms.decoration.keyLoan', { caseId, loan: { ...loan, keyId: other.id } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('不是房间 3-2-501 的') } });
    expect(rowsIn(t, 'SELECT count(*) AS n FROM key_loans')).toBe(0);

    const lent = await t.call('rooms.decoration.keyLoan', { caseId, loan: { ...loan, keyId: own.id } });
    expect(lent).toMatchObject({ keyTag: own.tag, purpose: 'renovation', borrowerType: 'contractor', company: '美家装饰', borrowerMasked: '孙**' });
    const c = (await t.call('rooms.decoration.list', {})).find((d) => d.id === caseId);
    expect(c?.links).toEqual([expect.objectContaining({ kind: 'key_loan', label: own.tag, who: '孙**', open: true })]);
  });
});
