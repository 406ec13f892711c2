import { z } from 'zod';
import { def, empty, id, ok, reason, line, isoDate, isoMonth } from './common';
import { MAX_FEN } from '../money';

export const fen = z.number().int().min(1).max(MAX_FEN);
export const fenOrZero = z.number().int().min(0).max(MAX_FEN);
export const signedFen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
export const feeCategory = z.enum(['property', 'utility', 'parking', 'card', 'service', 'deposit', 'other']);
export const feeRule = z.enum(['fixed', 'per_area_month', 'per_month', 'metered', 'amount']);
export const payMethod = z.enum(['cash', 'wechat', 'alipay', 'card']);
export type PayMethod = z.infer<typeof payMethod>;

export const feeItemView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  category: feeCategory,
  rule: feeRule,
  unitPriceFen: fenOrZero,
  unitLabel: z.string(),
  refundable: z.boolean(),
  active: z.boolean(),
  sort: z.number().int(),
});
export type FeeItemView = z.infer<typeof feeItemView>;

export const feeItemInput = z.object({
  id: id.optional(),
  code: line()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,16}$/, { message: '编号只能是 1–16 位字母、数字、下划线或短横线' }),
  name: line().trim().min(1, { message: '请填写收费项目名称' }).max(30),
  category: feeCategory,
  rule: feeRule,
  unitPriceFen: fenOrZero,
  unitLabel: line().trim().max(6),
  refundable: z.boolean(),
  active: z.boolean(),
  sort: z.number().int().min(0).max(9999),
});

export const lineInput = z.object({
  itemId: id,
  quantity: z.number().int().min(1).max(999).optional(),
  months: z.number().int().min(1).max(120).optional(),
  from: isoMonth.optional(),
  meterFrom: z.number().int().min(0).max(1e10).optional(),
  meterTo: z.number().int().min(0).max(1e10).optional(),
  amountFen: fen.optional(),
});

export const pricedLineView = z.object({
  itemId: id,
  name: z.string(),
  category: feeCategory,
  detail: z.string(),
  quantity: z.string(),
  amountFen: fen,
  refundable: z.boolean(),
});

export const paymentInput = z.object({
  method: payMethod,
  amountFen: fen,
  /** cash only: what the payer handed over (change = received − amount) */
  receivedFen: fen.optional(),
  /** WeChat/Alipay: the payer's scanned code or the transaction number; bank card: voucher number */
  reference: line().trim().max(64).optional(),
});

export const receiptLineView = z.object({
  lineNo: z.number().int(),
  name: z.string(),
  category: feeCategory,
  detail: z.string(),
  quantity: z.string(),
  amountFen: signedFen,
  refundable: z.boolean(),
  reversed: z.boolean(),
});

export const paymentView = z.object({
  method: payMethod,
  amountFen: signedFen,
  receivedFen: z.number().int().nullable(),
  changeFen: z.number().int().nullable(),
  referenceMasked: z.string(),
});

export const printState = z.enum(['not-configured', 'pending', 'printing', 'done', 'failed', 'interrupted', 'cancelled']);

export const receiptView = z.object({
  id,
  receiptNo: z.string(),
  kind: z.enum(['receipt', 'void', 'refund']),
  issuedAt: z.string(),
  operatorName: z.string(),
  roomCode: z.string().nullable(),
  payerMasked: z.string().nullable(),
  totalFen: signedFen,
  totalUpper: z.string(),
  lines: z.array(receiptLineView),
  payments: z.array(paymentView),
  original: z.object({ id, receiptNo: z.string() }).nullable(),
  reason: z.string().nullable(),
  approverName: z.string().nullable(),
  voidedBy: z.object({ id, receiptNo: z.string() }).nullable(),
  refundedFen: z.number().int(),
  printState,
  printError: z.string().nullable(),
  copies: z.number().int(),
});
export type ReceiptView = z.infer<typeof receiptView>;

export const receiptListItem = z.object({
  id,
  receiptNo: z.string(),
  kind: z.enum(['receipt', 'void', 'refund']),
  issuedAt: z.string(),
  roomCode: z.string().nullable(),
  totalFen: signedFen,
  methods: z.array(payMethod),
  voided: z.boolean(),
  printState,
});

export const feesContract = {
  'fees.items.list': def({ input: z.object({ includeInactive: z.boolean().optional() }), output: z.array(feeItemView), access: 'receptionist' }),
  'fees.items.save': def({ input: feeItemInput, output: feeItemView, access: 'admin' }),
  /** Prices lines without posting anything (the collect screen shows the total as lines are added). */
  'fees.quote': def({
    input: z.object({ roomId: id.nullable(), lines: z.array(lineInput).min(1).max(30) }),
    output: z.object({ lines: z.array(pricedLineView), totalFen: fen, totalUpper: z.string() }),
    access: 'receptionist',
  }),
  /**
   * Posts a receipt: lines priced again in main, payments must add up to the total, a gapless number is
   * taken inside the transaction. `requestId` makes a double submit return the same receipt.
   */
  'fees.collect': def({
    input: z.object({
      requestId: line().regex(/^[A-Za-z0-9_-]{8,64}$/),
      roomId: id.nullable(),
      payer: line().trim().max(40).optional(),
      lines: z.array(lineInput).min(1).max(30),
      payments: z.array(paymentInput).min(1).max(4),
      note: line().trim().max(100).optional(),
    }),
    output: receiptView,
    access: 'receptionist',
  }),
  'fees.receipts.list': def({
    input: z.object({ date: isoDate.optional(), q: line().max(40).optional(), limit: z.number().int().min(1).max(200).optional() }),
    output: z.array(receiptListItem),
    access: 'receptionist',
  }),
  'fees.receipts.get': def({ input: z.object({ id }), output: receiptView, access: 'receptionist' }),
  /** receiptline SVG of the receipt as it prints (for screens without a printer). */
  'fees.receipts.preview': def({
    input: z.object({ id, copy: z.number().int().min(0).max(99).optional() }),
    output: z.object({ svg: z.string(), width: z.union([z.literal(58), z.literal(80)]) }),
    access: 'receptionist',
  }),
  'fees.receipts.reprint': def({ input: z.object({ id }), output: receiptView, access: 'receptionist' }),
  'fees.void': def({ input: z.object({ receiptId: id, approvalId: line().max(100), reason }), output: receiptView, access: 'receptionist' }),
  'fees.refundDeposit': def({
    input: z.object({ receiptId: id, approvalId: line().max(100), reason, method: payMethod, reference: line().trim().max(64).optional() }),
    output: receiptView,
    access: 'receptionist',
  }),
  'print.jobs.open': def({
    input: empty,
    output: z.array(
      z.object({
        id,
        kind: z.string(),
        receiptId: id.nullable(),
        receiptNo: z.string().nullable(),
        status: printState,
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    access: 'receptionist',
  }),
  'print.jobs.retry': def({ input: z.object({ id }), output: ok, access: 'receptionist' }),
  'print.jobs.cancel': def({ input: z.object({ id }), output: ok, access: 'receptionist' }),
} as const;
