import type { Insertable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { ResidentsTable, RoomState } from '../../db/schema';
import { givenName } from '../roster/rules';

/** Room, unit, building and resident queries for the room file; no rules, no transactions (the services own those). */

const roomCols = [
  'rm.id as id',
  'rm.code as code',
  'rm.number as number',
  'rm.floor as floor',
  'rm.area_cm2 as area_cm2',
  'rm.room_type as room_type',
  'rm.state as state',
  'u.id as unit_id',
  'u.code as unit_code',
  'b.id as building_id',
  'b.code as building_code',
  'b.name as building_name',
] as const;

const rooms = () =>
  qb.selectFrom('rooms as rm').innerJoin('units as u', 'u.id', 'rm.unit_id').innerJoin('buildings as b', 'b.id', 'u.building_id').select(roomCols);
export type RoomRow = NonNullable<ReturnType<typeof roomById>>;

export const roomById = (sql: Sql, id: number) => sql.get(rooms().where('rm.id', '=', id));
export const roomIdByCode = (sql: Sql, code: string) => sql.get(qb.selectFrom('rooms').select('id').where('code', '=', code))?.id;

export const buildingById = (sql: Sql, id: number) => sql.get(qb.selectFrom('buildings').select(['id', 'code', 'name']).where('id', '=', id));
export const setBuildingName = (sql: Sql, id: number, name: string) => sql.run(qb.updateTable('buildings').set({ name }).where('id', '=', id));
export const unitById = (sql: Sql, id: number) =>
  sql.get(
    qb
      .selectFrom('units as u')
      .innerJoin('buildings as b', 'b.id', 'u.building_id')
      .select(['u.id as id', 'u.code as code', 'b.id as building_id', 'b.code as building_code'])
      .where('u.id', '=', id),
  );

export const insertRoom = (
  sql: Sql,
  r: { unitId: number; number: string; code: string; areaCm2: number | null; floor: number | null; roomType: string; state: RoomState; at: string },
) =>
  sql.run(
    qb.insertInto('rooms').values({
      unit_id: r.unitId,
      number: r.number,
      code: r.code,
      area_cm2: r.areaCm2,
      floor: r.floor,
      room_type: r.roomType,
      state: r.state,
      created_at: r.at,
      updated_at: r.at,
    }),
  ).lastInsertRowid;

export const updateRoom = (sql: Sql, id: number, r: { areaCm2: number | null; floor: number | null; roomType: string; at: string }) =>
  sql.run(qb.updateTable('rooms').set({ area_cm2: r.areaCm2, floor: r.floor, room_type: r.roomType, updated_at: r.at }).where('id', '=', id));

export const setRoomState = (sql: Sql, id: number, state: RoomState, at: string) =>
  sql.run(qb.updateTable('rooms').set({ state, updated_at: at }).where('id', '=', id));

export const insertStateChange = (
  sql: Sql,
  c: { roomId: number; from: RoomState | null; to: RoomState; at: string; operatorId: number | null; reason: string },
) =>
  sql.run(
    qb
      .insertInto('room_state_changes')
      .values({ room_id: c.roomId, from_state: c.from, to_state: c.to, at: c.at, operator_id: c.operatorId, reason: c.reason }),
  );

export const stateHistory = (sql: Sql, roomId: number, limit: number) =>
  sql.all(
    qb.selectFrom('room_state_changes').select(['from_state', 'to_state', 'at', 'reason']).where('room_id', '=', roomId).orderBy('id', 'desc').limit(limit),
  );

/* residents */

const residentCols = ['id', 'room_id', 'name', 'kind', 'phone', 'move_in', 'move_out', 'note', 'erased_at'] as const;
export type ResidentRow = NonNullable<ReturnType<typeof residentById>>;
export const residentById = (sql: Sql, id: number) => sql.get(qb.selectFrom('residents').select(residentCols).where('id', '=', id));
export const residentsOfRoom = (sql: Sql, roomId: number) =>
  sql.all(qb.selectFrom('residents').select(residentCols).where('room_id', '=', roomId).orderBy('move_out', 'asc').orderBy('id'));
export const residentByName = (sql: Sql, roomId: number, name: string) =>
  sql.get(qb.selectFrom('residents').select(residentCols).where('room_id', '=', roomId).where('name', '=', name));

export type ResidentInsert = Omit<Insertable<ResidentsTable>, 'id' | 'given_name' | 'phone_last4' | 'erased_at'>;
export const insertResident = (sql: Sql, r: ResidentInsert) =>
  sql.run(qb.insertInto('residents').values({ ...r, given_name: givenName(r.name), phone_last4: r.phone ? r.phone.slice(-4) : null })).lastInsertRowid;

export const updateResident = (
  sql: Sql,
  id: number,
  r: { name: string; initials: string; pinyin: string; phone: string | null; note: string; move_in: string | null; move_out: string | null; at: string },
) =>
  sql.run(
    qb
      .updateTable('residents')
      .set({
        name: r.name,
        initials: r.initials,
        pinyin: r.pinyin,
        given_name: givenName(r.name),
        phone: r.phone,
        phone_last4: r.phone ? r.phone.slice(-4) : null,
        note: r.note,
        move_in: r.move_in,
        move_out: r.move_out,
        updated_at: r.at,
      })
      .where('id', '=', id),
  );

/** Erasure: the row stays (a resident lived here, with their dates); who they were is gone. */
export const eraseResident = (sql: Sql, id: number, at: string, moveOut: string | null) =>
  sql.run(
    qb
      .updateTable('residents')
      .set({
        name: `已删除住户${id}`,
        initials: '',
        pinyin: '',
        given_name: '',
        phone: null,
        phone_last4: null,
        note: '',
        move_out: moveOut,
        erased_at: at,
        updated_at: at,
      })
      .where('id', '=', id),
  );
export const eraseCardHolder = (sql: Sql, residentId: number) =>
  sql.run(qb.updateTable('cards').set({ holder_name: '已删除' }).where('resident_id', '=', residentId));
export const eraseMoveInNotes = (sql: Sql, residentId: number) =>
  sql.run(qb.updateTable('movein_cases').set({ id_note: '', keys_signed_by: '已删除' }).where('resident_id', '=', residentId));

/* leases */

export const leasesOf = (sql: Sql, residentId: number) =>
  sql.all(qb.selectFrom('tenant_leases').select(['id', 'start_date', 'end_date', 'moved_out']).where('resident_id', '=', residentId).orderBy('start_date'));
export const insertLease = (sql: Sql, l: { residentId: number; roomId: number; start: string; end: string; at: string; operatorId: number }) =>
  sql.run(
    qb
      .insertInto('tenant_leases')
      .values({ resident_id: l.residentId, room_id: l.roomId, start_date: l.start, end_date: l.end, created_at: l.at, operator_id: l.operatorId }),
  );
export const closeLease = (sql: Sql, id: number, movedOut: string) =>
  sql.run(qb.updateTable('tenant_leases').set({ moved_out: movedOut }).where('id', '=', id));
export const lastLeaseEnds = (sql: Sql, roomId: number) =>
  sql.all(
    qb
      .selectFrom('tenant_leases')
      .select(['resident_id', (eb) => eb.fn.max('end_date').as('end_date')])
      .where('room_id', '=', roomId)
      .groupBy('resident_id'),
  );

/* transfers */

export const insertTransfer = (
  sql: Sql,
  t: { roomId: number; fromId: number; toId: number; date: string; deed: boolean; contract: boolean; idCard: boolean; at: string; operatorId: number },
) =>
  sql.run(
    qb.insertInto('ownership_transfers').values({
      room_id: t.roomId,
      from_resident_id: t.fromId,
      to_resident_id: t.toId,
      transfer_date: t.date,
      title_deed_seen: t.deed ? 1 : 0,
      contract_seen: t.contract ? 1 : 0,
      id_card_seen: t.idCard ? 1 : 0,
      at: t.at,
      operator_id: t.operatorId,
    }),
  );
export const transfersOf = (sql: Sql, roomId: number) =>
  sql.all(
    qb
      .selectFrom('ownership_transfers as t')
      .innerJoin('residents as f', 'f.id', 't.from_resident_id')
      .innerJoin('residents as n', 'n.id', 't.to_resident_id')
      .select([
        't.transfer_date as date',
        'f.name as from_name',
        'n.name as to_name',
        't.title_deed_seen as deed',
        't.contract_seen as contract',
        't.id_card_seen as id_card',
      ])
      .where('t.room_id', '=', roomId)
      .orderBy('t.id', 'desc'),
  );
