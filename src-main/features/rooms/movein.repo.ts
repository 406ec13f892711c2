import { qb, type Sql } from '../../db/sql';
import type { MeterKind, MoveinCasesTable } from '../../db/schema';
import type { Updateable } from 'kysely';

/** Move-in cases, their links (keys, cards) and meter readings. */

const cols = [
  'id',
  'room_id',
  'status',
  'started_at',
  'resident_id',
  'identity_checked_at',
  'id_note',
  'docs_seen',
  'docs_checked_at',
  'meters_read_at',
  'keys_handed_at',
  'keys_signed_by',
  'cards_done_at',
  'fees_receipt_no',
  'fees_done_at',
  'issues',
  'completed_at',
] as const;
export type CaseRow = NonNullable<ReturnType<typeof caseById>>;

export const caseById = (sql: Sql, id: number) => sql.get(qb.selectFrom('movein_cases').select(cols).where('id', '=', id));
export const openCaseOfRoom = (sql: Sql, roomId: number) =>
  sql.get(qb.selectFrom('movein_cases').select(cols).where('room_id', '=', roomId).where('status', '=', 'open'));
export const latestCaseOfRoom = (sql: Sql, roomId: number) =>
  sql.get(qb.selectFrom('movein_cases').select(cols).where('room_id', '=', roomId).where('status', '!=', 'cancelled').orderBy('id', 'desc').limit(1));

export const insertCase = (sql: Sql, roomId: number, at: string, by: number) =>
  sql.run(qb.insertInto('movein_cases').values({ room_id: roomId, status: 'open', started_at: at, started_by: by })).lastInsertRowid;
export const updateCase = (sql: Sql, id: number, set: Updateable<MoveinCasesTable>) => sql.run(qb.updateTable('movein_cases').set(set).where('id', '=', id));

export const insertLink = (sql: Sql, caseId: number, kind: 'key' | 'card', refId: number) =>
  sql.run(
    qb
      .insertInto('movein_links')
      .values({ case_id: caseId, kind, ref_id: refId })
      .onConflict((oc) => oc.doNothing()),
  );
export const linksOf = (sql: Sql, caseId: number) =>
  sql.all(qb.selectFrom('movein_links').select(['kind', 'ref_id']).where('case_id', '=', caseId).orderBy('ref_id'));

export const lastReading = (sql: Sql, roomId: number, meter: MeterKind) =>
  sql.get(
    qb
      .selectFrom('meter_readings')
      .select(['reading_centi', 'read_at'])
      .where('room_id', '=', roomId)
      .where('meter', '=', meter)
      .orderBy('id', 'desc')
      .limit(1),
  );
export const insertReading = (sql: Sql, r: { roomId: number; meter: MeterKind; centi: number; at: string; caseId: number | null; operatorId: number }) =>
  sql.run(
    qb
      .insertInto('meter_readings')
      .values({ room_id: r.roomId, meter: r.meter, reading_centi: r.centi, read_at: r.at, case_id: r.caseId, operator_id: r.operatorId }),
  );
export const readingsOfCase = (sql: Sql, caseId: number) =>
  sql.all(qb.selectFrom('meter_readings').select(['meter', 'reading_centi']).where('case_id', '=', caseId).orderBy('id'));

export const completedBetween = (sql: Sql, from: string, to: string) =>
  sql.all(
    qb
      .selectFrom('movein_cases as c')
      .innerJoin('rooms as rm', 'rm.id', 'c.room_id')
      .leftJoin('receipts as r', 'r.receipt_no', 'c.fees_receipt_no')
      .select([
        'c.id as id',
        'rm.code as room_code',
        'c.completed_at as completed_at',
        'c.issues as issues',
        'c.fees_receipt_no as receipt_no',
        'r.total_fen as fees_fen',
      ])
      .where('c.completed_at', '>=', from)
      .where('c.completed_at', '<', to)
      .where('c.status', '=', 'done')
      .orderBy('c.completed_at'),
  );

export const keyTags = (sql: Sql, ids: readonly number[]) => (ids.length ? sql.all(qb.selectFrom('keys').select(['id', 'tag']).where('id', 'in', ids)) : []);
export const cardsBrief = (sql: Sql, ids: readonly number[]) =>
  ids.length ? sql.all(qb.selectFrom('cards').select(['id', 'type', 'match_key']).where('id', 'in', ids)) : [];
