import { z } from 'zod';
import { def, empty, id, line, isoMonth } from './common';
import { fenOrZero } from './fees';
import { ageBucket } from './receivables';

/**
 * 欠费催缴 beyond the receivables core: payment notices (交费通知单 / 催缴通知单), numbered without gaps and logged
 * in each room's 催缴 log, printed on the receipt printer or as A4, exported in one XLSX for mail merge; and the
 * XLSX of the arrears list and of the collection figures. Owner names are masked everywhere.
 */

export const noticeKind = z.enum(['payment', 'reminder']);

export const noticeLine = z.object({
  itemId: id,
  name: z.string(),
  /** 'opening': arrears brought from the previous system */
  kind: z.enum(['month', 'opening']),
  fromMonth: z.string(),
  toMonth: z.string(),
  months: z.number().int(),
  amountFen: fenOrZero,
});
export type NoticeLine = z.infer<typeof noticeLine>;

export const noticeView = z.object({
  id,
  noticeNo: z.string(),
  batch: z.number().int(),
  kind: noticeKind,
  roomId: id,
  roomCode: z.string(),
  buildingName: z.string(),
  ownerMasked: z.string().nullable(),
  thisMonth: z.string(),
  lines: z.array(noticeLine),
  owedFen: fenOrZero,
  lateFeeFen: fenOrZero,
  howToPay: z.string(),
  contact: z.string(),
  propertyName: z.string(),
  operatorName: z.string(),
  at: z.string(),
  day: z.string(),
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticeSettings = z.object({
  /** how to pay, printed on every notice (one line: it is printed on the slip as it is) */
  howToPay: line().trim().min(2).max(300),
  /** the property's contact (office, phone, hours) */
  contact: line().trim().min(2).max(200),
});
export type NoticeSettings = z.infer<typeof noticeSettings>;

const xlsx = z.object({ fileName: z.string(), data: z.string() });

export const arrearsContract = {
  'receivables.notices.settings.get': def({ input: empty, output: noticeSettings, access: 'receptionist' }),
  'receivables.notices.settings.save': def({ input: noticeSettings, output: noticeSettings, access: 'supervisor' }),
  /**
   * Issues notices: for one room (`roomId`), or for every owing room of a building (`buildingId`). Each gets the next
   * number and a line in its room's 催缴 log (way 通知单); with `print` each is queued on the receipt printer.
   */
  'receivables.notices.issue': def({
    input: z.object({ roomId: id.optional(), buildingId: id.optional(), kind: noticeKind, print: z.boolean() }),
    output: z.object({ batch: z.number().int(), ids: z.array(id), owedFen: fenOrZero, printed: z.boolean() }),
    access: 'receptionist',
  }),
  /** Notices as issued (for the A4 pages), by id or a room's latest. */
  'receivables.notices.get': def({
    input: z.object({ ids: z.array(id).max(5000).optional(), roomId: id.optional() }),
    output: z.array(noticeView),
    access: 'receptionist',
    maxBytes: 128 * 1024,
  }),
  /** Queues notices again on the receipt printer. */
  'receivables.notices.print': def({
    input: z.object({ ids: z.array(id).min(1).max(5000) }),
    output: z.object({ queued: z.number().int() }),
    access: 'receptionist',
    maxBytes: 128 * 1024,
  }),
  /** One XLSX row per notice, for mail merge (names masked). */
  'receivables.notices.export': def({ input: z.object({ ids: z.array(id).min(1).max(5000) }), output: xlsx, access: 'receptionist', maxBytes: 128 * 1024 }),
  /** The 欠费清单 as XLSX, with the list's filters (names masked). */
  'receivables.arrears.export': def({
    input: z.object({ buildingId: id.optional(), minMonths: z.number().int().min(1).max(999).optional(), bucket: ageBucket.optional() }),
    output: xlsx,
    access: 'receptionist',
  }),
  /** The collection figures (收缴率, 清欠) of a month or a year as XLSX. */
  'receivables.figures.export': def({
    input: z.object({ month: isoMonth.optional(), year: z.number().int().min(1900).max(2999).optional() }),
    output: xlsx,
    access: 'supervisor',
  }),
} as const;
