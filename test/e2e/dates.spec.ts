import { ADMIN, signIn, shot } from './helpers/app';
import { expect, test } from './helpers/fixtures';
import { stockTheCounter } from './helpers/screens';

/**
 * A key's due time reads one way per language, in the field and after: 2026-12-07 18:00 in Chinese,
 * 7 Dec 2026 18:00 in English, whatever the PC's locale (this browser runs en-US); 12/07/2026 is refused.
 */
test.use({ actionTimeout: 15_000, locale: 'en-US' });

test('the due-time field writes and reads the app language, and refuses a day/month order that differs by country', async ({ page, prepared }, info) => {
  await stockTheCounter(prepared);
  await page.goto(prepared.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+3');
  await page.locator('tr[data-key-tag="K-0001"]').getByRole('button', { name: '借出' }).click();
  let dialog = page.getByRole('dialog', { name: /借出钥匙 K-0001/ });
  let due = dialog.locator('input[name="due"]');
  await dialog.getByRole('button', { name: '今天 18:00' }).click();
  await expect(due).toHaveValue(/^\d{4}-\d{2}-\d{2} 18:00$/);
  await expect(dialog.getByText('格式：2026-12-07 18:00')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('tr[data-key-tag="K-0001"]').getByRole('button', { name: 'Lend' }).click();
  dialog = page.getByRole('dialog', { name: /K-0001/ });
  due = dialog.locator('input[name="due"]');
  await dialog.getByRole('button', { name: /18:00/ }).first().click();
  await expect(due).toHaveValue(/^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 18:00$/);
  await expect(dialog.getByText('Format: 7 Dec 2026 18:00')).toBeVisible();
  // typed the way one country writes it: refused, never guessed
  await due.fill('12/07/2030 18:00');
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Not a date this form understands: write it as 7 Dec 2026 18:00')).toBeVisible();
  // a form it understands, written back in the one format when the field is left
  const later = new Date(Date.now() + 2 * 86_400_000);
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(later);
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const english = `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y} 09:30`;
  await dialog.getByLabel('Borrower’s name').fill('Wang Jianjun');
  await dialog.getByLabel('Identity checked').fill('Staff card 0123');
  // the core's refusal reads in English too
  const far = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + 40 * 86_400_000),
  );
  await due.fill(`${far} 09:30`);
  await dialog.getByRole('button', { name: 'Lend', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A key is lent for 30 days at most: register it again when it is due.');
  await due.fill(`${y}/${m}/${d} 9:30`);
  await due.blur();
  await expect(due).toHaveValue(english);
  await shot(page, info, 'dates-lend-en');
  await dialog.getByRole('button', { name: 'Lend', exact: true }).click();
  await expect(page.getByText(`Key K-0001 lent, due ${english}.`)).toBeVisible();
});

test('the calendar pop-up follows the app language and works from the keyboard alone', async ({ page, prepared }, info) => {
  await stockTheCounter(prepared);
  await page.goto(prepared.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+3');
  await page.locator('tr[data-key-tag="K-0001"]').getByRole('button', { name: '借出' }).click();
  let dialog = page.getByRole('dialog', { name: /借出钥匙 K-0001/ });
  let due = dialog.locator('input[name="due"]');
  await dialog.getByRole('button', { name: '今天 18:00' }).click();
  const picked = await due.inputValue(); // 2026-12-07 18:00: today, in Chinese
  const today = picked.slice(0, 10);
  // from the field: Alt+↓ opens the calendar (the hint under the field says so)
  await expect(dialog.getByText('Alt+↓ 日历')).toBeVisible();
  await due.focus();
  await page.keyboard.press('Alt+ArrowDown');
  let cal = page.getByRole('dialog', { name: /^\d{4}年\d{1,2}月$/ });
  await expect(cal).toBeVisible();
  await expect(cal.getByRole('columnheader')).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
  // the selected day has the focus; the arrows move a day, PageDown a month
  await expect(cal.locator('[role=gridcell]:focus')).toHaveAttribute('data-day', today);
  await page.keyboard.press('ArrowRight');
  const next = await cal.locator('[role=gridcell]:focus').getAttribute('data-day');
  expect(next).not.toBe(today);
  expect(Date.parse(`${next}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)).toBe(86_400_000);
  const title = await cal.locator('strong').textContent();
  await page.keyboard.press('PageDown');
  await expect(cal.locator('strong')).not.toHaveText(title ?? '');
  await page.keyboard.press('PageUp');
  await expect(cal.locator('strong')).toHaveText(title ?? '');
  await shot(page, info, 'dates-calendar-zh');
  // Enter picks: the field gets that day with the time it had, the calendar closes, the dialog stays
  await page.keyboard.press('Enter');
  await expect(cal).toHaveCount(0);
  await expect(due).toHaveValue(`${next} 18:00`);
  await expect(due).toBeFocused();
  // Esc closes the calendar only, and the focus goes back to the field (the mouse opens it with the button)
  await dialog.getByTitle('选择日期（Alt+↓）').click();
  await expect(cal).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(cal).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(due).toBeFocused();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('tr[data-key-tag="K-0001"]').getByRole('button', { name: 'Lend' }).click();
  dialog = page.getByRole('dialog', { name: /K-0001/ });
  due = dialog.locator('input[name="due"]');
  const time = (await due.inputValue()).slice(-5); // the time the dialog suggests, kept when a day is picked
  await dialog.getByTitle('Choose a date (Alt+↓)').click();
  cal = page.getByRole('dialog', { name: /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/ });
  await expect(cal).toBeVisible();
  await expect(cal.getByRole('columnheader')).toHaveText(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
  await expect(cal.getByText('Arrows move a day, PageUp/PageDown a month, Enter picks, Esc closes')).toBeVisible();
  await shot(page, info, 'dates-calendar-en');
  // a click picks too: the field writes it in English, with the time it had
  await page.keyboard.press('ArrowDown');
  const day = (await cal.locator('[role=gridcell]:focus').getAttribute('data-day')) ?? '';
  await cal.locator(`[data-day="${day}"]`).click();
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const en = `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y} ${time}`;
  await expect(due).toHaveValue(en);
});
