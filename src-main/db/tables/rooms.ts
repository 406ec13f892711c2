import type { Generated } from 'kysely';

/** Kysely row types: room state history, ownership transfers, move-in and decoration cases, meter readings (0014). */

export type RoomState = 'undelivered' | 'vacant' | 'owner_occupied' | 'rented' | 'renovating';

export interface RoomStateChangesTable {
  id: Generated<number>;
  room_id: number;
  from_state: RoomState | null;
  to_state: RoomState;
  at: string;
  operator_id: number | null;
  reason: Generated<string>;
}

export interface TenantLeasesTable {
  id: Generated<number>;
  resident_id: number;
  room_id: number;
  start_date: string;
  end_date: string;
  moved_out: string | null;
  created_at: string;
  operator_id: number;
}

export interface OwnershipTransfersTable {
  id: Generated<number>;
  room_id: number;
  from_resident_id: number;
  to_resident_id: number;
  transfer_date: string;
  title_deed_seen: number;
  contract_seen: number;
  id_card_seen: number;
  at: string;
  operator_id: number;
}

export type MoveInStatus = 'open' | 'done' | 'cancelled';

export interface MoveinCasesTable {
  id: Generated<number>;
  room_id: number;
  status: MoveInStatus;
  started_at: string;
  started_by: number;
  resident_id: number | null;
  identity_checked_at: string | null;
  /** how the identity was checked, masked (ID numbers keep their last four digits only) */
  id_note: Generated<string>;
  /** JSON array of the documents ticked as seen */
  docs_seen: Generated<string>;
  docs_checked_at: string | null;
  meters_read_at: string | null;
  keys_handed_at: string | null;
  keys_signed_by: string | null;
  cards_done_at: string | null;
  /** 0019: the first fees' receipt (null: none due at the handover) and when the step was done */
  fees_receipt_no: string | null;
  fees_done_at: string | null;
  issues: Generated<string>;
  completed_at: string | null;
  completed_by: number | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

export interface MoveinLinksTable {
  case_id: number;
  kind: 'key' | 'card';
  ref_id: number;
}

export type MeterKind = 'water' | 'electricity' | 'gas';

export interface MeterReadingsTable {
  id: Generated<number>;
  room_id: number;
  meter: MeterKind;
  /** the reading × 100 (two decimals kept as an integer) */
  reading_centi: number;
  read_at: string;
  case_id: number | null;
  operator_id: number;
}

export type DecorationStatus = 'applied' | 'approved' | 'in_progress' | 'awaiting_acceptance' | 'accepted' | 'refunded' | 'rejected' | 'void';
export type DecorationEventKind =
  'apply' | 'approve' | 'reject' | 'deposit' | 'start' | 'extend' | 'patrol' | 'deduct' | 'finish' | 'accept' | 'fail' | 'refund' | 'void';

export interface DecorationCasesTable {
  id: Generated<number>;
  room_id: number;
  status: DecorationStatus;
  applicant_resident_id: number | null;
  contractor: string;
  person_in_charge: string;
  contractor_phone: string;
  start_date: string;
  planned_end: string;
  scope: Generated<string>;
  docs_seen: Generated<string>;
  deposit_fen: Generated<number>;
  deposit_receipt_no: string | null;
  deducted_fen: Generated<number>;
  review_remark: string | null;
  reviewed_by: number | null;
  accepted_at: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
}

export interface DecorationEventsTable {
  id: Generated<number>;
  case_id: number;
  kind: DecorationEventKind;
  at: string;
  operator_id: number;
  note: Generated<string>;
  amount_fen: number | null;
  new_end: string | null;
}

export type DecorationLinkKind = 'worker_pass' | 'key_loan' | 'refund';
/** 0019: the passes, key loans and refund receipt a decoration case set in motion */
export interface DecorationLinksTable {
  id: Generated<number>;
  case_id: number;
  kind: DecorationLinkKind;
  ref_id: number;
  at: string;
}
