/**
 * The property's calendar: what "today", a day, a week, a month and a business day are, in the property's time
 * zone (a setting, default Asia/Shanghai), whatever zone the PC itself is set to. Every time shown, printed,
 * reported and sent goes through here, so the screen clock and a receipt can never disagree.
 *
 * Dates are 'YYYY-MM-DD' strings, months 'YYYY-MM', instants are Dates (or ISO strings / epoch ms).
 * Pure: no Node, no DOM; the zone rules come from the runtime's Intl data (Node and Chromium ship full ICU).
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;

type Instant = Date | string | number;

const toMs = (at: Instant): number => (at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at));

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True for an IANA zone name the runtime knows (`Asia/Shanghai`, `Asia/Urumqi`, `UTC`). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return false;
  try {
    partsFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `tz` at an instant. */
export function localParts(at: Instant, tz: string): LocalParts {
  const ms = toMs(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  const out: Record<string, number> = {};
  for (const p of partsFormatter(tz).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year ?? 0, month: out.month ?? 0, day: out.day ?? 0, hour: (out.hour ?? 0) % 24, minute: out.minute ?? 0, second: out.second ?? 0 };
}

/** Offset of `tz` from UTC at an instant, in ms (+8 h for China). */
export function zoneOffsetMs(at: Instant, tz: string): number {
  const ms = Math.floor(toMs(at) / 1000) * 1000;
  const p = localParts(ms, tz);
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - ms;
}

/** `+08:00` */
export function utcOffsetLabel(at: Instant, tz: string): string {
  const off = Math.round(zoneOffsetMs(at, tz) / 60_000);
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Date.UTC without its 0–99 → 1900s quirk. */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

/** The property's date of an instant: `2026-12-07`. */
export function localDate(at: Instant, tz: string): string {
  const p = localParts(at, tz);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `2026-12` */
export function localMonth(at: Instant, tz: string): string {
  return localDate(at, tz).slice(0, 7);
}

/** `2026-12-07 18:05` (what slips and exports print). */
export function localDateTime(at: Instant, tz: string): string {
  const p = localParts(at, tz);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `18:05:09` */
export function localTime(at: Instant, tz: string): string {
  const p = localParts(at, tz);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The instant a wall-clock reading in `tz` names. In a gap (DST spring forward) it lands after the gap. */
export function zonedInstant(y: number, mo: number, d: number, h: number, mi: number, tz: string, s = 0): Date {
  const wall = utcMs(y, mo, d, h, mi, s);
  // two passes settle the offset also next to a transition
  let guess = wall - zoneOffsetMs(wall, tz);
  guess = wall - zoneOffsetMs(guess, tz);
  return new Date(guess);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True for a real calendar date (`2026-02-30` is not). */
export function isDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(utcMs(y, mo, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function dateParts(date: string): [number, number, number] {
  if (!isDate(date)) throw new RangeError(`not a date: ${date}`);
  return date.split('-').map(Number) as [number, number, number];
}

/** Local midnight of a date, as an instant. */
export function startOfDay(date: string, tz: string): Date {
  const [y, m, d] = dateParts(date);
  return zonedInstant(y, m, d, 0, 0, tz);
}

/** `2026-12-07T18:00` (a datetime-local input) read as the property's wall clock. */
export function localInputToInstant(value: string, tz: string): Date {
  const m = DATETIME_RE.exec(value);
  if (!m || !isDate(`${m[1]}-${m[2]}-${m[3]}`)) throw new RangeError(`not a local date-time: ${value}`);
  return zonedInstant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), tz, Number(m[6] ?? 0));
}

/** An instant as the value of a datetime-local input in the property's zone: `2026-12-07T18:00`. */
export function instantToLocalInput(at: Instant, tz: string): string {
  return localDateTime(at, tz).replace(' ', 'T');
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = dateParts(date);
  const t = new Date(utcMs(y, m, d) + n * DAY_MS);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Every day from `first` to `last` inclusive (empty when first > last). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Days `from`..`to` inclusive as an instant range [from 00:00, the day after `to` 00:00). */
export function dateRange(from: string, to: string, tz: string): { from: Date; to: Date } {
  return { from: startOfDay(from, tz), to: startOfDay(addDays(to, 1), tz) };
}

/** One local day as an instant range [00:00, next 00:00): 24 h, or 23/25 on a DST change. */
export function dayRange(date: string, tz: string): { from: Date; to: Date } {
  return dateRange(date, date, tz);
}

/** The week (Monday first) holding a date, as dates. */
export function weekOf(date: string): { from: string; to: string } {
  const [y, m, d] = dateParts(date);
  const dow = (new Date(utcMs(y, m, d)).getUTCDay() + 6) % 7;
  const from = addDays(date, -dow);
  return { from, to: addDays(from, 6) };
}

/** The calendar month holding a date, as dates. */
export function monthOf(date: string): { from: string; to: string } {
  const [y, m] = dateParts(date);
  const last = new Date(utcMs(y, m + 1, 0)).getUTCDate();
  return { from: `${pad(y, 4)}-${pad(m)}-01`, to: `${pad(y, 4)}-${pad(m)}-${pad(last)}` };
}

/** `2026-12` + n months → `2027-02`. */
export function addMonths(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const idx = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1)}`;
}

/**
 * Business days: a day D with cut-off hour H is [D H:00, D+1 H:00) on the property's wall clock, so with H = 4
 * a payment at 01:30 on the 23rd still belongs to the 22nd.
 */
export function businessWindow(date: string, cutoffHour: number, tz: string): { from: Date; to: Date } {
  const [y, m, d] = dateParts(date);
  const [y2, m2, d2] = dateParts(addDays(date, 1));
  return { from: zonedInstant(y, m, d, cutoffHour, 0, tz), to: zonedInstant(y2, m2, d2, cutoffHour, 0, tz) };
}

/** The business day an instant belongs to. */
export function businessDateOf(at: Instant, cutoffHour: number, tz: string): string {
  const day = localDate(at, tz);
  return toMs(at) < businessWindow(day, cutoffHour, tz).from.getTime() ? addDays(day, -1) : day;
}

/** When day D is sent: the first time the property's clock shows `sendTime` (HH:MM) after D's window closed. */
export function sendDueAt(date: string, cutoffHour: number, sendTime: string, tz: string): Date {
  const end = businessWindow(date, cutoffHour, tz).to.getTime();
  const [h, mi] = sendTime.split(':').map(Number) as [number, number];
  let day = addDays(date, 1);
  for (;;) {
    const [y, m, d] = dateParts(day);
    const at = zonedInstant(y, m, d, h, mi, tz);
    if (at.getTime() >= end) return at;
    day = addDays(day, 1);
  }
}

/**
 * The property's calendar bound to its zone setting and a clock: one object the services share, so "today"
 * is computed in one place.
 */
export class PropertyCalendar {
  constructor(
    private readonly zone: () => string,
    private readonly clock: { now(): Date },
  ) {}

  /** The zone in force (a damaged setting falls back to the default). */
  tz(): string {
    const z = this.zone();
    return isTimeZone(z) ? z : DEFAULT_TIME_ZONE;
  }
  now(): Date {
    return this.clock.now();
  }
  today(): string {
    return localDate(this.clock.now(), this.tz());
  }
  thisMonth(): string {
    return localMonth(this.clock.now(), this.tz());
  }
  dateOf(at: Instant): string {
    return localDate(at, this.tz());
  }
  monthOf(at: Instant): string {
    return localMonth(at, this.tz());
  }
  dateTime(at: Instant): string {
    return localDateTime(at, this.tz());
  }
  /** A day as ISO instants [from, to). */
  day(date: string): { from: string; to: string } {
    const r = dayRange(date, this.tz());
    return { from: r.from.toISOString(), to: r.to.toISOString() };
  }
  /** Days from..to inclusive as ISO instants [from, to). */
  days(from: string, to: string): { from: string; to: string } {
    const r = dateRange(from, to, this.tz());
    return { from: r.from.toISOString(), to: r.to.toISOString() };
  }
  businessDateOf(at: Instant, cutoffHour: number): string {
    return businessDateOf(at, cutoffHour, this.tz());
  }
  businessWindow(date: string, cutoffHour: number): { from: Date; to: Date } {
    return businessWindow(date, cutoffHour, this.tz());
  }
  sendDueAt(date: string, cutoffHour: number, sendTime: string): Date {
    return sendDueAt(date, cutoffHour, sendTime, this.tz());
  }
  utcOffset(at: Instant = this.clock.now()): string {
    return utcOffsetLabel(at, this.tz());
  }
}
