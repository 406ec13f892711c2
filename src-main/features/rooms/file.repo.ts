import { qb, type Sql } from '../../db/sql';

/** What other areas hold for one room, read for the room file (each through its room index). */

export const keysOfRoom = (sql: Sql, roomId: number) =>
  sql.all(qb.selectFrom('keys').select(['id', 'tag', 'kind', 'label', 'status']).where('room_id', '=', roomId).where('status', '!=', 'retired').orderBy('tag'));

export const vacantKeysOfRoom = (sql: Sql, roomId: number) =>
  sql.all(
    qb
      .selectFrom('keys')
      .select(['id', 'tag', 'status'])
      .where('room_id', '=', roomId)
      .where('kind', '=', 'vacant')
      .where('status', '=', 'on_board')
      .orderBy('tag'),
  );

export const cardsOfRoom = (sql: Sql, roomId: number) =>
  sql.all(
    qb
      .selectFrom('cards')
      .select(['id', 'type', 'function_name', 'holder_name', 'status', 'match_key'])
      .where('room_id', '=', roomId)
      .where('status', '=', 'active')
      .orderBy('id'),
  );

export const parcelsInStock = (sql: Sql, roomId: number) =>
  sql.all(
    qb
      .selectFrom('parcels')
      .select(['id', 'carrier', 'pickup_code', 'intake_at'])
      .where('room_id', '=', roomId)
      .where('status', '=', 'in_stock')
      .orderBy('intake_at'),
  );

export const openRequests = (sql: Sql, roomId: number) =>
  sql.all(
    qb
      .selectFrom('service_requests')
      .select(['id', 'kind', 'category', 'status', 'created_at'])
      .where('room_id', '=', roomId)
      .where('status', 'in', ['logged', 'dispatched', 'in_progress'])
      .orderBy('created_at', 'desc'),
  );
