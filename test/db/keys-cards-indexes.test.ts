import { describe, expect, it } from 'vitest';
import { planStore } from '../support/plans';
import * as cards from '../../src-main/features/cards/cards.repo';
import * as keys from '../../src-main/features/keys/keys.repo';

/** Card lookups and the overdue key list must use their indexes, never scan every card or loan. */
describe('keys and cards query plans', () => {
  const { sql, planOf } = planStore();

  it.each([
    ['lookup by keys', () => cards.cardsByKeys(sql, ['6f6c3a', '6f6c3b']), /SEARCH c USING INDEX cards_key/],
    ['cards holding a number', () => cards.holdingCards(sql, '6f6c3a'), /SEARCH c USING INDEX cards_key/],
    ['cards of a room', () => cards.listCards(sql, { roomId: 1, limit: 10 }), /USING INDEX cards_room/],
    ['overdue key loans', () => keys.overdueLoans(sql, '2026-11-23T00:00:00Z'), /SEARCH l USING INDEX key_loans_open_due/],
    ['open loan of a key', () => keys.openLoanOfKey(sql, 1), /SEARCH l USING INDEX key_loans_(one_open|key)/],
  ])('%s', (_name, run, plan) => {
    const p = planOf(run);
    expect(p).toMatch(plan);
    expect(p).not.toMatch(/SCAN (c|l)\b(?! USING)/);
  });
});
