import type { Output, ResidentHit, RoomHit } from './contract';
import { isHan, normalisePhone, roomPrefix, toHalfWidth } from './roster-query';

/**
 * The roster index on the renderer's side: every resident a search can find (with the keys it is found by) and
 * every room, so that a keystroke is answered in the renderer, in the frame it was typed in, while main's answer
 * is on its way. `search` answers exactly as main's roster search does (same reading of the text, same lists, same
 * order, same limit); test/db/roster-index.test.ts compares the two on a whole demo roster. Main confirms once
 * typing pauses; an answer of main's that differs from the index's shows the index is out of date.
 *
 * The phone is here only masked and as its last four digits (what the result rows show): a full number is
 * searched in main only (`search` returns null for it).
 */

/** The wire form (column arrays: half the size of an array of objects, and one zod check per column). */
export interface RosterIndexData {
  residents: {
    id: number[];
    name: string[];
    kind: ResidentHit['kind'][];
    initials: string[];
    pinyin: string[];
    givenName: string[];
    phoneMasked: string[];
    /** '' when there is no phone */
    last4: string[];
    movedOut: boolean[];
    /** the room: its position in `rooms` */
    room: number[];
  };
  /** in code order */
  rooms: { id: number[]; code: string[]; number: string[]; state: RoomHit['state'][] };
}

export type SearchAnswer = Output<'roster.search'>;

interface Entry {
  hit: ResidentHit;
  kindRank: number;
  initials: string;
  pinyin: string;
  given: string;
  last4: string;
  number: string;
}

/** SQLite's BINARY order (UTF-8 bytes, i.e. code points); JS `<` compares UTF-16 units, which differs past U+FFFF. */
export function cmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function group(entries: Entry[], key: (e: Entry) => string): Map<string, Entry[]> {
  const m = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = key(e);
    if (k === '') continue;
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  }
  return m;
}

const KIND_RANK = { owner: 0, tenant: 1, family: 2 } as const;
// a UTF-16 surrogate: a character past U+FFFF, where JS order and SQLite's part
const ASTRAL = /[\uD800-\uDFFF]/;
const P17 = 2 ** 17;
const P34 = 2 ** 34;

type ListName = 'code' | 'initials' | 'pinyin' | 'name' | 'given';

/**
 * The roster index: entries in id order, and each list a search reads built on first use (or ahead, by `warm`),
 * so that no single step holds the renderer for long. Each list is in main's ORDER BY: code = room code, kind, id;
 * the others = their key, room code, id.
 */
export class RosterIndex {
  private readonly lists = new Map<ListName, Entry[]>();
  private numberMap: Map<string, Entry[]> | null = null;
  private last4Map: Map<string, Entry[]> | null = null;
  private readonly codeRank: Map<string, number>;
  readonly rooms: RoomHit[];
  readonly roomsByNumber = new Map<string, RoomHit[]>();

  constructor(
    private readonly entries: Entry[],
    rooms: Array<{ room: RoomHit; number: string }>,
    private readonly astral: boolean,
  ) {
    const sorted = [...rooms].sort((a, b) => cmp(a.room.code, b.room.code));
    this.rooms = sorted.map((x) => x.room);
    this.codeRank = new Map(sorted.map((x, i) => [x.room.code, i]));
    for (const { room, number } of sorted) {
      const list = this.roomsByNumber.get(number);
      if (list) list.push(room);
      else this.roomsByNumber.set(number, [room]);
    }
  }

  get size(): number {
    return this.entries.length;
  }
  get byCode(): Entry[] {
    return this.list('code');
  }
  get byInitials(): Entry[] {
    return this.list('initials');
  }
  get byPinyin(): Entry[] {
    return this.list('pinyin');
  }
  get byName(): Entry[] {
    return this.list('name');
  }
  get byGiven(): Entry[] {
    return this.list('given');
  }
  /** within a room number: the code order */
  get byNumber(): Map<string, Entry[]> {
    return (this.numberMap ??= group(this.byCode, (e) => e.number));
  }
  /** within a phone's last four: room code, id */
  get byLast4(): Map<string, Entry[]> {
    if (!this.last4Map) {
      const m = group(this.entries, (e) => e.last4);
      for (const list of m.values()) if (list.length > 1) list.sort((a, b) => this.rankOf(a) - this.rankOf(b) || a.hit.id - b.hit.id);
      this.last4Map = m;
    }
    return this.last4Map;
  }

  /** Builds one more list not built yet; false when every list is built. */
  warm(): boolean {
    for (const name of ['code', 'initials', 'name', 'pinyin', 'given'] as const)
      if (!this.lists.has(name)) {
        this.list(name);
        return true;
      }
    if (!this.numberMap) return this.byNumber.size >= 0;
    if (!this.last4Map) return this.byLast4.size >= 0;
    return false;
  }

  private rankOf(e: Entry): number {
    return this.codeRank.get(e.hit.roomCode) ?? 0;
  }

  private list(name: ListName): Entry[] {
    let l = this.lists.get(name);
    if (!l) {
      l =
        name === 'code'
          ? this.sorted(
              () => '',
              (e) => this.rankOf(e) * 4 + e.kindRank,
            )
          : this.sorted(name === 'name' ? (e) => e.hit.name : (e) => e[name], (e) => this.rankOf(e));
      this.lists.set(name, l);
    }
    return l;
  }

  /**
   * The entries by (key, second, id). Each key is replaced by its rank among the distinct keys (one native sort of
   * the distinct strings), and the three numbers are packed into one float sorted natively: a few milliseconds
   * for 50,000 residents instead of tens with a comparison function. Entries are in id order, so their position
   * orders ties as id does. Past the packing's room (2^17 residents, 2^17 / 4 rooms, 2^16 keys), or with a key
   * past U+FFFF, the comparison function instead.
   */
  private sorted(key: (e: Entry) => string, second: (e: Entry) => number): Entry[] {
    const n = this.entries.length;
    const distinct = [...new Set(this.entries.map(key))];
    if (this.astral || n >= P17 || distinct.length >= 2 ** 16 || this.codeRank.size * 4 >= P17) {
      return [...this.entries].sort((a, b) => cmp(key(a), key(b)) || second(a) - second(b) || a.hit.id - b.hit.id);
    }
    distinct.sort();
    const rank = new Map(distinct.map((k, i) => [k, i]));
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const e = this.entries[i] as Entry;
      packed[i] = (rank.get(key(e)) as number) * P34 + second(e) * P17 + i;
    }
    packed.sort();
    const out = new Array<Entry>(n);
    for (let i = 0; i < n; i++) out[i] = this.entries[(packed[i] as number) % P17] as Entry;
    return out;
  }
}

/** The index from main's columns (entries only: the lists are built on first use or by `warm`). */
export function buildRosterIndex(data: RosterIndexData): RosterIndex {
  const r = data.residents;
  let astral = data.rooms.code.some((c) => ASTRAL.test(c));
  const order = r.id.map((_, i) => i).sort((a, b) => (r.id[a] as number) - (r.id[b] as number));
  const entries: Entry[] = order.map((i) => {
    const room = r.room[i] as number;
    const kind = r.kind[i] as ResidentHit['kind'];
    const name = r.name[i] as string;
    const given = r.givenName[i] as string;
    if (!astral && (ASTRAL.test(name) || ASTRAL.test(given))) astral = true;
    return {
      hit: {
        id: r.id[i] as number,
        name,
        kind,
        roomCode: data.rooms.code[room] as string,
        roomId: data.rooms.id[room] as number,
        phoneMasked: r.phoneMasked[i] as string,
        initials: r.initials[i] as string,
        movedOut: r.movedOut[i] as boolean,
      },
      kindRank: KIND_RANK[kind],
      initials: r.initials[i] as string,
      pinyin: r.pinyin[i] as string,
      given,
      last4: r.last4[i] as string,
      number: data.rooms.number[room] as string,
    };
  });
  const rooms = data.rooms.id.map((id, i) => ({
    room: { id, code: data.rooms.code[i] as string, state: data.rooms.state[i] as RoomHit['state'] },
    number: data.rooms.number[i] as string,
  }));
  return new RosterIndex(entries, rooms, astral);
}

/** The first position whose key is >= prefix (the list is sorted by that key first). */
function lowerBound<T>(list: T[], key: (x: T) => string, prefix: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(key(list[mid] as T), prefix) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Up to `limit` items whose key starts with `prefix`, in the list's order (main: key >= p AND key < p⁺). */
function prefixed<T>(list: T[], key: (x: T) => string, prefix: string, limit: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(list, key, prefix); i < list.length && out.length < limit; i++) {
    const x = list[i] as T;
    if (!key(x).startsWith(prefix)) break;
    out.push(x);
  }
  return out;
}

function merge(limit: number, ...lists: Entry[][]): Entry[] {
  const seen = new Set<number>();
  const out: Entry[] = [];
  for (const list of lists)
    for (const e of list) {
      if (seen.has(e.hit.id)) continue;
      seen.add(e.hit.id);
      out.push(e);
      if (out.length >= limit) return out;
    }
  return out;
}

const answer = (kind: SearchAnswer['kind'], rows: Entry[], limit: number, rooms?: RoomHit[]): SearchAnswer => ({
  kind,
  items: rows.slice(0, limit).map((e) => e.hit),
  more: rows.length > limit,
  ...(rooms ? { rooms } : {}),
});

/** Whether the index answers this text: all but a full phone number (the index holds phones masked only). */
export const indexAnswers = (q: string): boolean => normalisePhone(toHalfWidth(q)) === null;

/**
 * Main's roster search (RosterService.search), on the index: null where only main can answer (a full phone number).
 */
export function searchRosterIndex(ix: RosterIndex, q: string, limit = 50): SearchAnswer | null {
  const s = toHalfWidth(q);
  const n = limit + 1;
  if (s === '') return { kind: 'empty', items: [], more: false };
  if (!indexAnswers(s)) return null;
  const room = roomPrefix(s);
  const codeKey = (e: Entry) => e.hit.roomCode;
  const roomCodeKey = (r: RoomHit) => r.code;
  if (/^\d+$/.test(s)) {
    const byNumber = (ix.byNumber.get(s) ?? []).slice(0, n);
    const rows = s.length === 4 ? merge(n, (ix.byLast4.get(s) ?? []).slice(0, n), byNumber) : merge(n, byNumber, prefixed(ix.byCode, codeKey, `${s}-`, n));
    const rooms = [...(ix.roomsByNumber.get(s) ?? []).slice(0, limit), ...(s.length === 4 ? [] : prefixed(ix.rooms, roomCodeKey, `${s}-`, limit))].slice(
      0,
      limit,
    );
    return answer('digits', rows, limit, rooms);
  }
  if (room) return answer('room', prefixed(ix.byCode, codeKey, room, n), limit, prefixed(ix.rooms, roomCodeKey, room, limit));
  if (/^[a-zA-Z][a-zA-Z\s'-]*$/.test(s)) {
    const p = s.toLowerCase().replace(/[^a-z]/g, '');
    const rows = merge(
      n,
      prefixed(ix.byInitials, (e) => e.initials, p, n),
      p.length >= 2 ? prefixed(ix.byPinyin, (e) => e.pinyin, p, n) : [],
    );
    return answer('initials', rows, limit);
  }
  const name = s.replace(/\s/g, '');
  let rows = prefixed(ix.byName, (e) => e.hit.name, name, n);
  if (rows.length < n && isHan(name))
    rows = merge(
      n,
      rows,
      prefixed(ix.byGiven, (e) => e.given, name, n),
    );
  return answer('name', rows, limit);
}

/** True when two answers show the same rows and rooms (main's answer agreeing with the index's). */
export function sameAnswer(a: SearchAnswer, b: SearchAnswer): boolean {
  if (a.kind !== b.kind || a.more !== b.more || a.items.length !== b.items.length) return false;
  for (let i = 0; i < a.items.length; i++) {
    const x = a.items[i] as ResidentHit;
    const y = b.items[i] as ResidentHit;
    if (
      x.id !== y.id ||
      x.name !== y.name ||
      x.kind !== y.kind ||
      x.roomCode !== y.roomCode ||
      x.roomId !== y.roomId ||
      x.phoneMasked !== y.phoneMasked ||
      x.initials !== y.initials ||
      x.movedOut !== y.movedOut
    )
      return false;
  }
  const ra = a.rooms ?? [];
  const rb = b.rooms ?? [];
  if ((a.rooms === undefined) !== (b.rooms === undefined) || ra.length !== rb.length) return false;
  return ra.every((r, i) => r.id === rb[i]?.id && r.code === rb[i]?.code && r.state === rb[i]?.state);
}
