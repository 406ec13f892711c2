import type { cardsContract } from '@shared/contract/cards';
import { actor, type HandlersOf } from '../../ipc/handle';
import type { CardsService } from './cards.service';

/** Access and function card channels → the cards service. */
export function cardsHandlers(cards: CardsService): HandlersOf<typeof cardsContract> {
  return {
    'cards.list': (i) => cards.list(i),
    'cards.lookup': (i) => cards.lookup(i.number),
    'cards.issue': (i, ctx) => cards.issue(i, actor(ctx)),
    'cards.replace': (i, ctx) => cards.replace(i.cardId, i.number, i.reason, i.feeFen, actor(ctx)),
    'cards.reportLost': (i, ctx) => cards.reportLost(i.cardId, i.note, actor(ctx)),
    'cards.blacklist': (i, ctx) => cards.blacklist(i.cardId, i.reason, actor(ctx)),
    'cards.return': (i, ctx) => cards.returnCard(i.cardId, i.depositNote, i.restock, actor(ctx)),
    'cards.settleFee': (i, ctx) => cards.settleFee(i.cardId, i.receiptNo, actor(ctx)),
    'cards.owedFees': () => cards.owedFees(),
    'cards.stock': () => cards.stock(),
    'cards.stockMove': (i, ctx) => cards.stockMove(i.cardType, i.kind, i.quantity, i.reason, actor(ctx)),
    'cards.stockCount': (i, ctx) => cards.stockCount(i.cardType, i.counted, i.reason, actor(ctx)),
    'cards.daySummary': (i) => cards.daySummary(i.date),
  };
}
