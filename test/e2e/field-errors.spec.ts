import { expect, test } from '@playwright/test';
import { setupThroughApi } from './helpers/app';
import { startHost, type Host } from './helpers/host';

/**
 * An input the core refuses is named by its label in the screen's language: Chinese on a zh-CN screen
 * (from the core's message), English in English mode (from params.field), never the contract's key.
 */
let hosts: Host[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

test('a refused field is named in Chinese, and in English in English mode', async ({ page }) => {
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h);
  await page.goto(h.url);
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible();

  // a username with a space is refused by the core's contract
  await page.getByLabel('用户名', { exact: true }).fill('wang jianguo');
  await page.getByLabel('密码', { exact: true }).fill('whatever-1');
  await page.getByLabel('密码', { exact: true }).press('Enter');
  const error = page.getByRole('alert');
  await expect(error).toHaveText('输入无效 — 用户名：用户名只能包含字母、数字、下划线、点和短横线');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Password', { exact: true }).fill('whatever-1');
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(error).toContainText('Check the field “username”.');
  // the core's reason comes through in English too, with no Chinese left
  await expect(error).toContainText('A username has only letters, digits, underscores, dots and dashes');
  await expect(error).not.toHaveText(/[\u3400-\u9fff]/);
});
