/**
 * Keyboard-wedge scanner detection (pure: the caller passes each key and its time). A barcode scanner in
 * keyboard mode "types" the code very fast (≈30 ms per character, often faster) and ends with Enter; a
 * person types at ≈120 ms per character. A burst is a run of characters each within `maxGapMs` of the
 * previous one; it is a scan when it ends with Enter, has at least `minLength` characters and its average
 * interval is at most `maxAvgMs` (the Enter may lag up to twice the gap behind the last character).
 *
 * So that a scan never lands in some other input, the first character of a burst goes through (it cannot
 * be told apart from a keystroke yet) and the following fast ones are held back. When the burst turns out
 * to be typing after all (a pause, another key, an Enter that does not qualify), the held characters are
 * released to the caller to put back where they were going: typing is delayed by at most `settleMs`, never
 * swallowed. Slow typing (every gap over `maxGapMs`) is never held at all.
 *
 * Used by the renderer (features/parcels/useWedge.ts); kept beside the contract, like money.ts, so unit
 * tests reach it. Pure, no I/O.
 */
export interface WedgeConfig {
  /** average interval between characters of a scan, at most (ms) */
  maxAvgMs: number;
  /** longest pause inside a scan (ms): a longer one ends the burst */
  maxGapMs: number;
  /** shortest code accepted as a scan */
  minLength: number;
}

export const DEFAULT_WEDGE: WedgeConfig = { maxAvgMs: 60, maxGapMs: 100, minLength: 6 };

/** Limits the settings form accepts (and the detector clamps to). */
export const WEDGE_LIMITS = {
  maxAvgMs: [10, 100],
  maxGapMs: [20, 200],
  minLength: [4, 40],
} as const satisfies Record<keyof WedgeConfig, readonly [number, number]>;

export type WedgeStep =
  /** let the key do what it normally does (first character of a burst, slow typing, other keys) */
  | { kind: 'pass'; release: string }
  /** swallow this key: it is part of a fast burst, kept until the burst ends */
  | { kind: 'hold'; release: string }
  /** Enter ended a scan: swallow the Enter; `passed` leading characters of it already went through */
  | { kind: 'scan'; code: string; passed: number; avgMs: number };

/** How late the Enter suffix may come after the last character, in units of the longest gap. */
export const ENTER_SLACK = 2;

/** Keys a scanner sends around characters that carry no text of their own. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

export function clampWedge(c: Partial<WedgeConfig> | null | undefined): WedgeConfig {
  const out = { ...DEFAULT_WEDGE };
  for (const k of Object.keys(WEDGE_LIMITS) as (keyof WedgeConfig)[]) {
    const v = c?.[k];
    const [lo, hi] = WEDGE_LIMITS[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = Math.min(hi, Math.max(lo, Math.round(v)));
  }
  return out;
}

export class WedgeDetector {
  private chars: { c: string; t: number }[] = [];
  private cfg: WedgeConfig;

  constructor(cfg: Partial<WedgeConfig> = DEFAULT_WEDGE) {
    this.cfg = clampWedge(cfg);
  }

  configure(cfg: Partial<WedgeConfig>): void {
    this.cfg = clampWedge(cfg);
  }

  get config(): WedgeConfig {
    return this.cfg;
  }

  /** Characters held back so far (the burst after its first character). */
  get held(): string {
    return this.chars
      .slice(1)
      .map((x) => x.c)
      .join('');
  }

  /** How long after the last key the burst is surely over (the Enter may still come until then). */
  get settleMs(): number {
    return ENTER_SLACK * this.cfg.maxGapMs;
  }

  /** Ends the burst (no key for `settleMs`): the held characters, to put back. */
  flush(): string {
    const out = this.held;
    this.chars = [];
    return out;
  }

  /**
   * The burst is over if the last character is older than the longest gap, except for a hiccup inside what
   * is clearly a scan (3+ characters, and the average with this gap still under the limit: the USB poll or a
   * busy page). Typing never qualifies: its average is far over the limit.
   */
  private expire(t: number): string {
    const first = this.chars[0];
    const last = this.chars[this.chars.length - 1];
    if (!first || !last) return '';
    const gap = t - last.t;
    if (gap <= this.cfg.maxGapMs) return '';
    const n = this.chars.length;
    if (gap <= this.settleMs && n >= 3 && (t - first.t) / n <= this.cfg.maxAvgMs) return '';
    return this.flush();
  }

  /** One keydown: `key` as in KeyboardEvent.key, `t` in ms (performance.now() or event.timeStamp). */
  key(key: string, t: number): WedgeStep {
    if (MODIFIERS.has(key)) return { kind: 'pass', release: '' };
    if (key === 'Enter') {
      const n = this.chars.length;
      const first = this.chars[0];
      const last = this.chars[n - 1];
      // the suffix may lag a little behind the code (some scanners pause before it): twice the gap
      if (first && last && n >= this.cfg.minLength && t - last.t <= ENTER_SLACK * this.cfg.maxGapMs) {
        const avgMs = (last.t - first.t) / (n - 1);
        if (avgMs <= this.cfg.maxAvgMs) {
          const code = this.chars.map((x) => x.c).join('');
          this.chars = [];
          return { kind: 'scan', code, passed: 1, avgMs };
        }
      }
      return { kind: 'pass', release: this.flush() };
    }
    const release = this.expire(t);
    if ([...key].length !== 1) return { kind: 'pass', release: release + this.flush() };
    this.chars.push({ c: key, t });
    return this.chars.length === 1 ? { kind: 'pass', release } : { kind: 'hold', release };
  }
}

/** How an entry came in: read by the scanner, or typed by hand into the scan field. */
export type ScanSource = 'scanner' | 'typed';
