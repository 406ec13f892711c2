import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';

/** Occupancy counts and unit upkeep. */

export const buildings = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('buildings')
      .select(['id', 'code', 'name'])
      .orderBy(raw`length(code)`)
      .orderBy('code'),
  );

export const countsByBuilding = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('rooms as rm')
      .innerJoin('units as u', 'u.id', 'rm.unit_id')
      .select(['u.building_id as building_id', 'rm.state as state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['u.building_id', 'rm.state']),
  );

export const changesBetween = (sql: Sql, from: string, to: string) =>
  sql.all(
    qb
      .selectFrom('room_state_changes')
      .select(['from_state', 'to_state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy(['from_state', 'to_state']),
  );

export const unitByCode = (sql: Sql, buildingId: number, code: string) =>
  sql.get(qb.selectFrom('units').select('id').where('building_id', '=', buildingId).where('code', '=', code));
export const insertUnit = (sql: Sql, buildingId: number, code: string) =>
  sql.run(qb.insertInto('units').values({ building_id: buildingId, code })).lastInsertRowid;

/** A building's units, each with how many rooms it has (the supervisor's pick list when adding a room). */
export const unitsOf = (sql: Sql, buildingId: number) =>
  sql.all(
    qb
      .selectFrom('units as u')
      .leftJoin('rooms as rm', 'rm.unit_id', 'u.id')
      .select(['u.id as id', 'u.code as code', (eb) => eb.fn.count<number>('rm.id').as('rooms')])
      .where('u.building_id', '=', buildingId)
      .groupBy(['u.id', 'u.code'])
      .orderBy(raw`length(u.code)`)
      .orderBy('u.code'),
  );
