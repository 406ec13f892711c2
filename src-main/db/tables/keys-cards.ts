import type { Generated } from 'kysely';

/** Kysely row types: keys and their loans and counts, access/function cards and their stock (0005, 0008). */

export type KeyKind = 'public' | 'vacant' | 'trust';
export type KeyStatus = 'on_board' | 'out' | 'lost' | 'retired';
export type BorrowerType = 'owner' | 'contractor' | 'staff' | 'agent';
export type KeyPurpose = 'renovation' | 'viewing' | 'repair' | 'meter' | 'cleaning' | 'other';
export type KeyCondition = 'ok' | 'damaged' | 'lost';

export interface KeysTable {
  id: Generated<number>;
  tag: string;
  kind: KeyKind;
  label: string;
  room_id: number | null;
  hook: string;
  status: KeyStatus;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface KeyLoansTable {
  id: Generated<number>;
  key_id: number;
  borrower_type: BorrowerType;
  borrower_name: string;
  borrower_phone: string | null;
  company: string;
  purpose: KeyPurpose;
  purpose_note: string;
  id_checked: string;
  lent_at: string;
  due_at: string;
  lent_by: number;
  approval_id: string | null;
  approver_id: number | null;
  returned_at: string | null;
  returned_by: number | null;
  return_condition: KeyCondition | null;
  return_note: string | null;
}

export interface KeyCountsTable {
  id: Generated<number>;
  at: string;
  operator_id: number;
  expected_on_board: number;
  counted: number;
  out_count: number;
  explanation: string;
}

export type CardType = 'access' | 'function';
export type CardStatus = 'active' | 'lost' | 'blacklisted' | 'returned';
export type CardEventKind = 'issue' | 'replace' | 'lost' | 'return' | 'blacklist';

export interface CardsTable {
  id: Generated<number>;
  raw: string;
  format: string;
  match_key: string;
  value32: number | null;
  prefix8: number | null;
  type: CardType;
  function_name: string;
  room_id: number;
  resident_id: number | null;
  holder_name: string;
  valid_from: string | null;
  valid_until: string | null;
  status: CardStatus;
  deposit_fen: number;
  fee_owed_fen: number;
  fee_receipt_no: string | null;
  replaces_id: number | null;
  replaced_by_id: number | null;
  issued_at: string;
  issued_by: number;
  closed_at: string | null;
  close_note: string | null;
  note: string;
}

export interface CardEventsTable {
  id: Generated<number>;
  card_id: number;
  kind: CardEventKind;
  at: string;
  operator_id: number;
  room_id: number;
  card_type: CardType;
  detail: string;
}

/** 'count': the difference found at a stock count (盘点), either sign. */
export type CardStockMoveKind = 'in' | 'out' | 'issue' | 'return' | 'count';

export interface CardStockMovesTable {
  id: Generated<number>;
  card_type: CardType;
  kind: CardStockMoveKind;
  quantity: number;
  reason: string;
  card_id: number | null;
  operator_id: number;
  at: string;
}
