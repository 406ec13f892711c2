/** Rows of a scrolled list drawn in full: [start, end). The rest are drawn as empty slots of a row's height. */
export interface RowWindow {
  start: number;
  end: number;
}

/** Rows drawn beyond each edge of the view, so a scroll by a few rows shows rows, not empty slots. */
export const OVERSCAN = 4;

/** The window of a list scrolled to the top: the rows that fit in `viewPx`, at least `rowPx` each, and the overscan. */
export function firstWindow(count: number, viewPx: number, rowPx: number, overscan = OVERSCAN): RowWindow {
  const fit = Math.ceil(Math.max(0, viewPx) / rowPx) + 1;
  return { start: 0, end: Math.min(count, fit + overscan) };
}

/**
 * The window for a list scrolled to `scrollTop` with `viewPx` in view, from where each row starts (`top(i)`,
 * growing with i, the first row at 0): the rows that overlap the view, and the overscan on each side.
 * Rows may differ in height (a long name wraps), so this looks at where they are, not at a fixed row height.
 */
export function windowAt(count: number, top: (i: number) => number, scrollTop: number, viewPx: number, overscan = OVERSCAN): RowWindow {
  if (count === 0) return { start: 0, end: 0 };
  // the last row starting at or above a position (0 when every row starts below it)
  const rowAt = (y: number): number => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (top(mid) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const first = rowAt(scrollTop);
  const last = rowAt(scrollTop + Math.max(0, viewPx) - 1);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

export const sameWindow = (a: RowWindow, b: RowWindow): boolean => a.start === b.start && a.end === b.end;
