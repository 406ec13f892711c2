import type { Generated } from 'kysely';

/** Kysely table types. Keep in step with the migrations (test/db/schema.test.ts compares them). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** 'guard' (门岗, 0013): the gate's removal-pass check and the on-site list only */
export type Role = 'guard' | 'receptionist' | 'supervisor' | 'admin';

export interface OperatorsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApprovalsTable {
  id: string;
  action: string;
  subject: string;
  reason: string;
  approver_id: number;
  requested_by: number | null;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
  consumed_by: number | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  operator_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface BuildingsTable {
  id: Generated<number>;
  code: string;
  name: string;
  created_at: string;
}

export interface UnitsTable {
  id: Generated<number>;
  building_id: number;
  code: string;
}

export interface RoomsTable {
  id: Generated<number>;
  unit_id: number;
  number: string;
  code: string;
  /** floor area in 0.01 m² (integer); null when unknown */
  area_cm2: number | null;
  created_at: string;
}

export type ResidentKind = 'owner' | 'tenant' | 'family';

export interface ResidentsTable {
  id: Generated<number>;
  room_id: number;
  name: string;
  kind: ResidentKind;
  initials: string;
  pinyin: string;
  /** the name without the surname (张伟 → 伟, 欧阳娜娜 → 娜娜), so a given name is found through an index */
  given_name: string;
  phone: string | null;
  phone_last4: string | null;
  move_in: string | null;
  move_out: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

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

export type ParcelStatus = 'in_stock' | 'picked_up' | 'returned' | 'written_off';
export type ParcelCarrier = 'SF' | 'YT' | 'JT' | 'JD' | 'EMS' | 'POST' | 'ZTO' | 'STO' | 'YD' | 'DBL' | 'CAINIAO' | 'OTHER' | 'UNKNOWN';
export type PickupCheck = 'code' | 'id_card' | 'phone' | 'signature' | 'known';

export interface ParcelShelvesTable {
  id: Generated<number>;
  code: string;
  name: string;
  slots: number;
  active: number;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface ParcelsTable {
  id: Generated<number>;
  waybill: string;
  carrier: ParcelCarrier;
  room_id: number | null;
  room_code: string | null;
  resident_id: number | null;
  recipient: string;
  phone_last4: string | null;
  unlisted: number;
  shelf_id: number | null;
  slot: number | null;
  pickup_code: string;
  status: ParcelStatus;
  note: string;
  request_id: string | null;
  intake_at: string;
  intake_by: number;
  updated_at: string;
  closed_at: string | null;
  closed_by: number | null;
  picked_at: string | null;
  collector: string | null;
  check_method: PickupCheck | null;
  check_note: string | null;
  proxy: number;
  proxy_name: string | null;
  return_reason: string | null;
  writeoff_reason: string | null;
  approval_id: string | null;
}

export interface ParcelNoticesTable {
  id: Generated<number>;
  parcel_id: number;
  kind: 'arrival' | 'overdue';
  day: string;
  status: 'pending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  created_at: string;
  created_by: number | null;
  sent_at: string | null;
  last_error: string | null;
}

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

export type VisitPurpose = 'friend' | 'delivery' | 'repair' | 'decoration' | 'agent_viewing' | 'interview' | 'other';
export type DocType = 'id_card' | 'passport' | 'hk_macao' | 'taiwan' | 'driver' | 'other' | 'none';
export type PersonalKind = 'visit' | 'appointment' | 'worker' | 'removal' | 'refusal';

/** Personal data of visitors, workers, applicants and refused visitors: blanked after the retention period (0013). */
export interface VisitorPersonalTable {
  id: Generated<number>;
  kind: PersonalKind;
  name: string | null;
  phone: string | null;
  phone_last4: string | null;
  doc_type: DocType;
  doc_last4: string | null;
  /** the whole document number, sealed (only where the property's setting asks for it) */
  doc_sealed: string | null;
  plate: string | null;
  retain_from: string;
  created_at: string;
  erased_at: string | null;
}

export interface VisitorRefusalsTable {
  id: Generated<number>;
  personal_id: number;
  room_id: number | null;
  reason: string;
  from_date: string;
  until_date: string;
  created_at: string;
  created_by: number;
  ended_at: string | null;
  ended_by: number | null;
  end_reason: string | null;
}

export type AppointmentStatus = 'planned' | 'checked_in' | 'checked_out' | 'no_show' | 'cancelled';

export interface VisitorAppointmentsTable {
  id: Generated<number>;
  personal_id: number;
  room_id: number;
  date: string;
  party_size: number;
  purpose: VisitPurpose;
  note: string;
  status: AppointmentStatus;
  created_at: string;
  created_by: number;
  visit_id: number | null;
  closed_at: string | null;
  cancel_reason: string | null;
  request_id: string | null;
}

export type VisitStatus = 'on_site' | 'checked_out' | 'void';
export type CheckoutMethod = 'scan' | 'search' | 'bulk' | 'void';

export interface VisitsTable {
  id: Generated<number>;
  personal_id: number;
  party_size: number;
  purpose: VisitPurpose;
  purpose_note: string;
  room_id: number | null;
  common_area_reason: string | null;
  /** JSON array of building codes */
  zones: string;
  consent: 'phone' | 'owner_present' | 'appointment' | 'none';
  consent_phone_masked: string | null;
  appointment_id: number | null;
  refusal_id: number | null;
  approval_id: string | null;
  approver_id: number | null;
  status: VisitStatus;
  checked_in_at: string;
  checked_in_by: number;
  valid_until: string;
  checked_out_at: string | null;
  checked_out_by: number | null;
  checkout_method: CheckoutMethod | null;
  checkout_note: string | null;
  request_id: string | null;
}

export interface PassFormBatchesTable {
  id: Generated<number>;
  prefix: string;
  first_no: number;
  last_no: number;
  digits: number;
  count: number;
  received_on: string;
  signed_by: string;
  handed_over_by: string;
  received_by: number;
  created_at: string;
  note: string;
}

export type FormState = 'in_stock' | 'issued' | 'void' | 'lost';

export interface PassFormsTable {
  id: Generated<number>;
  batch_id: number;
  form_no: string;
  state: FormState;
  changed_at: string;
  changed_by: number;
  reason: string | null;
}

export interface PassFormCountsTable {
  id: Generated<number>;
  at: string;
  operator_id: number;
  expected_in_stock: number;
  counted: number;
  out_count: number;
  explanation: string;
}

export type RemovalConsent = 'owner' | 'owner_present' | 'phone' | 'written' | 'approval';

export interface RemovalPassesTable {
  id: Generated<number>;
  room_id: number;
  applicant_kind: 'owner' | 'tenant';
  personal_id: number;
  moving_company: string;
  pass_date: string;
  window_from: string;
  window_to: string;
  consent: RemovalConsent;
  consent_phone_masked: string | null;
  consent_note: string;
  approval_id: string | null;
  approver_id: number | null;
  /** JSON: the room's open matters counted when the pass was issued */
  open_issues: string;
  created_at: string;
  created_by: number;
  request_id: string | null;
}

export interface RemovalPassItemsTable {
  id: Generated<number>;
  removal_id: number;
  line_no: number;
  name: string;
  quantity: number;
}

export type PassKind = 'visitor' | 'worker' | 'removal';
export type PassStatus = 'valid' | 'returned' | 'closed' | 'void' | 'lost' | 'used';

export interface PassIssuesTable {
  id: Generated<number>;
  pass_no: string;
  kind: PassKind;
  terminal_id: string;
  seq: number | null;
  form_id: number | null;
  visit_id: number | null;
  removal_id: number | null;
  /** the holder (visitor, worker) or the applicant (removal) */
  personal_id: number;
  company: string | null;
  room_id: number | null;
  common_area_reason: string | null;
  /** JSON array of building codes */
  zones: string;
  note: string;
  valid_from: string;
  valid_until: string;
  issued_at: string;
  issued_by: number;
  status: PassStatus;
  closed_at: string | null;
  closed_by: number | null;
  close_reason: string | null;
  request_id: string | null;
}

export interface PassVerificationsTable {
  id: Generated<number>;
  pass_id: number;
  at: string;
  operator_id: number;
  via: 'gate' | 'counter';
}

export interface DB {
  settings: SettingsTable;
  operators: OperatorsTable;
  approvals: ApprovalsTable;
  audit_log: AuditLogTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  rooms: RoomsTable;
  residents: ResidentsTable;
  fee_items: FeeItemsTable;
  counters: CountersTable;
  cash_sessions: CashSessionsTable;
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
  payments: PaymentsTable;
  cash_movements: CashMovementsTable;
  print_jobs: PrintJobsTable;
  parcel_shelves: ParcelShelvesTable;
  parcels: ParcelsTable;
  parcel_notices: ParcelNoticesTable;
  keys: KeysTable;
  key_loans: KeyLoansTable;
  key_counts: KeyCountsTable;
  cards: CardsTable;
  card_events: CardEventsTable;
  card_stock_moves: CardStockMovesTable;
  visitor_personal: VisitorPersonalTable;
  visitor_refusals: VisitorRefusalsTable;
  visitor_appointments: VisitorAppointmentsTable;
  visits: VisitsTable;
  pass_form_batches: PassFormBatchesTable;
  pass_forms: PassFormsTable;
  pass_form_counts: PassFormCountsTable;
  removal_passes: RemovalPassesTable;
  removal_pass_items: RemovalPassItemsTable;
  pass_issues: PassIssuesTable;
  pass_verifications: PassVerificationsTable;
}
