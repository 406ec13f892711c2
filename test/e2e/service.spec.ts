import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, importThroughApi, setupThroughApi, shot, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';

const FIXTURE = path.resolve('test/fixtures/roster/sample-roster.csv');
const hosts: Host[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});

test('a repair logged by phone, dispatched within the 3-minute target, done and called back; the month’s statistics show it', async ({ page }, info) => {
  test.setTimeout(120_000);
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h);
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await importThroughApi(h, FIXTURE);
  await api(h, 'auth.logout', {});
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);

  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { name: '报修投诉', level: 1 })).toBeVisible();
  await expect(page.getByText('没有待处理的报修投诉。')).toBeVisible();

  // log: 报修, 来电, room 1-1-201 (刘洋), 水电, urgent; a note with markup stays text
  await page.getByText('报修', { exact: true }).click();
  await page.getByText('来电', { exact: true }).click();
  const room = page.locator('[name="room-search"]');
  await room.fill('1-1-201');
  await expect(page.getByRole('option').filter({ hasText: '刘洋' })).toBeVisible();
  await room.press('Enter');
  await page.getByLabel('类别').selectOption('水电');
  await page.getByLabel('问题描述').fill('卫生间漏水 <b>很急</b><img src=x onerror=alert(1)>');
  await page.getByLabel('紧急').check();
  await shot(page, info, 'service-01-log');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText(/已登记 #\d+：请尽快派工（目标 3 分钟内）/)).toBeVisible();

  const row = page.getByTestId('svc-open').locator('tbody tr').first();
  await expect(row).toContainText('1-1-201');
  await expect(row).toContainText('待派工');
  await expect(row.getByTestId('svc-clock')).toContainText('目标 3 分钟');
  // the markup is shown as typed, not run
  await expect(row).toContainText('<b>很急</b><img src=x onerror=alert(1)>');
  expect(await page.locator('.svc-table img').count()).toBe(0);
  await shot(page, info, 'service-02-open');

  // dispatch to 工程部 at once: within the target
  await row.getByRole('button', { name: /处理/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('派工部门').selectOption('工程部');
  await dialog.getByRole('button', { name: '派工', exact: true }).click();
  await expect(dialog).toContainText('已派工');
  await dialog.getByRole('button', { name: '开始处理' }).click();
  await expect(dialog).toContainText('处理中');
  await dialog.getByLabel('处理结果').fill('更换水管接头');
  await dialog.getByRole('button', { name: '登记完成' }).click();
  await expect(dialog).toContainText('已完成');
  await shot(page, info, 'service-03-done');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('没有待处理的报修投诉。')).toBeVisible();

  // the callback queue: 回访 with satisfaction
  await page.getByRole('tab', { name: '待回访' }).click();
  const cb = page.getByTestId('svc-callback').locator('tbody tr').first();
  await expect(cb).toContainText('按时');
  await cb.getByRole('button', { name: /处理/ }).click();
  await dialog.getByText('5 很满意').click();
  await dialog.getByLabel('回访记录（可不填）').fill('住户表示满意');
  await dialog.getByRole('button', { name: '完成回访' }).click();
  await expect(dialog).toContainText('已回访');
  await expect(dialog.locator('.svc-events li')).toHaveCount(5);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('没有待回访的记录。')).toBeVisible();

  // this month's report
  await page.getByRole('tab', { name: '统计报表' }).click();
  await expect(page.getByText('月报')).toBeVisible();
  await expect(page.getByTestId('rp-range')).toContainText(/\d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2}/);
  const stats = page.getByTestId('svc-stats');
  await expect(stats).toContainText('1登记总数');
  await expect(stats).toContainText('1/1按时派工');
  await expect(stats).toContainText('100%回访率');
  await expect(stats).toContainText('5.0平均满意度');
  await expect(page.getByTestId('rp-fees')).toContainText('0收据张数');
  await shot(page, info, 'service-04-stats');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^统计报表_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
  // the browser host cannot make a PDF itself and says how to get one
  await page.getByRole('button', { name: '导出 PDF' }).click();
  await expect(page.getByText('浏览器模式不能直接生成 PDF')).toBeVisible();
  // 入住统计 is reached from the report: the rooms area opens on that tab, with the property's counts
  await page.getByRole('button', { name: '打开入住统计' }).click();
  await expect(page.getByRole('tab', { name: '入住统计' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: '房屋档案', level: 1 })).toBeVisible();
});

test('the service form speaks of rooms, not payers: 房号 once picked, F3 picks again, the missing-room message names 无房号 and goes once a room is picked; the detail labels the caller plainly', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h);
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await importThroughApi(h, FIXTURE);
  await api(h, 'auth.logout', {});
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+9');
  const form = page.getByRole('form', { name: '新登记' });
  await expect(form).toBeVisible();

  // 登记 with no room: the message names the button that is there
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText('请选择房号，或点「无房号」。');
  await expect(form).not.toContainText('散客');
  await expect(form).not.toContainText('交款方');
  await expect(form.getByRole('button', { name: '无房号' })).toBeVisible();

  // F3 from another field puts the cursor in the room box; a person types the room and presses Enter
  await form.getByLabel('问题描述').click();
  await page.keyboard.press('F3');
  const room = form.locator('[name="room-search"]');
  await expect(room).toBeFocused();
  await room.pressSequentially('1-1-201', { delay: 110 });
  await expect(form.getByRole('option').filter({ hasText: '刘洋' })).toBeVisible();
  await room.press('Enter');
  const chosen = form.getByTestId('payer');
  await expect(chosen).toContainText('房号');
  await expect(chosen).toContainText('1-1-201');
  await expect(form).not.toContainText('交款方');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await shot(page, info, 'service-05-room-words');

  // F3 again: the room is chosen afresh
  await form.getByLabel('问题描述').click();
  await page.keyboard.press('F3');
  await expect(room).toBeFocused();
  await room.pressSequentially('1-1-101', { delay: 110 });
  await expect(form.getByRole('option').filter({ hasText: '张伟' })).toBeVisible();
  await room.press('Enter');
  await expect(chosen).toContainText('1-1-101');
  await form.getByLabel('联系人（可不填）').pressSequentially('张先生', { delay: 110 });
  await form.getByLabel('问题描述').pressSequentially('门禁坏了', { delay: 110 });
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText(/已登记 #\d+/)).toBeVisible();

  // the detail shows who called under a plain label (not the form's "optional")
  await page.getByTestId('svc-open').locator('tbody tr').first().getByRole('button', { name: /处理/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('dt', { hasText: /^联系人$/ })).toBeVisible();
  await expect(dialog).not.toContainText('可不填）');
  await dialog.getByRole('button', { name: '关闭' }).click();
});
