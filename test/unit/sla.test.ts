import { describe, expect, it } from 'vitest';
import { median, span, withinTarget } from '../../src-main/features/requests/sla';

describe('service-level figures', () => {
  it('a repair logged at 23:58 and dispatched at 00:01 the next day took 3 minutes: within a 3-minute target', () => {
    // China time 23:58 on the 22nd = 15:58Z; 00:01 on the 23rd = 16:01Z
    expect(span('2026-11-22T15:58:00.000Z', '2026-11-22T16:01:00.000Z')).toEqual({ ms: 180_000, clockAnomaly: false });
    expect(withinTarget('2026-11-22T15:58:00.000Z', '2026-11-22T16:01:00.000Z', 3, new Date('2026-11-23T00:00:00Z'))).toBe(true);
    expect(withinTarget('2026-11-22T15:58:00.000Z', '2026-11-22T16:01:01.000Z', 3, new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });

  it('across a month and a year end the same way', () => {
    expect(span('2026-12-31T15:59:00.000Z', '2026-12-31T16:02:30.000Z')?.ms).toBe(210_000);
  });

  it('the clock set back between two steps: counted as 0 and flagged, never negative', () => {
    expect(span('2026-11-23T02:00:00.000Z', '2026-11-23T01:59:00.000Z')).toEqual({ ms: 0, clockAnomaly: true });
  });

  it('not dispatched yet: unknown until the target passes, then late', () => {
    const created = '2026-11-23T02:00:00.000Z';
    expect(withinTarget(created, null, 3, new Date('2026-11-23T02:02:59Z'))).toBeNull();
    expect(withinTarget(created, null, 3, new Date('2026-11-23T02:03:01Z'))).toBe(false);
  });

  it('median of odd and even counts, none for an empty month', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBeNull();
  });
});
