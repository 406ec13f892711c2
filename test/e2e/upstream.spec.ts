import { expect, test } from '@playwright/test';
import { startReceiver, type Receiver } from '../../scripts/upstream-dev/receiver';
import { ADMIN, setupThroughApi, shot, signIn } from './helpers/app';
import { startHost, type Host } from './helpers/host';

/**
 * 上报 in the browser host against the development receiver on a real socket. A fresh terminal has no
 * closed business day yet, so the host runs with its clock two days ahead (LOBBYDESK_TEST_CLOCK_OFFSET_MS,
 * honoured by the browser host only) for the setup day to be due.
 */
const SECRET = 'e2e-head-office-secret-0123456789';
const hosts: Host[] = [];
const receivers: Receiver[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  await Promise.all(receivers.map((r) => r.stop()));
});

test('settings → send now → history shows the day delivered; with the receiver down the status bar shows the backlog', async ({ page }, info) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver({ secret: SECRET, now: () => Date.now() });
  receivers.push(receiver);
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h);
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);

  await page.keyboard.press('Alt+0');
  await expect(page.getByRole('heading', { name: '上报', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: '上报设置' }).click();
  await expect(page.getByText('上报尚未启用')).toBeVisible();
  await page.getByLabel('启用每晚上报').check();
  await page.getByLabel('总部上报地址').fill(receiver.url);
  await page.getByLabel('密钥').fill(SECRET);
  await expect(page.getByLabel('终端编号')).toHaveValue('T01');
  await shot(page, info, 'upstream-01-settings');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('上报设置已保存。')).toBeVisible();
  await expect(page.getByText('密钥保护：本机密钥文件')).toBeVisible();

  // today is not over yet: nothing is due, and sending says so
  await page.getByRole('tab', { name: '上报记录' }).click();
  await page.getByRole('button', { name: '立即上报' }).click();
  await expect(page.getByText('已上报 0 天')).toBeVisible();
  expect(receiver.received.size).toBe(0);
  await expect(page.getByText('还没有需要上报的营业日')).toBeVisible();

  // two days later (the same store, the host's clock ahead): the setup day and the next are due
  await h.stop();
  const later = await startHost({ dataDir: h.dataDir, env: { LOBBYDESK_TEST_CLOCK_OFFSET_MS: String(2 * 86_400_000) } });
  hosts.push(later);
  receiver.now = () => Date.now() + 2 * 86_400_000;
  await page.goto(later.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+0');
  await page.getByRole('button', { name: '立即上报' }).click();
  const history = page.getByTestId('upstream-history');
  await expect(history.locator('tbody tr[data-state="delivered"]').first()).toBeVisible();
  const delivered = await history.locator('tbody tr[data-state="delivered"]').count();
  expect(delivered).toBeGreaterThanOrEqual(1);
  expect(receiver.received.size).toBe(delivered);
  await expect(history).toContainText('已送达');
  await expect(page.getByRole('contentinfo')).not.toContainText('从未上报');
  await shot(page, info, 'upstream-02-delivered');

  // head office down: a day that cannot be delivered waits, and the status bar shows the backlog
  receiver.faults.forceStatus = 503;
  await later.stop();
  const evenLater = await startHost({ dataDir: h.dataDir, env: { LOBBYDESK_TEST_CLOCK_OFFSET_MS: String(3 * 86_400_000) } });
  hosts.push(evenLater);
  receiver.now = () => Date.now() + 3 * 86_400_000;
  await page.goto(evenLater.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+0');
  await page.getByRole('button', { name: '立即上报' }).click();
  await expect(page.getByText(/等待重试 [1-9]/)).toBeVisible();
  await expect(history.locator('tbody tr[data-state="pending"]').first()).toContainText('503');
  await expect(page.getByRole('contentinfo')).toContainText(/待上报 [1-9] 份/, { timeout: 15_000 });
  await shot(page, info, 'upstream-03-backlog');
});
