/**
 * Shelf slots (货架格位), pure rules. A shelf has a code (`A`, `B`, `AB`) and numbered slots 1..n; a slot is named
 * `A-07`. The suggestion for a new parcel: the slot where the same room already has a parcel in stock (one trip
 * for the resident), else the first empty slot in shelf order, else the least-loaded slot (never refuse: a busy
 * day puts two parcels in a slot).
 */
export interface ShelfDef {
  id: number;
  code: string;
  slots: number;
  active: boolean;
  sort: number;
}

export interface SlotRef {
  shelfId: number;
  slot: number;
}

/** parcels in stock per slot, keyed `${shelfId}:${slot}` */
export type Occupancy = ReadonlyMap<string, number>;

export const slotKey = (s: SlotRef): string => `${s.shelfId}:${s.slot}`;

export function slotLabel(shelfCode: string, slot: number, slots = 99): string {
  return `${shelfCode}-${String(slot).padStart(Math.max(2, String(slots).length), '0')}`;
}

export function suggestSlot(shelves: readonly ShelfDef[], occupancy: Occupancy, sameRoom: SlotRef | null = null): SlotRef | null {
  const usable = shelves.filter((s) => s.active && s.slots > 0).sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  if (usable.length === 0) return null;
  if (sameRoom && usable.some((s) => s.id === sameRoom.shelfId && sameRoom.slot >= 1 && sameRoom.slot <= s.slots)) return sameRoom;
  let best: SlotRef | null = null;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (const s of usable) {
    for (let slot = 1; slot <= s.slots; slot++) {
      const load = occupancy.get(slotKey({ shelfId: s.id, slot })) ?? 0;
      if (load === 0) return { shelfId: s.id, slot };
      if (load < bestLoad) {
        best = { shelfId: s.id, slot };
        bestLoad = load;
      }
    }
  }
  return best;
}

/** A typed slot (`a-7`, `A07`, `A 7`) → shelf code and number, or null. */
export function parseSlot(raw: string): { code: string; slot: number } | null {
  const m = /^([A-Z]{1,4})[-\s]?0*(\d{1,3})$/.exec(raw.normalize('NFKC').trim().toUpperCase());
  if (!m) return null;
  const slot = Number(m[2]);
  return slot >= 1 ? { code: m[1] as string, slot } : null;
}
