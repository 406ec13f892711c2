import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { RoomState } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName, maskPhone } from '@shared/mask';
import { monthOf, type PropertyCalendar } from '@shared/calendar';
import type {
  DecorationCaseView,
  MoveInCaseView,
  OccupancyCounts,
  OccupancyView,
  RoomFile,
  RoomLink,
  RoomResidentView,
  RoomView,
} from '@shared/contract/rooms';
import type { SessionOperator } from '../operators/sessions';
import { formatArea, roomCode } from '../roster/rules';
import * as repo from './rooms.repo';
import * as fileRepo from './file.repo';
import * as occ from './occupancy.repo';
import { changeState, mustRoom } from './state';

/** A section another area adds to the room file (visitors today, what the room owes): lines linking to that area. */
export interface RoomFileHook {
  area: string;
  title: string;
  lines(roomId: number): RoomLink[];
}

export interface RoomFileReaders {
  moveIn(roomId: number): MoveInCaseView | null;
  decoration(roomId: number): DecorationCaseView | null;
}

const KEY_STATUS_ZH = { on_board: '在板', out: '借出', lost: '丢失', retired: '停用' } as const;
const REQUEST_STATUS_ZH = { logged: '已登记', dispatched: '已派单', in_progress: '处理中', done: '已完成', called_back: '已回访' } as const;

export function roomView(r: repo.RoomRow): RoomView {
  return {
    id: r.id,
    code: r.code,
    number: r.number,
    buildingId: r.building_id,
    buildingCode: r.building_code,
    buildingName: r.building_name,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    floor: r.floor,
    areaM2: formatArea(r.area_cm2),
    roomType: r.room_type,
    state: r.state,
  };
}

export function residentView(r: repo.ResidentRow, leaseEnd: string | null): RoomResidentView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    phoneMasked: maskPhone(r.phone),
    moveIn: r.move_in,
    moveOut: r.move_out,
    leaseEnd,
    current: r.move_out === null && r.erased_at === null,
    erased: r.erased_at !== null,
  };
}

const toCm2 = (m2: number | null | undefined): number | null => (m2 === null || m2 === undefined ? null : Math.round(m2 * 100));

export interface RoomInput {
  floor?: number | null | undefined;
  areaM2?: number | null | undefined;
  roomType?: string | undefined;
}

/** The room file and the supervisor's one-at-a-time upkeep of buildings, units and rooms; occupancy statistics. */
export class RoomsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly readers: RoomFileReaders,
    /** sections from other areas (visitors today, what the room owes) as they are built */
    private readonly hooks: readonly RoomFileHook[] = [],
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  room(id: number): RoomView {
    return roomView(mustRoom(this.sql, id));
  }

  file(roomId: number): RoomFile {
    const room = mustRoom(this.sql, roomId);
    const leaseEnds = new Map(repo.lastLeaseEnds(this.sql, roomId).map((l) => [l.resident_id, l.end_date as string | null]));
    const kindOrder = { owner: 0, tenant: 1, family: 2 } as const;
    const residents = repo
      .residentsOfRoom(this.sql, roomId)
      .map((r) => residentView(r, leaseEnds.get(r.id) ?? null))
      .sort((a, b) => Number(b.current) - Number(a.current) || kindOrder[a.kind] - kindOrder[b.kind] || a.id - b.id);
    return {
      room: roomView(room),
      residents,
      stateHistory: repo.stateHistory(this.sql, roomId, 20).map((s) => ({ from: s.from_state, to: s.to_state, at: s.at, reason: s.reason })),
      transfers: repo.transfersOf(this.sql, roomId).map((t) => ({
        date: t.date,
        fromName: t.from_name,
        toName: t.to_name,
        docs: [t.deed ? '不动产权证' : '', t.contract ? '买卖合同' : '', t.id_card ? '身份证' : ''].filter(Boolean),
      })),
      keys: fileRepo.keysOfRoom(this.sql, roomId).map((k) => ({ area: 'keys', refId: k.id, label: k.tag, detail: `${k.label} · ${KEY_STATUS_ZH[k.status]}` })),
      cards: fileRepo.cardsOfRoom(this.sql, roomId).map((c) => ({
        area: 'cards',
        refId: c.id,
        label: c.type === 'access' ? '门禁卡' : c.function_name || '功能卡',
        detail: `${maskName(c.holder_name) ?? ''} · …${c.match_key.slice(-4)}`,
      })),
      parcelsInStock: fileRepo
        .parcelsInStock(this.sql, roomId)
        .map((p) => ({ area: 'parcels', refId: p.id, label: p.pickup_code, detail: `${p.carrier} · ${this.calendar.dateTime(p.intake_at)}` })),
      openRequests: fileRepo
        .openRequests(this.sql, roomId)
        .map((q) => ({ area: 'requests', refId: q.id, label: q.category, detail: `${REQUEST_STATUS_ZH[q.status]} · ${this.calendar.dateTime(q.created_at)}` })),
      moveIn: this.readers.moveIn(roomId),
      decoration: this.readers.decoration(roomId),
      more: this.hooks.map((h) => ({ area: h.area, title: h.title, lines: this.hookLines(h, roomId) })),
    };
  }

  /** Another area's section; one that cannot be read says so in a line instead of failing the whole room file. */
  private hookLines(h: RoomFileHook, roomId: number): RoomLink[] {
    try {
      return h.lines(roomId);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return [{ area: h.area, refId: null, label: '暂时取不到', detail: e.message }];
    }
  }

  updateBuilding(id: number, name: string, actor: SessionOperator) {
    return this.sql.tx(() => {
      const b = repo.buildingById(this.sql, id);
      if (!b) throw new AppError('NOT_FOUND', '找不到这栋楼：请刷新楼栋列表。');
      repo.setBuildingName(this.sql, id, name.trim());
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'building.update',
        entity: 'building',
        entityId: id,
        detail: { code: b.code, before: { name: b.name }, after: { name: name.trim() } },
      });
      return { id, code: b.code, name: name.trim() };
    });
  }

  units(buildingId: number): { id: number; code: string; rooms: number }[] {
    if (!repo.buildingById(this.sql, buildingId)) throw new AppError('NOT_FOUND', '找不到这栋楼：请刷新楼栋列表。');
    return occ.unitsOf(this.sql, buildingId).map((u) => ({ id: u.id, code: u.code, rooms: Number(u.rooms) }));
  }

  createUnit(buildingId: number, code: string, actor: SessionOperator) {
    const c = code.trim().toUpperCase();
    return this.sql.tx(() => {
      const b = repo.buildingById(this.sql, buildingId);
      if (!b) throw new AppError('NOT_FOUND', '找不到这栋楼：请刷新楼栋列表。');
      if (occ.unitByCode(this.sql, buildingId, c)) throw new AppError('CONFLICT', `${b.code} 栋已有 ${c} 单元。`);
      const id = occ.insertUnit(this.sql, buildingId, c);
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'unit.create', entity: 'unit', entityId: id, detail: { building: b.code, code: c } });
      return { id, buildingId, code: c };
    });
  }

  /** A room created by hand; search finds it at once (the room index is written in the same transaction). */
  create(input: RoomInput & { unitId: number; number: string; state?: RoomState | undefined }, actor: SessionOperator): RoomView {
    const number = input.number.trim().toUpperCase();
    return this.sql.tx(() => {
      const u = repo.unitById(this.sql, input.unitId);
      if (!u) throw new AppError('NOT_FOUND', '找不到这个单元：请刷新后重新选择。');
      const code = roomCode(u.building_code, u.code, number);
      if (repo.roomIdByCode(this.sql, code)) throw new AppError('CONFLICT', `房号 ${code} 已存在：请在搜索里找到它再修改。`);
      const state = input.state ?? 'undelivered';
      const at = this.now();
      const id = repo.insertRoom(this.sql, {
        unitId: u.id,
        number,
        code,
        areaCm2: toCm2(input.areaM2),
        floor: input.floor ?? null,
        roomType: input.roomType?.trim() ?? '',
        state,
        at,
      });
      repo.insertStateChange(this.sql, { roomId: id, from: null, to: state, at, operatorId: actor.id, reason: '新建房间' });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'room.create',
        entity: 'room',
        entityId: id,
        detail: { code, floor: input.floor ?? null, areaM2: formatArea(toCm2(input.areaM2)), roomType: input.roomType?.trim() ?? '', state },
      });
      return this.room(id);
    });
  }

  update(id: number, input: RoomInput, actor: SessionOperator): RoomView {
    return this.sql.tx(() => {
      const r = mustRoom(this.sql, id);
      const after = {
        floor: input.floor === undefined ? r.floor : input.floor,
        areaCm2: input.areaM2 === undefined ? r.area_cm2 : toCm2(input.areaM2),
        roomType: input.roomType === undefined ? r.room_type : input.roomType.trim(),
      };
      repo.updateRoom(this.sql, id, { ...after, at: this.now() });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'room.update',
        entity: 'room',
        entityId: id,
        detail: {
          code: r.code,
          before: { floor: r.floor, areaM2: formatArea(r.area_cm2), roomType: r.room_type },
          after: { floor: after.floor, areaM2: formatArea(after.areaCm2), roomType: after.roomType },
        },
      });
      return this.room(id);
    });
  }

  setState(id: number, state: RoomState, reason: string, actor: SessionOperator): RoomView {
    return this.sql.tx(() => {
      changeState(this.sql, this.clock, id, state, actor.id, reason.trim());
      return this.room(id);
    });
  }

  /** 未交房 / 空置 / 自住 / 出租 / 装修中 per building and for the property, and the change over a month. */
  occupancy(month?: string): OccupancyView {
    const m = month ?? this.calendar.thisMonth();
    const zero = (): OccupancyCounts => ({ undelivered: 0, vacant: 0, owner_occupied: 0, rented: 0, renovating: 0, total: 0 });
    const property = zero();
    const byBuilding = new Map<number, { buildingId: number; code: string; name: string; counts: OccupancyCounts }>();
    for (const b of occ.buildings(this.sql)) byBuilding.set(b.id, { buildingId: b.id, code: b.code, name: b.name, counts: zero() });
    for (const row of occ.countsByBuilding(this.sql)) {
      const n = Number(row.n);
      const b = byBuilding.get(row.building_id);
      if (b) {
        b.counts[row.state] += n;
        b.counts.total += n;
      }
      property[row.state] += n;
      property.total += n;
    }
    const range = monthOf(`${m}-01`);
    const { from, to } = this.calendar.days(range.from, range.to);
    const change = zero();
    for (const c of occ.changesBetween(this.sql, from, to)) {
      const n = Number(c.n);
      change[c.to_state] += n;
      if (c.from_state) change[c.from_state] -= n;
      else change.total += n;
    }
    return { month: m, property, monthChange: change, buildings: [...byBuilding.values()] };
  }
}
