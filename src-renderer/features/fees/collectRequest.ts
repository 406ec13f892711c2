import { useSyncExternalStore } from 'react';
import type { ReceiptView } from '@shared/contract';
import type { AreaId } from '../../app/areas';
import type { MsgKey } from '../../app/i18n/dict';
import type { Params } from '../../app/i18n/I18n';

/**
 * A charge another screen sends to 收费 (Alt+5): the room and the fee item with its amount are filled in
 * there, and once the receipt is posted `onPosted` links it to what it paid for (a replacement card's fee)
 * with no receipt number typed by hand. One request at a time, for the operator who made it.
 */
export interface CollectRequest {
  operatorId: number;
  roomId: number;
  roomCode: string;
  /** the catalogue item to charge (null: the catalogue has none; the screen says so) */
  itemId: number | null;
  itemName: string;
  amountFen: number;
  /** what the charge is for, shown above the collect screen */
  purpose: { key: MsgKey; params: Params };
  /** the screen to go back to afterwards, and its name on the button */
  returnTo: AreaId;
  returnLabel: MsgKey;
  /**
   * Called with the posted receipt when it is for this room and has a line of the item's category;
   * resolves to the message to show (what was linked), rejects with the reason it could not be linked.
   */
  matches: (r: ReceiptView) => boolean;
  onPosted: (r: ReceiptView) => Promise<{ key: MsgKey; params: Params }>;
}

let current: CollectRequest | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const collectRequest = {
  set(r: CollectRequest | null): void {
    current = r;
    emit();
  },
  /** The request for this operator, if any (signing out clears it; another operator never sees it). */
  get(operatorId: number): CollectRequest | null {
    return current && current.operatorId === operatorId ? current : null;
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useCollectRequest(operatorId: number): CollectRequest | null {
  return useSyncExternalStore(collectRequest.subscribe, () => collectRequest.get(operatorId));
}
