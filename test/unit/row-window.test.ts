import { describe, expect, it } from 'vitest';
import { firstWindow, windowAt } from '../../src-renderer/features/roster/rowWindow';

/** rows of 66 px, except the ones given taller (a long name wraps) */
function tops(count: number, tall: Record<number, number> = {}): (i: number) => number {
  const t: number[] = [];
  let y = 0;
  for (let i = 0; i < count; i++) {
    t.push(y);
    y += tall[i] ?? 66;
  }
  return (i) => t[i] as number;
}

describe('the roster results window (rows drawn in full)', () => {
  it('at the top: the rows that fit in the list and the overscan, never more than there are', () => {
    // 376 px of list (1366×768): 6 rows partly in view, one more for a partial row, 4 beyond
    expect(firstWindow(50, 376, 66)).toEqual({ start: 0, end: 11 });
    expect(firstWindow(3, 376, 66)).toEqual({ start: 0, end: 3 });
    expect(firstWindow(0, 376, 66)).toEqual({ start: 0, end: 0 });
  });

  it('scrolled: the rows overlapping the view, with the overscan on both sides', () => {
    // scrolled to row 20 exactly, 376 px: rows 20–25 are in view
    expect(windowAt(50, tops(50), 20 * 66, 376)).toEqual({ start: 16, end: 30 });
    // half a row further: row 20 is still partly in view, row 26 now too
    expect(windowAt(50, tops(50), 20 * 66 + 33, 376)).toEqual({ start: 16, end: 31 });
  });

  it('at the end: the last row is drawn, nothing past it', () => {
    const w = windowAt(50, tops(50), 50 * 66 - 376, 376);
    expect(w.end).toBe(50);
    expect(w.start).toBeLessThan(50 - 5);
  });

  it('finds the rows by where they are when some rows are taller (wrapped names), not by a fixed height', () => {
    // rows 0–9 are twice as tall: at 10 tall rows down, row 10 is the first in view (a fixed height would say 20)
    const tall = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, 132]));
    expect(windowAt(50, tops(50, tall), 10 * 132, 376)).toEqual({ start: 6, end: 20 });
  });

  it('an empty list draws nothing; one not measured yet (no height) draws its first rows', () => {
    expect(windowAt(0, () => 0, 0, 376)).toEqual({ start: 0, end: 0 });
    expect(windowAt(5, tops(5), 0, 0)).toEqual({ start: 0, end: 5 });
  });
});
