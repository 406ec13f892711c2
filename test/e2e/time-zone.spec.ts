import { expect, test } from '@playwright/test';
import { ADMIN, setupThroughApi, shot, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';

/**
 * A counter PC set to another time zone than the property's (here New York, both the browser and the host process):
 * the screen clock, the time pickers and what is saved all follow the property's clock (Asia/Shanghai by default),
 * so what the screen says matches the printed slips.
 */
test.use({ timezoneId: 'America/New_York', actionTimeout: 15_000 });

let hosts: Host[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

const shanghai = (at: Date, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', ...opts }).format(at);

test("the status bar clock and a key's due time are on the property's clock, not the PC's", async ({ page }, info) => {
  test.setTimeout(90_000);
  const h = await startHost({ env: { TZ: 'America/New_York' } });
  hosts.push(h);
  await setupThroughApi(h);
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(h, 'keys.save', { kind: 'public', label: '1栋屋顶', roomId: null, hook: 'B-03' });
  await api(h, 'auth.logout', {});

  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  // the PC's own clock is 13 hours behind: the status bar must show Shanghai's hour and minute
  const before = new Date();
  const clock = (await page.locator('.sb-clock').innerText()).slice(0, 5);
  const after = new Date(before.getTime() + 60_000);
  expect([shanghai(before, { hour: '2-digit', minute: '2-digit' }), shanghai(after, { hour: '2-digit', minute: '2-digit' })]).toContain(clock);
  expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBe(300); // the browser really is on New York time

  // lend the key until "tomorrow 12:00" (always ahead, whatever the hour of the run): tomorrow and 12:00 on the
  // property's clock
  await page.keyboard.press('Alt+3');
  const row = page.locator('tr[data-key-tag="K-0001"]');
  await row.getByRole('button', { name: '借出' }).click();
  const dialog = page.getByRole('dialog', { name: '借出钥匙 K-0001' });
  await dialog.getByLabel('借用人姓名').fill('王建军');
  await dialog.getByLabel('已核验证件').fill('工作证 0123');
  await dialog.getByRole('button', { name: '明天 12:00' }).click();
  const today = shanghai(new Date(), { year: 'numeric', month: '2-digit', day: '2-digit' });
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await expect(dialog.locator('input[name="due"]')).toHaveValue(`${tomorrow} 12:00`);
  await shot(page, info, 'tz-01-lend-dialog');
  await dialog.getByRole('button', { name: '确认借出' }).click();
  await expect(page.getByText(/已借出 K-0001，应还/)).toBeVisible();
  await expect(page.getByText(/已借出 K-0001，应还/)).toContainText('12:00');

  // what was saved is 12:00 in Shanghai (04:00 UTC), not 12:00 in New York (17:00 UTC)
  const keys = await api<Array<{ tag: string; loan: { dueAt: string } | null }>>(h, 'keys.list', {});
  expect(keys.find((k) => k.tag === 'K-0001')?.loan?.dueAt).toBe(new Date(`${tomorrow}T04:00:00Z`).toISOString());
});
