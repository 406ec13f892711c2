import type { Generated } from 'kysely';

/** Kysely row types: payment notices (交费通知单 / 催缴通知单), numbered and immutable (0018). */

export interface ReceivableNoticesTable {
  id: Generated<number>;
  seq: number;
  notice_no: string;
  batch: number;
  kind: 'payment' | 'reminder';
  room_id: number;
  building_id: number;
  room_code: string;
  building_name: string;
  owner_masked: string | null;
  this_month: string;
  /** JSON: NoticeLine[] as issued */
  lines: string;
  owed_fen: number;
  late_fee_fen: number;
  how_to_pay: string;
  contact: string;
  contact_id: number;
  operator_id: number;
  at: string;
  day: string;
}
