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
 * coming back (or signing in again) shows the same case at its step. Kept per operator while the app runs.
 */
export interface CasesPlace {
  operatorId: number;
  tab: 'movein' | 'decoration' | 'day';
  room: { roomId: number; roomCode: string } | null;
  caseId: number | null;
}
const places = new Map<number, CasesPlace>();
export const casesPlace = {
  get: (operatorId: number): CasesPlace | null => places.get(operatorId) ?? null,
  set(operatorId: number, change: Partial<Omit<CasesPlace, 'operatorId'>>): void {
    const base: CasesPlace = places.get(operatorId) ?? { operatorId, tab: 'movein', room: null, caseId: null };
    places.set(operatorId, { ...base, ...change });
  },
};
