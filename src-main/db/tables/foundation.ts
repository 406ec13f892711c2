import type { Generated } from 'kysely';
import type { RoomState } from './rooms';

/** Kysely row types: settings, operators and approvals, the audit chain, the roster (migrations 0001, 0010). */

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
  floor: number | null;
  /** 户型, free text (三室两厅) */
  room_type: Generated<string>;
  state: Generated<RoomState>;
  updated_at: string | null;
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
  /** set when a supervisor erased the person's details on request; the row stays as history */
  erased_at: string | null;
}

/** A confirmed roster import: how far its chunks got (see migration 0012). */
export interface RosterImportsTable {
  id: Generated<number>;
  job_id: string;
  file_name: string;
  operator_id: number;
  state: 'running' | 'done' | 'failed' | 'interrupted';
  total_rows: number;
  done_rows: Generated<number>;
  started_at: string;
  finished_at: string | null;
}
