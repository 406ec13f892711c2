import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  businessDateOf,
  businessWindow,
  dayRange,
  daysBetween,
  isDate,
  isTimeZone,
  localDate,
  localDateTime,
  localInputToInstant,
  monthOf,
  PropertyCalendar,
  sendDueAt,
  utcOffsetLabel,
  weekOf,
} from '@shared/calendar';

const SH = 'Asia/Shanghai';

describe('business days on the property clock (cut-off hour)', () => {
  it('a payment at 01:30 belongs to the day before when the cut-off is 04:00', () => {
    // 2026-11-23 01:30 +08:00 = 2026-11-22T17:30Z
    expect(businessDateOf(new Date('2026-11-22T17:30:00Z'), 4, SH)).toBe('2026-11-22');
    // 04:00 sharp starts the new day
    expect(businessDateOf(new Date('2026-11-22T20:00:00Z'), 4, SH)).toBe('2026-11-23');
    // with the cut-off at midnight, 01:30 is already the 23rd
    expect(businessDateOf(new Date('2026-11-22T17:30:00Z'), 0, SH)).toBe('2026-11-23');
  });

  it('a window is 24 hours from the cut-off, in UTC as stored', () => {
    expect(businessWindow('2026-11-22', 4, SH)).toEqual({ from: new Date('2026-11-21T20:00:00Z'), to: new Date('2026-11-22T20:00:00Z') });
    expect(businessWindow('2026-12-31', 0, SH).to).toEqual(new Date('2026-12-31T16:00:00Z'));
  });

  it('a day is due at the first send time after its window closed', () => {
    // cut-off 04:00, send 04:30: the 22nd goes on the 23rd at 04:30
    expect(sendDueAt('2026-11-22', 4, '04:30', SH)).toEqual(new Date('2026-11-22T20:30:00Z'));
    // send time before the cut-off (02:00): the 22nd closes on the 23rd 04:00, so it goes on the 24th 02:00
    expect(sendDueAt('2026-11-22', 4, '02:00', SH)).toEqual(new Date('2026-11-23T18:00:00Z'));
  });

  it('another zone moves the windows with it (Xinjiang time, UTC+6)', () => {
    expect(businessWindow('2026-11-22', 4, 'Asia/Urumqi')).toEqual({ from: new Date('2026-11-21T22:00:00Z'), to: new Date('2026-11-22T22:00:00Z') });
    expect(utcOffsetLabel('2026-11-22T00:00:00Z', 'Asia/Urumqi')).toBe('+06:00');
    expect(utcOffsetLabel('2026-11-22T00:00:00Z', SH)).toBe('+08:00');
  });

  it('a zone with daylight saving has a 23-hour and a 25-hour day', () => {
    const spring = dayRange('2026-03-29', 'Europe/London');
    const autumn = dayRange('2026-10-25', 'Europe/London');
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3_600_000);
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3_600_000);
    expect(businessDateOf(new Date('2026-07-01T23:30:00Z'), 0, 'Europe/London')).toBe('2026-07-02');
  });

  it('walks dates across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2027-01-02', '2026-12-30')).toEqual([]);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});

describe('dates, weeks and months', () => {
  it('knows real dates from impossible ones', () => {
    for (const ok of ['2026-12-07', '2028-02-29', '0001-01-01']) expect(isDate(ok), ok).toBe(true);
    for (const bad of ['2026-99-99', '0000-00-00', '2026-02-30', '2027-02-29', '2026-1-1', '', 'today', 20261207]) expect(isDate(bad), String(bad)).toBe(false);
  });

  it('weeks start on Monday, months end on their last day', () => {
    expect(weekOf('2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Monday
    expect(weekOf('2026-12-13')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Sunday
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('reads a date-time picker value on the property clock', () => {
    expect(localInputToInstant('2026-12-07T18:00', SH).toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(localInputToInstant('2026-12-07T18:00', 'Europe/London').toISOString()).toBe('2026-12-07T18:00:00.000Z');
    expect(() => localInputToInstant('2026-02-30T18:00', SH)).toThrow(RangeError);
  });

  it('only knows real zone names', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe("the property's calendar ignores the PC's own zone", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('today, a day range and a printed time are the same on a PC set to New York', () => {
    const at = new Date('2026-12-06T20:30:00Z'); // 2026-12-07 04:30 in Shanghai, still the 6th in New York
    const results = () => {
      const cal = new PropertyCalendar(() => SH, { now: () => at });
      return { today: cal.today(), month: cal.thisMonth(), day: cal.day('2026-12-07'), printed: localDateTime(at, SH), date: localDate(at, SH) };
    };
    process.env.TZ = 'America/New_York';
    expect(new Date(at).getDate()).toBe(6); // the PC's own clock says the 6th
    const ny = results();
    process.env.TZ = 'Asia/Shanghai';
    const sh = results();
    expect(ny).toEqual(sh);
    expect(ny.today).toBe('2026-12-07');
    expect(ny.printed).toBe('2026-12-07 04:30');
    expect(ny.day).toEqual({ from: '2026-12-06T16:00:00.000Z', to: '2026-12-07T16:00:00.000Z' });
  });

  it('a damaged zone setting falls back to Beijing time', () => {
    const cal = new PropertyCalendar(() => 'not/a-zone', { now: () => new Date('2026-12-06T20:30:00Z') });
    expect(cal.tz()).toBe(SH);
    expect(cal.today()).toBe('2026-12-07');
  });
});
