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

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One unambiguous way per language to write a day, everywhere (lists, slips on screen, the date fields):
 * 2026-12-07 in Chinese, 7 Dec 2026 in English — never 07/12/2026, which reads as July in one country and
 * December in another.
 */
function dayText(year: number, month: number, day: number, lang: Lang): string {
  return lang === 'en' ? `${day} ${MONTHS_EN[month - 1] ?? ''} ${year}` : `${year}-${pad(month)}-${pad(day)}`;
}

/** 2026-12-07 18:00 (zh-CN) / 7 Dec 2026 18:00 (en) on the property's clock; '' for null. */
export function formatDateTime(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = localParts(d, zone);
  return `${dayText(p.year, p.month, p.day, lang)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A calendar day (YYYY-MM-DD, as the core sends days) as 2026-12-07 / 7 Dec 2026; anything else as it is. */
export function formatDate(ymd: string | null, lang: Lang): string {
  if (!ymd) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? dayText(Number(m[1]), Number(m[2]), Number(m[3]), lang) : ymd;
}

/** A month (YYYY-MM) as 2026-12 / Dec 2026. */
export function formatMonth(ym: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m || lang !== 'en') return ym;
  return `${MONTHS_EN[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

/** 18:00:05, 24-hour, on the property's clock. */
export function formatTime(d: Date, lang: Lang): string {
  void lang;
  const p = localParts(d, zone);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/**
 * What a person typed into a date field, as YYYY-MM-DD, or null when it is not a day. Accepted in either
 * language: 2026-12-07, 2026/12/7, 2026年12月7日, 20261207, 7 Dec 2026, 7 December 2026. Day/month orders that
 * differ by country (07/12/2026) are refused, so nobody's day is read as someone else's month.
 */
export function parseDay(text: string): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  let y: number, mo: number, d: number;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(s))) {
    const i = MONTHS_EN.findIndex((x) => m?.[2]?.toLowerCase().startsWith(x.toLowerCase()));
    if (i < 0) return null;
    [y, mo, d] = [Number(m[3]), i + 1, Number(m[1])];
  } else return null;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return check.getUTCFullYear() === y && check.getUTCMonth() + 1 === mo && check.getUTCDate() === d ? iso : null;
}

/** A typed day and time (the day as parseDay, then 18:00 or 18：00) as YYYY-MM-DDTHH:mm, or null. */
export function parseDayTime(text: string): string | null {
  const m = /^(.*?)[ T]+(\d{1,2})\s*[:：]\s*(\d{2})$/.exec(text.trim());
  if (!m?.[1]) return null;
  const day = parseDay(m[1]);
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (!day || h > 23 || min > 59) return null;
  return `${day}T${pad(h)}:${pad(min)}`;
}

/** YYYY-MM-DD or YYYY-MM-DDTHH:mm (a field's value) as the language writes it. */
export function formatLocalValue(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return value;
  const day = dayText(Number(m[1]), Number(m[2]), Number(m[3]), lang);
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
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
