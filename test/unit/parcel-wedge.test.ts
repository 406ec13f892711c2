import { describe, expect, it } from 'vitest';
import { clampWedge, DEFAULT_WEDGE, WedgeDetector, type WedgeStep } from '../../src-main/contract/scan-wedge';

/** Feeds `text` then Enter with the given gaps (ms) between keys; returns every step. */
function feed(d: WedgeDetector, text: string, gap: number | ((i: number) => number), start = 1000): { steps: WedgeStep[]; end: number } {
  const steps: WedgeStep[] = [];
  let t = start;
  const keys = [...text, 'Enter'];
  keys.forEach((k, i) => {
    if (i > 0) t += typeof gap === 'number' ? gap : gap(i);
    steps.push(d.key(k, t));
  });
  return { steps, end: t };
}

const last = (s: WedgeStep[]): WedgeStep => s[s.length - 1] as WedgeStep;

describe('keyboard-wedge scanner detection', () => {
  it('a code typed at scanner speed (≈30 ms/char) with Enter is a scan; only the first character went through', () => {
    const d = new WedgeDetector();
    const { steps } = feed(d, 'SF1234567890123', 30);
    expect(steps[0]).toEqual({ kind: 'pass', release: '' });
    expect(steps.slice(1, -1).every((s) => s.kind === 'hold')).toBe(true);
    expect(last(steps)).toMatchObject({ kind: 'scan', code: 'SF1234567890123', passed: 1, avgMs: 30 });
  });

  it('jittery scanner timings (10–55 ms, average under the limit) are still a scan', () => {
    const d = new WedgeDetector();
    const gaps = [10, 55, 12, 48, 20, 50, 15, 40, 30, 25, 45, 10];
    const { steps } = feed(d, '7712345678901', (i) => gaps[(i - 1) % gaps.length] as number);
    expect(last(steps).kind).toBe('scan');
  });

  it('human typing (≈120 ms/char) is never held and never a scan', () => {
    const d = new WedgeDetector();
    const { steps } = feed(d, 'SF1234567890123', 120);
    expect(steps.every((s) => s.kind === 'pass')).toBe(true);
    expect(steps.every((s) => s.kind !== 'pass' || s.release === '')).toBe(true);
  });

  it('a fast pair inside human typing is held briefly and released, never swallowed', () => {
    const d = new WedgeDetector();
    const times = [0, 120, 160, 300, 420]; // "ab" then a quick "c", then "d", "e"
    const out: string[] = [];
    const steps = ['a', 'b', 'c', 'd', 'e'].map((k, i) => {
      const s = d.key(k, times[i] as number);
      if (s.kind !== 'scan') out.push(s.release);
      if (s.kind === 'pass') out.push(k);
      return s;
    });
    expect(steps.map((s) => s.kind)).toEqual(['pass', 'pass', 'hold', 'pass', 'pass']);
    expect(out.join('')).toBe('abcde');
  });

  it('a fast burst that ends with a pause is released by flush()', () => {
    const d = new WedgeDetector();
    ['1', '2', '3'].forEach((k, i) => d.key(k, i * 20));
    expect(d.held).toBe('23');
    expect(d.flush()).toBe('23');
    expect(d.held).toBe('');
  });

  it('too short a burst with Enter is not a scan: the held characters come back with the Enter', () => {
    const d = new WedgeDetector();
    const { steps } = feed(d, '1234', 20);
    expect(last(steps)).toEqual({ kind: 'pass', release: '234' });
  });

  it('an Enter after a pause longer than the gap is not a scan', () => {
    const d = new WedgeDetector();
    let t = 0;
    for (const c of 'SF1234567890') d.key(c, (t += 20));
    expect(d.key('Enter', t + 500)).toEqual({ kind: 'pass', release: 'F1234567890' });
  });

  it('the Enter may lag up to twice the gap behind the code (scanners that pause before the suffix)', () => {
    const d = new WedgeDetector();
    let t = 0;
    for (const c of 'SF1234567890123') d.key(c, (t += 30));
    expect(d.key('Enter', t + 180)).toMatchObject({ kind: 'scan', code: 'SF1234567890123' });
    for (const c of 'SF1234567890123') d.key(c, (t += 30));
    expect(d.key('Enter', t + 250)).toEqual({ kind: 'pass', release: 'F1234567890123' });
    expect(d.settleMs).toBe(2 * DEFAULT_WEDGE.maxGapMs);
  });

  it('one hiccup inside a scan (a busy page, the USB poll) does not split it', () => {
    const d = new WedgeDetector();
    const { steps } = feed(d, 'SF1234567890123', (i) => (i === 8 ? 170 : 25));
    expect(last(steps)).toMatchObject({ kind: 'scan', code: 'SF1234567890123' });
  });

  it('an average over the limit is not a scan even when every gap is under the longest pause', () => {
    const d = new WedgeDetector({ maxAvgMs: 40, maxGapMs: 80 });
    const { steps } = feed(d, 'YT1234567890', 70);
    expect(last(steps)).toMatchObject({ kind: 'pass' });
    expect((last(steps) as { release: string }).release).toBe('T1234567890');
  });

  it('Shift around capitals (as scanners send them) does not break a scan', () => {
    const d = new WedgeDetector();
    let t = 0;
    const steps: WedgeStep[] = [];
    for (const c of 'JT0001234567') {
      if (/[A-Z]/.test(c)) steps.push(d.key('Shift', (t += 5)));
      steps.push(d.key(c, (t += 25)));
    }
    steps.push(d.key('Enter', (t += 25)));
    expect(last(steps)).toMatchObject({ kind: 'scan', code: 'JT0001234567' });
  });

  it('other keys (Backspace, Tab) end a burst and give back what was held', () => {
    const d = new WedgeDetector();
    d.key('a', 0);
    d.key('b', 10);
    expect(d.key('Backspace', 20)).toEqual({ kind: 'pass', release: 'b' });
  });

  it('back-to-back scans are each recognised once, in order', () => {
    const d = new WedgeDetector();
    const codes = Array.from({ length: 50 }, (_, i) => `SF${String(1400000000000 + i)}`);
    const got: string[] = [];
    let t = 0;
    for (const c of codes) {
      const { steps, end } = feed(d, c, 10, t + 15);
      t = end;
      const s = last(steps);
      if (s.kind === 'scan') got.push(s.code);
    }
    expect(got).toEqual(codes);
  });

  it('thresholds are configurable and clamped to sane limits', () => {
    const strict = new WedgeDetector({ minLength: 20 });
    expect(last(feed(strict, 'SF1234567890123', 20).steps).kind).toBe('pass');
    const slow = new WedgeDetector({ maxAvgMs: 100, maxGapMs: 150 });
    expect(last(feed(slow, 'SF1234567890123', 90).steps).kind).toBe('scan');
    expect(clampWedge({ maxAvgMs: 5000, maxGapMs: -3, minLength: Number.NaN })).toEqual({ maxAvgMs: 100, maxGapMs: 20, minLength: DEFAULT_WEDGE.minLength });
  });
});
