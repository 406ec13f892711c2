import { parcelSettings, type ParcelSettings } from '../../contract/parcels';
import type { Sql } from '../../db/sql';
import { getSetting, setSetting } from '../system/settings.repo';
import { CARRIERS, type Carrier } from './carriers';

/** 3 days in stock is overdue (滞留) unless the site says otherwise; slips print by default. */
export const DEFAULT_PARCEL_SETTINGS: ParcelSettings = { overdueDays: 3, printSlip: true };

/** Site settings for parcels, re-validated on read: a damaged value falls back to the defaults, never a crash. */
export function readParcelSettings(sql: Sql): ParcelSettings {
  const raw = getSetting(sql, 'parcel_settings');
  if (!raw) return DEFAULT_PARCEL_SETTINGS;
  try {
    const r = parcelSettings.safeParse(JSON.parse(raw));
    return r.success ? r.data : DEFAULT_PARCEL_SETTINGS;
  } catch {
    return DEFAULT_PARCEL_SETTINGS;
  }
}

export function writeParcelSettings(sql: Sql, s: ParcelSettings, at: string): void {
  setSetting(sql, 'parcel_settings', JSON.stringify(s), at);
}

/** The last carrier chosen per digit shape (`d12:78` → 'ZTO'): "ask once, remember". */
export function readCarrierMemory(sql: Sql): Record<string, Carrier> {
  const raw = getSetting(sql, 'parcel_carrier_memory');
  if (!raw) return {};
  try {
    const o = JSON.parse(raw) as unknown;
    if (!o || typeof o !== 'object') return {};
    const out: Record<string, Carrier> = {};
    for (const [k, v] of Object.entries(o)) if (typeof v === 'string' && (CARRIERS as readonly string[]).includes(v) && v !== 'UNKNOWN') out[k] = v as Carrier;
    return out;
  } catch {
    return {};
  }
}

export function rememberCarrier(sql: Sql, key: string, carrier: Carrier, at: string): void {
  const m = readCarrierMemory(sql);
  if (m[key] === carrier) return;
  m[key] = carrier;
  // bounded: a counter sees a handful of shapes; drop the oldest if something odd floods it
  const entries = Object.entries(m).slice(-200);
  setSetting(sql, 'parcel_carrier_memory', JSON.stringify(Object.fromEntries(entries)), at);
}
