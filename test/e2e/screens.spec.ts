import type { Page } from '@playwright/test';
import { ADMIN, signIn, shot } from './helpers/app';
import { expect, test } from './helpers/fixtures';
import { api } from './helpers/host';
import { AREAS, axeFindings, eachTab, stockTheCounter, type A11yFinding } from './helpers/screens';
import { SMALL_SIZES } from './helpers/viewport';

/**
 * Every screen and tab, as the admin sees them (every tab is visible to the admin), checked with axe-core for
 * WCAG 2.1 A/AA: no serious or critical finding anywhere — at the default 1366×768 in Chinese, and at 1024×768
 * and 1280×720 in both languages. On each: every tab controls a tabpanel that is there, no table row is a
 * focus stop of its own (a row that opens something does it through a button inside it), and the focus ring
 * reaches 3:1 against white. A screenshot of each goes to test-results/screenshots.
 */
test.use({ actionTimeout: 15_000 });

/** What axe does not check: tabs and their panels, clickable rows, the focus ring's contrast. */
async function screenReaderDetails(page: Page, screen: string): Promise<string[]> {
  return page.evaluate((where) => {
    const out: string[] = [];
    for (const tab of Array.from(document.querySelectorAll('main [role=tab]'))) {
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (tab.getAttribute('aria-selected') === 'true' && panel?.getAttribute('role') !== 'tabpanel')
        out.push(`${where}: tab “${tab.textContent}” controls no tabpanel`);
    }
    for (const row of Array.from(document.querySelectorAll('tr[tabindex], tr[role=button], tr[role=link]')))
      out.push(`${where}: a table row is a focus stop (${row.textContent?.slice(0, 30)})`);
    return out;
  }, screen);
}

function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

async function walk(page: Page, tag: string, info: Parameters<Parameters<typeof test>[2]>[1]): Promise<{ findings: A11yFinding[]; details: string[] }> {
  const findings: A11yFinding[] = [];
  const details: string[] = [];
  for (const area of AREAS) {
    await page.keyboard.press(area.key);
    await page.waitForTimeout(300);
    await eachTab(page, async (tab) => {
      const screen = tab ? `${area.name} / ${tab}` : area.name;
      findings.push(...(await axeFindings(page, `${tag} ${screen}`)));
      details.push(...(await screenReaderDetails(page, `${tag} ${screen}`)));
      await shot(page, info, `screens-${tag}-${area.name}${tab ? `-${tab.replace(/[\\/:*?"<>| &]+/g, '_')}` : ''}`);
    });
  }
  return { findings, details };
}

test('accessibility: every screen and tab has no serious or critical axe finding', async ({ page, prepared }, info) => {
  test.setTimeout(420_000);
  await stockTheCounter(prepared);
  await page.goto(prepared.url);
  const findings: A11yFinding[] = [];
  findings.push(...(await axeFindings(page, 'login')));
  await signIn(page, ADMIN.username, ADMIN.password);
  // a receipt in the day's list (its row opens it)
  await api(prepared, 'cash.open', { count: { '10000': 5 } });
  const items = await api<{ id: number; code: string }[]>(prepared, 'fees.items.list', {});
  const bk = items.find((i) => i.code === 'BK')?.id ?? 0;
  await api(prepared, 'fees.collect', {
    requestId: crypto.randomUUID(),
    roomId: null,
    payer: '散客',
    lines: [{ itemId: bk }],
    payments: [{ method: 'cash', amountFen: 2000, receivedFen: 2000 }],
  });
  const w = await walk(page, '1366', info);
  findings.push(...w.findings);
  // a dialog: lending a key
  await page.keyboard.press('Alt+3');
  await page.locator('tr[data-key-tag="K-0001"]').getByRole('button', { name: '借出' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  findings.push(...(await axeFindings(page, 'keys / 借出 dialog')));
  // the focus ring where the keyboard is: 3:1 at least against white (the dialog's background)
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element);
    return { color: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle };
  });
  const rgb = (ring.color.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(contrast(rgb, [255, 255, 255]), `focus ring ${ring.color} against white`).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('Escape');
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  expect(w.details).toEqual([]);
});

for (const size of SMALL_SIZES) {
  for (const lang of ['zh-CN', 'en'] as const) {
    test.describe(`at ${size.name} in ${lang}`, () => {
      test.use({ viewport: { width: size.width, height: size.height } });
      test(`accessibility at ${size.name} in ${lang}: no serious or critical axe finding, tabs with panels, no row as a focus stop`, async ({
        page,
        prepared,
      }, info) => {
        test.setTimeout(300_000);
        await stockTheCounter(prepared);
        await page.goto(prepared.url);
        await signIn(page, ADMIN.username, ADMIN.password);
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        const w = await walk(page, `${size.name}-${lang}`, info);
        expect(w.findings, JSON.stringify(w.findings, null, 2)).toEqual([]);
        expect(w.details).toEqual([]);
      });
    });
  }
}

test.describe('the collapsed menu', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  test('each shortcut is named for screen readers and shows its name beside it on hover and on focus, in both languages', async ({ page, prepared }) => {
    await page.goto(prepared.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    const nav = page.getByRole('navigation');
    // collapsed by default on a window this narrow: only the shortcuts show
    await expect(nav.getByRole('button', { name: '展开菜单' })).toHaveAttribute('aria-expanded', 'false');
    const fees = nav.getByRole('button', { name: '收费收据', exact: true });
    await expect(fees).toBeVisible();
    const tip = page.getByTestId('nav-tip');
    await expect(tip).toHaveCount(0);
    await fees.hover();
    await expect(tip).toHaveText('收费收据');
    await expect(tip).toBeInViewport();
    const [b, t] = [await fees.boundingBox(), await tip.boundingBox()];
    expect(t && b ? t.x >= b.x + b.width : false, 'the name shows beside the shortcut, not over it').toBe(true);
    expect(await axeFindings(page, 'collapsed menu with a tooltip')).toEqual([]);
    await page.mouse.move(600, 400);
    await expect(tip).toHaveCount(0);
    // by keyboard: the focus shows the name too
    await fees.focus();
    await page.keyboard.press('Tab');
    const focused = nav.locator('.nav-item:focus');
    await expect(tip).toHaveText((await focused.getAttribute('aria-label')) ?? 'none');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(nav.getByRole('button', { name: 'Fees', exact: true })).toBeVisible();
    await nav.getByRole('button', { name: 'Fees', exact: true }).hover();
    await expect(tip).toHaveText('Fees');
  });
});
