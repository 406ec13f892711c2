import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { openKeysCardsCore } from '../support/keys-cards';

const issue = (t: Awaited<ReturnType<typeof openKeysCardsCore>>, number: string, clientId?: string) =>
  t.raw('cards.issue', { number, roomId: t.rooms.a, residentId: t.residentA, holderName: '张伟', type: 'access' }, clientId);

describe('blank-card stock is a true count of physical blanks', () => {
  it('with none on record, issuing and replacing are refused (saying a supervisor records the stock found); the count puts it right', async () => {
    const t = await openKeysCardsCore({ blanks: false });
    const refused = await issue(t, '0040856634');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { cardType: 'access', onHand: 0 } } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('0 张');
      expect(refused.error.message).toContain('主管');
      expect(refused.error.message).toContain('盘点');
    }
    // nothing was written: no card, no stock move
    expect(await t.call('cards.lookup', { number: '0040856634' })).toEqual([]);
    expect(await t.call('cards.stock', {})).toMatchObject({ onHand: { access: 0, function: 0 }, moves: [] });

    // a receptionist cannot set the record; a supervisor (here the admin) records the blanks found
    const li = await t.asReceptionist();
    expect(await t.raw('cards.stockCount', { cardType: 'access', counted: 2, reason: '抽屉里找到两张' }, li)).toMatchObject({
      ok: false,
      error: { code: 'ROLE_REQUIRED' },
    });
    expect(await t.raw('cards.stockCount', { cardType: 'access', counted: 2, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const counted = await t.call('cards.stockCount', { cardType: 'access', counted: 2, reason: '抽屉里找到两张' });
    expect(counted).toMatchObject({ adjustment: 2, recorded: 0, stock: { onHand: { access: 2, function: 0 } } });
    expect(counted.stock.moves[0]).toMatchObject({ kind: 'count', quantity: 2, cardType: 'access', operatorName: '王经理' });
    expect(counted.stock.moves[0]?.reason).toContain('抽屉里找到两张');

    // issue one, replace it: the two blanks are used; a third card is refused again, and nothing goes below zero
    const c = await issue(t, '0040856634', li);
    if (!c.ok) throw new Error(c.error.message);
    const card = c.value as { id: number };
    await t.call('cards.replace', { cardId: card.id, number: '0012345678', reason: '卡片损坏' }, li);
    expect((await t.call('cards.stock', {})).onHand.access).toBe(0);
    const again = await t.raw('cards.issue', { number: '0000000777', roomId: t.rooms.b, holderName: '李四', type: 'access' }, li);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const summary = await t.call('handover.summary', {});
    expect(summary.cards).toMatchObject({ available: true, blankAccess: 0, blankFunction: 0 });
    expect((await t.call('cards.daySummary', { date: '2026-11-23' })).stockOnHand).toBe(0);
    // a count that agrees books nothing but is audited
    const same = await t.call('cards.stockCount', { cardType: 'access', counted: 0, reason: '交接班盘点' });
    expect(same.adjustment).toBe(0);
    expect(same.stock.moves.filter((m) => m.kind === 'count')).toHaveLength(1);
    const sql = t.core.need().sql;
    const audits = sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'card_stock.count' ORDER BY seq").all() as Array<{ detail: string }>;
    expect(audits.map((a) => JSON.parse(a.detail) as Record<string, unknown>)).toEqual([
      { cardType: 'access', recorded: 0, counted: 2, adjustment: 2, reason: '抽屉里找到两张' },
      { cardType: 'access', recorded: 0, counted: 0, adjustment: 0, reason: '交接班盘点' },
    ]);
    expect(verifyChain(sql).ok).toBe(true);
  });

  it('a record below zero (written before issuing checked the stock) never shows as a negative: it needs a count, which sets it', async () => {
    const t = await openKeysCardsCore({ blanks: false });
    const sql = t.core.need().sql;
    // what an older store holds after one card and one replacement with no stock received
    const legacy = sql.db.prepare(
      "INSERT INTO card_stock_moves (card_type, kind, quantity, reason, card_id, operator_id, at) VALUES ('access', 'issue', -1, ?, NULL, 1, '2026-11-22T02:00:00.000Z')",
    );
    legacy.run('发卡');
    legacy.run('补卡');
    // a handover made then froze the negative count in its summary (in the summary's shape of that time)
    const old = {
      at: '2026-11-22T08:00:00.000Z',
      cash: { available: true, open: false, operatorName: null, floatFen: null, receipts: 0, openedAt: null },
      keys: { available: true, out: 0, overdue: 0, onBoard: 0 },
      cards: { available: true, blankAccess: -2, blankFunction: 0 },
      parcels: { available: true, inStock: 0, overdue: 0, overdueDays: 3 },
      requests: { available: true, open: 0, late: 0, toCallBack: 0 },
    };
    sql.db
      .prepare("INSERT INTO handovers (from_operator_id, created_at, summary, notes) VALUES (1, '2026-11-22T08:00:00.000Z', ?, '')")
      .run(JSON.stringify(old));

    expect((await t.call('cards.stock', {})).onHand).toEqual({ access: null, function: 0 });
    expect((await t.call('handover.summary', {})).cards).toMatchObject({ blankAccess: null });
    const past = (await t.call('handover.list', {}))[0]?.summary;
    expect(past?.cards).toMatchObject({ blankAccess: null });
    expect(past?.cash).toMatchObject({ closed: [], since: null });
    expect((await t.call('cards.daySummary', { date: '2026-11-23' })).stockOnHand).toBe(0);
    const refused = await issue(t, '0040856634');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toContain('需要盘点');
    expect(await t.raw('cards.stockMove', { cardType: 'access', kind: 'out', quantity: 1, reason: '损坏报废' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const counted = await t.call('cards.stockCount', { cardType: 'access', counted: 4, reason: '盘点发现记录不符' });
    expect(counted).toMatchObject({ adjustment: 6, recorded: null, stock: { onHand: { access: 4 } } });
    expect(counted.stock.moves[0]?.reason).toContain('实点 4 张');
    expect((await issue(t, '0040856634')).ok).toBe(true);
    expect((await t.call('cards.stock', {})).onHand.access).toBe(3);
  });
});
