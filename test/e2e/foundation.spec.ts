import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, PROPERTY, importThroughApi, setupThroughApi, shot, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';

const FIXTURE = path.resolve('test/fixtures/roster/sample-roster.csv');

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

test('first run → sign in → import the roster → find by pinyin initials → reveal a phone → sign out', async ({ page }, info) => {
  test.setTimeout(120_000);
  const h = await host();
  await page.goto(h.url);

  // first-run setup, no demo data
  await expect(page.getByRole('heading', { name: '首次使用：初始设置' })).toBeVisible();
  await page.getByLabel('物业 / 项目名称').fill(PROPERTY);
  await page.getByLabel('终端编号').fill('T01');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('再次输入密码').fill(ADMIN.password);
  await expect(page.getByLabel('生成演示数据（50,000 位住户，用于试用）')).not.toBeChecked();
  await shot(page, info, '01-setup');
  await page.getByRole('button', { name: '完成设置' }).click();

  // sign in
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible();
  await shot(page, info, '02-login');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: PROPERTY, level: 1 })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(`${ADMIN.displayName} · 管理员`);
  await expect(page.getByRole('contentinfo')).toContainText('从未上报');
  await shot(page, info, '03-home');

  // import the roster: its buildings do not exist yet, so let the import create them
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('combobox', { name: '查找住户' })).toBeFocused();
  await page.getByRole('button', { name: '导入名册' }).click();
  await expect(page.getByRole('heading', { name: '导入名册' })).toBeVisible();
  await expect(page.getByText('点「确认导入」之前不会写入任何数据')).toBeVisible();
  await page.getByLabel('名册文件').setInputFiles(FIXTURE);
  await page.getByLabel('自动新建文件中不存在的楼栋').check();
  await shot(page, info, '04-import-pick');
  await page.getByRole('button', { name: '检查文件' }).click();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.locator('.stat-new .stat-num')).toHaveText('30');
  await expect(summary.locator('.stat-error .stat-num')).toHaveText('0');
  await expect(page.getByText('将新建 3 个楼栋')).toBeVisible();
  await expect(page.locator('.import-rows tbody tr')).toHaveCount(30);
  await shot(page, info, '05-import-preview');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
  await expect(page.locator('.import-result .stat-new .stat-num')).toHaveText('30');
  await shot(page, info, '06-import-done');
  await page.getByRole('button', { name: '返回业主档案' }).click();

  // find 曾国华 by pinyin initials: 曾 as a surname reads zeng, so "zgh"
  const search = page.getByRole('combobox', { name: '查找住户' });
  await search.click();
  await search.pressSequentially('zgh', { delay: 120 });
  const hit = page.getByRole('option').filter({ hasText: '曾国华' });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('1-1-202');
  await expect(hit).toContainText('135****5606');
  await expect(hit).not.toContainText('13512345606');
  await shot(page, info, '07-roster-search');

  // ↑/↓ and Enter open the detail
  await search.press('Enter');
  const detail = page.locator('article.detail');
  await expect(detail.getByRole('heading', { name: '曾国华' })).toBeVisible();
  await expect(detail.getByTestId('phone-masked')).toHaveText('135****5606');
  await expect(detail).not.toContainText('13512345606');
  await shot(page, info, '08-resident-detail');

  // reveal with a reason
  await detail.getByRole('button', { name: '显示完整号码' }).click();
  const dialog = page.getByRole('dialog', { name: '显示完整号码' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('住户本人来电核实').check();
  await shot(page, info, '09-reveal-reason');
  await dialog.getByRole('button', { name: '显示号码' }).click();
  await expect(detail.getByTestId('phone-full')).toHaveText('13512345606');
  await expect(detail).toContainText('本次查看已记录到审计日志');
  await shot(page, info, '10-phone-revealed');

  // the reveal is on the audit chain, and the chain verifies
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
  await expect(detail).toHaveCount(0);
  // add an operator, make them supervisor, disable them
  const addForm = page.locator('form').filter({ has: page.getByRole('heading', { name: '添加操作员' }) });
  await addForm.getByLabel('用户名').fill('xiaozhang');
  await addForm.getByLabel('姓名').fill('张小红');
  await addForm.getByLabel('密码', { exact: true }).fill('Front#desk1');
  await addForm.getByLabel('再次输入密码').fill('Front#desk1');
  await addForm.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('status')).toContainText('已添加操作员 张小红');
  await page.getByLabel('张小红 的角色').selectOption('supervisor');
  await expect(page.getByRole('status')).toContainText('已修改 张小红 的角色');
  await page
    .getByRole('row', { name: /xiaozhang/ })
    .getByRole('button', { name: '停用' })
    .click();
  await expect(page.getByRole('row', { name: /xiaozhang/ })).toContainText('已停用');
  await shot(page, info, '11-settings-operators');
  await page.getByRole('tab', { name: '审计链' }).click();
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText(/审计链完好：共 \d+ 条记录/)).toBeVisible();
  await shot(page, info, '12-settings-audit');
  await page.getByRole('tab', { name: '备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/备份完成/)).toBeVisible();
  await shot(page, info, '13-settings-backups');
  await page.getByRole('tab', { name: '常规' }).click();
  await expect(page.getByLabel('物业 / 项目名称')).toHaveValue(PROPERTY);
  await shot(page, info, '14-settings-general');
  await page.getByRole('tab', { name: '修改密码' }).click();
  await shot(page, info, '15-settings-password');

  // buildings tab
  await page.keyboard.press('Alt+2');
  await page.getByRole('tab', { name: '楼栋' }).click();
  await expect(page.locator('.buildings tbody tr')).toHaveCount(3);
  await shot(page, info, '16-roster-buildings');

  // lock (Ctrl+L) and unlock
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await shot(page, info, '17-lock');
  await page.getByLabel('输入密码解锁').fill(ADMIN.password);
  await page.getByLabel('输入密码解锁').press('Enter');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '楼栋' })).toHaveAttribute('aria-selected', 'true');

  // sign out → login
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible();
  await expect(page.getByText('曾国华')).toHaveCount(0);
});

test('a wrong password says so in Chinese with the attempts left; a locked account is unlocked by a supervisor', async ({ page }, info) => {
  const h = await host();
  await setupThroughApi(h, {
    operators: [
      { username: 'xiaoli', displayName: '李小丽', role: 'receptionist', password: 'Front#desk1' },
      { username: 'zhuguan', displayName: '赵主管', role: 'supervisor', password: 'Super#visor1' },
    ],
  });
  await page.goto(h.url);
  await page.getByLabel('用户名', { exact: true }).fill('xiaoli');
  await page.getByLabel('密码', { exact: true }).fill('wrong-one');
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误：还可再试 4 次');
  await shot(page, info, '20-login-wrong-password');

  for (let i = 0; i < 4; i++) {
    await page.getByLabel('密码', { exact: true }).fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
  }
  await expect(page.getByRole('alert')).toContainText('账号已锁定');
  await shot(page, info, '23-login-account-locked');
  await page.getByRole('button', { name: '请主管解锁' }).click();
  const dialog = page.getByRole('dialog', { name: '主管审批：解锁账号' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('主管用户名').fill('zhuguan');
  await dialog.getByLabel('主管密码').fill('Super#visor1');
  await dialog.getByRole('button', { name: '主管已当面核实本人身份' }).click();
  await expect(dialog.getByLabel('原因（必填）')).toHaveValue('主管已当面核实本人身份');
  await shot(page, info, '21-supervisor-approval');
  await dialog.getByRole('button', { name: '审批通过' }).click();
  await expect(page.getByRole('status')).toContainText('账号「xiaoli」已由 赵主管 解锁');
  await shot(page, info, '22-login-unlocked');

  await signIn(page, 'xiaoli', 'Front#desk1');
  await expect(page.getByRole('contentinfo')).toContainText('李小丽 · 前台');
  // a receptionist sees no import button and only the password tab in settings
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('button', { name: '导入名册' })).toHaveCount(0);
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('tab')).toHaveText(['修改密码']);
});

test('keyboard: Alt+2 opens the roster, Alt+7 the parcels, Esc closes a dialog; English', async ({ page }, info) => {
  const h = await host();
  await setupThroughApi(h);
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);

  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: '业主档案', level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '查找住户' })).toBeFocused();
  await expect(page.getByText('房号 3-2-501 或 3栋2单元501、姓名、拼音首字母 zw、手机后四位')).toBeVisible();
  await shot(page, info, '30-roster-empty');

  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: '快递', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: '入库' })).toBeVisible();
  await expect(page.getByRole('button', { name: /快递/ })).toHaveAttribute('aria-current', 'page');
  await shot(page, info, '31-parcels');

  // "/" (not typing) and F2 jump to the search box
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: '查找住户' })).toBeFocused();
  await page.keyboard.press('Alt+3');
  await page.keyboard.press('F2');
  await expect(page.getByRole('combobox', { name: '查找住户' })).toBeFocused();

  // Esc closes a dialog
  await page.keyboard.press('Control+,');
  await page.getByRole('button', { name: '重设密码' }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // English
  await page.getByRole('button', { name: 'English' }).click();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Parcels', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Intake' })).toBeVisible();
  await shot(page, info, '32-english-parcels');
  await page.keyboard.press('Alt+2');
  await shot(page, info, '33-english-roster');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '业主档案', level: 1 })).toBeVisible();
});

test('a damaged database opens the recovery screen; restoring a backup brings back the sign-in', async ({ page }, info) => {
  const h = await host();
  await setupThroughApi(h);
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(h, 'system.backupNow', {});
  await api(h, 'auth.logout', {});
  await h.stop();

  const dbFile = path.join(h.dataDir, 'lobbydesk.sqlite');
  const fd = fs.openSync(dbFile, 'r+');
  fs.writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, 0);
  fs.closeSync(fd);

  const h2 = await host({ dataDir: h.dataDir });
  await page.goto(h2.url);
  await expect(page.getByRole('heading', { name: '数据库需要恢复' })).toBeVisible();
  await expect(page.getByText('完好', { exact: true })).toBeVisible();
  await shot(page, info, '40-recovery');
  await page.getByRole('button', { name: '恢复此备份' }).first().click();
  await expect(page.getByRole('alertdialog', { name: '确认恢复备份' })).toBeVisible();
  await shot(page, info, '41-recovery-confirm');
  await page.getByRole('alertdialog').getByRole('button', { name: '恢复此备份' }).click();
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible({ timeout: 20_000 });
  await signIn(page, ADMIN.username, ADMIN.password);
});

test('demo data: a real progress bar after setup, then 50,000 residents to search (1920×1080)', async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const h = await host();
  await page.goto(h.url);
  await page.getByLabel('物业 / 项目名称').fill('演示小区');
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('再次输入密码').fill(ADMIN.password);
  await page.getByLabel('生成演示数据（50,000 位住户，用于试用）').check();
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('heading', { name: '正在生成演示数据' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await shot(page, info, '50-demo-progress');
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible({ timeout: 90_000 });
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.locator('.stat-num').nth(2)).toHaveText('50,000');
  await shot(page, info, '51-home-demo-1920');
  await page.keyboard.press('F2');
  await page.keyboard.type('zw', { delay: 120 });
  await expect(page.getByRole('combobox', { name: '查找住户' })).toHaveValue('zw');
  await expect(page.getByRole('option').first()).toBeVisible();
  await expect(page.getByText(/显示前 50 位/)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option').nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator('article.detail')).toBeVisible();
  await shot(page, info, '52-roster-demo-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, info, '53-roster-demo-1366');
  // room formats: 3-2-501 and 3栋2单元501 find the same room
  const search = page.getByRole('combobox', { name: '查找住户' });
  await search.fill('3栋2单元501');
  await expect(page.getByRole('option').first()).toContainText('3-2-501');
});

test('a locked or lost session comes back to the same screen for the same operator', async ({ page }, info) => {
  const h = await host();
  await setupThroughApi(h);
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await importThroughApi(h, FIXTURE);
  await page.goto(h.url);
  await expect(page.getByRole('navigation', { name: '功能导航' })).toBeVisible();
  await page.keyboard.press('F2');
  await page.keyboard.type('3-2-501');
  await expect(page.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('article.detail').getByRole('heading', { name: '高嘉怡' })).toBeVisible();

  // locked elsewhere (idle limit in main): the next call answers LOCKED and the lock screen shows at once (the click
  // makes one; the search's own confirmation by main, asked once typing paused, may be that call already, and then
  // the shell is behind the lock screen before the click)
  await api(h, 'auth.lock', {});
  await page
    .getByRole('tab', { name: '楼栋' })
    .click({ timeout: 3_000 })
    .catch(() => undefined);
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible({ timeout: 3_000 });
  await expect(page.locator('.shell')).toHaveAttribute('aria-hidden', 'true');
  await page.getByLabel('输入密码解锁').fill(ADMIN.password);
  await page.getByLabel('输入密码解锁').press('Enter');
  await page.getByRole('tab', { name: '查找住户' }).click();
  await expect(page.getByRole('combobox', { name: '查找住户' })).toHaveValue('3-2-501');
  await expect(page.locator('article.detail').getByRole('heading', { name: '高嘉怡' })).toBeVisible();

  // session gone (signed out elsewhere): login, then the same operator is back where they were
  await api(h, 'auth.logout', {});
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('登录已结束')).toBeVisible();
  await shot(page, info, '34-session-ended');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.locator('article.detail').getByRole('heading', { name: '高嘉怡' })).toBeVisible();

  // the local service stops: say so, keep the screen
  await h.stop();
  await expect(page.getByRole('alert').filter({ hasText: '无法连接本机服务' })).toBeVisible({ timeout: 10_000 });
  await shot(page, info, '35-host-unreachable');
});

test('the screen locks itself after the idle minutes (page clock fast-forwarded)', async ({ page }) => {
  const h = await host();
  await setupThroughApi(h);
  await page.clock.install();
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+2');
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toHaveCount(0);
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await page.getByLabel('输入密码解锁').fill(ADMIN.password);
  await page.getByLabel('输入密码解锁').press('Enter');
  await expect(page.getByRole('heading', { name: '业主档案', level: 1 })).toBeVisible();
});
