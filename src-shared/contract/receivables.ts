import { z } from 'zod';
import { def, empty, id, line, isoDate, isoMonth, reason } from './common';
import { feeCategory, fenOrZero } from './fees';
import { MAX_IMPORT_BYTES } from './roster';

/**
 * Receivables: what each room owes per periodic item. Months are owed from the room's billing plan, each priced at
 * the rate in force that month; collecting goes through `fees.collect` (a line `{itemId, months: N}` for a planned
 * item settles the first N unpaid months, oldest first, paying ahead past the current month), and a void or refund
 * re-opens what the line settled.
 */

export const firstMonthRule = z.enum(['by_days', 'whole', 'next']);
export const contactWay = z.enum(['phone', 'visit', 'sms', 'notice', 'lawyer']);
export const chargeKind = z.enum(['month', 'opening']);
export const ageBucket = z.enum(['1-3', '4-6', '7-12', '12+']);

export const receivablesSettings = z.object({
  /** how a plan that starts mid-month from a hand-over or move-in date charges that month */
  firstMonth: firstMonthRule,
  /** 违约金: off unless the property's contracts provide for it */
  lateFee: z.object({
    enabled: z.boolean(),
    /** per day, in 1/10000 of the amount owed (万分之) */
    dailyBp: z.number().int().min(0).max(100),
    /** at most this percent of the amount owed */
    capPct: z.number().int().min(0).max(100),
  }),
});
export type ReceivablesSettings = z.infer<typeof receivablesSettings>;

export const ratePeriod = z.object({ id, fromMonth: z.string(), toMonth: z.string().nullable(), unitPriceFen: fenOrZero });
export const periodicItemView = z.object({
  itemId: id,
  code: z.string(),
  name: z.string(),
  rule: z.enum(['per_area_month', 'per_month']),
  sinceMonth: z.string(),
  vacancyApplies: z.boolean(),
  rates: z.array(ratePeriod),
});

export const planView = z.object({
  itemId: id,
  name: z.string(),
  startMonth: z.string(),
  firstDays: z.number().int().nullable(),
  endMonth: z.string().nullable(),
  quantity: z.number().int(),
  source: z.enum(['counter', 'import']),
});

export const owedUnitView = z.object({
  kind: chargeKind,
  /** the month (for opening arrears: the paid-through month they were brought in with) */
  month: z.string(),
  /** before the vacant-unit share and reductions */
  baseFen: fenOrZero,
  amountFen: fenOrZero,
  ageBucket: ageBucket.nullable(),
});

export const itemDuesView = z.object({
  itemId: id,
  code: z.string(),
  name: z.string(),
  category: feeCategory,
  /** the month before the first unpaid one */
  paidThrough: z.string(),
  /** unpaid units up to the current month, oldest first: collect the first N with fees.collect {itemId, months: N} */
  owed: z.array(owedUnitView),
  owedFen: fenOrZero,
  /** the next months after the current one that a payment ahead would settle, in order (up to 12) */
  ahead: z.array(owedUnitView),
  /** 违约金, shown apart from the debt (0 when late fees are off) */
  lateFeeFen: fenOrZero,
  /** the part of the late fee on these months a supervisor waived (shown apart; the debt is unchanged) */
  lateWaivedFen: fenOrZero,
});

export const duesView = z.object({
  roomId: id,
  roomCode: z.string(),
  thisMonth: z.string(),
  items: z.array(itemDuesView),
  totalFen: fenOrZero,
  lateFeeFen: fenOrZero,
  lateWaivedFen: fenOrZero,
});
export type DuesView = z.infer<typeof duesView>;

/**
 * What a room still owes, in short (the room file, and before a move-out): per item with something unpaid, the
 * months and amount owed up to the current month and the oldest unpaid month. Nothing about who pays.
 */
export const roomOwedView = z.object({
  roomId: id,
  roomCode: z.string(),
  thisMonth: z.string(),
  /** owed up to the current month, opening arrears included (违约金 apart) */
  owedFen: fenOrZero,
  lateFeeFen: fenOrZero,
  items: z.array(
    z.object({
      itemId: id,
      name: z.string(),
      /** unpaid months (opening arrears not counted as a month) */
      months: z.number().int().min(0),
      owedFen: fenOrZero,
      /** the oldest unpaid month; null when only opening arrears are owed */
      oldestMonth: z.string().nullable(),
      paidThrough: z.string(),
      openingFen: fenOrZero,
    }),
  ),
});
export type RoomOwedView = z.infer<typeof roomOwedView>;

export const arrearsRow = z.object({
  roomId: id,
  roomCode: z.string(),
  buildingId: id,
  buildingName: z.string(),
  ownerMasked: z.string().nullable(),
  months: z.number().int(),
  owedFen: fenOrZero,
  oldestMonth: z.string(),
  bucket: ageBucket,
  lastContactDay: z.string().nullable(),
});
const bucketTotals = z.object({ '1-3': fenOrZero, '4-6': fenOrZero, '7-12': fenOrZero, '12+': fenOrZero });

export const contactView = z.object({
  id,
  roomId: id,
  roomCode: z.string(),
  at: z.string(),
  day: z.string(),
  way: contactWay,
  operatorName: z.string(),
  result: z.string(),
  promisedDate: z.string().nullable(),
});

const figureRow = z.object({
  chargedFen: z.number().int(),
  collectedFen: z.number().int(),
  rateBp: z.number().int().nullable(),
  arrearsCollectedFen: z.number().int(),
});
export const figuresView = z.object({
  from: z.string(),
  to: z.string(),
  total: figureRow,
  byBuilding: z.array(figureRow.extend({ buildingId: id, buildingName: z.string() })),
  byItem: z.array(figureRow.extend({ itemId: id, name: z.string() })),
});
export type FiguresView = z.infer<typeof figuresView>;

export const openingRowView = z.object({
  row: z.number().int(),
  roomCode: z.string(),
  itemCode: z.string(),
  paidThrough: z.string(),
  arrearsFen: fenOrZero,
  change: z.enum(['new', 'changed', 'same']),
});
export const openingPreview = z.object({
  previewId: z.string(),
  fileName: z.string(),
  rows: z.array(openingRowView).max(200),
  counts: z.object({ total: z.number().int(), new: z.number().int(), changed: z.number().int(), same: z.number().int(), errors: z.number().int() }),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })).max(200),
});

const month = isoMonth;
export const receivablesContract = {
  'receivables.settings.get': def({ input: empty, output: receivablesSettings, access: 'receptionist' }),
  'receivables.settings.save': def({ input: receivablesSettings, output: receivablesSettings, access: 'admin' }),
  'receivables.items.list': def({ input: empty, output: z.array(periodicItemView), access: 'receptionist' }),
  /** Makes a catalogue item periodic (billed monthly per room) from `sinceMonth`, at `unitPriceFen` from then on. */
  'receivables.items.save': def({
    input: z.object({ itemId: id, sinceMonth: month, vacancyApplies: z.boolean(), unitPriceFen: fenOrZero.optional() }),
    output: periodicItemView,
    access: 'admin',
  }),
  /** A new rate from `fromMonth` (to `toMonth`, or on): an open-ended earlier rate ends the month before. */
  'receivables.rates.add': def({
    input: z.object({ itemId: id, fromMonth: month, toMonth: month.optional(), unitPriceFen: fenOrZero }),
    output: periodicItemView,
    access: 'admin',
  }),
  'receivables.plan.get': def({ input: z.object({ roomId: id }), output: z.array(planView), access: 'receptionist' }),
  /** Which item applies to a room from when: a month, or the hand-over / move-in date (the first-month rule applies). */
  'receivables.plan.save': def({
    input: z.object({
      roomId: id,
      itemId: id,
      startMonth: month.optional(),
      startDate: isoDate.optional(),
      endMonth: month.optional(),
      quantity: z.number().int().min(1).max(99).optional(),
    }),
    output: z.array(planView),
    access: 'supervisor',
  }),
  /** 空置房: the vacancy-discounted items are charged at `pct` percent for these months. */
  'receivables.vacancy.add': def({
    input: z.object({ roomId: id, fromMonth: month, toMonth: month.optional(), pct: z.number().int().min(0).max(100), reason }),
    output: z.object({ repriced: z.number().int() }),
    access: 'supervisor',
  }),
  /** 减免: a supervisor's approval ('receivable.adjust', subject `<room code>:<item code>`); `pctOff` 100 exempts. */
  'receivables.adjust': def({
    input: z.object({
      roomId: id,
      itemId: id,
      fromMonth: month,
      toMonth: month,
      pctOff: z.number().int().min(1).max(100),
      reason,
      approvalId: line().max(100),
    }),
    output: z.object({ repriced: z.number().int() }),
    access: 'receptionist',
  }),
  /** 免违约金: a supervisor's approval ('receivable.lateWaive', subject `<room code>:<item code>`) waives what the item accrued up to today. */
  'receivables.lateFee.waive': def({
    input: z.object({ roomId: id, itemId: id, reason, approvalId: line().max(100) }),
    output: z.object({ waivedFen: fenOrZero }),
    access: 'receptionist',
  }),
  'receivables.dues': def({ input: z.object({ roomId: id }), output: duesView, access: 'receptionist' }),
  /** what a room still owes, in short: for the room file and before a move-out (reads only; works while the counter is read-only) */
  'receivables.owed': def({ input: z.object({ roomId: id }), output: roomOwedView, access: 'receptionist' }),
  /** 欠费清单: rooms owing up to the current month, by building and room code. */
  'receivables.arrears': def({
    input: z.object({
      buildingId: id.optional(),
      minMonths: z.number().int().min(1).max(999).optional(),
      bucket: ageBucket.optional(),
      limit: z.number().int().min(1).max(5000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
    output: z.object({ thisMonth: z.string(), rows: z.array(arrearsRow), rooms: z.number().int(), owedFen: fenOrZero, buckets: bucketTotals }),
    access: 'receptionist',
  }),
  'receivables.contacts.add': def({
    input: z.object({ roomId: id, way: contactWay, result: line().trim().min(1).max(200), promisedDate: isoDate.optional() }),
    output: contactView,
    access: 'receptionist',
  }),
  'receivables.contacts.list': def({ input: z.object({ roomId: id }), output: z.array(contactView), access: 'receptionist' }),
  /** Promises past due (the room still owes), and owing rooms not contacted for `days` days. */
  'receivables.queue': def({
    input: z.object({ days: z.number().int().min(1).max(365), limit: z.number().int().min(1).max(1000).optional() }),
    output: z.object({ overduePromises: z.array(contactView.extend({ owedFen: fenOrZero })), notContacted: z.array(arrearsRow) }),
    access: 'receptionist',
  }),
  /** 收缴率 for a month or a year: charged for the period, collected for it, and 清欠 (earlier years' arrears collected in it). */
  'receivables.figures': def({
    input: z.object({ month: month.optional(), year: z.number().int().min(1900).max(2999).optional() }),
    output: figuresView,
    access: 'supervisor',
  }),
  /** Opening balances from the previous system: checks the file, writes nothing. */
  'receivables.opening.preview': def({
    input: z.object({
      fileName: line().min(1).max(260),
      data: line()
        .min(1)
        .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
    }),
    output: openingPreview,
    access: 'supervisor',
    maxBytes: Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4096,
  }),
  'receivables.opening.confirm': def({
    input: z.object({ previewId: line().max(64), skipErrors: z.boolean() }),
    output: openingPreview.shape.counts,
    access: 'supervisor',
  }),
} as const;
