import type { CardStatus, CardType } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const CARD_STATUS: Record<CardStatus, MsgKey> = {
  active: 'cards.status.active',
  lost: 'cards.status.lost',
  blacklisted: 'cards.status.blacklisted',
  returned: 'cards.status.returned',
};
export const CARD_TYPE: Record<CardType, MsgKey> = { access: 'cards.type.access', function: 'cards.type.function' };
export const MOVE: Record<'in' | 'out' | 'issue' | 'return' | 'count', MsgKey> = {
  in: 'cards.move.in',
  out: 'cards.move.out',
  issue: 'cards.move.issue',
  return: 'cards.move.return',
  count: 'cards.move.count',
};

export { canReplace } from '@shared/card-rules';
