import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { FIXTURE_BLANKS, openKeysCardsCore, type KeysCardsFixture } from '../support/keys-cards';

// a worked example: one card, as different readers print it
const DEC10 = '0040856634';
const FORMS = { hex10: '01026F6C3A', hex8: '026F6C3A', dec8: '07302202', w26: '111,27706', dec10: DEC10 };

const issueA = (t: KeysCardsFixture, number = DEC10) =>
  t.call('cards.issue', { number, roomId: t.rooms.a, residentId: t.residentA, holderName: '张伟', type: 'access', depositFen: 5000, validUntil: '2027-12-31' });

async function errorOf(p: Promise<{ ok: boolean; error?: { code: string; message: string; params?: Record<string, unknown> } }>) {
  const r = (await p) as { ok: false; error: { code: string; message: string; params?: Record<string, unknown> } };
  expect(r.ok).toBe(false);
  return r.error;
}

describe('issuing cards', () => {
  it('stores the number as read with its match key and finds it by any format', async () => {
    const t = await openKeysCardsCore();
    const c = await issueA(t);
    expect(c).toMatchObject({ raw: DEC10, format: 'dec10', key: '6f6c3a', roomCode: '3-2-501', holderMasked: '张*', status: 'active', depositFen: 5000 });
    expect(c.forms).toMatchObject({ dec8: '07302202', w26: '111,27706', hex8: '026F6C3A' });
    for (const n of Object.values(FORMS))
      expect(
        (await t.call('cards.lookup', { number: n })).map((x) => x.id),
        n,
      ).toEqual([c.id]);
    expect(await t.call('cards.lookup', { number: '07302203' })).toEqual([]);
  });

  it('refuses a card bound elsewhere, naming the room and the masked holder, whatever format it is read in', async () => {
    const t = await openKeysCardsCore();
    await issueA(t);
    const e = await errorOf(t.raw('cards.issue', { number: FORMS.w26, roomId: t.rooms.b, holderName: '李四', type: 'access' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('3-2-501');
    expect(e.message).toContain('张*');
    expect(e.message).not.toContain('张伟');
    expect(e.params).toMatchObject({ roomCode: '3-2-501', holder: '张*', status: 'active' });
  });

  it('a card read by the site reader in its format (W26 site) is the same card as the dec10 one', async () => {
    const t = await openKeysCardsCore();
    await t.call('cardReader.settings.save', { kind: 'keyboard-wedge', format: 'w26' });
    const c = await t.call('cards.issue', { number: '11127706', roomId: t.rooms.a, holderName: '张伟', type: 'access' });
    expect(c).toMatchObject({ format: 'w26', key: '6f6c3a' });
    expect((await t.call('cards.lookup', { number: DEC10 })).map((x) => x.id)).toEqual([c.id]);
  });

  it('lost → blacklisted at once → refused for another room (and for the same room)', async () => {
    const t = await openKeysCardsCore();
    const c = await issueA(t);
    const lost = await t.call('cards.reportLost', { cardId: c.id, note: '业主电话挂失' });
    expect(lost.status).toBe('lost');
    const e = await errorOf(t.raw('cards.issue', { number: FORMS.hex8, roomId: t.rooms.b, holderName: '李四', type: 'access' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('黑名单');
    expect(e.params).toMatchObject({ roomCode: '3-2-501', status: 'lost' });
    expect(await t.raw('cards.issue', { number: DEC10, roomId: t.rooms.a, holderName: '张伟', type: 'access' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.raw('cards.reportLost', { cardId: c.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('replace: old card blacklisted, new one to the same room and holder, fee owed from the catalogue, settled by a receipt', async () => {
    const t = await openKeysCardsCore();
    const c = await issueA(t);
    const r = await t.call('cards.replace', { cardId: c.id, number: '0012345678', reason: '卡片损坏' });
    expect(r.old).toMatchObject({ status: 'blacklisted', replacedById: r.card.id });
    expect(r.card).toMatchObject({ roomCode: '3-2-501', holderMasked: '张*', replacesId: c.id, feeOwedFen: 2000, depositFen: 5000, status: 'active' });
    expect(r.fee).toMatchObject({ amountFen: 2000, itemCode: 'BK', itemName: '门禁卡补办', roomCode: '3-2-501' });
    expect((await t.call('cards.owedFees', {})).map((f) => f.cardId)).toEqual([r.card.id]);
    // the old number is refused from now on
    expect(await t.raw('cards.issue', { number: DEC10, roomId: t.rooms.b, holderName: '李四', type: 'access' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // collect through fees, then link the receipt
    expect(await t.raw('cards.settleFee', { cardId: r.card.id, receiptNo: 'T01-00000001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await t.call('cash.open', { count: { '10000': 5 } });
    const receipt = await t.call('fees.collect', {
      requestId: 'card-fee-0001',
      roomId: t.rooms.a,
      lines: [{ itemId: r.fee?.itemId as number }],
      payments: [{ method: 'cash', amountFen: 2000 }],
    });
    const settled = await t.call('cards.settleFee', { cardId: r.card.id, receiptNo: receipt.receiptNo });
    expect(settled).toMatchObject({ feeOwedFen: 0, feeReceiptNo: receipt.receiptNo });
    expect(await t.call('cards.owedFees', {})).toEqual([]);
  });

  it('return with deposit note frees the number for another room; stock counts blank cards in and out', async () => {
    const t = await openKeysCardsCore();
    await t.call('cards.stockMove', { cardType: 'access', kind: 'in', quantity: 50, reason: '采购入库' });
    const c = await issueA(t);
    expect((await t.call('cards.stock', {})).onHand.access).toBe(FIXTURE_BLANKS.access + 49);
    const back = await t.call('cards.return', { cardId: c.id, depositNote: '押金 ￥50.00 已退（收据 T01-00000003）', restock: true });
    expect(back).toMatchObject({ status: 'returned', closeNote: '押金 ￥50.00 已退（收据 T01-00000003）' });
    expect((await t.call('cards.stock', {})).onHand.access).toBe(FIXTURE_BLANKS.access + 50);
    const again = await t.call('cards.issue', { number: DEC10, roomId: t.rooms.b, holderName: '李四', type: 'access' });
    expect(again.roomCode).toBe('3-2-502');
    expect(await t.raw('cards.stockMove', { cardType: 'function', kind: 'out', quantity: FIXTURE_BLANKS.function + 1, reason: '损坏报废' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('records card events for the nightly summary (counts only) and audits every change without names', async () => {
    const t = await openKeysCardsCore();
    const c = await issueA(t);
    const f = await t.call('cards.issue', { number: '0000000777', roomId: t.rooms.b, holderName: '李四', type: 'function', functionName: '中水卡' });
    expect(f).toMatchObject({ type: 'function', functionName: '中水卡' });
    await t.call('cards.replace', { cardId: c.id, number: '0012345678', reason: '磁条损坏' });
    await t.call('cards.reportLost', { cardId: f.id });
    const s = await t.call('cards.daySummary', { date: '2026-11-23' });
    expect(s).toMatchObject({ issued: 2, replaced: 1, lost: 1, blacklisted: 1, returned: 0, activeTotal: 1, blacklistTotal: 2 });
    const sql = t.core.need().sql;
    const details = (sql.db.prepare("SELECT detail FROM audit_log WHERE entity = 'card'").all() as Array<{ detail: string }>).map((r) => r.detail).join();
    expect(details).not.toMatch(/张伟|李四/);
    expect(verifyChain(sql).ok).toBe(true);
  });
});

describe('card reader', () => {
  it('reads on the fake reader reach lastRead with a sequence; the status bar shows the reader', async () => {
    const t = await openKeysCardsCore();
    expect((await t.call('system.status', {})).devices.cardReader.state).toBe('not-configured');
    await t.call('cardReader.settings.save', { kind: 'keyboard-wedge', format: 'dec10' });
    expect((await t.call('system.status', {})).devices.cardReader.state).toBe('ok');
    expect(await t.call('cardReader.lastRead', { afterSeq: 0 })).toEqual({ seq: 0, read: null });
    t.reader.present(DEC10);
    const r = await t.call('cardReader.lastRead', { afterSeq: 0 });
    expect(r.seq).toBe(1);
    expect(r.read).toMatchObject({ ok: true, raw: DEC10, key: '6f6c3a', format: 'dec10' });
    expect(await t.call('cardReader.lastRead', { afterSeq: 1 })).toEqual({ seq: 1, read: null });
    t.reader.setState('unplugged');
    expect((await t.call('system.status', {})).devices.cardReader).toMatchObject({ state: 'offline' });
    t.reader.present('xyz');
    expect((await t.call('cardReader.lastRead', { afterSeq: 1 })).read).toMatchObject({ ok: false });
  });

  it('records raw reports for diagnostics', async () => {
    const t = await openKeysCardsCore();
    await t.call('cardReader.record', { action: 'start' });
    const rec = await t.call('cardReader.record', { action: 'stop' });
    expect(rec).toMatchObject({ recording: false, count: 0 });
    expect(rec.text).toContain('# LobbyDesk HID recording v1');
  });
});
