import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { AppointmentStatus, CheckoutMethod, VisitStatus, VisitsTable, VisitorAppointmentsTable } from '../../db/schema';

/** Visits, appointments and the refusal list: queries only; the services own transactions and rules. */

/** Literal, so the partial index visits_on_site (WHERE status = 'on_site') is used. */
const ON_SITE = raw<boolean>`v.status = 'on_site'`;
const ACTIVE_REFUSAL = raw<boolean>`f.ended_at IS NULL`;

const visitCols = [
  'v.id as id',
  'v.status as status',
  'p.name as name',
  'p.phone as phone',
  'p.doc_type as doc_type',
  'p.doc_last4 as doc_last4',
  'p.plate as plate',
  'p.erased_at as erased_at',
  'v.party_size as party_size',
  'v.purpose as purpose',
  'v.purpose_note as purpose_note',
  'v.room_id as room_id',
  'rm.code as room_code',
  'v.common_area_reason as common_area_reason',
  'v.zones as zones',
  'v.consent as consent',
  'v.consent_phone_masked as consent_phone_masked',
  'v.appointment_id as appointment_id',
  'f.reason as refusal_reason',
  'ap.display_name as approver_name',
  'v.checked_in_at as checked_in_at',
  'oi.display_name as checked_in_by_name',
  'v.valid_until as valid_until',
  'v.checked_out_at as checked_out_at',
  'oo.display_name as checked_out_by_name',
  'v.checkout_method as checkout_method',
  'v.checkout_note as checkout_note',
  'pi.pass_no as pass_no',
  'pi.id as pass_id',
  'v.personal_id as personal_id',
] as const;

const visits = () =>
  qb
    .selectFrom('visits as v')
    .innerJoin('visitor_personal as p', 'p.id', 'v.personal_id')
    .innerJoin('pass_issues as pi', 'pi.visit_id', 'v.id')
    .leftJoin('rooms as rm', 'rm.id', 'v.room_id')
    .innerJoin('operators as oi', 'oi.id', 'v.checked_in_by')
    .leftJoin('operators as oo', 'oo.id', 'v.checked_out_by')
    .leftJoin('operators as ap', 'ap.id', 'v.approver_id')
    .leftJoin('visitor_refusals as f', 'f.id', 'v.refusal_id')
    .select(visitCols);
export type VisitRow = NonNullable<ReturnType<typeof visitById>>;

export const visitById = (sql: Sql, id: number) => sql.get(visits().where('v.id', '=', id));

/** A row read as an array (visitCols' order: test/db/visitors-indexes.test.ts checks it against the object form). */
const visitRowOf = (a: unknown[]): VisitRow =>
  ({
    id: a[0],
    status: a[1],
    name: a[2],
    phone: a[3],
    doc_type: a[4],
    doc_last4: a[5],
    plate: a[6],
    erased_at: a[7],
    party_size: a[8],
    purpose: a[9],
    purpose_note: a[10],
    room_id: a[11],
    room_code: a[12],
    common_area_reason: a[13],
    zones: a[14],
    consent: a[15],
    consent_phone_masked: a[16],
    appointment_id: a[17],
    refusal_reason: a[18],
    approver_name: a[19],
    checked_in_at: a[20],
    checked_in_by_name: a[21],
    valid_until: a[22],
    checked_out_at: a[23],
    checked_out_by_name: a[24],
    checkout_method: a[25],
    checkout_note: a[26],
    pass_no: a[27],
    pass_id: a[28],
    personal_id: a[29],
  }) as VisitRow;
export const visitByRequest = (sql: Sql, requestId: string) => sql.get(qb.selectFrom('visits').select('id').where('request_id', '=', requestId));
/** Everyone on site, longest there first (visits_on_site); read as arrays (the guard's screen polls it, hundreds of rows). */
export const onSite = (sql: Sql): VisitRow[] => sql.arrays(visits().where(ON_SITE).orderBy('v.checked_in_at').orderBy('v.id')).map(visitRowOf);
/** Everyone on site checked in at or before `until` (a bulk check-out at `now` includes who came in this very moment). */
export const onSiteCheckedInBy = (sql: Sql, until: string) =>
  sql.all(qb.selectFrom('visits as v').select(['v.id', 'v.personal_id']).where(ON_SITE).where('v.checked_in_at', '<=', until).orderBy('v.checked_in_at'));

export function searchVisits(
  sql: Sql,
  f: { q?: string; passNo?: string; phoneLast4?: string; roomCode?: string; from?: string; to?: string; status?: VisitStatus; limit: number },
) {
  let q = visits();
  if (f.status === 'on_site') q = q.where(ON_SITE);
  else if (f.status) q = q.where('v.status', '=', f.status);
  if (f.from && f.to) q = q.where('v.checked_in_at', '>=', f.from).where('v.checked_in_at', '<', f.to);
  if (f.passNo) q = q.where('pi.pass_no', '=', f.passNo);
  else if (f.phoneLast4) q = q.where('p.phone_last4', '=', f.phoneLast4);
  else if (f.roomCode) q = q.where('rm.code', '=', f.roomCode);
  else if (f.q) q = q.where('p.name', '=', f.q);
  return sql.all(q.orderBy('v.checked_in_at', 'desc').orderBy('v.id', 'desc').limit(f.limit));
}

/** The visits checked in during [from, to), oldest first (visits_checked_in), for the report's sheet. */
export const visitsBetween = (sql: Sql, from: string, to: string, limit: number) =>
  sql.all(visits().where('v.checked_in_at', '>=', from).where('v.checked_in_at', '<', to).orderBy('v.checked_in_at').orderBy('v.id').limit(limit));

export type VisitWrite = Omit<VisitsTable, 'id' | 'status' | 'checked_out_at' | 'checked_out_by' | 'checkout_method' | 'checkout_note'>;
export const insertVisit = (sql: Sql, w: VisitWrite) => sql.run(qb.insertInto('visits').values({ ...w, status: 'on_site' })).lastInsertRowid;

export const closeVisit = (
  sql: Sql,
  id: number,
  w: { status: Exclude<VisitStatus, 'on_site'>; at: string; by: number; method: CheckoutMethod; note: string | null },
) =>
  sql.run(
    qb
      .updateTable('visits')
      .set({ status: w.status, checked_out_at: w.at, checked_out_by: w.by, checkout_method: w.method, checkout_note: w.note })
      .where('id', '=', id)
      .where('status', '=', 'on_site'),
  ).changes;

// ——— appointments ———

const apptCols = [
  'a.id as id',
  'a.status as status',
  'p.name as name',
  'p.phone as phone',
  'p.erased_at as erased_at',
  'a.room_id as room_id',
  'rm.code as room_code',
  'a.date as date',
  'a.party_size as party_size',
  'a.purpose as purpose',
  'a.note as note',
  'a.created_at as created_at',
  'o.display_name as created_by_name',
  'a.visit_id as visit_id',
  'a.cancel_reason as cancel_reason',
  'a.personal_id as personal_id',
] as const;

const appointments = () =>
  qb
    .selectFrom('visitor_appointments as a')
    .innerJoin('visitor_personal as p', 'p.id', 'a.personal_id')
    .innerJoin('rooms as rm', 'rm.id', 'a.room_id')
    .innerJoin('operators as o', 'o.id', 'a.created_by')
    .select(apptCols);
export type AppointmentRow = NonNullable<ReturnType<typeof appointmentById>>;

export const appointmentById = (sql: Sql, id: number) => sql.get(appointments().where('a.id', '=', id));
export const appointmentByRequest = (sql: Sql, requestId: string) =>
  sql.get(qb.selectFrom('visitor_appointments').select('id').where('request_id', '=', requestId));
export function appointmentsOn(sql: Sql, date: string, status?: AppointmentStatus) {
  let q = appointments().where('a.date', '=', date);
  if (status) q = q.where('a.status', '=', status);
  return sql.all(q.orderBy('a.id'));
}
export const insertAppointment = (sql: Sql, w: Omit<VisitorAppointmentsTable, 'id' | 'status' | 'visit_id' | 'closed_at' | 'cancel_reason'>) =>
  sql.run(qb.insertInto('visitor_appointments').values({ ...w, status: 'planned' })).lastInsertRowid;
export const setAppointment = (
  sql: Sql,
  id: number,
  from: AppointmentStatus,
  patch: { status: AppointmentStatus; visit_id?: number; closed_at?: string; cancel_reason?: string },
) => sql.run(qb.updateTable('visitor_appointments').set(patch).where('id', '=', id).where('status', '=', from)).changes;
/** Planned appointments of days before `today`: they become no-shows (served by visitor_appointments_day). */
export const expireAppointments = (sql: Sql, today: string, at: string) =>
  sql.run(qb.updateTable('visitor_appointments').set({ status: 'no_show', closed_at: at }).where('date', '<', today).where('status', '=', 'planned')).changes;

// ——— refusal list ———

const refusalCols = [
  'f.id as id',
  'p.name as name',
  'p.phone_last4 as phone_last4',
  'p.doc_last4 as doc_last4',
  'p.erased_at as erased_at',
  'f.room_id as room_id',
  'rm.code as room_code',
  'f.reason as reason',
  'f.from_date as from_date',
  'f.until_date as until_date',
  'f.created_at as created_at',
  'oc.display_name as created_by_name',
  'f.ended_at as ended_at',
  'oe.display_name as ended_by_name',
  'f.end_reason as end_reason',
] as const;

const refusals = () =>
  qb
    .selectFrom('visitor_refusals as f')
    .innerJoin('visitor_personal as p', 'p.id', 'f.personal_id')
    .leftJoin('rooms as rm', 'rm.id', 'f.room_id')
    .innerJoin('operators as oc', 'oc.id', 'f.created_by')
    .leftJoin('operators as oe', 'oe.id', 'f.ended_by')
    .select(refusalCols);
export type RefusalRow = NonNullable<ReturnType<typeof refusalById>>;

export const refusalById = (sql: Sql, id: number) => sql.get(refusals().where('f.id', '=', id));
/** Refusals in force on `today` (visitor_refusals_active: not ended, until today or later). */
export const activeRefusals = (sql: Sql, today: string) =>
  sql.all(refusals().where(ACTIVE_REFUSAL).where('f.until_date', '>=', today).where('f.from_date', '<=', today).orderBy('f.id'));
export function listRefusals(sql: Sql, includeEnded: boolean, today: string) {
  let q = refusals();
  if (!includeEnded) q = q.where(ACTIVE_REFUSAL).where('f.until_date', '>=', today);
  return sql.all(q.orderBy('f.id', 'desc').limit(500));
}
export const insertRefusal = (
  sql: Sql,
  w: { personal_id: number; room_id: number | null; reason: string; from_date: string; until_date: string; created_at: string; created_by: number },
) => sql.run(qb.insertInto('visitor_refusals').values(w)).lastInsertRowid;
export const endRefusal = (sql: Sql, id: number, w: { ended_at: string; ended_by: number; end_reason: string }) =>
  sql.run(qb.updateTable('visitor_refusals').set(w).where('id', '=', id).where('ended_at', 'is', null)).changes;

// ——— the roster, as this area reads it ———

/** A room with its building (the pass's zone), or undefined when it is not in the roster. */
export const roomWithBuilding = (sql: Sql, id: number) =>
  sql.get(
    qb
      .selectFrom('rooms as rm')
      .innerJoin('units as u', 'u.id', 'rm.unit_id')
      .innerJoin('buildings as b', 'b.id', 'u.building_id')
      .select(['rm.id as id', 'rm.code as code', 'b.id as building_id', 'b.code as building_code', 'b.name as building_name'])
      .where('rm.id', '=', id),
  );
export const buildingsByIds = (sql: Sql, ids: readonly number[]) =>
  ids.length
    ? sql.all(
        qb
          .selectFrom('buildings')
          .select(['id', 'code', 'name'])
          .where('id', 'in', ids as number[])
          .orderBy('code'),
      )
    : [];
