import { useSyncExternalStore } from 'react';
import type { Payer } from './room';

/**
 * A room another screen sends to 收费 to collect what it owes (业主档案's 去收费): the collect screen takes it as
 * the payer once, then shows the room's dues. One at a time, for the operator who sent it.
 */
export interface CollectRoom {
  operatorId: number;
  payer: Extract<Payer, { kind: 'room' }>;
}

let current: CollectRoom | null = null;
const listeners = new Set<() => void>();

export const collectRoom = {
  set(r: CollectRoom | null): void {
    current = r;
    listeners.forEach((l) => l());
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useCollectRoom(operatorId: number): CollectRoom | null {
  return useSyncExternalStore(collectRoom.subscribe, () => (current && current.operatorId === operatorId ? current : null));
}
