import type { Generated } from 'kysely';

/** Kysely row types: visitors, appointments, the refusal list, passes (visitor, worker, removal), pre-printed pass forms and their stock, gate verifications (0013). */

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
