/**
 * USB HID boot keyboard reports → card numbers. Pure: no device, no timers (the caller passes the time).
 *
 * A boot keyboard report is 8 bytes: [modifiers, reserved, key1 … key6]. A key that is held stays in the report
 * until it is released, so only keycodes that were not in the previous report are keystrokes; a reader that
 * sends the same report twice, or keeps a digit down while pressing the next (rollover), types each digit once.
 * Characters between Enter keys (0x28, keypad 0x58) are one card number; empty ones are ignored.
 */

/** Left shift and right shift bits of the modifier byte. */
const SHIFT = 0x02 | 0x20;
/** "ErrorRollOver": the keyboard reports it in every slot when too many keys are down; the state is unknown. */
const ERROR_ROLLOVER = 0x01;
export const ENTER_KEYS: ReadonlySet<number> = new Set([0x28, 0x58]);
export const BOOT_REPORT_LENGTH = 8;

/** US layout, as card readers send it: [unshifted, shifted]. */
const KEYMAP = new Map<number, readonly [string, string]>();
for (let i = 0; i < 26; i++) {
  const c = String.fromCharCode(0x61 + i);
  KEYMAP.set(0x04 + i, [c, c.toUpperCase()]);
}
const DIGIT_ROW = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const DIGIT_ROW_SHIFTED = ['!', '@', '#', '$', '%', '^', '&', '*', '(', ')'];
DIGIT_ROW.forEach((d, i) => KEYMAP.set(0x1e + i, [d, DIGIT_ROW_SHIFTED[i]!]));
// keypad 1–9, 0 (0x59–0x62): readers assume Num Lock is on; shift does not change them here
DIGIT_ROW.forEach((d, i) => KEYMAP.set(0x59 + i, [d, d]));
KEYMAP.set(0x2c, [' ', ' ']);
KEYMAP.set(0x2d, ['-', '_']);
KEYMAP.set(0x36, [',', '<']); // W26 readers print "111,27706"
KEYMAP.set(0x37, ['.', '>']);
KEYMAP.set(0x54, ['/', '/']); // keypad
KEYMAP.set(0x56, ['-', '-']); // keypad
KEYMAP.set(0x63, ['.', '.']); // keypad

/** The character a keycode types, or undefined for keys a card reader has no business sending (ignored). */
export function keyChar(keycode: number, shift: boolean): string | undefined {
  const k = KEYMAP.get(keycode);
  return k ? k[shift ? 1 : 0] : undefined;
}

export interface KeyboardDecoderOptions {
  /**
   * A gap longer than this between two keystrokes of one card number drops what came before (a stray key, a
   * half-read card): a reader types a whole number in well under 100 ms. Default 500 ms; 0 turns it off.
   */
  maxGapMs?: number;
  /** Longer "numbers" are dropped as noise. Default 32 characters. */
  maxLength?: number;
}

export interface DecodeResult {
  /** card numbers completed by this report (usually zero or one) */
  cards: string[];
  /** the report was not a boot keyboard report (wrong length) and was ignored */
  ignored: boolean;
  /** characters typed by this report, Enter as "\n" (for the diagnostics view) */
  typed: string;
}

export class KeyboardReportDecoder {
  private readonly maxGapMs: number;
  private readonly maxLength: number;
  private pressed = new Set<number>();
  private buffer = '';
  private lastKeyAt = 0;
  /** the number being read passed maxLength: everything up to the next Enter is noise */
  private overflow = false;
  /** reports ignored since construction (wrong length), for diagnostics */
  ignoredReports = 0;
  /** partial numbers dropped (gap, overflow, reset), for diagnostics */
  droppedPartials = 0;

  constructor(opts: KeyboardDecoderOptions = {}) {
    this.maxGapMs = opts.maxGapMs ?? 500;
    this.maxLength = opts.maxLength ?? 32;
  }

  /** Characters received since the last Enter (the number being read). */
  get partial(): string {
    return this.buffer;
  }

  /** Feeds one report, received at `now` (ms, any monotonic origin). Never throws. */
  push(report: Uint8Array | readonly number[], now = 0): DecodeResult {
    const result: DecodeResult = { cards: [], ignored: false, typed: '' };
    if (report.length !== BOOT_REPORT_LENGTH) {
      this.ignoredReports++;
      result.ignored = true;
      return result;
    }
    const keys: number[] = [];
    for (let i = 2; i < BOOT_REPORT_LENGTH; i++) {
      const k = report[i] ?? 0;
      if (k !== 0) keys.push(k);
    }
    // rollover error: which keys are down is unknown; keep the last known state and wait for a real report
    if (keys.length > 0 && keys.every((k) => k === ERROR_ROLLOVER)) return result;

    const shift = ((report[0] ?? 0) & SHIFT) !== 0;
    const down = new Set(keys.filter((k) => k >= 0x04)); // 0x01–0x03 are error codes, not keys
    for (const k of keys) {
      if (!down.has(k) || this.pressed.has(k)) continue;
      this.key(k, shift, now, result);
    }
    this.pressed = down;
    return result;
  }

  /** Drops the partial number and the pressed-key state (device closed or reopened). Returns what was dropped. */
  reset(): string {
    const dropped = this.buffer;
    if (dropped) this.droppedPartials++;
    this.buffer = '';
    this.overflow = false;
    this.pressed = new Set();
    return dropped;
  }

  private key(k: number, shift: boolean, now: number, result: DecodeResult): void {
    if ((this.buffer || this.overflow) && this.maxGapMs > 0 && now - this.lastKeyAt > this.maxGapMs) {
      if (this.buffer) this.droppedPartials++;
      this.buffer = '';
      this.overflow = false;
    }
    this.lastKeyAt = now;
    if (ENTER_KEYS.has(k)) {
      result.typed += '\n';
      const card = this.buffer.trim();
      this.buffer = '';
      if (card && !this.overflow) result.cards.push(card);
      this.overflow = false;
      return;
    }
    const c = keyChar(k, shift);
    if (c === undefined) return;
    result.typed += c;
    if (this.overflow) return;
    if (this.buffer.length >= this.maxLength) {
      this.buffer = '';
      this.overflow = true;
      this.droppedPartials++;
      return;
    }
    this.buffer += c;
  }
}

/** Decodes a whole sequence of reports (a recording) to card numbers; for tests and the diagnostics screen. */
export function decodeReports(reports: Iterable<{ bytes: Uint8Array; at?: number }>, opts?: KeyboardDecoderOptions): string[] {
  const d = new KeyboardReportDecoder(opts);
  const cards: string[] = [];
  for (const r of reports) cards.push(...d.push(r.bytes, r.at ?? 0).cards);
  return cards;
}
