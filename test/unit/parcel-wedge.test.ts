import { describe, expect, it } from 'vitest';
import { clampWedge, DEFAULT_WEDGE, WedgeDetector, type WedgeStep } from '@shared/scan-wedge';

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
    t += 1000;
    for (const c of 'SF1234567890123') d.key(c, (t += 30));
    expect(d.key('Enter', t + 250)).toEqual({ kind: 'pass', release: 'F1234567890123' });
    expect(d.settleMs).toBe(2 * DEFAULT_WEDGE.maxGapMs);
  });

  it('one hiccup inside a scan (a busy page, the USB poll) does not split it', () => {
    const d = new WedgeDetector();
    const { steps } = feed(d, 'SF1234567890123', (i) => (i === 8 ? 170 : 25));
    expect(last(steps)).toMatchObject({ kind: 'scan', code: 'SF1234567890123' });
  });

  it('an average over the limit is not a scan even when every gap is under the longest pause, and is never held', () => {
    const d = new WedgeDetector({ maxAvgMs: 40, maxGapMs: 80 });
    const { steps } = feed(d, 'YT1234567890', 70);
    expect(steps.every((s) => s.kind === 'pass' && s.release === '')).toBe(true);
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

/** A seeded generator, so a failing timing can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Key = { key: string; t: number };

/** A scanner: `code` at 3–10 ms a character (random), then Enter, starting at `start`. */
function scannerKeys(code: string, start: number, rand: () => number): Key[] {
  let t = start;
  return [...code, 'Enter'].map((key, i) => {
    if (i > 0) t += 3 + Math.floor(rand() * 8);
    return { key, t };
  });
}

/** A person: `text` at `minMs`–`maxMs` a character (random), starting at `start`. */
function personKeys(text: string, start: number, rand: () => number, minMs = 80, maxMs = 150): Key[] {
  let t = start;
  return [...text].map((key, i) => {
    if (i > 0) t += minMs + Math.floor(rand() * (maxMs - minMs + 1));
    return { key, t };
  });
}

/**
 * Plays keys through the detector the way the page does: a key that passes types its character into the one
 * field, released characters are put back before it, a scan takes the characters of it that went through back
 * out of the field. Returns the field's text, the scans, and what the page saw of each key.
 */
function play(
  d: WedgeDetector,
  keys: Key[],
  holdFirst = false,
  stallAt: ReadonlySet<number> = new Set(),
): { field: string; scans: string[]; steps: WedgeStep[] } {
  let field = '';
  const scans: string[] = [];
  const steps: WedgeStep[] = [];
  for (const [i, { key, t }] of keys.entries()) {
    // the page stalled before this key reached it: the caller's quiet timer gave the held keys back
    if (stallAt.has(i)) field += d.release();
    const s = d.key(key, t, holdFirst);
    steps.push(s);
    if (s.kind === 'scan') {
      field = field.slice(0, field.length - s.passed);
      scans.push(s.code);
      continue;
    }
    field += s.release;
    if (s.kind === 'pass' && [...key].length === 1) field += key;
  }
  field += d.flush();
  return { field, scans, steps };
}

const waybills = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `SF${String(1500000000000 + seed * 1000 + i * 7)}`);

/** Scans one after another with `gapMs` between each Enter and the next code's first character. */
function batch(codes: string[], gapMs: number, rand: () => number, start = 10_000): Key[] {
  const keys: Key[] = [];
  let t = start;
  for (const c of codes) {
    const k = scannerKeys(c, t, rand);
    keys.push(...k);
    t = (k[k.length - 1] as Key).t + gapMs;
  }
  return keys;
}

describe('keyboard-wedge detection: back-to-back scans and people typing', () => {
  for (const gap of [0, 50]) {
    for (const n of [3, 20]) {
      it(`${n} scans with ${gap} ms between them (3–10 ms a character): each read whole, once, in order; only the first scan's first character reached the page`, () => {
        for (let seed = 1; seed <= 25; seed++) {
          const rand = rng(seed * 31 + gap + n);
          const codes = waybills(n, seed);
          const d = new WedgeDetector();
          const { scans, steps, field } = play(d, batch(codes, gap, rand));
          expect(scans).toEqual(codes);
          expect(field).toBe('');
          const passedChars = steps.filter((s, i) => s.kind === 'pass' && i > 0);
          expect(passedChars).toEqual([]);
          const reads = steps.filter((s): s is Extract<WedgeStep, { kind: 'scan' }> => s.kind === 'scan');
          expect(reads.map((s) => s.passed)).toEqual(codes.map((_, i) => (i === 0 ? 1 : 0)));
        }
      });
    }
  }

  it('0 ms gaps where the Enter and the next code share a timestamp are still separate scans', () => {
    const d = new WedgeDetector();
    const codes = waybills(10, 9);
    const keys: Key[] = [];
    let t = 0;
    for (const c of codes) {
      for (const key of c) keys.push({ key, t: (t += 3) });
      keys.push({ key: 'Enter', t: (t += 3) });
    }
    expect(play(d, keys).scans).toEqual(codes);
  });

  it('with the focus on something that takes no text (holdFirst), even the first scan is held whole', () => {
    const d = new WedgeDetector();
    const codes = waybills(3, 4);
    const { steps, scans } = play(d, batch(codes, 0, rng(4)), true);
    expect(scans).toEqual(codes);
    expect(steps.some((s) => s.kind === 'pass')).toBe(false);
  });

  it('a person typing at 80–150 ms a character is never held: every key goes through as it comes', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const d = new WedgeDetector();
      const keys = personKeys('3-2-501 zhangwei 13812345678', 1000, rng(seed));
      const { steps, field, scans } = play(d, keys);
      expect(steps.every((s) => s.kind === 'pass' && s.release === '')).toBe(true);
      expect(field).toBe('3-2-501 zhangwei 13812345678');
      expect(scans).toEqual([]);
    }
  });

  it('a person typing right after a scan (within the settle time) is held for one key at most, then put back in order', () => {
    const d = new WedgeDetector();
    const rand = rng(7);
    const scan = scannerKeys('SF1234567890123', 0, rand);
    const typed = personKeys('3-2-501', (scan[scan.length - 1] as Key).t + 40, rand);
    const { field, scans, steps } = play(d, [...scan, ...typed]);
    expect(scans).toEqual(['SF1234567890123']);
    expect(field).toBe('3-2-501');
    // the first typed key is held (it could have been the next code), the second gives it back
    const afterScan = steps.slice(scan.length);
    expect(afterScan[0]).toEqual({ kind: 'hold', release: '' });
    expect(afterScan[1]).toEqual({ kind: 'pass', release: '3' });
    expect(afterScan.slice(2).every((s) => s.kind === 'pass' && s.release === '')).toBe(true);
  });

  it('a scan while a person pauses mid-word leaves the typed text exactly as typed and reads the scan whole', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const d = new WedgeDetector();
      const rand = rng(100 + seed);
      const first = personKeys('3-2', 0, rand);
      const scanStart = (first[first.length - 1] as Key).t + 250 + Math.floor(rand() * 200);
      const scan = scannerKeys('YT7512345678901', scanStart, rand);
      const rest = personKeys('-501', (scan[scan.length - 1] as Key).t + 250 + Math.floor(rand() * 200), rand);
      const { field, scans } = play(d, [...first, ...scan, ...rest]);
      expect(scans).toEqual(['YT7512345678901']);
      expect(field).toBe('3-2-501');
    }
  });

  it('a key a person pressed 60–100 ms before a scan began stays where it was typed and is not part of the code', () => {
    for (const lead of [65, 80, 99]) {
      const d = new WedgeDetector();
      const keys: Key[] = [{ key: 'a', t: 0 }];
      let t = lead;
      for (const key of 'SF1234567890123') keys.push({ key, t: (t += 6) - 6 });
      keys.push({ key: 'Enter', t });
      const { scans, field, steps } = play(d, keys);
      expect(scans).toEqual(['SF1234567890123']);
      expect(field).toBe('a');
      expect(last(steps)).toMatchObject({ kind: 'scan', kept: 'a' });
    }
  });

  it('a fast tail at the end of typing is not a scan: a code starts only in front of keys that came at scanner speed', () => {
    const d = new WedgeDetector();
    const keys: Key[] = [];
    let t = 0;
    // one burst (every gap within the longest pause) that starts at typing speed, so nothing of it is held
    for (const key of 'zhang') keys.push({ key, t: (t += 95) });
    for (const key of 'weiwei') keys.push({ key, t: (t += 50) });
    keys.push({ key: 'Enter', t: t + 50 });
    const { scans, field } = play(d, keys);
    expect(scans).toEqual([]);
    expect(field).toBe('zhangweiwei');
  });

  it('keys pressed in time that reach the page late (the quiet timer gave the held ones back) still join the scan, which takes them all back', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rand = rng(500 + seed);
      const codes = waybills(5, seed);
      const keys = batch(codes, 0, rand);
      const stalls = new Set(Array.from({ length: 6 }, () => 1 + Math.floor(rand() * (keys.length - 1))));
      const { scans, field } = play(new WedgeDetector(), keys, false, stalls);
      expect(scans).toEqual(codes);
      expect(field).toBe('');
    }
  });

  it('the next code right after a scan may stall after its first character (up to the settle time) and is still read whole, none of it left in the field', () => {
    const d = new WedgeDetector();
    const rand = rng(11);
    const one = scannerKeys('SF1234567890123', 0, rand);
    const end = (one[one.length - 1] as Key).t;
    const two = scannerKeys('YT7512345678901', end + 150, rand).map((k, i) => (i === 0 ? { ...k, t: end } : k));
    const { scans, field } = play(d, [...one, ...two]);
    expect(scans).toEqual(['SF1234567890123', 'YT7512345678901']);
    expect(field).toBe('');
  });
});
