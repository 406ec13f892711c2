import type { ParcelCarrierCode, ParcelStatusCode, ParcelView } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export type PickupCheck = NonNullable<ParcelView['pickup']>['check'];

export const STATUS_LABEL: Record<ParcelStatusCode, MsgKey> = {
  in_stock: 'parcel.status.in_stock',
  picked_up: 'parcel.status.picked_up',
  returned: 'parcel.status.returned',
  written_off: 'parcel.status.written_off',
};

export const STATUS_TAG: Record<ParcelStatusCode, string> = {
  in_stock: 'tag-ok',
  picked_up: 'tag-muted',
  returned: 'tag-warn',
  written_off: 'tag-bad',
};

export const CHECK_LABEL: Record<PickupCheck, MsgKey> = {
  code: 'parcel.check.code',
  id_card: 'parcel.check.id_card',
  phone: 'parcel.check.phone',
  signature: 'parcel.check.signature',
  known: 'parcel.check.known',
};
export const CHECKS: PickupCheck[] = ['code', 'id_card', 'phone', 'signature', 'known'];

/** Carriers the operator may choose, in the order of the counter's shelves of habit. */
export const CHOSEN_CARRIERS: Exclude<ParcelCarrierCode, 'UNKNOWN'>[] = ['SF', 'ZTO', 'YT', 'STO', 'YD', 'JT', 'JD', 'EMS', 'POST', 'DBL', 'CAINIAO', 'OTHER'];
export const CARRIER_LABEL: Record<ParcelCarrierCode, MsgKey> = {
  SF: 'carrier.SF',
  YT: 'carrier.YT',
  JT: 'carrier.JT',
  JD: 'carrier.JD',
  EMS: 'carrier.EMS',
  POST: 'carrier.POST',
  ZTO: 'carrier.ZTO',
  STO: 'carrier.STO',
  YD: 'carrier.YD',
  DBL: 'carrier.DBL',
  CAINIAO: 'carrier.CAINIAO',
  OTHER: 'carrier.OTHER',
  UNKNOWN: 'carrier.UNKNOWN',
};

/** 张伟 → 张*, as main masks names (a person's name never shows in full on the parcel screens). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/** What a typed lookup is: a 6-digit pickup code (`402718`, `402 718`) or a waybill. */
export function lookupKind(q: string): 'code' | 'waybill' | 'room' {
  const s = q.trim();
  if (/^\d{3}\s?\d{3}$/.test(s)) return 'code';
  if (/^[A-Za-z0-9]{8,}$/.test(s)) return 'waybill';
  return 'room';
}
