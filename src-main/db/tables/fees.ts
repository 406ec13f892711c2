import type { Generated } from 'kysely';

/** Kysely row types: fee items, cash sessions, receipts and their lines and payments, the print queue (0002, 0003). */

export type FeeCategory = 'property' | 'utility' | 'parking' | 'card' | 'service' | 'deposit' | 'other';
export type FeeRule = 'fixed' | 'per_area_month' | 'per_month' | 'metered' | 'amount';
export type PayMethod = 'cash' | 'wechat' | 'alipay' | 'card';

export interface FeeItemsTable {
  id: Generated<number>;
  code: string;
  name: string;
  category: FeeCategory;
  rule: FeeRule;
  unit_price_fen: number;
  unit_label: string;
  refundable: number;
  active: number;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface CashSessionsTable {
  id: Generated<number>;
  terminal_id: string;
  operator_id: number;
  opened_at: string;
  float_fen: number;
  float_detail: string;
  status: 'open' | 'closed' | 'handed_over';
  closed_at: string | null;
  expected_fen: number | null;
  counted_fen: number | null;
  count_detail: string | null;
  variance_fen: number | null;
  variance_approval_id: string | null;
  close_head_seq: number | null;
  close_head_hash: string | null;
  handed_over_at: string | null;
  handed_over_to: string | null;
  handover_note: string | null;
}

export interface ReceiptsTable {
  id: Generated<number>;
  receipt_no: string;
  terminal_id: string;
  seq: number;
  kind: 'receipt' | 'void' | 'refund';
  session_id: number;
  operator_id: number;
  room_id: number | null;
  room_code: string | null;
  payer: string | null;
  issued_at: string;
  total_fen: number;
  original_id: number | null;
  reason: string | null;
  approval_id: string | null;
  request_id: string;
  note: string;
}

export interface ReceiptLinesTable {
  id: Generated<number>;
  receipt_id: number;
  line_no: number;
  fee_item_id: number | null;
  name: string;
  category: FeeCategory;
  detail: string;
  quantity: string;
  amount_fen: number;
  refundable: number;
  original_line_id: number | null;
}

export interface PaymentsTable {
  id: Generated<number>;
  receipt_id: number;
  method: PayMethod;
  amount_fen: number;
  received_fen: number | null;
  change_fen: number | null;
  reference: string | null;
}

export interface CashMovementsTable {
  id: Generated<number>;
  session_id: number;
  kind: 'in' | 'out';
  amount_fen: number;
  reason: string;
  operator_id: number;
  at: string;
}

export type PrintJobStatus = 'pending' | 'printing' | 'done' | 'failed' | 'interrupted' | 'cancelled';

export interface PrintJobsTable {
  id: Generated<number>;
  kind: 'receipt' | 'reprint' | 'slip' | 'test';
  receipt_id: number | null;
  session_id: number | null;
  copy_no: number;
  kick_drawer: number;
  payload: string;
  status: PrintJobStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  printed_at: string | null;
  /** 0003: the parcel an intake slip belongs to */
  parcel_id: number | null;
  /** 0013: the pass a slip prints */
  pass_id: number | null;
}
