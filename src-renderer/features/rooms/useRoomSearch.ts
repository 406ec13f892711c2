import type { RoomState } from '@shared/contract/rooms';
import { useListboxKeys } from '../../app/useListboxKeys';
import { searchQuery, useRosterSearch, type SearchResult } from '../roster/useRosterSearch';

/** One room a search names: found as a room (its state) or through a resident (their name). */
export interface RoomOption {
  key: string;
  roomId: number;
  code: string;
  state?: RoomState;
  name?: string;
  kind?: 'owner' | 'tenant' | 'family';
  movedOut?: boolean;
}

const MAX = 30;

/** The rooms of a roster answer: the rooms it names first (a room nobody lives in yet too), then the residents' rooms, each room once. */
export function roomOptions(r: SearchResult | null): RoomOption[] {
  if (!r) return [];
  const seen = new Set<number>();
  const out: RoomOption[] = [];
  for (const room of r.rooms ?? []) {
    if (seen.has(room.id)) continue;
    seen.add(room.id);
    out.push({ key: `r${room.id}`, roomId: room.id, code: room.code, state: room.state });
  }
  for (const h of r.items) {
    if (seen.has(h.roomId)) continue;
    seen.add(h.roomId);
    out.push({ key: `p${h.id}`, roomId: h.roomId, code: h.roomCode, name: h.name, kind: h.kind, movedOut: h.movedOut });
  }
  return out.slice(0, MAX);
}

/**
 * The room search of 房屋档案 on the roster's search channel (the same cache, so a room another screen just
 * looked up is answered at once): ↑/↓, and an Enter that opens the room for exactly the text in the box.
 */
export function useRoomSearch(q: string, onEnter: (o: RoomOption | undefined) => void, onEscape: () => boolean) {
  const search = useRosterSearch(q);
  const items = searchQuery(q) ? roomOptions(search.result) : [];
  const keys = useListboxKeys<RoomOption>({
    items,
    resetOn: search.result,
    pendingFor: (text) => (search.answers(text) ? null : search.resultFor(text).then(roomOptions)),
    onEnter,
    onEscape,
  });
  return { ...search, items, ...keys };
}
