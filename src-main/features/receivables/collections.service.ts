import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName } from '@shared/mask';
import { addDays, addMonths, monthOf as monthRange, type PropertyCalendar } from '@shared/calendar';
import type { ParsedInput } from '@shared/contract';
import type { FiguresView } from '@shared/contract/receivables';
import type { SessionOperator } from '../operators/sessions';
import type { Accounts } from './accounts';
import * as repo from './receivables.repo';
import { ageOf, bucketOf } from './rules';

type ArrearsInput = ParsedInput<'receivables.arrears'>;

/** Plans written per transaction when charges are brought up to the current month. */
const GENERATE_CHUNK = 2000;
/** Charge rows per insert statement (7 values each, well under SQLite's limit of bound values). */
const INSERT_ROWS = 500;

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const byCode = new Intl.Collator('zh-CN', { numeric: true });
const rate = (collected: number, charged: number): number | null => (charged > 0 ? Math.round((collected * 10000) / charged) : null);

/**
 * The property-wide side of receivables: month charges written up to the current month, the arrears list with
 * aging, the 催缴 log and its queue, and the collection figures (收缴率, 清欠).
 */
export class CollectionsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly accounts: Accounts,
  ) {}

  /**
   * Writes the month charges of every plan up to `through` (default: the current month), in transactions of a
   * few thousand plans. Idempotent: months already written are skipped, a plan records how far it was written in
   * the same transaction as its rows, so a run cut off half-way leaves whole plans and is finished by the next.
   */
  generate(through = this.calendar.thisMonth()): { plans: number; charges: number } {
    let plans = 0;
    let charges = 0;
    const items = new Map(repo.periodicItems(this.sql).map((i) => [i.item_id, i]));
    for (;;) {
      const batch = repo.plansBehind(this.sql, through, GENERATE_CHUNK);
      if (batch.length === 0) break;
      const written = this.sql.tx(() => {
        // the batch's vacancies and reductions in one read each, the charges in a few multi-row inserts, the plans marked in one update
        const roomIds = [...new Set(batch.map((p) => p.room_id))];
        const vacancies = groupBy(repo.vacanciesOfRooms(this.sql, roomIds), (v) => v.room_id);
        const adjustments = groupBy(repo.adjustmentsOfRooms(this.sql, roomIds), (a) => `${a.room_id}:${a.item_id}`);
        const rows: Parameters<typeof repo.insertCharges>[1] = [];
        const done: number[] = [];
        for (const p of batch) {
          const item = items.get(p.item_id);
          if (!item) continue;
          const v = vacancies.get(p.room_id) ?? [];
          const a = adjustments.get(`${p.room_id}:${p.item_id}`) ?? [];
          rows.push(...this.accounts.monthCharges(p, item, p.area_cm2, p.room_building_id, through, v, a));
          done.push(p.id);
        }
        for (let i = 0; i < rows.length; i += INSERT_ROWS) charges += repo.insertCharges(this.sql, rows.slice(i, i + INSERT_ROWS));
        repo.setGeneratedMany(this.sql, done, through);
        return done.length;
      });
      plans += batch.length;
      // a batch of plans none of which could be written would be read again forever
      if (written === 0) break;
    }
    return { plans, charges };
  }

  /** Brings the charges up to the current month when a plan is behind (cheap when none is). */
  private current(): string {
    const m = this.calendar.thisMonth();
    if (repo.anyPlanBehind(this.sql, m)) this.generate(m);
    return m;
  }

  arrears(input: ArrearsInput) {
    const thisMonth = this.current();
    const rows = repo.arrearsByRoom(this.sql, {
      thisMonth,
      m3: addMonths(thisMonth, -2),
      m6: addMonths(thisMonth, -5),
      m12: addMonths(thisMonth, -11),
      buildingId: input.buildingId ?? null,
    });
    const buckets = { '1-3': 0, '4-6': 0, '7-12': 0, '12+': 0 };
    for (const r of rows) {
      buckets['1-3'] += r.b3;
      buckets['4-6'] += r.b6;
      buckets['7-12'] += r.b12;
      buckets['12+'] += r.bold;
    }
    const picked = rows
      .map((r) => ({ ...r, bucket: bucketOf(ageOf(r.oldest, thisMonth)) }))
      .filter((r) => (input.minMonths === undefined || r.months >= input.minMonths) && (input.bucket === undefined || r.bucket === input.bucket));
    const owedFen = picked.reduce((s, r) => s + r.owed, 0);
    const offset = input.offset ?? 0;
    const page = this.label(picked, offset, input.limit ?? 500);
    return { thisMonth, rows: page, rooms: picked.length, owedFen, buckets };
  }

  /** Room codes, building names, masked owner names and last contact for a page of arrears rows (sorted by room code). */
  private label(
    rows: Array<{ room_id: number; building_id: number; months: number; owed: number; oldest: string; bucket: ReturnType<typeof bucketOf> }>,
    offset: number,
    limit: number,
  ) {
    const labels = new Map<number, { code: string; building_name: string; owner: string | null }>();
    const ids = rows.map((r) => r.room_id);
    for (let i = 0; i < ids.length; i += 500) for (const l of repo.roomLabels(this.sql, ids.slice(i, i + 500))) labels.set(l.id, l);
    const contacts = new Map(repo.lastContactDays(this.sql).map((c) => [c.room_id, c.day]));
    return rows
      .map((r) => ({ r, l: labels.get(r.room_id) }))
      .sort((a, b) => byCode.compare(a.l?.code ?? '', b.l?.code ?? ''))
      .slice(offset, offset + limit)
      .map(({ r, l }) => ({
        roomId: r.room_id,
        roomCode: l?.code ?? '',
        buildingId: r.building_id,
        buildingName: l?.building_name ?? '',
        ownerMasked: maskName(l?.owner ?? null),
        months: r.months,
        owedFen: r.owed,
        oldestMonth: r.oldest,
        bucket: r.bucket,
        lastContactDay: contacts.get(r.room_id) ?? null,
      }));
  }

  addContact(input: ParsedInput<'receivables.contacts.add'>, actor: SessionOperator) {
    const today = this.calendar.today();
    if (input.promisedDate && input.promisedDate < today)
      throw new AppError('BAD_INPUT', `承诺交费日期 ${input.promisedDate} 已经过去：请填写今天或以后的日期。`);
    const id = this.sql.tx(() => {
      if (!repo.roomFacts(this.sql, input.roomId)) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
      return repo.insertContact(this.sql, {
        roomId: input.roomId,
        at: this.clock.now().toISOString(),
        day: today,
        way: input.way,
        operatorId: actor.id,
        result: input.result.trim(),
        promisedDate: input.promisedDate ?? null,
      });
    });
    return contactView(repo.contactById(this.sql, id) as ContactRow);
  }

  contacts(roomId: number) {
    return repo.contactsOf(this.sql, roomId).map(contactView);
  }

  /** 催缴 queue: promises past due whose room still owes; owing rooms with no contact in the last `days` days. */
  queue(days: number, limit = 200) {
    const thisMonth = this.current();
    const today = this.calendar.today();
    const overduePromises = repo
      .promisesBefore(this.sql, today, limit * 4)
      .map((c) => ({ ...contactView(c), owedFen: repo.owedOfRoom(this.sql, c.room_id, thisMonth) }))
      .filter((c) => c.owedFen > 0)
      .slice(0, limit);
    const since = addDays(today, -days);
    const all = this.arrears({ limit: 1_000_000 }).rows;
    const notContacted = all.filter((r) => r.lastContactDay === null || r.lastContactDay <= since).slice(0, limit);
    return { overduePromises, notContacted };
  }

  /**
   * 收缴率 for a month or a year. Charged: the month charges of the period up to the current month (each at what it
   * was priced, a paid month at what was paid; months paid ahead count once their month has come). Collected: what of them is settled now. 清欠: collected during the period for months
   * of earlier years (and opening arrears).
   */
  figures(input: ParsedInput<'receivables.figures'>): FiguresView {
    if ((input.month ? 1 : 0) + (input.year ? 1 : 0) !== 1) throw new AppError('BAD_INPUT', '请选择一个月份或一个年份。');
    const from = input.month ?? `${input.year}-01`;
    const to = input.month ?? `${input.year}-12`;
    const thisMonth = this.current();
    if (from > thisMonth) throw new AppError('BAD_INPUT', `${from} 还没有到：收缴率只能统计当月及以前。`);
    const yearStart = `${from.slice(0, 4)}-01`;
    const range = this.calendar.days(`${from}-01`, lastDay(to));
    // months after the current one are charged only when paid ahead: they count once their month has come
    const charged = repo.chargedByBuildingItem(this.sql, from, to < thisMonth ? to : thisMonth);
    const cleared = repo.arrearsCollected(this.sql, range.from, range.to, yearStart);
    const buildings = new Map(repo.buildingNames(this.sql).map((b) => [b.id, b.name]));
    const items = new Map(repo.periodicItems(this.sql).map((i) => [i.item_id, i.name]));
    type Acc = { chargedFen: number; collectedFen: number; arrearsCollectedFen: number };
    const add = (m: Map<number, Acc>, k: number, d: Partial<Acc>) => {
      const a = m.get(k) ?? { chargedFen: 0, collectedFen: 0, arrearsCollectedFen: 0 };
      a.chargedFen += d.chargedFen ?? 0;
      a.collectedFen += d.collectedFen ?? 0;
      a.arrearsCollectedFen += d.arrearsCollectedFen ?? 0;
      m.set(k, a);
    };
    const byB = new Map<number, Acc>();
    const byI = new Map<number, Acc>();
    for (const c of charged) {
      add(byB, c.building_id, { chargedFen: c.charged, collectedFen: c.collected });
      add(byI, c.item_id, { chargedFen: c.charged, collectedFen: c.collected });
    }
    for (const c of cleared) {
      add(byB, c.building_id, { arrearsCollectedFen: c.fen });
      add(byI, c.item_id, { arrearsCollectedFen: c.fen });
    }
    const withRate = (a: Acc) => ({ ...a, rateBp: rate(a.collectedFen, a.chargedFen) });
    const total = [...byI.values()].reduce(
      (t, a) => ({
        chargedFen: t.chargedFen + a.chargedFen,
        collectedFen: t.collectedFen + a.collectedFen,
        arrearsCollectedFen: t.arrearsCollectedFen + a.arrearsCollectedFen,
      }),
      { chargedFen: 0, collectedFen: 0, arrearsCollectedFen: 0 },
    );
    return {
      from,
      to,
      total: withRate(total),
      byBuilding: [...byB.entries()]
        .map(([id, a]) => ({ buildingId: id, buildingName: buildings.get(id) ?? '', ...withRate(a) }))
        .sort((a, b) => byCode.compare(a.buildingName, b.buildingName)),
      byItem: [...byI.entries()].map(([id, a]) => ({ itemId: id, name: items.get(id) ?? '', ...withRate(a) })),
    };
  }

  /** Totals for the nightly summary: the current month's and year's figures for the whole property (no rooms). */
  summaryTotals(): { month: FiguresView['total']; year: FiguresView['total'] } {
    const m = this.calendar.thisMonth();
    return { month: this.figures({ month: m }).total, year: this.figures({ year: Number(m.slice(0, 4)) }).total };
  }
}

type ContactRow = ReturnType<typeof repo.contactsOf>[number];
const contactView = (c: ContactRow) => ({
  id: c.id,
  roomId: c.room_id,
  roomCode: c.room_code,
  at: c.at,
  day: c.day,
  way: c.way,
  operatorName: c.operator_name,
  result: c.result,
  promisedDate: c.promised_date,
});

const lastDay = (month: string): string => monthRange(`${month}-01`).to;
