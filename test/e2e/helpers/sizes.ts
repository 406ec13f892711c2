import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The sizes the counter screens are checked at: the default, a 1024×768 monitor, and the same at 125 % zoom. */
export const SIZES = [
  { name: 'default', viewport: null },
  { name: '1024x768', viewport: { width: 1024, height: 768 } },
  // a 1024×768 screen at 125 % zoom: the page lays out in 819×614 CSS pixels
  { name: '1024x768-zoom125', viewport: { width: 819, height: 614 } },
] as const;

/** The button is on screen and not under the sticky top bar or status bar: a click at its centre reaches it. */
export async function expectReachable(page: Page, name: RegExp): Promise<void> {
  const button = page.getByRole('button', { name });
  await expect(button).toBeInViewport({ ratio: 1 });
  const reached = await button.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && b.contains(hit);
  });
  expect(reached, `${String(name)} is covered`).toBe(true);
}
