import type { CDPSession, Locator, Page } from '@playwright/test';

/**
 * Typing at real speeds. A person: ~110 ms a key (80–150 ms), Enter straight after. A keyboard-mode device
 * (card reader, barcode scanner): its keys stamped a few ms apart. Playwright's own typing is one browser
 * round trip per key, which a loaded machine stretches past 100 ms now and then; the device keys are sent
 * over CDP with their event time set, so the page sees the device's pace whatever the load.
 */
export async function personTypes(field: Locator, text: string, enter = true): Promise<void> {
  await field.pressSequentially(text, { delay: 110 });
  if (enter) await field.press('Enter');
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdpOf(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function keyOf(ch: string): { key: string; code: string; text: string; windowsVirtualKeyCode: number } {
  if (ch === '\n') return { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
  if (/[0-9]/.test(ch)) return { key: ch, code: `Digit${ch}`, text: ch, windowsVirtualKeyCode: ch.charCodeAt(0) };
  if (/[a-zA-Z]/.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, text: ch, windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0) };
  if (ch === '-') return { key: '-', code: 'Minus', text: '-', windowsVirtualKeyCode: 189 };
  throw new Error(`deviceTypes: no key for ${JSON.stringify(ch)}`);
}

/** A keyboard-mode device types `text` then Enter into whatever has the focus, `msPerKey` apart (event time). */
export async function deviceTypes(page: Page, text: string, msPerKey = 5): Promise<void> {
  const cdp = await cdpOf(page);
  const base = Date.now() / 1000;
  const keys = [...text, '\n'];
  for (let i = 0; i < keys.length; i++) {
    const k = keyOf(keys[i] as string);
    const at = base + (i * msPerKey) / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, timestamp: at });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: k.key,
      code: k.code,
      windowsVirtualKeyCode: k.windowsVirtualKeyCode,
      timestamp: at + 0.001,
    });
  }
}

/** A keyboard-mode card reader: ~5 ms a digit, then Enter. */
export const readerTypes = (page: Page, digits: string): Promise<void> => deviceTypes(page, digits, 5);
