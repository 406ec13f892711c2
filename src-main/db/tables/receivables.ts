import type { Generated } from 'kysely';

/** Kysely row types: receivables — periodic items, rates, room plans, charges, allocations, the 催缴 log (0015). */

export type ChargeKind = 'month' | 'opening';
export type ContactWay = 'phone' | 'visit' | 'sms' | 'notice' | 'lawyer';

export interface ReceivableItemsTable {
  item_id: number;
  since_month: string;
  vacancy_applies: number;
  created_at: string;
  updated_at: string;
}

export interface ReceivableRatesTable {
  id: Generated<number>;
  item_id: number;
  from_month: string;
  to_month: string | null;
  unit_price_fen: number;
  operator_id: number | null;
  created_at: string;
}

export interface ReceivablePlansTable {
  id: Generated<number>;
  room_id: number;
  building_id: number;
  item_id: number;
  start_month: string;
  /** days charged in the first month when it is charged by days (null: whole month) */
  first_days: number | null;
  end_month: string | null;
  /** spaces (车位) for per-month items; 1 otherwise */
  quantity: number;
  source: 'counter' | 'import';
  /** month charges are written up to (as of this month); null: none yet */
  generated_through: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReceivableVacanciesTable {
  id: Generated<number>;
  room_id: number;
  from_month: string;
  to_month: string | null;
  /** the share of the vacancy-discounted items charged, in percent */
  pct: number;
  reason: string;
  operator_id: number;
  created_at: string;
}

export interface ReceivableAdjustmentsTable {
  id: Generated<number>;
  room_id: number;
  item_id: number;
  from_month: string;
  to_month: string;
  pct_off: number;
  reason: string;
  approval_id: string;
  operator_id: number;
  approver_id: number;
  created_at: string;
}

export interface ReceivableChargesTable {
  id: Generated<number>;
  room_id: number;
  building_id: number;
  item_id: number;
  kind: ChargeKind;
  month: string;
  base_fen: number;
  amount_fen: number;
  settled_fen: Generated<number>;
}

export interface ReceivableAllocationsTable {
  id: Generated<number>;
  charge_id: number;
  receipt_line_id: number;
  amount_fen: number;
  at: string;
  room_id: number;
  building_id: number;
  item_id: number;
  kind: ChargeKind;
  month: string;
}

export interface ReceivableContactsTable {
  id: Generated<number>;
  room_id: number;
  at: string;
  day: string;
  way: ContactWay;
  operator_id: number;
  result: string;
  promised_date: string | null;
}

/** Per month, building and item: the month charges' amount and settled part, kept by triggers on the charges (0016). */
export interface ReceivableMonthTotalsTable {
  month: string;
  building_id: number;
  item_id: number;
  charged_fen: number;
  settled_fen: number;
}

/** A supervisor's waiver of the late fee accrued up to a day, per room and item (0017). */
export interface ReceivableLateWaiversTable {
  id: Generated<number>;
  room_id: number;
  item_id: number;
  through_day: string;
  waived_fen: number;
  reason: string;
  approval_id: string;
  operator_id: number;
  approver_id: number;
  created_at: string;
}
