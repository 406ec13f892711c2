import { parcelSettings, type CarrierMemoryEntry as MemoryView, type ParcelSettings } from '@shared/contract/parcels';
import type { Sql } from '../../db/sql';
import { getSetting, setSetting } from '../system/settings.repo';
import { CARRIER_NAMES, CARRIERS, describeShape, detectCarrier, type Carrier, type Detection } from './carriers';

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

/** One remembered choice: the carrier chosen for a shape of number, when, by whom, and the number it was chosen on. */
export interface CarrierMemoryEntry {
  carrier: Carrier;
  /** ISO time of the choice ('' for a choice remembered before this was kept) */
  at: string;
  /** the operator's display name ('' when not known) */
  by: string;
  /** the waybill the choice was made on (not personal data) */
  example: string;
}

const isCarrier = (v: unknown): v is Carrier => typeof v === 'string' && (CARRIERS as readonly string[]).includes(v) && v !== 'UNKNOWN';

/** Every remembered choice by shape key (`d15:43` → {carrier: 'YD', …}); a damaged value is skipped, never a crash. */
export function readMemoryEntries(sql: Sql): Record<string, CarrierMemoryEntry> {
  const raw = getSetting(sql, 'parcel_carrier_memory');
  if (!raw) return {};
  try {
    const o = JSON.parse(raw) as unknown;
    if (!o || typeof o !== 'object') return {};
    const out: Record<string, CarrierMemoryEntry> = {};
    for (const [k, v] of Object.entries(o)) {
      // earlier versions kept the carrier code alone
      if (isCarrier(v)) out[k] = { carrier: v, at: '', by: '', example: '' };
      else if (v && typeof v === 'object' && isCarrier((v as { carrier?: unknown }).carrier)) {
        const e = v as Partial<Record<keyof CarrierMemoryEntry, unknown>>;
        out[k] = {
          carrier: e.carrier as Carrier,
          at: typeof e.at === 'string' ? e.at : '',
          by: typeof e.by === 'string' ? e.by : '',
          example: typeof e.example === 'string' ? e.example : '',
        };
      }
    }
    return out;
  } catch {
    return {};
  }
}

/** The remembered carrier per digit shape, as detectCarrier takes it. */
export function readCarrierMemory(sql: Sql): Record<string, Carrier> {
  return Object.fromEntries(Object.entries(readMemoryEntries(sql)).map(([k, e]) => [k, e.carrier]));
}

function writeMemory(sql: Sql, m: Record<string, CarrierMemoryEntry>, at: string): void {
  // bounded: a counter sees a handful of shapes; drop the oldest if something odd floods it
  const entries = Object.entries(m).slice(-200);
  setSetting(sql, 'parcel_carrier_memory', JSON.stringify(Object.fromEntries(entries)), at);
}

/**
 * Remembers an operator's choice for an ambiguous number's shape, when the choice is one of its candidates (a
 * carrier the shape cannot be is a one-off correction, not a rule). Returns whether the memory changed.
 */
export function rememberChoice(sql: Sql, d: Detection, carrier: Carrier, by: string, at: string): boolean {
  if (d.kind !== 'ambiguous' || !d.candidates.includes(carrier)) return false;
  const m = readMemoryEntries(sql);
  if (m[d.shapeKey]?.carrier === carrier) return false;
  delete m[d.shapeKey];
  m[d.shapeKey] = { carrier, at, by, example: d.waybill };
  writeMemory(sql, m, at);
  return true;
}

/** Forgets one remembered choice (`key`) or all of them; returns the keys forgotten. */
export function forgetCarrierMemory(sql: Sql, key: string | undefined, at: string): string[] {
  const m = readMemoryEntries(sql);
  const gone = key === undefined ? Object.keys(m) : key in m ? [key] : [];
  for (const k of gone) delete m[k];
  if (gone.length) writeMemory(sql, m, at);
  return gone;
}

/** The remembered choices for the settings screen, newest first, each with whether it is still applied. */
export function carrierMemoryView(sql: Sql): MemoryView[] {
  return Object.entries(readMemoryEntries(sql))
    .map(([key, e]) => {
      const shape = describeShape(key);
      // what a number of this shape is now: the number it was chosen on, or one built from the shape
      const sample = e.example || (shape ? shape.prefix.padEnd(shape.length, '0') : '');
      const d = detectCarrier(sample);
      return {
        key,
        shape: shape?.zh ?? key,
        carrier: e.carrier,
        carrierName: CARRIER_NAMES[e.carrier],
        inUse: d.kind === 'ambiguous' && d.shapeKey === key && d.candidates.includes(e.carrier),
        at: e.at || null,
        byName: e.by || null,
        example: e.example || null,
      };
    })
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}
