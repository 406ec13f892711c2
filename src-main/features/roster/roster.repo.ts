import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import { givenName } from './rules';

/** Roster queries only; no rules, no transactions (the service owns those). */

const hitCols = [
  'r.id as id',
  'r.name as name',
  'r.kind as kind',
  'r.initials as initials',
  'r.phone as phone',
  'r.move_out as move_out',
  'rm.code as room_code',
  'r.room_id as room_id',
] as const;

const kindOrder = raw`CASE r.kind WHEN 'owner' THEN 0 WHEN 'tenant' THEN 1 ELSE 2 END`;

/** A resident whose details were erased on request stays in the room's history but is never a search hit. */
function hits() {
  return qb.selectFrom('residents as r').innerJoin('rooms as rm', 'rm.id', 'r.room_id').select(hitCols).where('r.erased_at', 'is', null);
}
export interface HitRow {
  id: number;
  name: string;
  kind: 'owner' | 'tenant' | 'family';
  initials: string;
  phone: string | null;
  move_out: string | null;
  room_code: string;
  room_id: number;
}

/** Upper bound for a prefix range scan: 'zw' → 'zx'. Uses the BINARY index (LIKE would not). */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
}

export const byRoomPrefix = (sql: Sql, prefix: string, limit: number): HitRow[] =>
  sql.all(hits().where('rm.code', '>=', prefix).where('rm.code', '<', prefixEnd(prefix)).orderBy('rm.code').orderBy(kindOrder).orderBy('r.id').limit(limit));

/** Rooms themselves (a room created by hand has no residents yet): by code prefix or by number. */
export const roomsByPrefix = (sql: Sql, prefix: string, limit: number) =>
  sql.all(
    qb.selectFrom('rooms').select(['id', 'code', 'state']).where('code', '>=', prefix).where('code', '<', prefixEnd(prefix)).orderBy('code').limit(limit),
  );
export const roomsByNumber = (sql: Sql, number: string, limit: number) =>
  sql.all(qb.selectFrom('rooms').select(['id', 'code', 'state']).where('number', '=', number).orderBy('code').limit(limit));

export const byRoomNumber = (sql: Sql, number: string, limit: number): HitRow[] =>
  sql.all(hits().where('rm.number', '=', number).orderBy('rm.code').orderBy(kindOrder).orderBy('r.id').limit(limit));

export const byPhoneLast4 = (sql: Sql, last4: string, limit: number): HitRow[] =>
  sql.all(hits().where('r.phone_last4', '=', last4).orderBy('rm.code').orderBy('r.id').limit(limit));

export const byPhone = (sql: Sql, phone: string, limit: number): HitRow[] =>
  sql.all(hits().where('r.phone_last4', '=', phone.slice(-4)).where('r.phone', '=', phone).orderBy('rm.code').limit(limit));

export const byInitialsPrefix = (sql: Sql, p: string, limit: number): HitRow[] =>
  sql.all(hits().where('r.initials', '>=', p).where('r.initials', '<', prefixEnd(p)).orderBy('r.initials').orderBy('rm.code').orderBy('r.id').limit(limit));

export const byPinyinPrefix = (sql: Sql, p: string, limit: number): HitRow[] =>
  sql.all(hits().where('r.pinyin', '>=', p).where('r.pinyin', '<', prefixEnd(p)).orderBy('r.pinyin').orderBy('rm.code').orderBy('r.id').limit(limit));

export const byNamePrefix = (sql: Sql, p: string, limit: number): HitRow[] =>
  sql.all(hits().where('r.name', '>=', p).where('r.name', '<', prefixEnd(p)).orderBy('r.name').orderBy('rm.code').orderBy('r.id').limit(limit));

/** The given name typed without the surname (国藩 → 曾国藩), through its own index. */
export const byGivenNamePrefix = (sql: Sql, p: string, limit: number): HitRow[] =>
  sql.all(
    hits().where('r.given_name', '>=', p).where('r.given_name', '<', prefixEnd(p)).orderBy('r.given_name').orderBy('rm.code').orderBy('r.id').limit(limit),
  );

/**
 * Every resident a search can find, with the keys it is found by, and every room (the renderer's copy of the
 * index: src-shared/roster-index.ts). The phone leaves only as its last four digits (the service masks the rest).
 * Rows as arrays, in this column order: id, name, kind, initials, pinyin, given_name, phone, phone_last4,
 * move_out, room_id.
 */
export const indexResidents = (sql: Sql) =>
  sql.arrays(
    hits()
      .clearSelect()
      .select(['r.id', 'r.name', 'r.kind', 'r.initials', 'r.pinyin', 'r.given_name', 'r.phone', 'r.phone_last4', 'r.move_out', 'r.room_id'])
      .orderBy('r.id'),
  );
/** Rooms in code order: id, code, number, state. */
export const indexRooms = (sql: Sql) => sql.arrays(qb.selectFrom('rooms').select(['id', 'code', 'number', 'state']).orderBy('code'));
export const residentById = (sql: Sql, id: number) =>
  sql.get(
    qb
      .selectFrom('residents as r')
      .innerJoin('rooms as rm', 'rm.id', 'r.room_id')
      .innerJoin('units as u', 'u.id', 'rm.unit_id')
      .innerJoin('buildings as b', 'b.id', 'u.building_id')
      .select([
        ...hitCols,
        'r.pinyin as pinyin',
        'r.move_in as move_in',
        'r.note as note',
        'r.room_id as room_id',
        'rm.area_cm2 as area_cm2',
        'b.name as building_name',
      ])
      .where('r.id', '=', id),
  );

export const residentsOfRoom = (sql: Sql, roomId: number): HitRow[] => sql.all(hits().where('r.room_id', '=', roomId).orderBy(kindOrder).orderBy('r.id'));

export const phoneOf = (sql: Sql, id: number) => sql.get(qb.selectFrom('residents').select(['phone', 'name']).where('id', '=', id));

function count(sql: Sql, table: 'buildings' | 'rooms' | 'residents'): number {
  return Number(sql.get(qb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
}

export const stats = (sql: Sql) => ({ buildings: count(sql, 'buildings'), rooms: count(sql, 'rooms'), residents: count(sql, 'residents') });

export const listBuildings = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('buildings as b')
      .select([
        'b.id as id',
        'b.code as code',
        'b.name as name',
        (eb) =>
          eb
            .selectFrom('rooms as rm')
            .innerJoin('units as u', 'u.id', 'rm.unit_id')
            .whereRef('u.building_id', '=', 'b.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('rooms'),
        (eb) =>
          eb
            .selectFrom('residents as r')
            .innerJoin('rooms as rm', 'rm.id', 'r.room_id')
            .innerJoin('units as u', 'u.id', 'rm.unit_id')
            .whereRef('u.building_id', '=', 'b.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('residents'),
      ])
      .orderBy(raw`length(b.code)`)
      .orderBy('b.code'),
  );

export const buildingByCode = (sql: Sql, code: string) => sql.get(qb.selectFrom('buildings').select(['id', 'code', 'name']).where('code', '=', code));

export const insertBuilding = (sql: Sql, b: { code: string; name: string; at: string }) =>
  sql.run(qb.insertInto('buildings').values({ code: b.code, name: b.name, created_at: b.at })).lastInsertRowid;

export const unitId = (sql: Sql, buildingId: number, code: string) =>
  sql.get(qb.selectFrom('units').select('id').where('building_id', '=', buildingId).where('code', '=', code))?.id;

export const insertUnit = (sql: Sql, buildingId: number, code: string) =>
  sql.run(qb.insertInto('units').values({ building_id: buildingId, code })).lastInsertRowid;

export const roomByCode = (sql: Sql, code: string) =>
  sql.get(qb.selectFrom('rooms').select(['id', 'unit_id', 'number', 'code', 'area_cm2']).where('code', '=', code));

export const insertRoom = (sql: Sql, r: { unitId: number; number: string; code: string; areaCm2: number | null; at: string }) =>
  sql.run(qb.insertInto('rooms').values({ unit_id: r.unitId, number: r.number, code: r.code, area_cm2: r.areaCm2, created_at: r.at })).lastInsertRowid;

export const setRoomArea = (sql: Sql, id: number, areaCm2: number | null) => sql.run(qb.updateTable('rooms').set({ area_cm2: areaCm2 }).where('id', '=', id));

export interface ResidentWrite {
  roomId: number;
  name: string;
  kind: 'owner' | 'tenant' | 'family';
  initials: string;
  pinyin: string;
  phone: string | null;
  moveIn: string | null;
  moveOut: string | null;
  note: string;
  at: string;
}

export const insertResident = (sql: Sql, r: ResidentWrite) =>
  sql.run(
    qb.insertInto('residents').values({
      room_id: r.roomId,
      name: r.name,
      kind: r.kind,
      initials: r.initials,
      pinyin: r.pinyin,
      given_name: givenName(r.name),
      phone: r.phone,
      phone_last4: r.phone ? r.phone.slice(-4) : null,
      move_in: r.moveIn,
      move_out: r.moveOut,
      note: r.note,
      created_at: r.at,
      updated_at: r.at,
    }),
  ).lastInsertRowid;

export const updateResident = (sql: Sql, id: number, r: Omit<ResidentWrite, 'roomId' | 'name' | 'initials' | 'pinyin'>) =>
  sql.run(
    qb
      .updateTable('residents')
      .set({
        kind: r.kind,
        phone: r.phone,
        phone_last4: r.phone ? r.phone.slice(-4) : null,
        move_in: r.moveIn,
        move_out: r.moveOut,
        note: r.note,
        updated_at: r.at,
      })
      .where('id', '=', id),
  );

/* Bulk reads for the roster import: one query per building instead of one per file row. */

export const allBuildings = (sql: Sql) => sql.all(qb.selectFrom('buildings').select(['id', 'code']));

export const unitsOfBuilding = (sql: Sql, buildingId: number) => sql.all(qb.selectFrom('units').select(['id', 'code']).where('building_id', '=', buildingId));

export const roomsOfBuilding = (sql: Sql, buildingId: number) =>
  sql.all(
    qb
      .selectFrom('rooms as rm')
      .innerJoin('units as u', 'u.id', 'rm.unit_id')
      .select(['rm.id as id', 'rm.code as code', 'rm.area_cm2 as area_cm2'])
      .where('u.building_id', '=', buildingId),
  );

export const residentsOfBuilding = (sql: Sql, buildingId: number) =>
  sql.all(
    qb
      .selectFrom('residents as r')
      .innerJoin('rooms as rm', 'rm.id', 'r.room_id')
      .innerJoin('units as u', 'u.id', 'rm.unit_id')
      .select([
        'r.id as id',
        'r.name as name',
        'r.kind as kind',
        'r.phone as phone',
        'r.move_in as move_in',
        'r.move_out as move_out',
        'r.note as note',
        'rm.code as room_code',
      ])
      .where('u.building_id', '=', buildingId),
  );

export const roomById = (sql: Sql, id: number) => sql.get(qb.selectFrom('rooms').select(['id', 'code', 'area_cm2']).where('id', '=', id));
