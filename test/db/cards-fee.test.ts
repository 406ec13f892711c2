import { describe, expect, it } from 'vitest';
import { openKeysCardsCore, type KeysCardsFixture } from '../support/keys-cards';

/** Linking the receipt that collected a replacement fee: only a receipt that really collected it settles it. */

async function replaced(t: KeysCardsFixture, number: string, old = '0040856634') {
  const c = await t.call('cards.issue', { number: old, roomId: t.rooms.a, residentId: t.residentA, holderName: '张伟', type: 'access' });
  return t.call('cards.replace', { cardId: c.id, number, reason: '卡片损坏' });
}

let seq = 0;
const collect = (t: KeysCardsFixture, roomId: number, lines: { itemId: number; quantity?: number }[], amountFen: number) =>
  t.call('fees.collect', { requestId: `card-fee-test-${++seq}`, roomId, lines, payments: [{ method: 'cash', amountFen }] });

async function prepared() {
  const t = await openKeysCardsCore();
  await t.call('cash.open', { count: { '10000': 5 } });
  const other = await t.call('fees.items.save', {
    code: 'WY',
    name: '物业费',
    category: 'property',
    rule: 'fixed',
    unitPriceFen: 5000,
    unitLabel: '月',
    refundable: false,
    active: true,
    sort: 1,
  });
  return { t, other };
}

describe('settling a replacement fee with a receipt', () => {
  it('refuses a receipt of the same room that collected no card fee (a property-fee receipt)', async () => {
    const { t, other } = await prepared();
    const r = await replaced(t, '0012345678');
    const receipt = await collect(t, t.rooms.a, [{ itemId: other.id }], 5000);
    const e = await t.raw('cards.settleFee', { cardId: r.card.id, receiptNo: receipt.receiptNo });
    expect(e).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(e)).toContain('没有补卡费');
    expect((await t.call('cards.owedFees', {})).map((f) => f.cardId)).toEqual([r.card.id]);
  });

  it('one card-fee line settles one card: the same receipt is refused for a second card', async () => {
    const { t } = await prepared();
    const first = await replaced(t, '0012345678');
    const second = await replaced(t, '0012345680', '0040856635');
    const receipt = await collect(t, t.rooms.a, [{ itemId: first.fee?.itemId as number }], 2000);
    expect(await t.call('cards.settleFee', { cardId: first.card.id, receiptNo: receipt.receiptNo })).toMatchObject({
      feeOwedFen: 0,
      feeReceiptNo: receipt.receiptNo,
    });
    const e = await t.raw('cards.settleFee', { cardId: second.card.id, receiptNo: receipt.receiptNo });
    expect(e).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(e)).toContain('已登记给其他卡');
    // a line of two settles both
    const third = await replaced(t, '0012345690', '0040856636');
    const both = await collect(t, t.rooms.a, [{ itemId: first.fee?.itemId as number, quantity: 2 }], 4000);
    await t.call('cards.settleFee', { cardId: second.card.id, receiptNo: both.receiptNo });
    await t.call('cards.settleFee', { cardId: third.card.id, receiptNo: both.receiptNo });
    expect(await t.call('cards.owedFees', {})).toEqual([]);
  });

  it('refuses a receipt that collected less than the fee owed', async () => {
    const { t } = await prepared();
    const c = await t.call('cards.issue', { number: '0040856634', roomId: t.rooms.a, holderName: '张伟', type: 'access' });
    const r = await t.call('cards.replace', { cardId: c.id, number: '0012345678', reason: '卡片损坏', feeFen: 3000 });
    const receipt = await collect(t, t.rooms.a, [{ itemId: r.fee?.itemId as number }], 2000);
    const e = await t.raw('cards.settleFee', { cardId: r.card.id, receiptNo: receipt.receiptNo });
    expect(e).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(e)).toContain('少于应收');
  });
});
