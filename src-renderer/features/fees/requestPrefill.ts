import type { FeeItemView } from '@shared/contract';
import { newLine, type LineDraft } from './lines';
import type { CollectRequest } from './collectRequest';
import type { Payer } from './room';

export type PrefillNote = { kind: 'noItem' } | { kind: 'priceDiffers'; unitFen: number } | null;

/**
 * What a request fills in on the collect screen: the room as payer (its resident's name is looked up after)
 * and one line of the item, carrying the amount owed: typed into an amount-as-entered item, or as the
 * quantity of a fixed-price item. When the catalogue cannot carry the amount exactly the note says so.
 */
export function prefillOf(req: CollectRequest, items: FeeItemView[]): { payer: Payer; lines: LineDraft[]; note: PrefillNote } {
  const payer: Payer = { kind: 'room', roomId: req.roomId, roomCode: req.roomCode, name: '' };
  const item = req.itemId === null ? undefined : items.find((i) => i.id === req.itemId);
  if (!item) return { payer, lines: [], note: { kind: 'noItem' } };
  const line = newLine(item);
  if (item.rule === 'amount') return { payer, lines: [{ ...line, amount: (req.amountFen / 100).toFixed(2) }], note: null };
  if (item.rule === 'fixed' && item.unitPriceFen > 0 && req.amountFen > 0 && req.amountFen % item.unitPriceFen === 0)
    return { payer, lines: [{ ...line, quantity: String(req.amountFen / item.unitPriceFen) }], note: null };
  return { payer, lines: [line], note: { kind: 'priceDiffers', unitFen: item.unitPriceFen } };
}
