import type { CDPSession, Page } from '@playwright/test';

/** A key and when it is pressed (ms on the wall clock, Date.now()). */
export interface TimedKey {
  key: string;
  at: number;
}

/** A seeded generator (mulberry32), so a failing timing can be replayed from the seed in the test name. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What a keyboard-wedge scanner sends: each code at `minMs`–`maxMs` a character (random), then Enter, with
 * `gapMs` from each Enter to the next code's first character (0: the next code follows at once).
 */
export function scannerBurst(codes: readonly string[], opts: { start: number; gapMs: number; rand: () => number; minMs?: number; maxMs?: number }): TimedKey[] {
  const { minMs = 3, maxMs = 10, rand } = opts;
  const out: TimedKey[] = [];
  let t = opts.start;
  codes.forEach((code, n) => {
    if (n > 0) t += opts.gapMs;
    [...code, 'Enter'].forEach((key, i) => {
      if (i > 0) t += minMs + Math.floor(rand() * (maxMs - minMs + 1));
      out.push({ key, at: t });
    });
  });
  return out;
}

function keyParams(k: string): { key: string; code: string; windowsVirtualKeyCode: number; text?: string } {
  if (k === 'Enter') return { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' };
  if (k === '-') return { key: '-', code: 'Minus', windowsVirtualKeyCode: 189, text: '-' };
  const upper = k.toUpperCase();
  return { key: k, code: /\d/.test(k) ? `Digit${k}` : `Key${upper}`, windowsVirtualKeyCode: upper.charCodeAt(0), text: k };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Sends keys through Chromium's input pipeline the way the OS delivers a scanner's keys: trusted events
 * stamped with the time each key is pressed (event.timeStamp), sent on schedule without waiting for the page
 * to handle the previous one. A busy page handles them late, as at the counter, but sees the scanner's own
 * timing; a busy test machine cannot stretch a 5 ms key into a 50 ms one.
 */
export class KeyPipe {
  private constructor(private readonly cdp: CDPSession) {}

  static async open(page: Page): Promise<KeyPipe> {
    return new KeyPipe(await page.context().newCDPSession(page));
  }

  async send(keys: readonly TimedKey[]): Promise<void> {
    const sent: Promise<unknown>[] = [];
    for (const { key, at } of keys) {
      const wait = at - Date.now();
      if (wait > 1) await sleep(wait);
      const p = keyParams(key);
      const timestamp = at / 1000;
      sent.push(this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...p, timestamp }));
      const { text: _text, ...up } = p;
      sent.push(this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...up, timestamp: timestamp + 0.001 }));
    }
    await Promise.all(sent);
  }
}
