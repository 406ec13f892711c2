import { expect, test, type Page } from '@playwright/test';
import { ADMIN, PROPERTY, setupThroughApi, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';

/**
 * The areas' screens are chunks of their own: none is fetched before the sign-in screen, all are fetched once
 * the shell is up, an area opened before its chunk is in still gets the focus on its heading, and one whose
 * chunk cannot be loaded says so with a way out instead of leaving the window empty.
 */

const AREA_CHUNK =
  /\/assets\/(Keys|Cards|Fees|Cash|Parcels|Handover|Service|Upstream|Visitors|Rooms)Area-[\w-]+\.js$|\/assets\/(SettingsScreen|ImportScreen)-[\w-]+\.js$/;

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
  await setupThroughApi(host);
});
test.afterAll(async () => {
  await host.stop();
});
// one host for the file: the page shares the host's session, so each test starts signed out
test.beforeEach(async () => {
  await api(host, 'auth.logout', {});
});

function chunkRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (AREA_CHUNK.test(new URL(r.url()).pathname)) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

test('no area chunk before the sign-in screen; all of them once the shell is up', async ({ page }) => {
  const seen = chunkRequests(page);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(seen).toEqual([]);
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(12);
});

test('an area opened while its chunk is still on its way: the focus goes to its heading once it is there', async ({ page }) => {
  // hold the 备用金 chunk back for a second
  await page.route(/\/assets\/CashArea-[\w-]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: '备用金', level: 1 })).toBeFocused();
});

test('an area whose chunk cannot be loaded says so, with 重新载入', async ({ page }) => {
  await page.route(/\/assets\/KeysArea-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('alert')).toContainText('这个页面没能打开');
  await expect(page.getByRole('button', { name: '重新载入' })).toBeVisible();
  // the rest of the app still works
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: PROPERTY, level: 1 })).toBeVisible();
});
