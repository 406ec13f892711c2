import type { Page } from '@playwright/test';
import { ADMIN, shot, signIn } from './helpers/app';
import { CLERK, expect, test } from './helpers/fixtures';
import { api, type Host } from './helpers/host';

/**
 * 访客与放行 at the counter, the details: a check-in from an appointment needs no retyping (the core fills in
 * the name and phone it holds, the screen never sees them whole); the plate's example fits its field in English;
 * the removal pass form fits a 1024×768 screen with its main action in view; a room that owes fees shows the
 * total and the months, and the pass is issued only after the receptionist confirms it.
 */
test.use({ actionTimeout: 15_000 });

async function roomId(h: Host, code: string): Promise<number> {
  const r = await api<{ items: Array<{ roomId: number; roomCode: string }> }>(h, 'roster.search', { q: code });
  const hit = r.items.find((i) => i.roomCode === code);
  if (!hit) throw new Error(`no room ${code}`);
  return hit.roomId;
}

async function openArea(page: Page, h: Host, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await page.goto(h.url);
  await signIn(page, CLERK.username, CLERK.password);
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.keyboard.press('Alt+V');
  await expect(page.locator('[name="visitorName"]')).toBeFocused();
}

/** The placeholder's text, in the field's own font, fits the field's content box. */
async function placeholderFits(page: Page, selector: string): Promise<{ text: string; need: number; room: number }> {
  return page.locator(selector).evaluate((el) => {
    const input = el as HTMLInputElement;
    const s = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    return { text: input.placeholder, need: Math.ceil(ctx.measureText(input.placeholder).width), room };
  });
}

test('check-in from an appointment: the name and phone come from the appointment, nothing retyped, shown masked only', async ({ page, prepared: h }, info) => {
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  await api(h, 'visitors.appointments.create', {
    visitorName: '周杰伦',
    phone: '13811112222',
    roomId: await roomId(h, '1-1-201'),
    date: today,
    partySize: 2,
    purpose: 'friend',
  });
  await api(h, 'auth.logout', {});
  await openArea(page, h);
  await page.getByRole('tab', { name: '预约' }).click();
  await page.getByRole('button', { name: '登记来访' }).first().click();
  const note = page.getByTestId('from-appointment');
  await expect(note).toContainText('周**');
  await expect(note).toContainText('138****2222');
  // the fields stay empty: left so, the appointment's details are used (said under each field)
  await expect(page.locator('[name="visitorName"]')).toHaveValue('');
  await expect(page.getByText('留空则用预约登记的 周**')).toBeVisible();
  await expect(page.getByText('留空则用预约登记的 138****2222')).toBeVisible();
  await page.locator('[name="docType"]').selectOption('none');
  await shot(page, info, 'visitors-appointment-checkin');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('visit-name')).toHaveText('周**');
  await expect(page.getByTestId('pass-result')).toContainText('138****2222');
  // nothing whole reached the screen
  await expect(page.locator('body')).not.toContainText('周杰伦');
  await expect(page.locator('body')).not.toContainText('13811112222');
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  test(`the plate's example fits its field in English at ${size.width}×${size.height}`, async ({ page, prepared: h }) => {
    await page.setViewportSize(size);
    await openArea(page, h, 'en');
    const checkIn = await placeholderFits(page, '.vis-checkin [name="plate"]');
    expect(checkIn.need, `"${checkIn.text}" needs ${checkIn.need} px, the field has ${checkIn.room}`).toBeLessThanOrEqual(checkIn.room);
    await page.getByRole('tab', { name: 'Removal passes' }).click();
    const removal = await placeholderFits(page, '.vis-removal-form [name="plate"]');
    expect(removal.need, `"${removal.text}" needs ${removal.need} px, the field has ${removal.room}`).toBeLessThanOrEqual(removal.room);
  });
}

test('removal pass at 1024×768: the form fits the screen with its main action in view; a room owing fees shows the total and the months and asks before the pass is issued', async ({
  page,
  prepared: h,
}, info) => {
  test.setTimeout(120_000);
  // the room's property fee billed monthly from three months ago: it owes those months and this one
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const property = await api<{ id: number }>(h, 'fees.items.save', {
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
  const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
  const [y, m] = now.split('-').map(Number) as [number, number];
  const since = new Date(Date.UTC(y, m - 1 - 3, 1)).toISOString().slice(0, 7);
  await api(h, 'receivables.items.save', { itemId: property.id, sinceMonth: since, vacancyApplies: false });
  const rid = await roomId(h, '1-1-201');
  await api(h, 'receivables.plan.save', { roomId: rid, itemId: property.id, startMonth: since });
  const dues = await api<{ totalFen: number }>(h, 'receivables.dues', { roomId: rid });
  expect(dues.totalFen).toBeGreaterThan(0);
  await api(h, 'auth.logout', {});

  await page.setViewportSize({ width: 1024, height: 768 });
  await openArea(page, h);
  await page.getByRole('tab', { name: '搬运证' }).click();
  const room = page.locator('[name="room-search"]');
  await room.fill('1-1-201');
  await room.press('Enter');
  const owed = page.getByTestId('room-owed');
  await expect(owed).toHaveText(/^欠费 ￥[\d,]+\.\d{2}（4 个月）$/);
  // a tenant, with the owner's consent by phone: the longest form there is
  await page.getByText('租户', { exact: true }).click();
  await page.locator('[name="applicantName"]').fill('陈静');
  await page.getByRole('button', { name: '+ 家具' }).click();
  await page.getByRole('button', { name: '+ 纸箱' }).click();
  await page.getByText('电话确认业主同意', { exact: true }).click();
  await page.locator('[name="consentPhone"]').fill('13600136004');
  await page.locator('[name="windowFrom"]').fill('00:00');
  await page.locator('[name="windowTo"]').fill('23:59');
  await page.evaluate(() => window.scrollTo(0, 0));
  const fit = await page.evaluate(() => {
    const form = document.querySelector('.vis-removal-form') as HTMLElement;
    const submit = form.querySelector('button[type=submit]') as HTMLElement;
    const bar = document.querySelector('.statusbar') as HTMLElement;
    return {
      formBottom: Math.round(form.getBoundingClientRect().bottom),
      submitBottom: Math.round(submit.getBoundingClientRect().bottom),
      visible: window.innerHeight - bar.getBoundingClientRect().height,
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
  await shot(page, info, 'visitors-removal-1024');
  expect(fit.formBottom, 'the whole form is on the screen, above the status bar').toBeLessThanOrEqual(fit.visible);
  expect(fit.submitBottom).toBeLessThanOrEqual(fit.visible);
  expect(fit.sideways).toBe(false);

  // F9: the unpaid fees are said once more and the receptionist decides; cancel issues nothing
  await page.keyboard.press('F9');
  const ask = page.getByRole('alertdialog', { name: '1-1-201 有欠费' });
  await expect(ask).toContainText(/欠费 ￥[\d,]+\.\d{2}（4 个月）/);
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId('pass-result')).toHaveCount(0);
  await page.keyboard.press('F9');
  await page.getByRole('alertdialog').getByRole('button', { name: '已告知，继续开证' }).click();
  await expect(page.getByTestId('pass-result')).toContainText('1-1-201');
});
