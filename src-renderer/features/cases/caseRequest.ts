import { useSyncExternalStore } from 'react';

/**
 * A room another screen opens in 交房装修 (Alt+D): the room file sets it, then `go('cases')`; the area shows that
 * room's move-in or decoration case and clears the request. One at a time.
 */
export interface CaseRequest {
  roomId: number;
  roomCode: string;
  kind: 'movein' | 'decoration';
}

let current: CaseRequest | null = null;
const listeners = new Set<() => void>();

export const caseRequest = {
  set(r: CaseRequest | null): void {
    current = r;
    listeners.forEach((l) => l());
  },
  get: (): CaseRequest | null => current,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useCaseRequest(): CaseRequest | null {
  return useSyncExternalStore(caseRequest.subscribe, caseRequest.get);
}

/**
 * Where the operator was in the area (the tab, the move-in room, the decoration case open): leaving for 收费 and
 * coming back shows the same case at its step. Kept for this operator only while the app runs.
 */
export interface CasesPlace {
  operatorId: number;
  tab: 'movein' | 'decoration' | 'day';
  room: { roomId: number; roomCode: string } | null;
  caseId: number | null;
}
let place: CasesPlace | null = null;
export const casesPlace = {
  get: (operatorId: number): CasesPlace | null => (place?.operatorId === operatorId ? place : null),
  set(operatorId: number, change: Partial<Omit<CasesPlace, 'operatorId'>>): void {
    const base: CasesPlace = place?.operatorId === operatorId ? place : { operatorId, tab: 'movein', room: null, caseId: null };
    place = { ...base, ...change };
  },
};
