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
