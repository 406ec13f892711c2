import { z } from 'zod';

/**
 * The nightly daily summary, version 1: the single source of `docs/upstream/daily-summary.v1.schema.json`
 * (written by `npm run upstream:schema`; a test fails when the file is out of date). Aggregates only: no
 * resident names, phones or payers; rooms and card numbers appear only where head office needs them (cards).
 * A new field that head office may ignore is a minor change; removing or retyping one is a new version.
 */
const fen = z.number().int();
const count = z.number().int().min(0);
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
const notYet = z.object({ available: z.literal(false), reason: z.string() }).strict();

export const feesSection = z
  .object({
    available: z.literal(true),
    documents: z.object({ count, firstNo: z.string().nullable(), lastNo: z.string().nullable() }).strict(),
    receipts: z.object({ count, amountFen: fen }).strict(),
    voids: z.object({ count, amountFen: fen }).strict(),
    refunds: z.object({ count, amountFen: fen }).strict(),
    netFen: fen,
    byItem: z.array(z.object({ name: z.string(), category: z.string(), lines: count, amountFen: fen }).strict()),
    byMethod: z.array(z.object({ method: z.enum(['cash', 'wechat', 'alipay', 'card']), payments: count, amountFen: fen }).strict()),
  })
  .strict();

export const cashSection = z
  .object({
    available: z.literal(true),
    sessions: z.array(
      z
        .object({
          sessionId: z.number().int(),
          operatorId: z.number().int(),
          openedAt: iso,
          closedAt: iso,
          floatFen: fen,
          expectedFen: fen,
          countedFen: fen,
          varianceFen: fen,
          varianceApproved: z.boolean(),
          handedOver: z.boolean(),
        })
        .strict(),
    ),
    varianceTotalFen: fen,
  })
  .strict();

export const parcelsSection = z
  .object({
    available: z.literal(true),
    in: count,
    out: z.object({ pickedUp: count, returned: count, writtenOff: count }).strict(),
    inStockAtEnd: count,
    overdueAtEnd: count,
    overdueDays: z.number().int().min(0),
    byCarrier: z.array(z.object({ carrier: z.string(), in: count, out: count }).strict()),
  })
  .strict();

export const keysSection = z
  .object({
    available: z.literal(true),
    lent: count,
    returned: count,
    outAtEnd: count,
    overdueAtEnd: count,
    byPurpose: z.array(z.object({ purpose: z.string(), lent: count }).strict()),
  })
  .strict();

export const cardsSection = z
  .object({
    available: z.literal(true),
    issued: count,
    replaced: count,
    lost: count,
    blacklisted: count,
    returned: count,
    /** every change of the day with the card number as read and the room: what the access system must apply */
    changes: z.array(
      z
        .object({ at: iso, kind: z.enum(['issue', 'replace', 'lost', 'return', 'blacklist']), card: z.string(), cardType: z.string(), room: z.string() })
        .strict(),
    ),
  })
  .strict();

export const requestsSection = z
  .object({
    available: z.literal(true),
    logged: count,
    byKind: z.array(z.object({ kind: z.enum(['repair', 'complaint', 'suggestion', 'enquiry']), count }).strict()),
    dispatched: count,
    dispatchedWithinTarget: count,
    done: count,
    calledBack: count,
    meanSatisfaction: z.number().nullable(),
  })
  .strict();

/** Visitors and passes of the day: counts only — no names, phones, document numbers or plates. */
export const visitorsSection = z
  .object({
    available: z.literal(true),
    /** check-ins (a registration voided as a mistake is not counted) */
    visits: count,
    /** people in those visits (party sizes summed) */
    people: count,
    checkedOut: count,
    /** visitors on the refusal list let in with a supervisor's approval */
    refusalOverrides: count,
    visitorPasses: z.object({ issued: count, returned: count, expired: count, void: count }).strict(),
    /** workers' temporary passes (临时出入证), printed or pre-printed forms */
    workerPasses: z.object({ issued: count, returned: count, expired: count, void: count, lost: count }).strict(),
    /** removal passes (搬运放行条): issued, verified at the gate, voided */
    removalPasses: z.object({ issued: count, verified: count, void: count }).strict(),
  })
  .strict();
export type VisitorsSection = z.infer<typeof visitorsSection>;

/** 收缴率 of a period: month charges of its months (up to the business date) and what of them was collected by the window's end. */
const collectionFigures = z
  .object({
    /** the month charges of the period's months, as they stand when the day is built */
    chargedFen: fen,
    /** what of them had been collected at the window's end */
    collectedFen: fen,
    /** collected ÷ charged in basis points (9,512 = 95.12 %); null when nothing was charged */
    rateBp: z.number().int().nullable(),
    /** 清欠: collected from the period's start to the window's end for months of earlier years and opening arrears */
    arrearsCollectedFen: fen,
  })
  .strict();

/**
 * Receivables of the whole property (no rooms, no payers): the business date's month and its year to date, what was
 * owed at the window's end, and what the day's collections settled.
 */
export const receivablesSection = z
  .object({
    available: z.literal(true),
    month: collectionFigures.extend({ month: z.string().regex(/^\d{4}-\d{2}$/) }).strict(),
    yearToDate: collectionFigures.extend({ year: z.number().int() }).strict(),
    /** owed at the window's end for months up to the business date's (opening arrears included) */
    arrears: z.object({ owedFen: fen, rooms: count }).strict(),
    /** settled by the day's collections (net of voids and refunds), and of that for months before the business date's month */
    day: z.object({ settledFen: fen, earlierMonthsFen: fen }).strict(),
  })
  .strict();
export type ReceivablesSection = z.infer<typeof receivablesSection>;

const occupancyCounts = z.object({ undelivered: count, vacant: count, ownerOccupied: count, rented: count, renovating: count, total: count }).strict();
/** 未交房 / 空置 / 自住 / 出租 / 装修中: rooms of the property in each state at the window's end (counts only). */
export const occupancySection = z.object({ available: z.literal(true), counts: occupancyCounts }).strict();
export type OccupancySection = z.infer<typeof occupancySection>;

export const dailySummary = z
  .object({
    schema: z.literal('lobbydesk.daily-summary'),
    schemaVersion: z.literal(1),
    terminalId: z.string().min(1).max(16),
    propertyName: z.string().max(60),
    businessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    window: z
      .object({
        from: iso,
        to: iso,
        cutoffHour: z.number().int().min(0).max(23),
        /** the property's offset from UTC at the window's start (+08:00 for China) */
        utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/),
      })
      .strict(),
    generatedAt: iso,
    fees: feesSection,
    cash: cashSection,
    parcels: z.union([parcelsSection, notYet]),
    keys: z.union([keysSection, notYet]),
    cards: z.union([cardsSection, notYet]),
    serviceRequests: z.union([requestsSection, notYet]),
    /** absent in days built before visitors were recorded (head office accepts both) */
    visitors: z.union([visitorsSection, notYet]).optional(),
    /** absent in days built before receivables were recorded (head office accepts both) */
    receivables: z.union([receivablesSection, notYet]).optional(),
    /** absent in days built before room states were recorded */
    occupancy: z.union([occupancySection, notYet]).optional(),
    audit: z.object({ headSeq: z.number().int().min(0), headHash: z.string().regex(/^[0-9a-f]{64}$|^$/) }).strict(),
  })
  .strict();

export type DailySummary = z.infer<typeof dailySummary>;

/** The JSON Schema document for head office (draft 2020-12), from the zod schema above. */
export function dailySummaryJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://lobbydesk.example/schemas/daily-summary.v1.schema.json',
    title: 'LobbyDesk daily summary, version 1',
    description:
      'One business day of one counter terminal, aggregates only (no resident personal data). Sent as the body of POST with Idempotency-Key, X-LobbyDesk-Timestamp and X-Signature headers: see docs/upstream.md.',
    ...z.toJSONSchema(dailySummary, { target: 'draft-2020-12' }),
  };
}
