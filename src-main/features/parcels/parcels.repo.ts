import { sql as raw, type Insertable, type Updateable } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import type { ParcelCarrier, ParcelShelvesTable, ParcelsTable, ParcelStatus } from '../../db/schema';

/** Parcel queries only; the service owns transactions and rules. */

/**
 * `status = 'in_stock'` as a literal, not a bound parameter: SQLite uses a partial index (`WHERE status =
 * 'in_stock'`) only when it can see the query's term implies the index's, which a `?` does not show.
 */
const IN_STOCK = raw<boolean>`status = 'in_stock'`;
const P_IN_STOCK = raw<boolean>`p.status = 'in_stock'`;

const viewCols = [
  'p.id',
  'p.waybill',
  'p.carrier',
  'p.room_id',
  'p.room_code',
  'p.resident_id',
  'p.recipient',
  'p.phone_last4',
  'p.unlisted',
  'p.shelf_id',
  'p.slot',
  'p.pickup_code',
  'p.status',
  'p.note',
  'p.intake_at',
  'p.intake_by',
  'p.closed_at',
  'p.picked_at',
  'p.collector',
  'p.check_method',
  'p.check_note',
  'p.proxy',
  'p.proxy_name',
  'p.return_reason',
  'p.writeoff_reason',
  's.code as shelf_code',
  's.slots as shelf_slots',
  'io.display_name as intake_by_name',
  'co.display_name as closed_by_name',
  'ao.display_name as approver_name',
] as const;

const viewQuery = () =>
  qb
    .selectFrom('parcels as p')
    .leftJoin('parcel_shelves as s', 's.id', 'p.shelf_id')
    .innerJoin('operators as io', 'io.id', 'p.intake_by')
    .leftJoin('operators as co', 'co.id', 'p.closed_by')
    .leftJoin('approvals as a', 'a.id', 'p.approval_id')
    .leftJoin('operators as ao', 'ao.id', 'a.approver_id')
    .select(viewCols);

export type ParcelRow = NonNullable<ReturnType<typeof byId>>;

export const byId = (sql: Sql, id: number) => sql.get(viewQuery().where('p.id', '=', id));
export const byIds = (sql: Sql, ids: number[]) => (ids.length ? sql.all(viewQuery().where('p.id', 'in', ids).orderBy('p.id')) : []);

export const byRequest = (sql: Sql, requestId: string) => sql.get(qb.selectFrom('parcels').select('id').where('request_id', '=', requestId));

export const inStockByCode = (sql: Sql, code: string) => sql.all(viewQuery().where('p.pickup_code', '=', code).where(P_IN_STOCK));
export const inStockByWaybill = (sql: Sql, waybill: string) => sql.all(viewQuery().where('p.waybill', '=', waybill).where(P_IN_STOCK));
export const inStockByRoom = (sql: Sql, roomId: number) =>
  sql.all(viewQuery().where('p.room_id', '=', roomId).where(P_IN_STOCK).orderBy('p.intake_at').orderBy('p.id'));

/** The in-stock parcel with this waybill, for the duplicate check (unique partial index). */
export const inStockWaybill = (sql: Sql, waybill: string) =>
  sql.get(qb.selectFrom('parcels').select(['id', 'pickup_code', 'shelf_id', 'slot', 'room_code', 'intake_at']).where('waybill', '=', waybill).where(IN_STOCK));

/** The last time this waybill was seen (any status), for a notice on a repeat. */
export const lastWithWaybill = (sql: Sql, waybill: string) =>
  sql.get(qb.selectFrom('parcels').select(['id', 'status', 'intake_at', 'closed_at']).where('waybill', '=', waybill).orderBy('id', 'desc').limit(1));

/** A code is taken while a parcel holding it is in stock, or for the cooldown after it was last given. */
export const codeTaken = (sql: Sql, code: string, since: string): boolean =>
  sql.get(
    qb
      .selectFrom('parcels')
      .select('id')
      .where('pickup_code', '=', code)
      .where((eb) => eb.or([eb('intake_at', '>=', since), eb('status', '=', 'in_stock')]))
      .limit(1),
  ) !== undefined;

/** One in-stock slot of the room (oldest parcel), to keep a room's parcels together. */
export const roomSlot = (sql: Sql, roomId: number) =>
  sql.get(
    qb
      .selectFrom('parcels')
      .select(['shelf_id', 'slot'])
      .where('room_id', '=', roomId)
      .where(IN_STOCK)
      .where('shelf_id', 'is not', null)
      .orderBy('intake_at')
      .limit(1),
  );

/**
 * Parcels in stock per slot, `shelfId:slot` → count. Folded into one string in SQL: building thousands of row
 * objects cost more than the count itself (1.5 ms → 0.5 ms with 2,000 in stock).
 */
export function occupancy(sql: Sql): Map<string, number> {
  const perSlot = qb
    .selectFrom('parcels')
    .select(raw<string>`shelf_id || ':' || slot || '=' || count(*)`.as('k'))
    .where(IN_STOCK)
    .where('shelf_id', 'is not', null)
    .groupBy(['shelf_id', 'slot'])
    .as('o');
  const folded = sql.get(qb.selectFrom(perSlot).select(raw<string | null>`group_concat(k, ',')`.as('s')))?.s ?? '';
  const out = new Map<string, number>();
  for (const kv of folded ? folded.split(',') : []) {
    const eq = kv.indexOf('=');
    out.set(kv.slice(0, eq), Number(kv.slice(eq + 1)));
  }
  return out;
}

/** A parcel at intake: the columns of leaving stock stay empty until it leaves. */
export type ParcelInsert = Omit<
  Insertable<ParcelsTable>,
  | 'id'
  | 'closed_at'
  | 'closed_by'
  | 'picked_at'
  | 'collector'
  | 'check_method'
  | 'check_note'
  | 'proxy'
  | 'proxy_name'
  | 'return_reason'
  | 'writeoff_reason'
  | 'approval_id'
>;

export const insertParcel = (sql: Sql, p: ParcelInsert) => sql.run(qb.insertInto('parcels').values({ ...p, proxy: 0 })).lastInsertRowid;

/** What may change while a parcel is in stock (its identity never does: the parcels_guard trigger); always stamped. */
export type ParcelPatch = Omit<Updateable<ParcelsTable>, 'id' | 'waybill' | 'pickup_code' | 'intake_at' | 'intake_by' | 'request_id' | 'updated_at'> & {
  updated_at: string;
};

/** Changes a parcel still in stock; returns the number of rows changed (0 when it has left stock meanwhile). */
export const updateInStock = (sql: Sql, id: number, patch: ParcelPatch) =>
  sql.run(qb.updateTable('parcels').set(patch).where('id', '=', id).where('status', '=', 'in_stock')).changes;

export const overdue = (sql: Sql, cutoff: string, limit: number) =>
  sql.all(viewQuery().where('p.status', '=', 'in_stock').where('p.intake_at', '<', cutoff).orderBy('p.intake_at').orderBy('p.id').limit(limit));

export const overdueIds = (sql: Sql, cutoff: string) =>
  sql.all(qb.selectFrom('parcels').select('id').where('status', '=', 'in_stock').where('intake_at', '<', cutoff).orderBy('intake_at')).map((r) => r.id);

export const insertNotice = (sql: Sql, n: { parcel_id: number; kind: 'arrival' | 'overdue'; day: string; at: string; by: number | null }) =>
  sql.run(
    qb
      .insertInto('parcel_notices')
      .values({ parcel_id: n.parcel_id, kind: n.kind, day: n.day, status: 'pending', attempts: 0, created_at: n.at, created_by: n.by })
      .onConflict((oc) => oc.doNothing()),
  ).changes;

export const hasNotice = (sql: Sql, parcelId: number, kind: 'arrival' | 'overdue') =>
  sql.get(qb.selectFrom('parcel_notices').select('id').where('parcel_id', '=', parcelId).where('kind', '=', kind).limit(1)) !== undefined;

export const noticesOf = (sql: Sql, parcelId: number) => sql.all(qb.selectFrom('parcel_notices').selectAll().where('parcel_id', '=', parcelId).orderBy('id'));

const count = (n: { n: number } | undefined) => Number(n?.n ?? 0);

export function dayStats(sql: Sql, from: string, to: string, cutoff: string) {
  const inDay = count(
    sql.get(
      qb
        .selectFrom('parcels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('intake_at', '>=', from)
        .where('intake_at', '<', to),
    ),
  );
  const out = sql.all(
    qb
      .selectFrom('parcels')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .groupBy('status'),
  );
  const inStock = count(
    sql.get(
      qb
        .selectFrom('parcels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'in_stock'),
    ),
  );
  const over = count(
    sql.get(
      qb
        .selectFrom('parcels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'in_stock')
        .where('intake_at', '<', cutoff),
    ),
  );
  const needsDetails = count(
    // `+recipient`: most parcels have an empty recipient (the room says who), so the recipient index would walk nearly
    // all of them; the in-stock rows are few (found through the status index)
    sql.get(
      qb
        .selectFrom('parcels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(IN_STOCK)
        .where('room_id', 'is', null)
        .where(raw<boolean>`+recipient = ''`),
    ),
  );
  const byCarrier = sql.all(
    qb
      .selectFrom('parcels')
      .select(['carrier', (eb) => eb.fn.countAll<number>().as('n')])
      .where('intake_at', '>=', from)
      .where('intake_at', '<', to)
      .groupBy('carrier')
      .orderBy('n', 'desc'),
  );
  const outBy = (s: ParcelStatus) => Number(out.find((o) => o.status === s)?.n ?? 0);
  return {
    in: inDay,
    pickedUp: outBy('picked_up'),
    returned: outBy('returned'),
    writtenOff: outBy('written_off'),
    inStock,
    overdue: over,
    needsDetails,
    byCarrier,
  };
}

export type SearchKey =
  | { kind: 'code'; code: string }
  | { kind: 'room'; prefix: string }
  | { kind: 'phone'; last4: string }
  | { kind: 'waybill'; prefix: string }
  | { kind: 'name'; prefix: string }
  | { kind: 'none' };

const prefixEnd = (p: string) => `${p}\u{10FFFF}`;

export function search(sql: Sql, key: SearchKey, f: { status?: ParcelStatus; carrier?: ParcelCarrier; from?: string; to?: string; limit: number }) {
  let q = viewQuery();
  switch (key.kind) {
    case 'code':
      q = q.where('p.pickup_code', '=', key.code);
      break;
    case 'room':
      q = q.where('p.room_code', '>=', key.prefix).where('p.room_code', '<', prefixEnd(key.prefix));
      break;
    case 'phone':
      q = q.where('p.phone_last4', '=', key.last4);
      break;
    case 'waybill':
      q = q.where('p.waybill', '>=', key.prefix).where('p.waybill', '<', prefixEnd(key.prefix));
      break;
    case 'name':
      q = q.where('p.recipient', '>=', key.prefix).where('p.recipient', '<', prefixEnd(key.prefix));
      break;
    case 'none':
      break;
  }
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.carrier) q = q.where('p.carrier', '=', f.carrier);
  if (f.from) q = q.where('p.intake_at', '>=', f.from);
  if (f.to) q = q.where('p.intake_at', '<', f.to);
  return sql.all(q.orderBy('p.id', 'desc').limit(f.limit));
}

/** Everything taken in within [from, to) for the XLSX export, oldest first, capped. */
export const forExport = (sql: Sql, from: string, to: string, status: ParcelStatus | undefined, cap: number) => {
  let q = viewQuery().where('p.intake_at', '>=', from).where('p.intake_at', '<', to);
  if (status) q = q.where('p.status', '=', status);
  return sql.all(q.orderBy('p.intake_at').orderBy('p.id').limit(cap));
};

export const shelves = (sql: Sql) =>
  sql.all(
    qb
      .selectFrom('parcel_shelves as s')
      .selectAll('s')
      .select((eb) =>
        eb
          .selectFrom('parcels')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('parcels.shelf_id', '=', 's.id')
          .where(IN_STOCK)
          .as('in_stock'),
      )
      .orderBy('s.sort')
      .orderBy('s.code'),
  );

export const shelfList = (sql: Sql) =>
  sql.all(qb.selectFrom('parcel_shelves').select(['id', 'code', 'slots', 'active', 'sort']).orderBy('sort').orderBy('code'));

export const shelfById = (sql: Sql, id: number) => sql.get(qb.selectFrom('parcel_shelves').selectAll().where('id', '=', id));
export const shelfByCode = (sql: Sql, code: string) => sql.get(qb.selectFrom('parcel_shelves').selectAll().where('code', '=', code));

export type ShelfWrite = Omit<Insertable<ParcelShelvesTable>, 'id' | 'created_at' | 'updated_at'>;
export const insertShelf = (sql: Sql, w: ShelfWrite, at: string) =>
  sql.run(qb.insertInto('parcel_shelves').values({ ...w, created_at: at, updated_at: at })).lastInsertRowid;
export const updateShelf = (sql: Sql, id: number, w: ShelfWrite, at: string) =>
  sql.run(
    qb
      .updateTable('parcel_shelves')
      .set({ ...w, updated_at: at })
      .where('id', '=', id),
  );
/** The highest slot in use on a shelf, so it cannot be shrunk below its parcels. */
export const maxSlotInUse = (sql: Sql, shelfId: number) =>
  Number(
    sql.get(
      qb
        .selectFrom('parcels')
        .select((eb) => eb.fn.max<number>('slot').as('m'))
        .where('shelf_id', '=', shelfId)
        .where(IN_STOCK),
    )?.m ?? 0,
  );
