import type { CardStatus, CardType, CardView } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const CARD_STATUS: Record<CardStatus, MsgKey> = {
  active: 'cards.status.active',
  lost: 'cards.status.lost',
  blacklisted: 'cards.status.blacklisted',
  returned: 'cards.status.returned',
};
export const CARD_TYPE: Record<CardType, MsgKey> = { access: 'cards.type.access', function: 'cards.type.function' };
export const MOVE: Record<'in' | 'out' | 'issue' | 'return' | 'count', MsgKey> = { in: 'cards.move.in', out: 'cards.move.out', issue: 'cards.move.issue', return: 'cards.move.return', count: 'cards.move.count' };

/**
 * 补卡 is offered for a card in use (damaged, or lost and reported at the counter in one go) and for a card
 * reported lost that has not been replaced yet (the holder comes back for a new one). Never for a card
 * already replaced, one blacklisted by a supervisor, or one returned. A lost card presented at the reader
 * is refused, not replaced there: whoever holds it is not necessarily its holder.
 */
export const canReplace = (c: CardView, presented = false): boolean =>
  c.replacedById === null && (c.status === 'active' || (c.status === 'lost' && !presented));
