import { expect, type Locator, type Page } from '@playwright/test';

/** The counter monitors the layout is built for (CSS pixels; 1920×1080 at 125 % is 1536×864). */
export const SMALL_SIZES = [
  { name: '1024x768', width: 1024, height: 768, scale: 1 },
  { name: '1280x720', width: 1280, height: 720, scale: 1 },
] as const;

/** The other counter monitors: 1366×768, and 1920×1080 with Windows at 125 %. */
export const COUNTER_SIZES = [
  ...SMALL_SIZES,
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1920x1080@125', width: 1536, height: 864, scale: 1.25 },
] as const;

/** Scrolls the page back to its top, so "in view" means "in view without scrolling". */
export async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Each locator is wholly on screen without scrolling: under the top bar, above the status bar, inside the
 * window's width (a dialog's content: inside the window, the dialog being on top of the bars).
 */
export async function expectInView(page: Page, what: Record<string, Locator>, opts: { dialog?: boolean } = {}): Promise<void> {
  await toTop(page);
  const bounds = await page.evaluate((dialog) => {
    const top = dialog ? 0 : (document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0);
    const bottom = dialog ? window.innerHeight : (document.querySelector('.statusbar')?.getBoundingClientRect().top ?? window.innerHeight);
    return { top, bottom, width: document.documentElement.clientWidth };
  }, opts.dialog ?? false);
  const out: string[] = [];
  for (const [name, loc] of Object.entries(what)) {
    await expect(loc, name).toBeVisible();
    const box = await loc.boundingBox();
    if (!box) {
      out.push(`${name}: no box`);
      continue;
    }
    if (box.y < bounds.top - 1 || box.y + box.height > bounds.bottom + 1 || box.x < -1 || box.x + box.width > bounds.width + 1)
      out.push(
        `${name}: ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} outside ${bounds.width}×${Math.round(bounds.top)}–${Math.round(bounds.bottom)}`,
      );
  }
  expect(out, 'outside the view without scrolling').toEqual([]);
}

/** The page does not scroll sideways. */
export async function expectNoSideways(page: Page, where: string): Promise<void> {
  const m = await page.evaluate(() => ({ sw: document.scrollingElement?.scrollWidth ?? 0, cw: document.scrollingElement?.clientWidth ?? 0 }));
  expect(m.sw, `${where}: scrollWidth ${m.sw} > clientWidth ${m.cw}`).toBeLessThanOrEqual(m.cw);
}
