import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, setupThroughApi, shot, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';
import { rosterRows } from '../support/xlsx';

/** The roster import screen: row problems before anything is written, and an import cut off mid-commit. */
const BAD_ROWS = path.resolve('test/fixtures/roster/bad-rows.csv');

let hosts: Host[] = [];
async function host(opts: { dataDir?: string } = {}): Promise<Host> {
  const h = await startHost(opts);
  hosts.push(h);
  return h;
}

test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

test('an import with bad rows lists every problem, and skips them only after a confirm', async ({ page }, info) => {
  const h = await host();
  await setupThroughApi(h);
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: '导入名册' }).click();
  await page.getByLabel('名册文件').setInputFiles(BAD_ROWS);
  await page.getByRole('button', { name: '检查文件' }).click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  // building 1 does not exist yet: every row is refused, and the screen offers to check again creating it
  await expect(page.getByText('没有可以导入的行。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await shot(page, info, '59-import-unknown-building');
  await page.getByRole('button', { name: '自动新建楼栋并重新检查' }).click();
  await expect(page.getByText(/将新建 \d+ 个楼栋/)).toBeVisible({ timeout: 30_000 });
  const errors = Number(await summary.locator('.stat-error .stat-num').textContent());
  expect(errors).toBeGreaterThan(0);
  await expect(page.locator('table.issues tbody tr').first()).toBeVisible();
  await expect(page.getByText(`有 ${errors} 行有错误，导入时将跳过这些行`)).toBeVisible();
  await shot(page, info, '60-import-bad-rows');
  await page.getByRole('button', { name: '确认导入' }).click();
  const confirm = page.getByRole('alertdialog', { name: '跳过有错误的行？' });
  await expect(confirm).toContainText(`有 ${errors} 行有错误，将被跳过`);
  await shot(page, info, '61-import-confirm-skip');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('button', { name: '跳过错误行并导入' }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
  await expect(page.locator('.import-result .stat-error .stat-num')).toHaveText(String(errors));
  await shot(page, info, '62-import-done-skipped');
});

test('a roster import cut off by a kill: the import screen says so, shows the writing, and the same file completes it', async ({ page }, info) => {
  test.setTimeout(240_000);
  const h = await host();
  await setupThroughApi(h);
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const file = path.join(h.dataDir, '全体住户.csv');
  fs.writeFileSync(file, [...rosterRows(20_000)].map((r) => r.join(',')).join('\r\n') + '\r\n');
  const { jobId } = await api<{ jobId: string }>(h, 'roster.import.start', {
    fileName: '全体住户.csv',
    data: fs.readFileSync(file).toString('base64'),
    createBuildings: true,
  });
  type Progress = { progress: { state: string; done: number } };
  while ((await api<Progress>(h, 'roster.import.status', { jobId })).progress.state === 'running') await new Promise((r) => setTimeout(r, 100));
  // confirm, and kill the host as soon as the first rows are in (the confirm's reply never comes)
  const commit = api(h, 'roster.import.commit', { jobId, skipErrors: false }).catch(() => undefined);
  for (;;) {
    const s = await api<Progress>(h, 'roster.import.status', { jobId });
    expect(s.progress.state).toBe('running');
    if (s.progress.done > 0) break;
  }
  await h.kill();
  await commit;

  const again = await host({ dataDir: h.dataDir });
  await page.goto(again.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: '导入名册' }).click();
  const warning = page.getByTestId('import-unfinished');
  await expect(warning).toContainText('上次导入「全体住户.csv」');
  await expect(warning).toContainText(`${ADMIN.displayName} 确认）没有完成：只写入了`);
  await expect(warning).toContainText('/ 20,000 行');
  const written = Number((/只写入了 ([\d,]+) \//.exec((await warning.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''));
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(20_000);
  await shot(page, info, '63-import-unfinished');

  await page.getByLabel('名册文件').setInputFiles(file);
  await page.getByLabel('自动新建文件中不存在的楼栋').check();
  await page.getByRole('button', { name: '检查文件' }).click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary.locator('.stat-unchanged .stat-num')).toHaveText(written.toLocaleString('zh-CN'));
  await expect(summary.locator('.stat-new .stat-num')).toHaveText((20_000 - written).toLocaleString('zh-CN'));
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('progressbar', { name: '正在写入名册' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.import-result .stat-new .stat-num')).toHaveText((20_000 - written).toLocaleString('zh-CN'));
  expect(await api<{ residents: number }>(again, 'roster.stats')).toMatchObject({ residents: 20_000 });
  await page.getByRole('button', { name: '再导入一个文件' }).click();
  await expect(page.getByLabel('名册文件')).toBeVisible();
  await expect(page.getByTestId('import-unfinished')).toHaveCount(0);
});
