/**
 * Plain calendar days for the date picker: YYYY-MM-DD in, YYYY-MM-DD out, weeks from Monday (as calendars are
 * printed in China and most of Europe). Days, not instants: no time zone enters here.
 */
const pad = (n: number) => String(n).padStart(2, '0');

function parts(ymd: string): [number, number, number] {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const fromUtc = (t: number): string => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The day `n` days later (earlier when negative). */
export function addDays(ymd: string, n: number): string {
  const [y, m, d] = parts(ymd);
  return fromUtc(Date.UTC(y, m - 1, d + n));
}

/** The same day `n` months later, or the month's last day when it has fewer (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(ymd: string, n: number): string {
  const [y, m, d] = parts(ymd);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const ty = first.getUTCFullYear();
  const tm = first.getUTCMonth() + 1;
  return `${ty}-${pad(tm)}-${pad(Math.min(d, daysIn(ty, tm)))}`;
}

/** The month's weeks, Monday first; days of the months around it fill the first and last weeks. */
export function monthWeeks(ym: string): string[][] {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1, 1);
  const lead = (new Date(first).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const count = Math.ceil((lead + daysIn(y, m)) / 7) * 7;
  const weeks: string[][] = [];
  for (let i = 0; i < count; i++) {
    if (i % 7 === 0) weeks.push([]);
    (weeks[weeks.length - 1] as string[]).push(fromUtc(first + (i - lead) * 86_400_000));
  }
  return weeks;
}
