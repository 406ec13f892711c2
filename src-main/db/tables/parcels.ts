import type { Generated } from 'kysely';

/** Kysely row types: parcel shelves, parcels and their notices (0003, 0009). */

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
