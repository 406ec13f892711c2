import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { FormState, PassIssuesTable, PassKind, PassStatus, RemovalPassesTable } from '../../db/schema';

/** Passes, their verifications, removal passes and the pre-printed form register: queries only. */

/** Literal, so the partial index pass_issues_open (WHERE status = 'valid') is used. */
const PI_VALID = raw<boolean>`pi.status = 'valid'`;

const passCols = [
  'pi.id as id',
  'pi.pass_no as pass_no',
  'pi.kind as kind',
  'pi.status as status',
  'pi.form_id as form_id',
  'pi.valid_from as valid_from',
  'pi.valid_until as valid_until',
  'pi.issued_at as issued_at',
  'oi.display_name as issued_by_name',
  'pi.room_id as room_id',
  'rm.code as room_code',
  'pi.common_area_reason as common_area_reason',
  'pi.zones as zones',
  'p.name as name',
  'p.phone as phone',
  'p.doc_type as doc_type',
  'p.doc_last4 as doc_last4',
  'p.erased_at as erased_at',
  'pi.company as company',
  'pi.note as note',
  'pi.visit_id as visit_id',
  'pi.removal_id as removal_id',
  'pi.closed_at as closed_at',
  'oc.display_name as closed_by_name',
  'pi.close_reason as close_reason',
  'pi.personal_id as personal_id',
] as const;

const passes = () =>
  qb
    .selectFrom('pass_issues as pi')
    .innerJoin('visitor_personal as p', 'p.id', 'pi.personal_id')
    .leftJoin('rooms as rm', 'rm.id', 'pi.room_id')
    .innerJoin('operators as oi', 'oi.id', 'pi.issued_by')
    .leftJoin('operators as oc', 'oc.id', 'pi.closed_by')
    .select(passCols);
export type PassRow = NonNullable<ReturnType<typeof passById>>;

export const passById = (sql: Sql, id: number) => sql.get(passes().where('pi.id', '=', id));
export const passByNo = (sql: Sql, passNo: string) => sql.get(passes().where('pi.pass_no', '=', passNo));
export const passByRequest = (sql: Sql, requestId: string) => sql.get(qb.selectFrom('pass_issues').select('id').where('request_id', '=', requestId));
export const passOfVisit = (sql: Sql, visitId: number) =>
  sql.get(qb.selectFrom('pass_issues').select(['id', 'pass_no', 'status']).where('visit_id', '=', visitId));

export type PassWrite = Omit<PassIssuesTable, 'id' | 'status' | 'closed_at' | 'closed_by' | 'close_reason'>;
export const insertPass = (sql: Sql, w: PassWrite) => sql.run(qb.insertInto('pass_issues').values({ ...w, status: 'valid' })).lastInsertRowid;

/** The one closing of a pass (returned, closed, void, lost, used); 0 when it was no longer valid. */
export const closePass = (sql: Sql, id: number, w: { status: Exclude<PassStatus, 'valid'>; at: string; by: number; reason: string | null }) =>
  sql.run(
    qb
      .updateTable('pass_issues')
      .set({ status: w.status, closed_at: w.at, closed_by: w.by, close_reason: w.reason })
      .where('id', '=', id)
      .where('status', '=', 'valid'),
  ).changes;

/** Workers' passes by state at `now`: out (valid, in force), expired (valid, its end reached: ends are exclusive), closed, or all. */
export function workerPasses(sql: Sql, f: { status: 'out' | 'expired' | 'closed' | 'all'; now: string; passNo?: string; limit: number }) {
  let q = passes().where('pi.kind', '=', 'worker');
  if (f.status === 'out') q = q.where(PI_VALID).where('pi.valid_until', '>', f.now);
  if (f.status === 'expired') q = q.where(PI_VALID).where('pi.valid_until', '<=', f.now);
  if (f.status === 'closed') q = q.where('pi.status', '!=', 'valid');
  if (f.passNo) q = q.where('pi.pass_no', '=', f.passNo);
  const order = f.status === 'expired' || f.status === 'out' ? q.orderBy('pi.valid_until') : q.orderBy('pi.issued_at', 'desc');
  return sql.all(order.orderBy('pi.id').limit(f.limit));
}

/** Valid passes of a kind: in force at `now` and past their validity (pass_issues_open). */
export function openCounts(sql: Sql, kind: PassKind, now: string): { inForce: number; expired: number } {
  const r = sql.get(
    qb
      .selectFrom('pass_issues as pi')
      .select([(eb) => eb.fn.countAll<number>().as('n'), raw<number>`coalesce(sum(pi.valid_until <= ${now}), 0)`.as('expired')])
      .where('pi.kind', '=', kind)
      .where(PI_VALID),
  );
  return { inForce: (r?.n ?? 0) - (r?.expired ?? 0), expired: r?.expired ?? 0 };
}

// ——— verifications (removal passes, once) ———

export const verificationOf = (sql: Sql, passId: number) =>
  sql.get(
    qb
      .selectFrom('pass_verifications as pv')
      .innerJoin('operators as o', 'o.id', 'pv.operator_id')
      .select(['pv.at as at', 'o.display_name as by_name', 'pv.via as via'])
      .where('pv.pass_id', '=', passId),
  );
export const insertVerification = (sql: Sql, w: { pass_id: number; at: string; operator_id: number; via: 'gate' | 'counter' }) =>
  sql.run(qb.insertInto('pass_verifications').values(w)).lastInsertRowid;

// ——— removal passes ———

export const insertRemoval = (sql: Sql, w: Omit<RemovalPassesTable, 'id'>) => sql.run(qb.insertInto('removal_passes').values(w)).lastInsertRowid;
export const insertRemovalItem = (sql: Sql, w: { removal_id: number; line_no: number; name: string; quantity: number }) =>
  sql.run(qb.insertInto('removal_pass_items').values(w));
export const removalByRequest = (sql: Sql, requestId: string) => sql.get(qb.selectFrom('removal_passes').select('id').where('request_id', '=', requestId));

const removalCols = [
  'r.id as id',
  'pi.id as pass_id',
  'pi.pass_no as pass_no',
  'pi.status as status',
  'pi.valid_from as valid_from',
  'pi.valid_until as valid_until',
  'pi.closed_at as closed_at',
  'pi.close_reason as close_reason',
  'r.room_id as room_id',
  'rm.code as room_code',
  'r.applicant_kind as applicant_kind',
  'p.name as name',
  'p.phone as phone',
  'p.plate as plate',
  'p.erased_at as erased_at',
  'r.moving_company as moving_company',
  'r.pass_date as pass_date',
  'r.window_from as window_from',
  'r.window_to as window_to',
  'r.consent as consent',
  'r.consent_phone_masked as consent_phone_masked',
  'r.consent_note as consent_note',
  'ap.display_name as approver_name',
  'r.open_issues as open_issues',
  'pi.issued_at as issued_at',
  'oi.display_name as issued_by_name',
  'pv.at as verified_at',
  'ov.display_name as verified_by_name',
  'pv.via as verified_via',
] as const;

const removals = () =>
  qb
    .selectFrom('removal_passes as r')
    .innerJoin('pass_issues as pi', 'pi.removal_id', 'r.id')
    .innerJoin('visitor_personal as p', 'p.id', 'r.personal_id')
    .innerJoin('rooms as rm', 'rm.id', 'r.room_id')
    .innerJoin('operators as oi', 'oi.id', 'pi.issued_by')
    .leftJoin('operators as ap', 'ap.id', 'r.approver_id')
    .leftJoin('pass_verifications as pv', 'pv.pass_id', 'pi.id')
    .leftJoin('operators as ov', 'ov.id', 'pv.operator_id')
    .select(removalCols);
export type RemovalRow = NonNullable<ReturnType<typeof removalById>>;

export const removalById = (sql: Sql, id: number) => sql.get(removals().where('r.id', '=', id));
export const removalItems = (sql: Sql, removalId: number) =>
  sql.all(qb.selectFrom('removal_pass_items').select(['name', 'quantity']).where('removal_id', '=', removalId).orderBy('line_no'));
export function listRemovals(sql: Sql, f: { date?: string; roomId?: number; status?: 'valid' | 'used' | 'void'; limit: number }) {
  let q = removals();
  if (f.date) q = q.where('r.pass_date', '=', f.date);
  if (f.roomId) q = q.where('r.room_id', '=', f.roomId);
  if (f.status) q = q.where('pi.status', '=', f.status);
  return sql.all(q.orderBy('r.pass_date', 'desc').orderBy('r.id', 'desc').limit(f.limit));
}

// ——— pre-printed forms ———

export const insertBatch = (
  sql: Sql,
  w: {
    prefix: string;
    first_no: number;
    last_no: number;
    digits: number;
    count: number;
    received_on: string;
    signed_by: string;
    handed_over_by: string;
    received_by: number;
    created_at: string;
    note: string;
  },
) => sql.run(qb.insertInto('pass_form_batches').values(w)).lastInsertRowid;
export const insertForm = (sql: Sql, w: { batch_id: number; form_no: string; changed_at: string; changed_by: number }) =>
  sql.run(qb.insertInto('pass_forms').values({ ...w, state: 'in_stock' })).lastInsertRowid;
export const formByNo = (sql: Sql, formNo: string) => sql.get(qb.selectFrom('pass_forms').selectAll().where('form_no', '=', formNo));
export const formsTaken = (sql: Sql, formNos: readonly string[]) =>
  formNos.length
    ? sql
        .all(
          qb
            .selectFrom('pass_forms')
            .select('form_no')
            .where('form_no', 'in', formNos as string[])
            .orderBy('form_no'),
        )
        .map((r) => r.form_no)
    : [];
export const setFormState = (sql: Sql, id: number, from: FormState, w: { state: FormState; changed_at: string; changed_by: number; reason: string | null }) =>
  sql.run(qb.updateTable('pass_forms').set(w).where('id', '=', id).where('state', '=', from)).changes;

export function formStateCounts(sql: Sql): Record<FormState, number> {
  const out: Record<FormState, number> = { in_stock: 0, issued: 0, void: 0, lost: 0 };
  for (const r of sql.all(
    qb
      .selectFrom('pass_forms')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state'),
  ))
    out[r.state] = r.n;
  return out;
}
export const receivedCount = (sql: Sql) => sql.get(qb.selectFrom('pass_form_batches').select(raw<number>`coalesce(sum(count), 0)`.as('n')))?.n ?? 0;
/** Issued forms whose pass is back (returned): the rest of the issued ones are out. */
export const returnedForms = (sql: Sql) =>
  sql.get(
    qb
      .selectFrom('pass_forms as f')
      .innerJoin('pass_issues as pi', 'pi.form_id', 'f.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('f.state', '=', 'issued')
      .where('pi.status', '!=', 'valid'),
  )?.n ?? 0;
export const nextInStock = (sql: Sql) =>
  sql.get(qb.selectFrom('pass_forms').select('form_no').where('state', '=', 'in_stock').orderBy('state').orderBy('form_no').limit(1))?.form_no ?? null;
export const batches = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('pass_form_batches as b')
      .innerJoin('operators as o', 'o.id', 'b.received_by')
      .select([
        'b.id as id',
        'b.prefix as prefix',
        'b.first_no as first_no',
        'b.last_no as last_no',
        'b.digits as digits',
        'b.count as count',
        'b.received_on as received_on',
        'b.signed_by as signed_by',
        'b.handed_over_by as handed_over_by',
        'o.display_name as received_by_name',
        'b.created_at as created_at',
        'b.note as note',
        (eb) =>
          eb
            .selectFrom('pass_forms as f')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('f.batch_id', '=', 'b.id')
            .where('f.state', '=', 'in_stock')
            .as('in_stock'),
      ])
      .orderBy('b.id', 'desc')
      .limit(200),
  );
export const insertFormCount = (
  sql: Sql,
  w: { at: string; operator_id: number; expected_in_stock: number; counted: number; out_count: number; explanation: string },
) => sql.run(qb.insertInto('pass_form_counts').values(w)).lastInsertRowid;
export const lastFormCount = (sql: Sql) =>
  sql.get(
    qb
      .selectFrom('pass_form_counts as c')
      .innerJoin('operators as o', 'o.id', 'c.operator_id')
      .select([
        'c.at as at',
        'o.display_name as operator_name',
        'c.expected_in_stock as expected_in_stock',
        'c.counted as counted',
        'c.explanation as explanation',
      ])
      .orderBy('c.id', 'desc')
      .limit(1),
  );
