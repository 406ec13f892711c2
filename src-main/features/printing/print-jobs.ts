/** The print queue's job payloads and what it needs from the rest of the app. */
import { z } from 'zod';
import type { Rendered, SlipLine, Width } from '../../devices/printer/receipt';
import type { PrinterSettings } from '@shared/contract/printer';
import type { CloseResult } from '@shared/contract/cash';

/** What a job row stores: ids only. The documents are immutable, so they are laid out again at print time. */
export const payload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('receipt'), receiptId: z.number().int(), copy: z.number().int().min(0), at: z.string() }),
  z.object({ kind: z.literal('close-slip'), sessionId: z.number().int(), at: z.string() }),
  z.object({ kind: z.literal('test'), at: z.string() }),
  z.object({ kind: z.literal('parcel-slip'), parcelId: z.number().int(), copy: z.number().int().min(0), at: z.string() }),
  z.object({ kind: z.literal('handover-slip'), handoverId: z.number().int(), at: z.string() }),
  z.object({ kind: z.literal('dispatch-slip'), requestId: z.number().int(), at: z.string() }),
  z.object({ kind: z.literal('pass-slip'), passId: z.number().int(), copy: z.number().int().min(0), at: z.string() }),
  z.object({ kind: z.literal('notice-slip'), noticeId: z.number().int(), at: z.string() }),
  z.object({ kind: z.literal('movein-slip'), caseId: z.number().int(), at: z.string() }),
]);
export type Payload = z.infer<typeof payload>;

export interface PrintContext {
  settings(): PrinterSettings;
  propertyName(): string;
  terminalId(): string;
  /** the property's time zone: printed times use it */
  timeZone(): string;
}

/**
 * Documents that other features own and the queue lays out at print time. Those features queue their slips on
 * this queue, so the queue is built first and told where their documents come from once they exist
 * (`printDocumentsFrom`, before the queue starts).
 */
export interface PrintDocuments {
  closeResult(sessionId: number): CloseResult;
  /** the lines of a handover slip (交接单) */
  handoverLines(handoverId: number): SlipLine[];
  /** the lines of a dispatch slip (派工单) */
  dispatchLines(requestId: number): SlipLine[];
  /** a pass (visitor, worker, removal) as printed; `copy` > 0 prints 副本 n */
  passSlip(passId: number, opts: { width: Width; copy?: number; reprintedAt?: string }): Rendered;
  /** a payment notice's short form (交费通知单 / 催缴通知单) */
  noticeSlip(noticeId: number): { title: string; lines: SlipLine[] };
  /** the 交房确认单 (title and lines) of a move-in case */
  moveInSlip(caseId: number): { title: string; lines: SlipLine[] };
}
