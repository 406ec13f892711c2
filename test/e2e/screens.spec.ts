import { ADMIN, signIn, shot } from './helpers/app';
import { expect, test } from './helpers/fixtures';
import { AREAS, axeFindings, eachTab, stockTheCounter, type A11yFinding } from './helpers/screens';

/**
 * Every screen and tab, as the admin sees them (every tab is visible to the admin), checked with axe-core for
 * WCAG 2.1 A/AA: no serious or critical finding anywhere. A screenshot of each goes to test-results/screenshots.
 */
test.use({ actionTimeout: 15_000 });

test('accessibility: every screen and tab has no serious or critical axe finding', async ({ page, prepared }, info) => {
  test.setTimeout(300_000);
  await stockTheCounter(prepared);
  await page.goto(prepared.url);
  const findings: A11yFinding[] = [];
  findings.push(...(await axeFindings(page, 'login')));
  await signIn(page, ADMIN.username, ADMIN.password);
  for (const area of AREAS) {
    await page.keyboard.press(area.key);
    await page.waitForTimeout(300);
    await eachTab(page, async (tab) => {
      const screen = tab ? `${area.name} / ${tab}` : area.name;
      findings.push(...(await axeFindings(page, screen)));
      await shot(page, info, `screens-${area.name}${tab ? `-${tab.replace(/[\\/:*?"<>| ]/g, '_')}` : ''}`);
    });
  }
  // a dialog: lending a key
  await page.keyboard.press('Alt+3');
  await page.locator('tr[data-key-tag="K-0001"]').getByRole('button', { name: '借出' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  findings.push(...(await axeFindings(page, 'keys / 借出 dialog')));
  await page.keyboard.press('Escape');
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
});
