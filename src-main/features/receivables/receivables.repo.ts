import type { Insertable } from 'kysely';
import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { ReceivableAllocationsTable, ReceivableChargesTable, ReceivablePlansTable } from '../../db/schema';

/** Receivables queries only: periodic items, rates, plans, charges and allocations. The services own transactions. */

export const periodicItems = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('receivable_items as ri')
      .innerJoin('fee_items as f', 'f.id', 'ri.item_id')
      .select(['ri.item_id', 'ri.since_month', 'ri.vacancy_applies', 'f.code', 'f.name', 'f.rule', 'f.category', 'f.active', 'f.sort'])
      .orderBy('f.sort')
      .orderBy('f.id'),
  );

export const periodicItem = (sql: Sql, itemId: number) =>
  sql.get(
    qb
      .selectFrom('receivable_items as ri')
      .innerJoin('fee_items as f', 'f.id', 'ri.item_id')
      .select(['ri.item_id', 'ri.since_month', 'ri.vacancy_applies', 'f.code', 'f.name', 'f.rule', 'f.category', 'f.active', 'f.refundable'])
      .where('ri.item_id', '=', itemId),
  );

export const insertPeriodicItem = (sql: Sql, itemId: number, since: string, vacancy: boolean, at: string) =>
  sql.run(qb.insertInto('receivable_items').values({ item_id: itemId, since_month: since, vacancy_applies: vacancy ? 1 : 0, created_at: at, updated_at: at }));
export const updatePeriodicItem = (sql: Sql, itemId: number, vacancy: boolean, at: string) =>
  sql.run(
    qb
      .updateTable('receivable_items')
      .set({ vacancy_applies: vacancy ? 1 : 0, updated_at: at })
      .where('item_id', '=', itemId),
  );

export const ratesOf = (sql: Sql, itemId: number) =>
  sql.all(qb.selectFrom('receivable_rates').select(['id', 'from_month', 'to_month', 'unit_price_fen']).where('item_id', '=', itemId).orderBy('from_month'));
export const allRates = (sql: Sql) =>
  sql.all(qb.selectFrom('receivable_rates').select(['id', 'item_id', 'from_month', 'to_month', 'unit_price_fen']).orderBy('item_id').orderBy('from_month'));
export const insertRate = (sql: Sql, r: { itemId: number; from: string; to: string | null; priceFen: number; operatorId: number | null; at: string }) =>
  sql.run(
    qb
      .insertInto('receivable_rates')
      .values({ item_id: r.itemId, from_month: r.from, to_month: r.to, unit_price_fen: r.priceFen, operator_id: r.operatorId, created_at: r.at }),
  );
export const closeRate = (sql: Sql, id: number, to: string) => sql.run(qb.updateTable('receivable_rates').set({ to_month: to }).where('id', '=', id));

export const roomFacts = (sql: Sql, roomId: number) =>
  sql.get(
    qb
      .selectFrom('rooms as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.code', 'r.area_cm2', 'u.building_id'])
      .where('r.id', '=', roomId),
  );
export const roomIdByCode = (sql: Sql, code: string) => sql.get(qb.selectFrom('rooms').select('id').where('code', '=', code))?.id;

export const plansOfRoom = (sql: Sql, roomId: number) =>
  sql.all(qb.selectFrom('receivable_plans').selectAll().where('room_id', '=', roomId).orderBy('item_id'));
export const planOf = (sql: Sql, roomId: number, itemId: number) =>
  sql.get(qb.selectFrom('receivable_plans').selectAll().where('room_id', '=', roomId).where('item_id', '=', itemId));
export const insertPlan = (sql: Sql, p: Insertable<ReceivablePlansTable>) => sql.run(qb.insertInto('receivable_plans').values(p)).lastInsertRowid;
export const updatePlan = (
  sql: Sql,
  id: number,
  p: { start_month: string; first_days: number | null; end_month: string | null; quantity: number; source: 'counter' | 'import'; updated_at: string },
) => sql.run(qb.updateTable('receivable_plans').set(p).where('id', '=', id));
/** plans whose month charges are not yet written up to `month`, with their room's area and building */
export const plansBehind = (sql: Sql, month: string, limit: number) =>
  sql.all(
    qb
      .selectFrom('receivable_plans as p')
      .innerJoin('rooms as r', 'r.id', 'p.room_id')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .selectAll('p')
      .select(['r.area_cm2 as area_cm2', 'u.building_id as room_building_id'])
      .where((eb) => eb.or([eb('p.generated_through', 'is', null), eb('p.generated_through', '<', month)]))
      .limit(limit),
  );
/** marks plans written up to `month` (one statement for a batch) */
export const setGeneratedMany = (sql: Sql, ids: number[], month: string) =>
  ids.length ? sql.run(qb.updateTable('receivable_plans').set({ generated_through: month }).where('id', 'in', ids)).changes : 0;
/** month charges written in one statement (months already written are left as they are); returns rows written */
export const insertCharges = (sql: Sql, rows: Insertable<ReceivableChargesTable>[]) =>
  rows.length
    ? sql.run(
        qb
          .insertInto('receivable_charges')
          .values(rows)
          .onConflict((oc) => oc.columns(['room_id', 'item_id', 'kind', 'month']).doNothing()),
      ).changes
    : 0;
export const anyPlanBehind = (sql: Sql, month: string) =>
  sql.get(
    qb
      .selectFrom('receivable_plans')
      .select('id')
      .where((eb) => eb.or([eb('generated_through', 'is', null), eb('generated_through', '<', month)]))
      .limit(1),
  ) !== undefined;

/** the vacancies and reductions of a batch of rooms (month generation) */
export const vacanciesOfRooms = (sql: Sql, roomIds: number[]) =>
  roomIds.length
    ? sql.all(qb.selectFrom('receivable_vacancies').select(['room_id', 'from_month', 'to_month', 'pct']).where('room_id', 'in', roomIds).orderBy('id'))
    : [];
export const adjustmentsOfRooms = (sql: Sql, roomIds: number[]) =>
  roomIds.length
    ? sql.all(
        qb
          .selectFrom('receivable_adjustments')
          .select(['room_id', 'item_id', 'from_month', 'to_month', 'pct_off'])
          .where('room_id', 'in', roomIds)
          .orderBy('id'),
      )
    : [];
export const vacanciesOf = (sql: Sql, roomId: number) =>
  sql.all(qb.selectFrom('receivable_vacancies').select(['from_month', 'to_month', 'pct']).where('room_id', '=', roomId).orderBy('id'));
export const insertVacancy = (sql: Sql, v: { roomId: number; from: string; to: string | null; pct: number; reason: string; operatorId: number; at: string }) =>
  sql.run(
    qb
      .insertInto('receivable_vacancies')
      .values({ room_id: v.roomId, from_month: v.from, to_month: v.to, pct: v.pct, reason: v.reason, operator_id: v.operatorId, created_at: v.at }),
  ).lastInsertRowid;

export const adjustmentsOf = (sql: Sql, roomId: number, itemId: number) =>
  sql.all(
    qb
      .selectFrom('receivable_adjustments')
      .select(['from_month', 'to_month', 'pct_off'])
      .where('room_id', '=', roomId)
      .where('item_id', '=', itemId)
      .orderBy('id'),
  );
export const insertAdjustment = (
  sql: Sql,
  a: {
    roomId: number;
    itemId: number;
    from: string;
    to: string;
    pctOff: number;
    reason: string;
    approvalId: string;
    operatorId: number;
    approverId: number;
    at: string;
  },
) =>
  sql.run(
    qb.insertInto('receivable_adjustments').values({
      room_id: a.roomId,
      item_id: a.itemId,
      from_month: a.from,
      to_month: a.to,
      pct_off: a.pctOff,
      reason: a.reason,
      approval_id: a.approvalId,
      operator_id: a.operatorId,
      approver_id: a.approverId,
      created_at: a.at,
    }),
  ).lastInsertRowid;

/** All charges of a room's item, opening arrears first, then by month. */
export const chargesOf = (sql: Sql, roomId: number, itemId: number) =>
  sql.all(
    qb
      .selectFrom('receivable_charges')
      .select(['id', 'kind', 'month', 'base_fen', 'amount_fen', 'settled_fen', 'building_id'])
      .where('room_id', '=', roomId)
      .where('item_id', '=', itemId)
      .orderBy('kind', 'desc')
      .orderBy('month'),
  );
export const insertCharge = (sql: Sql, c: Insertable<ReceivableChargesTable>) =>
  sql.run(
    qb
      .insertInto('receivable_charges')
      .values(c)
      .onConflict((oc) => oc.columns(['room_id', 'item_id', 'kind', 'month']).doNothing()),
  );
export const chargeByKey = (sql: Sql, roomId: number, itemId: number, kind: 'month' | 'opening', month: string) =>
  sql.get(
    qb
      .selectFrom('receivable_charges')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('item_id', '=', itemId)
      .where('kind', '=', kind)
      .where('month', '=', month),
  );
export const repriceCharge = (sql: Sql, id: number, baseFen: number, amountFen: number) =>
  sql.run(qb.updateTable('receivable_charges').set({ base_fen: baseFen, amount_fen: amountFen }).where('id', '=', id).where('settled_fen', '=', 0));
export const deleteCharge = (sql: Sql, id: number) => sql.run(qb.deleteFrom('receivable_charges').where('id', '=', id).where('settled_fen', '=', 0));
export const addSettled = (sql: Sql, id: number, fen: number) =>
  sql.run(
    qb
      .updateTable('receivable_charges')
      .set((eb) => ({ settled_fen: eb('settled_fen', '+', fen) }))
      .where('id', '=', id),
  ).changes;
/** unsettled month charges of an item from a month on (rates changed) */
export const unsettledFrom = (sql: Sql, itemId: number, from: string, to: string | null) => {
  let q = qb
    .selectFrom('receivable_charges')
    .select(['id', 'room_id', 'month'])
    .where('item_id', '=', itemId)
    .where('kind', '=', 'month')
    .where('settled_fen', '=', 0)
    .where('month', '>=', from);
  if (to) q = q.where('month', '<=', to);
  return sql.all(q);
};
export const settledCountOf = (sql: Sql, roomId: number, itemId: number) =>
  sql.get(
    qb
      .selectFrom('receivable_charges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('room_id', '=', roomId)
      .where('item_id', '=', itemId)
      .where('settled_fen', '>', 0),
  )?.n ?? 0;

export const insertAllocation = (sql: Sql, a: Insertable<ReceivableAllocationsTable>) => sql.run(qb.insertInto('receivable_allocations').values(a));
export const allocationsOfLine = (sql: Sql, lineId: number) =>
  sql.all(qb.selectFrom('receivable_allocations').selectAll().where('receipt_line_id', '=', lineId).orderBy('id'));

/** What receipt lines settled which months (for the receipt and the room file). */
export const allocationsOfReceipt = (sql: Sql, receiptId: number) =>
  sql.all(
    qb
      .selectFrom('receivable_allocations as a')
      .innerJoin('receipt_lines as l', 'l.id', 'a.receipt_line_id')
      .select(['l.line_no', 'a.item_id', 'a.kind', 'a.month', 'a.amount_fen'])
      .where('l.receipt_id', '=', receiptId)
      .orderBy('l.line_no')
      .orderBy('a.id'),
  );

export { raw };
export const setGeneratedNull = (sql: Sql, id: number) => sql.run(qb.updateTable('receivable_plans').set({ generated_through: null }).where('id', '=', id));

/** 欠费清单: per room, what is owed up to `thisMonth` (opening arrears included), with the owed amount by age. */
export const arrearsByRoom = (sql: Sql, o: { thisMonth: string; m3: string; m6: string; m12: string; buildingId: number | null }) =>
  sql.all(
    raw<{ room_id: number; building_id: number; months: number; owed: number; oldest: string; b3: number; b6: number; b12: number; bold: number }>`
      SELECT room_id, building_id,
        sum(kind = 'month') AS months,
        sum(amount_fen - settled_fen) AS owed,
        min(month) AS oldest,
        sum(CASE WHEN month >= ${o.m3} THEN amount_fen - settled_fen ELSE 0 END) AS b3,
        sum(CASE WHEN month < ${o.m3} AND month >= ${o.m6} THEN amount_fen - settled_fen ELSE 0 END) AS b6,
        sum(CASE WHEN month < ${o.m6} AND month >= ${o.m12} THEN amount_fen - settled_fen ELSE 0 END) AS b12,
        sum(CASE WHEN month < ${o.m12} THEN amount_fen - settled_fen ELSE 0 END) AS bold
      FROM receivable_charges
      WHERE settled_fen < amount_fen AND month <= ${o.thisMonth} AND (${o.buildingId} IS NULL OR building_id = ${o.buildingId})
      GROUP BY room_id`,
  );

export const roomLabels = (sql: Sql, ids: number[]) =>
  ids.length
    ? sql.all(
        qb
          .selectFrom('rooms as r')
          .innerJoin('units as u', 'u.id', 'r.unit_id')
          .innerJoin('buildings as b', 'b.id', 'u.building_id')
          .select([
            'r.id',
            'r.code',
            'b.name as building_name',
            (eb) =>
              eb
                .selectFrom('residents as p')
                .select('p.name')
                .whereRef('p.room_id', '=', 'r.id')
                .where('p.kind', '=', 'owner')
                .orderBy('p.id')
                .limit(1)
                .as('owner'),
          ])
          .where('r.id', 'in', ids),
      )
    : [];

export const lastContactDays = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('receivable_contacts')
      .select(['room_id', (eb) => eb.fn.max<string>('day').as('day')])
      .groupBy('room_id'),
  );

export const insertContact = (
  sql: Sql,
  c: {
    roomId: number;
    at: string;
    day: string;
    way: 'phone' | 'visit' | 'sms' | 'notice' | 'lawyer';
    operatorId: number;
    result: string;
    promisedDate: string | null;
  },
) =>
  sql.run(
    qb
      .insertInto('receivable_contacts')
      .values({ room_id: c.roomId, at: c.at, day: c.day, way: c.way, operator_id: c.operatorId, result: c.result, promised_date: c.promisedDate }),
  ).lastInsertRowid;

const contactSelect = () =>
  qb
    .selectFrom('receivable_contacts as c')
    .innerJoin('rooms as r', 'r.id', 'c.room_id')
    .innerJoin('operators as o', 'o.id', 'c.operator_id')
    .select(['c.id', 'c.room_id', 'r.code as room_code', 'c.at', 'c.day', 'c.way', 'o.display_name as operator_name', 'c.result', 'c.promised_date']);
export const contactsOf = (sql: Sql, roomId: number) => sql.all(contactSelect().where('c.room_id', '=', roomId).orderBy('c.id', 'desc'));
export const contactById = (sql: Sql, id: number) => sql.get(contactSelect().where('c.id', '=', id));
/** promises whose date has passed, the latest contact of its room (a later contact supersedes a promise) */
export const promisesBefore = (sql: Sql, today: string, limit: number) =>
  sql.all(
    contactSelect()
      .where('c.promised_date', 'is not', null)
      .where('c.promised_date', '<', today)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('receivable_contacts as later').select('later.id').whereRef('later.room_id', '=', 'c.room_id').whereRef('later.id', '>', 'c.id'),
          ),
        ),
      )
      .orderBy('c.promised_date')
      .limit(limit),
  );
export const owedOfRoom = (sql: Sql, roomId: number, thisMonth: string) =>
  sql.get(
    qb
      .selectFrom('receivable_charges')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb('amount_fen', '-', eb.ref('settled_fen'))), eb.lit(0)).as('owed'))
      .where('room_id', '=', roomId)
      .where('month', '<=', thisMonth)
      .where((eb) => eb('settled_fen', '<', eb.ref('amount_fen'))),
  )?.owed ?? 0;

/**
 * Charged and collected for the months from..to (month charges), by building and item: from the totals the charge
 * triggers keep per month, building and item (a year is a few hundred rows, not every charge of it).
 */
export const chargedByBuildingItem = (sql: Sql, from: string, to: string) =>
  sql.all(
    raw<{ building_id: number; item_id: number; charged: number; collected: number }>`
      SELECT building_id, item_id, sum(charged_fen) AS charged, sum(settled_fen) AS collected
      FROM receivable_month_totals WHERE month >= ${from} AND month <= ${to}
      GROUP BY building_id, item_id`,
  );

/**
 * 清欠: allocations made in [fromAt, toAt) to charges of months before `before` (and opening arrears), by building and
 * item. The first condition repeats the partial index's own (allocations that may settle an earlier year's arrears),
 * so only those are read; the second is the exact one for the property's year.
 */
export const arrearsCollected = (sql: Sql, fromAt: string, toAt: string, before: string) =>
  sql.all(
    raw<{ building_id: number; item_id: number; fen: number }>`
      SELECT building_id, item_id, sum(amount_fen) AS fen
      FROM receivable_allocations
      WHERE (kind = 'opening' OR month < strftime('%Y', at, '+14 hours') || '-01')
        AND at >= ${fromAt} AND at < ${toAt} AND (kind = 'opening' OR month < ${before})
      GROUP BY building_id, item_id`,
  );

export const buildingNames = (sql: Sql) => sql.all(qb.selectFrom('buildings').select(['id', 'name', 'code']));
