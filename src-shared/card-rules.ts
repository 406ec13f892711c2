import type { CardView } from './contract';

/**
 * 补卡 is offered for a card in use (damaged, or lost and reported at the counter in one go) and for a card
 * reported lost that has not been replaced yet (the holder comes back for a new one). Never for a card
 * already replaced, one blacklisted by a supervisor, or one returned. A lost card presented at the reader
 * is refused, not replaced there: whoever holds it is not necessarily its holder. The core refuses the same
 * cases (cards.service replace), so a call straight to the channel meets the same rule.
 */
export const canReplace = (c: Pick<CardView, 'replacedById' | 'status'>, presented = false): boolean =>
  c.replacedById === null && (c.status === 'active' || (c.status === 'lost' && !presented));
