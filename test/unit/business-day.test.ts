import { describe, expect, it } from 'vitest';
import { addDays, businessDateOf, daysBetween, dueAt, windowOf } from '../../src-main/sync/business-day';

describe('business days (China time, cut-off hour)', () => {
  it('a payment at 01:30 belongs to the day before when the cut-off is 04:00', () => {
    // 2026-11-23 01:30 +08:00 = 2026-11-22T17:30Z
    expect(businessDateOf(new Date('2026-11-22T17:30:00Z'), 4)).toBe('2026-11-22');
    // 04:00 sharp starts the new day
    expect(businessDateOf(new Date('2026-11-22T20:00:00Z'), 4)).toBe('2026-11-23');
    // with the cut-off at midnight, 01:30 is already the 23rd
    expect(businessDateOf(new Date('2026-11-22T17:30:00Z'), 0)).toBe('2026-11-23');
  });

  it('a window is 24 hours from the cut-off, in UTC as stored', () => {
    expect(windowOf('2026-11-22', 4)).toEqual({ from: new Date('2026-11-21T20:00:00Z'), to: new Date('2026-11-22T20:00:00Z') });
    expect(windowOf('2026-12-31', 0).to).toEqual(new Date('2026-12-31T16:00:00Z'));
  });

  it('a day is due at the first send time after its window closed', () => {
    // cut-off 04:00, send 04:30: the 22nd goes on the 23rd at 04:30
    expect(dueAt('2026-11-22', 4, '04:30')).toEqual(new Date('2026-11-22T20:30:00Z'));
    // send time before the cut-off (02:00): the 22nd closes on the 23rd 04:00, so it goes on the 24th 02:00
    expect(dueAt('2026-11-22', 4, '02:00')).toEqual(new Date('2026-11-23T18:00:00Z'));
  });

  it('walks dates across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2027-01-02', '2026-12-30')).toEqual([]);
  });
});
