import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, importThroughApi, setupThroughApi, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';

/**
 * The 业主档案 results list at its limit (50 hits): only the rows in view are drawn in full (a keystroke costs
 * the rows on screen, not the whole answer), yet every hit is an option of the listbox, and ↑/↓, Enter,
 * aria-activedescendant and the mouse wheel reach every one of them.
 */

const GIVEN = '德安明宁嘉瑞博睿思远';
/** 80 residents named 王…, in 4 buildings: "王" finds 50 of them (the search limit) */
const ROSTER = [
  '楼栋,单元,房号,姓名,类型,电话,入住日期,面积,备注',
  ...Array.from({ length: 80 }, (_, i) => {
    const building = 1 + Math.floor(i / 20);
    const room = 101 + (i % 20);
    const name = `王${GIVEN[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
    return `${building},1,${room},${name},业主,1380013${String(8000 + i).padStart(4, '0')},2019-05-01,89.50,`;
  }),
].join('\n');

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-roster-list-'));
  const file = path.join(dir, 'wang.csv');
  fs.writeFileSync(file, ROSTER);
  await setupThroughApi(host);
  await api(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await importThroughApi(host, file);
  await api(host, 'auth.logout', {});
});
test.afterAll(async () => {
  await host.stop();
});

test('50 hits: only the rows in view are drawn, and ↑/↓, Enter and the wheel reach every hit', async ({ page }) => {
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('F2');
  const box = page.getByRole('combobox', { name: '查找住户' });
  await expect(box).toBeFocused();
  await page.keyboard.type('王');
  const list = page.getByRole('listbox', { name: '查找结果' });
  await expect(list).toHaveAttribute('data-q', '王');
  await expect(page.getByText(/显示前 50 位/)).toBeVisible();

  const options = list.getByRole('option');
  await expect(options).toHaveCount(50);
  // drawn in full: the rows in view and a few more; the rest are empty slots of a row's height
  const drawn = list.locator('li.result:not(.result-slot)');
  const drawnAtTop = await drawn.count();
  expect(drawnAtTop).toBeGreaterThan(4);
  expect(drawnAtTop).toBeLessThan(20);
  await expect(options.first()).toContainText('王');

  // ↓ to the last hit: it is drawn, in view, selected, and the box points at it
  for (let i = 0; i < 49; i++) await page.keyboard.press('ArrowDown');
  const last = options.nth(49);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toContainText('王');
  await expect(last).toBeInViewport();
  await expect(box).toHaveAttribute('aria-activedescendant', (await last.getAttribute('id')) ?? 'missing');
  // the rows around it are drawn as well, and the ones at the top are slots again
  await expect(options.nth(46)).toContainText('王');
  await expect(options.first()).toHaveClass(/result-slot/);
  expect(await drawn.count()).toBeLessThan(20);

  // Enter opens exactly that resident
  const room = (await last.locator('.room-code').textContent()) ?? '';
  const name = (await last.locator('.result-name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.locator('article.detail')).toContainText(room);
  await expect(page.locator('article.detail').getByRole('heading', { name })).toBeVisible();

  // ↑ back to the first hit, then the wheel to the middle: the rows scrolled into view are drawn
  for (let i = 0; i < 49; i++) await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(options.first()).toContainText('王');
  await list.hover();
  await page.mouse.wheel(0, 25 * 66);
  await expect(options.nth(25)).toBeInViewport();
  await expect(options.nth(25)).toContainText('王');
  await expect(options.nth(25)).not.toHaveClass(/result-slot/);
});
