import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, importThroughApi, setupThroughApi, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';
import { rng } from './helpers/keys';

/**
 * Every search box that takes Enter, typed into at a person's speed (80–150 ms a character, random) with Enter
 * straight after the last character, while main answers each roster search 50–300 ms late (a busy counter PC:
 * answers for earlier keystrokes are still arriving, some out of order). Enter must act on the hits for the
 * full text in the box, never on the suggestions left from an earlier keystroke.
 *
 * The roster is built so that no shorter prefix suggests the right room first: `3-` → 3-1-1001, `3-2` and
 * `3-2-` → 3-2-101, `3-2-5` and `3-2-50` → 3-2-501; only `3-2-502` gives 3-2-502 (钱多多).
 */

const TARGET = '3-2-502';
const TARGET_NAME = '钱多多';
const ROSTER = [
  '楼栋,单元,房号,姓名,类型,电话,入住日期,面积,备注',
  '3,1,1001,孙立新,业主,13800138101,2019-05-01,120.00,',
  '3,2,101,周子涵,业主,13800138102,2019-05-01,89.50,',
  '3,2,501,吴海燕,业主,13800138103,2019-05-01,128.00,',
  `3,2,502,${TARGET_NAME},业主,13800138104,2019-05-01,128.00,`,
  '1,1,101,张伟,业主,13800138001,2019-05-01,89.50,',
].join('\n');

const CLERK = { username: 'liqing', displayName: '李青', role: 'receptionist', password: 'Front#desk2024' };
const SUPERVISOR = { username: 'zhaomin', displayName: '赵敏', role: 'supervisor', password: 'Super#visor2024' };

test.use({ actionTimeout: 15_000 });

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-roster-'));
  const file = path.join(dir, 'stale-enter.csv');
  fs.writeFileSync(file, ROSTER);
  await setupThroughApi(host, { operators: [CLERK, SUPERVISOR] });
  await api(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await importThroughApi(host, file);
  await api(host, 'parcels.shelves.save', { code: 'A', name: '', slots: 20, active: true, sort: 0 });
  await api(host, 'parcels.settings.save', { overdueDays: 3, printSlip: false });
  await api(host, 'auth.logout', {});
});
test.afterAll(async () => {
  await host.stop();
});

/**
 * Main answers each roster search 50–300 ms late (random), so answers for earlier keystrokes overtake each other:
 * over HTTP (the calls made before the page's socket is open) and over the socket (every call after).
 */
async function slowRosterSearch(page: Page, seed: number): Promise<void> {
  const rand = rng(seed);
  const late = () => new Promise((r) => setTimeout(r, 50 + Math.floor(rand() * 250)));
  await page.route('**/api/roster.search', async (route) => {
    await late();
    await route.continue();
  });
  await page.routeWebSocket(/\/api\/socket$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (typeof message === 'string' && /^\d+ roster\.search\n/.test(message)) void late().then(() => server.send(message));
      else server.send(message);
    });
  });
}

/** A person: each character 80–150 ms after the previous one (random), then Enter at once. */
async function typeThenEnter(page: Page, box: Locator, text: string, seed: number): Promise<void> {
  const rand = rng(seed);
  await expect(box).toBeFocused();
  for (const [i, ch] of [...text].entries()) {
    if (i > 0) await page.waitForTimeout(80 + Math.floor(rand() * 71));
    await page.keyboard.type(ch);
  }
  await page.keyboard.press('Enter');
}

async function openAs(page: Page, who: { username: string; password: string }, seed: number): Promise<void> {
  // one host for the file: whoever the previous test left signed in goes first
  await api(host, 'auth.logout', {});
  await slowRosterSearch(page, seed);
  await page.goto(host.url);
  await signIn(page, who.username, who.password);
}

test('业主档案: Enter opens the resident of the full text typed', async ({ page }) => {
  await openAs(page, CLERK, 1);
  await page.keyboard.press('Alt+2');
  const box = page.locator('[name="roster-search"]');
  await box.focus();
  await typeThenEnter(page, box, TARGET, 11);
  const detail = page.getByRole('article');
  await expect(detail).toContainText(TARGET);
  await expect(detail.getByRole('heading', { name: TARGET_NAME })).toBeVisible();
  await expect(box).toHaveValue(TARGET);
});

test('业主档案: a whole phone number, which only main can answer: Enter waits for its late answer and opens that resident', async ({ page }) => {
  // the window's roster index holds phones only masked: the eleventh digit turns the search over to main
  await openAs(page, CLERK, 8);
  await page.keyboard.press('Alt+2');
  const box = page.locator('[name="roster-search"]');
  await box.focus();
  await typeThenEnter(page, box, '13800138104', 18);
  const detail = page.getByRole('article');
  await expect(detail.getByRole('heading', { name: TARGET_NAME })).toBeVisible();
  await expect(detail).toContainText(TARGET);
});

test('收费 房号: Enter takes the room of the full text typed', async ({ page }) => {
  await openAs(page, CLERK, 2);
  await api(host, 'cash.open', { count: { '10000': 5 } });
  await page.keyboard.press('Alt+5');
  const box = page.locator('[name="room-search"]');
  await typeThenEnter(page, box, TARGET, 12);
  await expect(page.getByTestId('payer')).toContainText(TARGET);
  await expect(page.getByTestId('payer')).toContainText(TARGET_NAME);
});

test('报修 房号: Enter takes the room of the full text typed', async ({ page }) => {
  await openAs(page, CLERK, 3);
  await page.keyboard.press('Alt+9');
  const box = page.locator('[name="room-search"]');
  await box.focus();
  await typeThenEnter(page, box, TARGET, 13);
  await expect(page.getByTestId('payer')).toContainText(TARGET);
});

test('快递 收件人: Enter takes the resident of the full text typed', async ({ page }) => {
  await openAs(page, CLERK, 4);
  await page.keyboard.press('Alt+7');
  const scan = page.locator('[name="scan"]');
  await scan.fill('SF4400000000001');
  await scan.press('Enter');
  await expect(page.getByTestId('current-waybill')).toHaveText('SF4400000000001');
  const box = page.locator('[name="recipient-search"]');
  await typeThenEnter(page, box, TARGET, 14);
  await expect(page.getByTestId('recipient')).toContainText(TARGET);
  await expect(page.getByTestId('recipient')).toContainText('钱*');
});

test('出库取件 by room: Enter looks up the room of the full text typed, and the box keeps it', async ({ page }) => {
  // a parcel for the room typed, and one for the room the stale suggestion would pick
  await api(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rooms = await api<{ items: { id: number; roomId: number; roomCode: string }[] }>(host, 'roster.search', { q: '3-', limit: 10 });
  const room = (code: string) => rooms.items.find((r) => r.roomCode === code) as { id: number; roomId: number };
  for (const [waybill, code] of [
    ['SF4500000000001', TARGET],
    ['SF4500000000002', '3-1-1001'],
  ] as const)
    await api(host, 'parcels.intake', {
      requestId: crypto.randomUUID(),
      waybill,
      carrier: 'SF',
      residentId: room(code).id,
      roomId: room(code).roomId,
      print: false,
    });
  await api(host, 'auth.logout', {});

  await openAs(page, CLERK, 5);
  await page.keyboard.press('Alt+7');
  await page.getByRole('tab', { name: '出库取件' }).click();
  const box = page.locator('[name="pickup-lookup"]');
  await typeThenEnter(page, box, TARGET, 15);
  await expect(page.getByTestId('pickup-table')).toContainText('SF4500000000001');
  await expect(page.getByTestId('pickup-table')).not.toContainText('SF4500000000002');
  await expect(box).toHaveValue(TARGET);
});

test('钥匙 新增钥匙 房号: Enter takes the room of the full text typed', async ({ page }) => {
  await openAs(page, SUPERVISOR, 6);
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: '新增钥匙' }).click();
  const dialog = page.getByRole('dialog', { name: '新增钥匙' });
  const box = dialog.getByRole('combobox');
  await box.focus();
  await typeThenEnter(page, box, TARGET, 16);
  await expect(dialog.getByTestId('room-chosen')).toContainText(TARGET);
  await expect(dialog.getByTestId('room-chosen')).toContainText(TARGET_NAME);
});

test('门禁卡 发卡 房号: Enter takes the room of the full text typed', async ({ page }) => {
  await openAs(page, CLERK, 7);
  await page.keyboard.press('Alt+4');
  const field = page.getByRole('textbox', { name: '卡号' });
  await field.fill('0040856699');
  await field.press('Enter');
  const form = page.getByRole('form', { name: '发卡：0040856699' });
  const box = form.getByRole('combobox');
  await box.focus();
  await typeThenEnter(page, box, TARGET, 17);
  await expect(form.getByTestId('room-chosen')).toContainText(TARGET);
  await expect(form.getByTestId('room-chosen')).toContainText(TARGET_NAME);
});
