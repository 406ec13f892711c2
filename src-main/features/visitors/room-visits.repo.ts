import { qb, type Sql } from '../../db/sql';

/** A room's visits checked in within [from, to) and its appointments of a day, for the room file (each through a room index). */

export const visitsOfRoom = (sql: Sql, roomId: number, from: string, to: string) =>
  sql.all(
    qb
      .selectFrom('visits as v')
      .innerJoin('visitor_personal as p', 'p.id', 'v.personal_id')
      .select(['v.id', 'p.name', 'v.party_size', 'v.purpose', 'v.status', 'v.checked_in_at', 'v.checked_out_at'])
      .where('v.room_id', '=', roomId)
      .where('v.checked_in_at', '>=', from)
      .where('v.checked_in_at', '<', to)
      .where('v.status', '!=', 'void')
      .orderBy('v.checked_in_at'),
  );

export const appointmentsOfRoom = (sql: Sql, roomId: number, date: string) =>
  sql.all(
    qb
      .selectFrom('visitor_appointments as a')
      .innerJoin('visitor_personal as p', 'p.id', 'a.personal_id')
      .select(['a.id', 'p.name', 'a.party_size', 'a.purpose'])
      .where('a.room_id', '=', roomId)
      .where('a.date', '=', date)
      .where('a.status', '=', 'planned')
      .orderBy('a.id'),
  );
