import { z } from 'zod';
import { def, empty, id, line, lines, isoDateTime } from './common';

/** 交接班: the generated summary, notes and carry-over items, the incoming operator's acknowledgement. */
const section = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.object({ available: z.literal(true), ...shape }), z.object({ available: z.literal(false), reason: z.string() })]);

/** A cash session closed during the shift: the blind count's result and who approved the variance. */
export const handoverClosedSession = z.object({
  /** the session number, which is the 交款单 number (交款单 #12) */
  sessionId: id,
  operatorName: z.string(),
  openedAt: z.string(),
  closedAt: z.string(),
  expectedFen: z.number().int(),
  countedFen: z.number().int(),
  /** counted − expected: negative = short */
  varianceFen: z.number().int(),
  /** the supervisor who approved a variance over the site limit; null when none was needed */
  approverName: z.string().nullable(),
  /** the finance person it was handed to (交款), null while still with the counter */
  handedOverTo: z.string().nullable(),
});
export type HandoverClosedSession = z.infer<typeof handoverClosedSession>;

/** Blank cards on hand; null = the record needs a stock count (盘点). Never negative. */
const blankCount = z.number().int().min(0).nullable();

export const handoverSummary = z.object({
  at: z.string(),
  cash: section({
    open: z.boolean(),
    operatorName: z.string().nullable(),
    floatFen: z.number().int().nullable(),
    receipts: z.number().int(),
    openedAt: z.string().nullable(),
    /** the shift's window: sessions closed after this (the previous handover, at most 24 hours back) */
    since: z.string().nullable().default(null),
    /** sessions of this terminal closed in the window, oldest first (absent in handovers made before it was shown) */
    closed: z.array(handoverClosedSession).default([]),
  }),
  keys: section({ out: z.number().int(), overdue: z.number().int(), onBoard: z.number().int() }),
  cards: section({ blankAccess: blankCount, blankFunction: blankCount }),
  parcels: section({ inStock: z.number().int(), overdue: z.number().int(), overdueDays: z.number().int() }),
  requests: section({ open: z.number().int(), late: z.number().int(), toCallBack: z.number().int() }),
  /** visitors on site and overdue, workers' passes out and expired, removal passes of the shift, blank forms (forms mode) */
  visitors: section({
    onSite: z.number().int(),
    people: z.number().int(),
    overdue: z.number().int(),
    workerOut: z.number().int(),
    workerExpired: z.number().int(),
    removalIssued: z.number().int(),
    removalVerified: z.number().int(),
    /** blank pre-printed forms on record (null: passes are printed by the app) */
    formsInStock: z.number().int().nullable(),
  }).default({ available: false, reason: '交班时还没有访客登记功能' }),
  /** today's collections of monthly fees (net of voids), and of that what settled months before this one (arrears) */
  receivables: section({ settledFen: z.number().int(), earlierMonthsFen: z.number().int() }).default({
    available: false,
    reason: '交班时还没有按月应收功能',
  }),
  /** room codes of move-ins completed in the shift; decoration cases to review and to accept; sites in progress not patrolled today */
  rooms: section({
    moveIns: z.array(z.string()),
    toReview: z.number().int(),
    toAccept: z.number().int(),
    patrolsDue: z.array(z.string()),
  }).default({ available: false, reason: '交班时还没有交房和装修办理功能' }),
});
export type HandoverSummary = z.infer<typeof handoverSummary>;

export const handoverItemView = z.object({
  id,
  kind: z.enum(['carry', 'note']),
  text: z.string(),
  roomCode: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string().nullable(),
  priority: z.enum(['low', 'normal', 'high']),
  status: z.enum(['open', 'accepted', 'queried', 'done']),
  response: z.string().nullable(),
  respondedByName: z.string().nullable(),
});

export const handoverView = z.object({
  id,
  fromId: id,
  fromName: z.string(),
  createdAt: z.string(),
  summary: handoverSummary,
  notes: z.string(),
  items: z.array(handoverItemView),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type HandoverView = z.infer<typeof handoverView>;

export const handoverItemInput = z.object({
  kind: z.enum(['carry', 'note']),
  text: line().trim().min(2, { message: '请填写内容（至少 2 个字）' }).max(300),
  roomId: id.nullable(),
  /** a room as typed (3-2-501), when there is no roomId */
  roomCode: line().trim().max(20).optional(),
  /** carry-over: who should do it (null = the next shift) */
  ownerId: id.nullable(),
  dueAt: isoDateTime.nullable(),
  priority: z.enum(['low', 'normal', 'high']),
});

export const handoverContract = {
  'handover.summary': def({ input: empty, output: handoverSummary, access: 'receptionist' }),
  'handover.create': def({
    input: z.object({
      requestId: line()
        .regex(/^[A-Za-z0-9_-]{8,64}$/)
        .optional(),
      notes: lines().trim().max(2000),
      items: z.array(handoverItemInput).max(30),
    }),
    output: handoverView,
    access: 'receptionist',
  }),
  /** the newest handover nobody has acknowledged yet (what the incoming operator reads) */
  'handover.pending': def({ input: empty, output: handoverView.nullable(), access: 'receptionist' }),
  'handover.respond': def({
    input: z.object({ itemId: id, status: z.enum(['accepted', 'queried']), response: line().trim().max(200).optional() }),
    output: handoverView,
    access: 'receptionist',
  }),
  'handover.acknowledge': def({ input: z.object({ id }), output: handoverView, access: 'receptionist' }),
  'handover.list': def({
    input: z.object({ q: line().trim().max(40).optional(), unacknowledged: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }),
    output: z.array(handoverView),
    access: 'receptionist',
  }),
  'handover.myItems': def({ input: empty, output: z.array(handoverItemView), access: 'receptionist' }),
  /** the owner marks an accepted (or queried) carry-over item done */
  'handover.itemDone': def({ input: z.object({ itemId: id }), output: z.array(handoverItemView), access: 'receptionist' }),
  /** the 交接单 on the receipt printer; queued false when no printer is set up (print the page instead) */
  'handover.print': def({ input: z.object({ id }), output: z.object({ queued: z.boolean() }), access: 'receptionist' }),
};
