/**
 * Keyboard-wedge scanner detection (pure: the caller passes each key and its time). A barcode scanner in
 * keyboard mode "types" the code very fast (3–30 ms per character) and ends with Enter; a person types at
 * 80–150 ms per character. A burst is a run of characters each within `maxGapMs` of the previous one; it is a
 * scan when it ends with Enter, has at least `minLength` characters and its average interval is at most
 * `maxAvgMs` (the Enter may lag up to twice the gap behind the last character).
 *
 * The detector owns a burst's characters whichever element has the focus, so a scan never lands in a field
 * and is never split, however close the scans come (0 ms between one Enter and the next code included):
 * - While a burst runs at scanner speed (average interval within `maxAvgMs`), its characters are held back.
 * - The first character of a burst cannot be told from a keystroke yet: it goes through (`pass`), unless the
 *   caller asks to hold it (`holdFirst`: nothing to type into, so holding costs nothing) or the burst starts
 *   within `settleMs` of a scan's Enter (a scanner emptying its memory, or held over a stack: the next code
 *   follows at once, so it is held whole).
 * - As soon as the burst's average is over `maxAvgMs` it is typing: the held characters are released to the
 *   caller to put back where they were going, and the rest go through as they come. A person typing at
 *   80–150 ms per character is never held at all; a quick pair is held for one keystroke at most.
 * - A burst that ends (a pause, another key, an Enter that does not qualify) releases what it held, and so
 *   does the caller after `settleMs` without a key (`release`): typing is delayed by at most `settleMs`, never
 *   swallowed. Whether a key still belongs to the burst is decided on the keys' timestamps, not on when the
 *   page got to them.
 * When a burst turns out to be a scan, `passed` says how many characters of the code went through, so the
 * caller can take them back out of the field they went into. Keys a person typed just before the scanner
 * started (gone through as typing, then a pause longer than a scanner's average before the next key) are not
 * part of the code: they are `kept` where they were typed.
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
  /** let the key do what it normally does; first put back `release` (held characters given up, in order) */
  | { kind: 'pass'; release: string }
  /** swallow this key: it is part of a fast burst, kept until the burst ends; first put back `release` */
  | { kind: 'hold'; release: string }
  /**
   * Enter ended a scan: swallow the Enter; `passed` characters of the code went through to the page; `kept`:
   * what a person typed at the start of the burst, before the scanner began (it stays where it was typed)
   */
  | { kind: 'scan'; code: string; passed: number; kept: string; avgMs: number };

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

interface Char {
  c: string;
  t: number;
  /** went through to the page (not held) */
  passed: boolean;
  /** went through as it came, as typing (not held and given back later) */
  typed: boolean;
}

export class WedgeDetector {
  private chars: Char[] = [];
  private cfg: WedgeConfig;
  /** when the last scan's Enter came (a burst starting soon after it is held from its first character) */
  private lastScanAt = Number.NEGATIVE_INFINITY;

  constructor(cfg: Partial<WedgeConfig> = DEFAULT_WEDGE) {
    this.cfg = clampWedge(cfg);
  }

  configure(cfg: Partial<WedgeConfig>): void {
    this.cfg = clampWedge(cfg);
  }

  get config(): WedgeConfig {
    return this.cfg;
  }

  /** Characters held back so far (always the end of the burst: what went through came first). */
  get held(): string {
    return this.chars
      .filter((x) => !x.passed)
      .map((x) => x.c)
      .join('');
  }

  /** Characters in the open burst (0: none open). */
  get length(): number {
    return this.chars.length;
  }

  /** How long after the last key the burst is surely over (the Enter may still come until then). */
  get settleMs(): number {
    return ENTER_SLACK * this.cfg.maxGapMs;
  }

  /** Ends the burst: the held characters, to put back. */
  flush(): string {
    const out = this.held;
    this.chars = [];
    return out;
  }

  /**
   * Gives up holding (no key for `settleMs` on the caller's clock): the held characters, to put back now;
   * they count as gone through. The burst itself stays open on the keys' own timestamps: a key that was
   * pressed in time but reached the page late (a busy machine) still joins it, and if the burst ends as a
   * scan, `passed` counts these characters too, so the caller takes all of them back out of the field.
   */
  release(): string {
    const out = this.held;
    for (const x of this.chars) x.passed = true;
    return out;
  }

  /**
   * The burst is over if the last character is older than the longest gap, except for a hiccup inside what
   * is clearly a scan (3+ characters, and the average with this gap still under the limit: the USB poll or a
   * busy page), or inside a burst held whole from its first character (the next code right after a scan).
   * Typing never qualifies: its average is far over the limit, and once it is seen as typing it goes through.
   */
  private expire(t: number): string {
    const first = this.chars[0];
    const last = this.chars[this.chars.length - 1];
    if (!first || !last) return '';
    const gap = t - last.t;
    if (gap <= this.cfg.maxGapMs) return '';
    const n = this.chars.length;
    if (gap <= this.settleMs && ((n >= 3 && (t - first.t) / n <= this.cfg.maxAvgMs) || !first.passed)) return '';
    return this.flush();
  }

  /**
   * Where the code starts in the burst: after the keys a person typed just before the scanner began, i.e. the
   * last place where every key before it went through as typing and the next key came after a pause longer
   * than a scanner's average, in front of keys that came at scanner speed. A scanner does not pause like that
   * after its first key; a person's last keystroke before a scan does.
   */
  private codeStart(): number {
    // only in front of keys that came at scanner speed (held): a fast tail of typing is no scanner
    if (this.chars.every((x) => x.typed)) return 0;
    let k = 0;
    for (let i = 1; i < this.chars.length; i++) {
      const prev = this.chars[i - 1] as Char;
      if (!prev.typed) break;
      if ((this.chars[i] as Char).t - prev.t > this.cfg.maxAvgMs) k = i;
    }
    return k;
  }

  /**
   * One keydown: `key` as in KeyboardEvent.key, `t` in ms (event.timeStamp). `holdFirst`: hold the burst's
   * first character too (the caller has nowhere to type it, e.g. the focus is on a button or the page).
   */
  key(key: string, t: number, holdFirst = false): WedgeStep {
    if (MODIFIERS.has(key)) return { kind: 'pass', release: '' };
    if (key === 'Enter') {
      const k = this.codeStart();
      const code = this.chars.slice(k);
      const n = code.length;
      const first = code[0];
      const last = code[n - 1];
      // the suffix may lag a little behind the code (some scanners pause before it): twice the gap
      if (first && last && n >= this.cfg.minLength && t - last.t <= ENTER_SLACK * this.cfg.maxGapMs) {
        const avgMs = (last.t - first.t) / (n - 1);
        if (avgMs <= this.cfg.maxAvgMs) {
          const kept = this.chars
            .slice(0, k)
            .map((x) => x.c)
            .join('');
          const passed = code.filter((x) => x.passed).length;
          this.chars = [];
          this.lastScanAt = t;
          return { kind: 'scan', code: code.map((x) => x.c).join(''), passed, kept, avgMs };
        }
      }
      return { kind: 'pass', release: this.flush() };
    }
    const expired = this.expire(t);
    if ([...key].length !== 1) return { kind: 'pass', release: expired + this.flush() };
    const first = this.chars[0];
    if (!first) {
      // a new burst: held whole right after a scan (the next code of a stack: only the first burst after it),
      // or when asked to
      const hold = holdFirst || t - this.lastScanAt <= this.settleMs;
      this.lastScanAt = Number.NEGATIVE_INFINITY;
      this.chars.push({ c: key, t, passed: !hold, typed: !hold });
      return { kind: hold ? 'hold' : 'pass', release: expired };
    }
    const avg = (t - first.t) / this.chars.length;
    if (avg <= this.cfg.maxAvgMs) {
      this.chars.push({ c: key, t, passed: false, typed: false });
      return { kind: 'hold', release: expired };
    }
    // slower than a scanner on average: typing. What was held goes back first, then this key goes through;
    // the burst is still followed (a scanner that hiccuped early can still finish as a scan)
    const released = this.release();
    this.chars.push({ c: key, t, passed: true, typed: true });
    return { kind: 'pass', release: expired + released };
  }
}

/** How an entry came in: read by the scanner, or typed by hand into the scan field. */
export type ScanSource = 'scanner' | 'typed';
