import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { ADMIN, setupThroughApi, shot, signIn } from './helpers/app';
import { startHost, type Host } from './helpers/host';

let hosts: Host[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

test('a protective trigger dropped while the app was closed: red banner, read-only, the supervisor records the check in 审计链 and the counter works again', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const first = await startHost();
  hosts.push(first);
  await setupThroughApi(first);
  await first.stop();

  // someone with sqlite3 on the file drops the trigger that keeps receipts from being edited
  const db = new Database(path.join(first.dataDir, 'lobbydesk.sqlite'));
  db.exec('DROP TRIGGER receipts_no_update');
  db.close();

  const h = await startHost({ dataDir: first.dataDir });
  hosts.push(h);
  await page.goto(h.url);
  const banner = page.getByTestId('attention-banner');
  // shown before anyone signs in
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('需要处理：数据保护检查发现问题');
  await expect(banner).toContainText('保护触发器「receipts_no_update」（收据）不见了');
  await expect(banner).toContainText('本机暂时只能查询');

  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(banner).toBeVisible();
  await shot(page, info, 'attention-01-banner');

  // a write is refused with the reason and what to do
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: '开班：清点备用金' })).toBeVisible();
  await page.getByTestId('float-table').getByLabel('100 元', { exact: true }).fill('5');
  await page.getByRole('button', { name: '确认开班' }).click();
  await expect(page.getByText('本机处于“需要处理”状态').first()).toBeVisible();

  // 设置 → 审计链: the finding, then the supervisor's check recorded
  await page.keyboard.press('Control+,');
  await page.getByRole('tab', { name: '审计链' }).click();
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText('原因：数据库的保护触发器被删除或改动过。')).toBeVisible();
  await page.getByLabel(/核实情况/).fill('维护时误删，已与当日收据核对');
  await shot(page, info, 'attention-02-audit-tab');
  await page.getByRole('button', { name: '登记核实并重新校验' }).click();
  await expect(page.getByText(/审计链完好：共 \d+ 条记录/)).toBeVisible();
  await expect(banner).toBeHidden();

  await page.keyboard.press('Alt+6');
  await page.getByTestId('float-table').getByLabel('100 元', { exact: true }).fill('5');
  await page.getByRole('button', { name: '确认开班' }).click();
  await expect(page.getByText('已开班，可以收费了。')).toBeVisible();
});
