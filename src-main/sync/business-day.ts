/**
 * Business days for the nightly summary. The counter keeps China time (UTC+8, no daylight saving), so a
 * business day D with cut-off hour H is [D H:00, D+1 H:00) at +08:00: with H = 4 a payment at 01:30 on the
 * 23rd still belongs to the 22nd. Dates are 'YYYY-MM-DD' strings; instants are Dates.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function windowOf(date: string, cutoffHour: number): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + cutoffHour * 3600_000);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The business day an instant belongs to. */
export function businessDateOf(at: Date, cutoffHour: number): string {
  return new Date(at.getTime() + OFFSET_MS - cutoffHour * 3600_000).toISOString().slice(0, 10);
}

/** When day D is sent: the first time the clock shows the send time (HH:MM, China time) after D's window closed. */
export function dueAt(date: string, cutoffHour: number, sendTime: string): Date {
  const end = windowOf(date, cutoffHour).to;
  const [h, m] = sendTime.split(':').map(Number) as [number, number];
  let at = Date.parse(`${addDays(date, 1)}T00:00:00Z`) - OFFSET_MS + h * 3600_000 + m * 60_000;
  while (at < end.getTime()) at += DAY_MS;
  return new Date(at);
}

/** Every day from `first` to `last` inclusive (empty when first > last). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}
