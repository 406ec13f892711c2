import type { Lang } from '../app/i18n/lang';
import { DEFAULT_TIME_ZONE, instantToLocalInput, isTimeZone, localDate, localInputToInstant, localMonth, localParts, type LocalParts } from '@shared/calendar';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'zh-CN');

/**
 * The property's time zone (from system.status): every time on screen is on the property's clock, as printed on
 * slips and sent to head office, even when the PC itself is set to another zone.
 */
let zone = DEFAULT_TIME_ZONE;
export function setPropertyTimeZone(tz: string): void {
  if (isTimeZone(tz)) zone = tz;
}
export function propertyTimeZone(): string {
  return zone;
}

/** 2024-05-01 14:05 on the property's clock; '' for null. */
export function formatDateTime(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(lang), { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

export function formatTime(d: Date, lang: Lang): string {
  return d.toLocaleTimeString(locale(lang), { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** Today on the property's clock, YYYY-MM-DD. */
export function propertyToday(at: Date = new Date()): string {
  return localDate(at, zone);
}

/** This month on the property's clock, YYYY-MM. */
export function propertyMonth(at: Date = new Date()): string {
  return localMonth(at, zone);
}

/** The property's wall clock now (hour, day, …). */
export function propertyNow(at: Date = new Date()): LocalParts {
  return localParts(at, zone);
}

/** An instant as a datetime-local input value on the property's clock (`2026-12-07T18:00`). */
export function toLocalInput(at: Date): string {
  return instantToLocalInput(at, zone);
}

/** A datetime-local input value read on the property's clock, as an ISO instant. */
export function fromLocalInput(value: string): string {
  return localInputToInstant(value, zone).toISOString();
}

export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(locale(lang));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** True when the keyboard focus is in a place the user types into. */
export function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range'].includes(el.type);
  return false;
}
