import type { Page } from '@playwright/test';
import { ADMIN, shot, signIn } from './helpers/app';
import { CLERK, expect, test } from './helpers/fixtures';
import { api, startHost, type Host } from './helpers/host';
import { personTypes } from './helpers/typing';
import { decodeEscPos } from '../devices/escpos-decode';
import { FakeTcpPrinter } from '../devices/fake-tcp-printer';

/**
 * 欠费催缴 at real speeds: a batch of notices for one building (numbered in turn, each logged in its room's 催缴
 * log, each printed on the receipt printer with its periods and the owner's name masked); a 催缴 entry typed with a
 * promised date that, once the date has passed (the host restarted with its clock ahead, a browser-host-only test
 * switch), is in 待跟进 as a promise past due. Each at the counter sizes 1280×720 and 1024×768.
 */
test.use({ actionTimeout: 15_000 });

const SIZES = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1024x768', width: 1024, height: 768 },
] as const;

/** Building 1's rooms with a monthly 物业费 from January of the property's current year (the sample roster's 1栋). */
const OWING = ['1-1-101', '1-1-102', '1-1-201', '1-1-202', '1-2-101'];

const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

async function billBuildingOne(h: Host): Promise<{ buildingId: number; rooms: Record<string, number> }> {
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const item = await api<{ id: number }>(h, 'fees.items.save', {
    code: 'WYF',
    name: '物业费',
    category: 'property',
    rule: 'per_area_month',
    unitPriceFen: 250,
    unitLabel: '月',
    refundable: false,
    active: true,
    sort: 0,
  });
  const year = shanghaiDay(new Date()).slice(0, 4);
  await api(h, 'receivables.items.save', { itemId: item.id, sinceMonth: `${year}-01`, vacancyApplies: false });
  const rooms: Record<string, number> = {};
  for (const code of OWING) {
    const hits = await api<{ items: { roomId: number; roomCode: string }[] }>(h, 'roster.search', { q: code });
    const roomId = hits.items.find((x) => x.roomCode === code)?.roomId as number;
    rooms[code] = roomId;
    await api(h, 'receivables.plan.save', { roomId, itemId: item.id, startMonth: `${year}-01` });
  }
  const buildings = await api<{ id: number; code: string }[]>(h, 'roster.buildings.list', {});
  await api(h, 'auth.logout', {});
  return { buildingId: buildings.find((b) => b.code === '1')?.id as number, rooms };
}

async function openArrears(page: Page): Promise<void> {
  await page.keyboard.press('Alt+R');
  await expect(page.getByRole('heading', { level: 1, name: '欠费催缴' })).toBeVisible();
}

for (const size of SIZES) {
  test(`a batch of notices for one building: numbered in turn, logged in each room's 催缴 log, printed with the periods and masked names (${size.name})`, async ({
    page,
    prepared,
  }, info) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const h = prepared;
    const printer = await FakeTcpPrinter.start();
    try {
      const { rooms } = await billBuildingOne(h);
      await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      await api(h, 'printer.settings.save', {
        config: { kind: 'tcp', host: '127.0.0.1', port: printer.port, statusCheck: true },
        width: 80,
        kickDrawer: false,
      });
      await api(h, 'auth.logout', {});

      await page.goto(h.url);
      await signIn(page, CLERK.username, CLERK.password);
      await openArrears(page);
      // the list: the five rooms of building 1, owners masked
      const table = page.getByTestId('arr-table');
      await expect(table.locator('tbody tr')).toHaveCount(OWING.length);
      await expect(table).toContainText('张*');
      await expect(table).not.toContainText('张伟');
      await shot(page, info, `arrears-01-list-${size.name}`);

      await page.getByRole('tab', { name: '通知单' }).click();
      await page.getByRole('radio', { name: '整栋楼' }).check();
      await page.getByLabel('楼栋').selectOption({ label: '1栋' });
      await page.getByRole('radio', { name: '催缴通知单' }).check();
      await expect(page.getByLabel('在小票打印机上打印')).toBeChecked();
      const issue = page.getByRole('button', { name: '开具通知单' });
      await expect(issue).toBeInViewport();
      await issue.click();
      await expect(page.getByText(`已开具 ${OWING.length} 张 TZ000001–TZ00000${OWING.length}`)).toBeVisible();
      // the A4 sheets, one a room, in room order
      const sheets = page.getByTestId('notice-pages').locator('article.notice-page');
      await expect(sheets).toHaveCount(OWING.length);
      await expect(sheets.first()).toContainText('TZ000001');
      await expect(sheets.first()).toContainText('1-1-101');
      await expect(sheets.first()).toContainText('张*');
      await shot(page, info, `arrears-02-notices-${size.name}`);

      // the receipt printer got one slip per notice, each with its number, room, periods and total; no full name
      await expect.poll(() => printer.jobs.length, { timeout: 30_000 }).toBe(OWING.length);
      const slips = printer.jobs.map((j) => decodeEscPos(j).text.join('\n'));
      OWING.forEach((code, i) => {
        const slip = slips.find((s) => s.includes(`TZ00000${i + 1}`)) ?? '';
        expect(slip).toContain('催缴通知单');
        expect(slip).toContain(code);
        expect(slip).toMatch(/物业费 \d{4}-01/);
        expect(slip).toContain('合计');
      });
      for (const s of slips) expect(s).not.toMatch(/张伟|王芳|刘洋|曾国华|单建国|138001/);

      // each room's 催缴 log has the notice as 通知单 (here: the first room, from the list)
      await page.getByRole('tab', { name: '欠费清单' }).click();
      await page.getByRole('button', { name: '催缴 1-1-101' }).click();
      const log = page.getByTestId('arr-log');
      await expect(log.locator('tbody tr').first()).toContainText('通知单');
      await expect(log.locator('tbody tr').first()).toContainText('催缴通知单 TZ000001');
      await api(h, 'auth.login', { username: CLERK.username, password: CLERK.password });
      const entries = await api<{ way: string; result: string }[]>(h, 'receivables.contacts.list', { roomId: rooms['1-2-101'] });
      expect(entries.map((e) => [e.way, e.result.slice(0, 14)])).toEqual([['notice', '催缴通知单 TZ000005']]);
    } finally {
      await printer.stop();
    }
  });

  test(`a 催缴 entry typed with a promised date shows in 待跟进 as past due once the date has gone by (${size.name})`, async ({ page, prepared }, info) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const h = prepared;
    await billBuildingOne(h);
    await page.goto(h.url);
    await signIn(page, CLERK.username, CLERK.password);
    await openArrears(page);
    await page.getByRole('button', { name: '催缴 1-1-201' }).click();
    // the cursor is in 催缴结果; Shift+Tab reaches the way (电话), → makes it 上门
    const result = page.getByLabel('催缴结果');
    await expect(result).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('radio', { name: '电话' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '上门' })).toBeChecked();
    await page.keyboard.press('Tab');
    await personTypes(result, '业主答应后天交清', false);
    await page.keyboard.press('Tab');
    const tomorrow = shanghaiDay(new Date(Date.now() + 86_400_000));
    await personTypes(page.locator('input[name="arr-promised"]'), tomorrow);
    await expect(page.getByText('已记录 1-1-201 的催缴。')).toBeVisible();
    const log = page.getByTestId('arr-log');
    await expect(log.locator('tbody tr').first()).toContainText('上门');
    await expect(log.locator('tbody tr').first()).toContainText('业主答应后天交清');
    await expect(log.locator('tbody tr').first()).toContainText(tomorrow);
    await expect(result).toBeFocused();
    await shot(page, info, `arrears-03-log-${size.name}`);
    // not due yet: the queue has no promise past due
    await page.getByRole('tab', { name: '待跟进' }).click();
    await expect(page.getByText('没有逾期的承诺。')).toBeVisible();

    // three days later (the host restarted on the same store with its clock ahead)
    await h.stop();
    const later = await startHost({ dataDir: h.dataDir, env: { LOBBYDESK_TEST_CLOCK_OFFSET_MS: String(3 * 86_400_000) } });
    try {
      await page.goto(later.url);
      await signIn(page, CLERK.username, CLERK.password);
      await openArrears(page);
      await page.getByRole('tab', { name: '待跟进' }).click();
      const overdue = page.getByTestId('arr-overdue');
      await expect(overdue.locator('tbody tr')).toHaveCount(1);
      const row = overdue.locator('tr[data-room="1-1-201"]');
      await expect(row).toContainText(tomorrow);
      await expect(row).toContainText('业主答应后天交清');
      await expect(page.getByRole('heading', { name: '承诺已逾期（1）' })).toBeInViewport();
      await shot(page, info, `arrears-04-queue-${size.name}`);
      // from the queue to the room's log
      await row.getByRole('button', { name: '催缴 1-1-201' }).click();
      await expect(page.getByTestId('arr-log')).toContainText('业主答应后天交清');
    } finally {
      await later.stop();
    }
  });
}
