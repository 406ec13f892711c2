import { z } from 'zod';
import { def, empty, id, reason, line } from './common';
import { fen, fenOrZero, payMethod, signedFen } from './fees';

/** Notes and coins of the RMB in fen; a count is how many of each are in the drawer. */
export const DENOMINATIONS = [10000, 5000, 2000, 1000, 500, 100, 50, 10] as const;
export const denominationCount = z
  .object(
    Object.fromEntries(DENOMINATIONS.map((d) => [String(d), z.number().int().min(0).max(100000).optional()])) as Record<string, z.ZodOptional<z.ZodNumber>>,
  )
  .strict();
export type DenominationCount = Partial<Record<string, number>>;

export function countTotalFen(count: DenominationCount): number {
  return DENOMINATIONS.reduce((sum, d) => sum + d * (count[String(d)] ?? 0), 0);
}

export const cashSessionView = z.object({
  id,
  status: z.enum(['open', 'closed', 'handed_over']),
  operatorName: z.string(),
  openedAt: z.string(),
  floatFen: fenOrZero,
  receipts: z.number().int(),
  /** non-cash takings are shown; expected cash is not, until the blind count is in */
  nonCashFen: z.partialRecord(payMethod, signedFen),
  movements: z.array(z.object({ kind: z.enum(['in', 'out']), amountFen: fen, reason: z.string(), at: z.string() })),
  closedAt: z.string().nullable(),
  expectedFen: z.number().int().nullable(),
  countedFen: z.number().int().nullable(),
  varianceFen: z.number().int().nullable(),
  handedOverTo: z.string().nullable(),
});
export type CashSessionView = z.infer<typeof cashSessionView>;

export const closeResult = z.object({
  session: cashSessionView,
  slip: z.object({
    receiptRange: z.string(),
    receipts: z.number().int(),
    byItem: z.array(z.object({ name: z.string(), amountFen: signedFen })),
    byMethod: z.array(z.object({ method: payMethod, amountFen: signedFen })),
    voids: z.object({ count: z.number().int(), amountFen: signedFen }),
    refunds: z.object({ count: z.number().int(), amountFen: signedFen }),
    cashIn: fenOrZero,
    cashOut: fenOrZero,
    chainHead: z.string(),
  }),
});
export type CloseResult = z.infer<typeof closeResult>;

export const cashContract = {
  /** This terminal's open session of the signed-in operator, or null. */
  'cash.current': def({ input: empty, output: cashSessionView.nullable(), access: 'receptionist' }),
  'cash.open': def({ input: z.object({ count: denominationCount }), output: cashSessionView, access: 'receptionist' }),
  /** Cash in/out with a reason. Out can use only the float and cash put in: never the takings (坐支). */
  'cash.move': def({ input: z.object({ kind: z.enum(['in', 'out']), amountFen: fen, reason }), output: cashSessionView, access: 'receptionist' }),
  /**
   * Blind close: the counted notes and coins; expected cash is revealed only after. A variance above the
   * site threshold needs a supervisor approval ('cash.variance', subject = session id).
   */
  'cash.close': def({ input: z.object({ count: denominationCount, approvalId: line().max(100).optional() }), output: closeResult, access: 'receptionist' }),
  'cash.handover': def({
    input: z.object({ sessionId: id, financeName: line().trim().min(2).max(20), note: line().trim().max(100).optional() }),
    output: cashSessionView,
    access: 'receptionist',
  }),
  'cash.sessions.list': def({
    input: z.object({ limit: z.number().int().min(1).max(100).optional() }),
    output: z.array(cashSessionView),
    access: 'supervisor',
  }),
  'cash.slip': def({ input: z.object({ sessionId: id }), output: closeResult, access: 'receptionist' }),
} as const;
