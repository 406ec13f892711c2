/** Fees: printing receipts (after the commit, out of paper, attempts, previews) and a restart mid-print. */
import { describe, expect, it } from 'vitest';
import { openFeesCore, FLOAT_500, type FeesFixture } from '../support/fees';

let n = 0;
const rid = () => `req-${Date.now()}-${++n}`;

async function openSession(t: FeesFixture) {
  return t.call('cash.open', { count: FLOAT_500 });
}

const propertyFee3Months = (t: FeesFixture) => ({ itemId: t.items.property, months: 3, from: '2026-01' });

describe('printing', () => {
  it('prints the receipt after the commit, kicks the drawer for cash, and marks reprints as copies', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: t.roomId,
      lines: [propertyFee3Months(t)],
      payments: [{ method: 'cash', amountFen: 67125, receivedFen: 70000 }],
    });
    await t.settle();
    expect(t.printer.documents).toHaveLength(1);
    expect(t.printer.drawerKicks).toBe(1);
    const text = t.printedText()[0] ?? '';
    expect(text).toContain('阳光花园');
    expect(text).toContain('陆佰柒拾壹元贰角伍分');
    expect(text).toContain(r.receiptNo);
    expect((await t.call('fees.receipts.get', { id: r.id })).printState).toBe('done');
    const again = await t.call('fees.receipts.reprint', { id: r.id });
    await t.settle();
    expect(again.copies).toBe(1);
    expect(t.printer.documents).toHaveLength(2);
    expect(t.printedText()[1]).toContain('补打 / 副本 1');
    expect(t.printer.drawerKicks).toBe(1);
    const log = t.core.need().db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'receipt.reprint'").get() as { n: number };
    expect(log.n).toBe(1);
  });

  it('a receipt taken while the printer is out of paper prints once when it is back', async () => {
    const t = await openFeesCore();
    await openSession(t);
    t.printer.failNext(2, 'PAPER_OUT');
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy }],
      payments: [{ method: 'wechat', amountFen: 50, reference: '1345678901' }],
    });
    await t.settle();
    expect((await t.call('fees.receipts.get', { id: r.id })).printState).toBe('pending');
    expect((await t.call('fees.receipts.get', { id: r.id })).printError).toContain('缺纸');
    for (let i = 0; i < 3; i++) {
      t.clock.advance(61_000);
      await t.settle();
    }
    expect(t.printer.documents).toHaveLength(1);
    expect((await t.call('fees.receipts.get', { id: r.id })).printState).toBe('done');
  });

  it('gives up after its attempts and waits for 重新打印', async () => {
    const t = await openFeesCore();
    await openSession(t);
    t.printer.failNext(100, 'OFFLINE');
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy }],
      payments: [{ method: 'cash', amountFen: 50 }],
    });
    for (let i = 0; i < 10; i++) {
      t.clock.advance(61_000);
      await t.settle();
    }
    expect((await t.call('fees.receipts.get', { id: r.id })).printState).toBe('failed');
    const open = await t.call('print.jobs.open', {});
    expect(open).toHaveLength(1);
    (t.printer as unknown as { failures: unknown[] }).failures = [];
    await t.call('print.jobs.retry', { id: open[0]?.id as number });
    await t.settle();
    expect(t.printer.documents).toHaveLength(1);
    expect(t.printedText()[0]).not.toContain('补打');
  });

  it('without a printer nothing is queued and the receipt can be previewed', async () => {
    const t = await openFeesCore({ printer: false });
    await openSession(t);
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy }],
      payments: [{ method: 'cash', amountFen: 50 }],
    });
    expect(r.printState).toBe('not-configured');
    const p = await t.call('fees.receipts.preview', { id: r.id });
    expect(p.svg).toContain('<svg');
    expect(t.printer.documents).toHaveLength(0);
  });
});

describe('restart', () => {
  it('a receipt that was being sent when the app stopped is shown as interrupted; 重新打印 prints a marked copy, never a new charge', async () => {
    const t = await openFeesCore();
    await openSession(t);
    const r = await t.call('fees.collect', {
      requestId: rid(),
      roomId: null,
      lines: [{ itemId: t.items.copy }],
      payments: [{ method: 'cash', amountFen: 50 }],
    });
    // simulate a crash between "sending" and "sent"
    const db = t.core.need().db;
    db.prepare("UPDATE print_jobs SET status = 'printing' WHERE receipt_id = ?").run(r.id);
    await t.core.close();
    const { openTestCore } = await import('../support/core');
    const again = await openTestCore(t.dataDir, t.clock, { printerPort: () => t.printer });
    await again.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    const view = await again.call('fees.receipts.get', { id: r.id });
    expect(view.printState).toBe('interrupted');
    const receipts = again.core.need().db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number };
    expect(receipts.n).toBe(1);
    const [job] = await again.call('print.jobs.open', {});
    await again.call('print.jobs.retry', { id: job?.id as number });
    for (let i = 0; i < 20; i++) {
      await again.core.need().print.drain();
      await new Promise((res) => setImmediate(res));
    }
    const text = t.printedText().at(-1) ?? '';
    expect(text).toContain('补打 / 副本 1');
  });
});
