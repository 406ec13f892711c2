import { describe, expect, it } from 'vitest';
import type { CardView } from '@shared/contract';
import { canReplace } from '@shared/card-rules';
import { FIXTURE_BLANKS, openKeysCardsCore, type KeysCardsFixture } from '../support/keys-cards';

/**
 * 补卡 is offered for a card in use and for a lost card not yet replaced; never for one already replaced,
 * blacklisted by a supervisor, or returned. The core holds the rule (a call straight to the channel is refused
 * too), and the screen offers the button exactly where the core accepts.
 */
let serial = 100;
const nextNumber = () => String(++serial).padStart(10, '0');

const issue = (t: KeysCardsFixture) =>
  t.call('cards.issue', { number: nextNumber(), roomId: t.rooms.a, residentId: t.residentA, holderName: '张伟', type: 'access', depositFen: 5000 });
const view = async (t: KeysCardsFixture, id: number): Promise<CardView> => {
  const c = (await t.call('cards.list', { roomId: t.rooms.a })).find((x) => x.id === id);
  if (!c) throw new Error(`card ${id} not listed`);
  return c;
};

/** A card of the room in each state the counter can meet. */
async function cardsInEveryState(t: KeysCardsFixture): Promise<Record<string, number>> {
  const active = (await issue(t)).id;
  const lost = (await t.call('cards.reportLost', { cardId: (await issue(t)).id, note: '业主电话挂失' })).id;
  const blacklisted = (await t.call('cards.blacklist', { cardId: (await issue(t)).id, reason: '物业拉黑：欠费停用' })).id;
  const returned = (await t.call('cards.return', { cardId: (await issue(t)).id, restock: false })).id;
  const replaced = (await t.call('cards.replace', { cardId: (await issue(t)).id, number: nextNumber(), reason: '卡片损坏' })).old.id;
  const lostThenReplaced = (await t.call('cards.reportLost', { cardId: (await issue(t)).id })).id;
  await t.call('cards.replace', { cardId: lostThenReplaced, number: nextNumber(), reason: '丢失补办' });
  return { active, lost, blacklisted, returned, replaced, lostThenReplaced };
}

describe('补卡: the core refuses what the screen does not offer', () => {
  it('a card a supervisor blacklisted (never replaced) is refused with what to do instead; nothing changes, no blank is taken', async () => {
    const t = await openKeysCardsCore();
    const c = await issue(t);
    await t.call('cards.blacklist', { cardId: c.id, reason: '物业拉黑：欠费停用' });
    const stock = (await t.call('cards.stock', {})).onHand.access;
    const before = await view(t, c.id);
    const r = await t.raw('cards.replace', { cardId: c.id, number: nextNumber(), reason: '业主要求补办' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const message = (r as { error: { message: string } }).error.message;
    expect(message).toContain('主管列入黑名单');
    expect(message).toContain('「发卡」');
    expect(await view(t, c.id)).toEqual(before);
    expect((await t.call('cards.stock', {})).onHand.access).toBe(stock);
    expect((await t.call('cards.list', { roomId: t.rooms.a })).filter((x) => x.status === 'active')).toEqual([]);
  });

  it('for every state of a card, the core accepts 补卡 exactly when the screen offers it', async () => {
    const t = await openKeysCardsCore();
    expect(FIXTURE_BLANKS.access).toBeGreaterThan(10);
    const ids = await cardsInEveryState(t);
    const outcome: Record<string, { offered: boolean; accepted: boolean }> = {};
    for (const [state, id] of Object.entries(ids)) {
      const offered = canReplace(await view(t, id));
      const r = await t.raw('cards.replace', { cardId: id, number: nextNumber(), reason: '核对补卡规则' });
      outcome[state] = { offered, accepted: r.ok };
    }
    expect(outcome).toEqual({
      active: { offered: true, accepted: true },
      lost: { offered: true, accepted: true },
      blacklisted: { offered: false, accepted: false },
      returned: { offered: false, accepted: false },
      replaced: { offered: false, accepted: false },
      lostThenReplaced: { offered: false, accepted: false },
    });
  });
});
