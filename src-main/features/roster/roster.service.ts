import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskPhone, maskText } from '@shared/mask';
import type { BuildingView, ResidentDetail, ResidentHit, RoomHit } from '@shared/contract';
import type { RosterIndexData } from '@shared/roster-index';
import type { SessionOperator } from '../operators/sessions';
import * as repo from './roster.repo';
import { formatArea, isHan, normalisePhone, roomPrefix, toHalfWidth } from './rules';

export type SearchKind = 'empty' | 'room' | 'phone' | 'initials' | 'name' | 'digits';

function toHit(r: repo.HitRow): ResidentHit {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    roomCode: r.room_code,
    roomId: r.room_id,
    phoneMasked: maskPhone(r.phone),
    initials: r.initials,
    movedOut: r.move_out !== null,
  };
}

function merge(limit: number, ...lists: repo.HitRow[][]): repo.HitRow[] {
  const seen = new Set<number>();
  const out: repo.HitRow[] = [];
  for (const list of lists)
    for (const r of list) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
      if (out.length >= limit) return out;
    }
  return out;
}

export class RosterService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  /**
   * Search-as-you-type. What was typed decides the index used:
   * room (`3-2-501`, `3栋2单元501`), 4 digits (phone last four, or a room number), 11 digits (a phone),
   * Latin letters (pinyin initials `zw`, or full pinyin `zhangw`), Chinese (name prefix, then given name without the surname).
   */
  search(q: string, limit = 50): { kind: SearchKind; items: ResidentHit[]; more: boolean; rooms?: RoomHit[] } {
    const s = toHalfWidth(q);
    const n = limit + 1;
    let kind: SearchKind;
    let rows: repo.HitRow[];
    if (s === '') return { kind: 'empty', items: [], more: false };
    const phone = normalisePhone(s);
    const room = roomPrefix(s);
    if (phone) {
      // 13812345678, 138-1234-5678, +86 138 1234 5678, 0755-12345678
      kind = 'phone';
      rows = repo.byPhone(this.sql, phone, n);
    } else if (/^\d+$/.test(s)) {
      kind = 'digits';
      rows =
        s.length === 4
          ? merge(n, repo.byPhoneLast4(this.sql, s, n), repo.byRoomNumber(this.sql, s, n))
          : merge(n, repo.byRoomNumber(this.sql, s, n), repo.byRoomPrefix(this.sql, `${s}-`, n));
      const rooms = [...repo.roomsByNumber(this.sql, s, limit), ...(s.length === 4 ? [] : repo.roomsByPrefix(this.sql, `${s}-`, limit))].slice(0, limit);
      return { kind, items: rows.slice(0, limit).map(toHit), more: rows.length > limit, rooms };
    } else if (room) {
      kind = 'room';
      rows = repo.byRoomPrefix(this.sql, room, n);
      return { kind, items: rows.slice(0, limit).map(toHit), more: rows.length > limit, rooms: repo.roomsByPrefix(this.sql, room, limit) };
    } else if (/^[a-zA-Z][a-zA-Z\s'-]*$/.test(s)) {
      // pinyin initials (zw), full pinyin (zhangw), or a Latin name (Jean-Luc → jeanluc)
      kind = 'initials';
      const p = s.toLowerCase().replace(/[^a-z]/g, '');
      rows = merge(n, repo.byInitialsPrefix(this.sql, p, n), p.length >= 2 ? repo.byPinyinPrefix(this.sql, p, n) : []);
    } else {
      kind = 'name';
      const name = s.replace(/\s/g, '');
      rows = repo.byNamePrefix(this.sql, name, n);
      if (rows.length < n && isHan(name)) rows = merge(n, rows, repo.byGivenNamePrefix(this.sql, name, n));
    }
    return { kind, items: rows.slice(0, limit).map(toHit), more: rows.length > limit };
  }

  /** The renderer's copy of the search index: the rows `search` reads, as columns (the renderer sorts them). */
  index(): RosterIndexData {
    const rooms = repo.indexRooms(this.sql);
    const roomAt = new Map(rooms.map((r, i) => [r[0] as number, i]));
    const rs = repo.indexResidents(this.sql);
    const col = <T>(i: number, f: (v: unknown) => T = (v) => v as T): T[] => rs.map((r) => f(r[i]));
    return {
      residents: {
        id: col<number>(0),
        name: col<string>(1),
        kind: col<ResidentHit['kind']>(2),
        initials: col<string>(3),
        pinyin: col<string>(4),
        givenName: col<string>(5),
        phoneMasked: col(6, (v) => maskPhone(v as string | null)),
        last4: col(7, (v) => (v as string | null) ?? ''),
        movedOut: col(8, (v) => v !== null),
        room: col(9, (v) => roomAt.get(v as number) ?? 0),
      },
      rooms: {
        id: rooms.map((r) => r[0] as number),
        code: rooms.map((r) => r[1] as string),
        number: rooms.map((r) => r[2] as string),
        state: rooms.map((r) => r[3] as RoomHit['state']),
      },
    };
  }

  get(id: number): ResidentDetail {
    const r = repo.residentById(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这位住户：可能已被删除，请重新搜索。');
    return {
      ...toHit(r),
      pinyin: r.pinyin,
      moveIn: r.move_in,
      moveOut: r.move_out,
      note: r.note,
      buildingName: r.building_name,
      areaM2: formatArea(r.area_cm2),
      roommates: repo
        .residentsOfRoom(this.sql, r.room_id)
        .filter((x) => x.id !== id)
        .map(toHit),
    };
  }

  /** The full number, with the reason written to the audit chain in the same transaction. */
  revealPhone(id: number, reason: string, actor: SessionOperator): { phone: string } {
    return this.sql.tx(() => {
      const r = repo.phoneOf(this.sql, id);
      if (!r) throw new AppError('NOT_FOUND', '找不到这位住户：可能已被删除，请重新搜索。');
      if (!r.phone) throw new AppError('NOT_FOUND', '这位住户没有登记电话。');
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'resident.phone_revealed',
        entity: 'resident',
        entityId: id,
        detail: { reason: maskText(reason.trim()) },
      });
      return { phone: r.phone };
    });
  }

  stats() {
    return repo.stats(this.sql);
  }

  buildings(): BuildingView[] {
    return repo.listBuildings(this.sql).map((b) => ({ ...b, rooms: Number(b.rooms ?? 0), residents: Number(b.residents ?? 0) }));
  }

  createBuilding(code: string, name: string | undefined, actor: SessionOperator): BuildingView {
    const c = toHalfWidth(code).toUpperCase();
    return this.sql.tx(() => {
      if (repo.buildingByCode(this.sql, c)) throw new AppError('CONFLICT', `楼栋 ${c} 已存在。`);
      const id = repo.insertBuilding(this.sql, { code: c, name: name?.trim() || `${c}栋`, at: this.clock.now().toISOString() });
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'building.create', entity: 'building', entityId: id, detail: { code: c } });
      return this.buildings().find((b) => b.id === id) as BuildingView;
    });
  }
}
