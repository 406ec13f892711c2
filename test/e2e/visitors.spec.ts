import type { Page } from '@playwright/test';
import { decodeEscPos } from '../devices/escpos-decode';
import { FakeTcpPrinter } from '../devices/fake-tcp-printer';
import { ADMIN, shot, signIn } from './helpers/app';
import { CLERK, expect, SUPERVISOR, test } from './helpers/fixtures';
import { api, type Host } from './helpers/host';
import { KeyPipe, rng, scannerBurst } from './helpers/keys';
import { expectReachable, SIZES } from './helpers/sizes';

/**
 * 访客与放行 at the counter: a walk-up visitor checked in with a few keys, the pass printed on a receipt printer
 * on a real socket and read back from its bytes (the CODE128 carries the pass number), then scanned out at a
 * scanner's speed (3–10 ms a key, back to back) while a dialog is open; a visitor on the refusal list stopped and
 * let in by a supervisor; a returning visitor recognised. Each at the default size and at 1024×768.
 */

test.use({ actionTimeout: 15_000 });

type OnSite = { visits: number; visitors: { passNo: string; status: string }[] };

async function withPrinter(h: Host, printer: FakeTcpPrinter): Promise<void> {
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(h, 'printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: printer.port, statusCheck: true }, width: 80, kickDrawer: false });
  await api(h, 'auth.logout', {});
}

async function openCheckIn(page: Page, h: Host, user: { username: string; password: string }): Promise<void> {
  await page.goto(h.url);
  await signIn(page, user.username, user.password);
  await page.keyboard.press('Alt+V');
  await expect(page.getByRole('heading', { name: '访客与放行', level: 1 })).toBeVisible();
  await expect(page.locator('[name="visitorName"]')).toBeFocused();
}

/** Fills the walk-up form: name, phone, document last four, room from the roster, the resident phoned. */
async function fillVisitor(page: Page, v: { name: string; phone: string; doc4?: string; plate?: string; room: string; consentPhone?: string }): Promise<void> {
  await page.locator('[name="visitorName"]').fill(v.name);
  await page.locator('[name="phone"]').fill(v.phone);
  if (v.doc4) await page.locator('[name="docLast4"]').fill(v.doc4);
  else await page.locator('[name="docType"]').selectOption('none');
  if (v.plate) await page.locator('[name="plate"]').fill(v.plate);
  const room = page.locator('[name="room-search"]');
  await room.fill(v.room);
  await room.press('Enter');
  await expect(page.getByTestId('payer')).toContainText(v.room);
  await page.locator('[name="consentPhone"]').fill(v.consentPhone ?? '13600136004');
}

for (const size of SIZES) {
  test(`walk-up visitor → pass printed with its number as CODE128 → scanned out at scanner speed, two back to back while a dialog is open (${size.name})`, async ({
    page,
    prepared: h,
  }, info) => {
    test.setTimeout(120_000);
    if (size.viewport) await page.setViewportSize(size.viewport);
    const printer = await FakeTcpPrinter.start();
    try {
      await withPrinter(h, printer);
      await openCheckIn(page, h, CLERK);

      // the main action is in view before anything is typed
      await expectReachable(page, /登记并打印通行证/);

      // a malformed plate is refused as it is typed, with the format
      await page.locator('[name="plate"]').fill('ABC123');
      await expect(page.locator('.field-error')).toContainText('车牌号');
      await fillVisitor(page, { name: '王小明', phone: '13912340000', doc4: '1234', plate: '京A12345', room: '1-1-201' });
      await expect(page.locator('.field-error')).toHaveCount(0);
      // the phone shows masked once the cursor has left it
      await expect(page.locator('[name="phone"]')).toHaveValue('139****0000');
      await expectReachable(page, /登记并打印通行证/);
      await shot(page, info, `visitors-01-form-${size.name}`);
      await page.keyboard.press('F9');

      const result = page.getByTestId('pass-result');
      await expect(result).toBeVisible();
      const passNo = (await page.getByTestId('pass-no').innerText()).trim();
      expect(passNo).toMatch(/^T01-V\d+$/);
      await expect(page.getByTestId('visit-name')).toHaveText('王**');
      await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      await expect(page.getByTestId('pass-preview')).toBeVisible();
      await expect(page.getByRole('button', { name: /下一位/ })).toBeFocused();
      await shot(page, info, `visitors-02-pass-${size.name}`);

      // the printer's bytes: one pass, its barcode the pass number, the visitor masked
      const jobs = printer.jobs.map((j) => decodeEscPos(j)).filter((d) => d.text.some((l) => l.includes(passNo)));
      expect(jobs).toHaveLength(1);
      const printed = jobs[0]!;
      expect(printed.barcodes.map((b) => b.code128?.text)).toContain(passNo);
      expect(printed.text.join('\n')).toContain('王**');
      expect(printed.text.join('\n')).not.toContain('王小明');

      // a second visitor (Esc: next), then both passes scanned out back to back while the void dialog of the
      // second one is open with the cursor in its reason field
      await page.keyboard.press('Escape');
      await expect(page.locator('[name="visitorName"]')).toBeFocused();
      await fillVisitor(page, { name: '李大同', phone: '13712349999', room: '1-1-102', consentPhone: '13700137003' });
      await page.keyboard.press('F9');
      await expect(result).toBeVisible();
      const second = (await page.getByTestId('pass-no').innerText()).trim();
      expect(second).not.toBe(passNo);
      await page.getByRole('button', { name: '作废', exact: true }).click();
      const reason = page.getByRole('dialog').locator('[name="reason"]');
      await expect(reason).toBeFocused();

      const pipe = await KeyPipe.open(page);
      await pipe.send(scannerBurst([passNo, second], { start: Date.now() + 50, gapMs: 0, rand: rng(13) }));
      const log = page.getByTestId('scan-log');
      await expect(log.locator(`[data-pass="${passNo}"]`)).toHaveAttribute('data-state', 'out');
      await expect(log.locator(`[data-pass="${second}"]`)).toHaveAttribute('data-state', 'out');
      // nothing of the scans went into the dialog's field, and the dialog is still there
      await expect(reason).toHaveValue('');
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, info, `visitors-03-scanned-out-${size.name}`);
      await page.keyboard.press('Escape');

      // scanning the same pass again says it has left already
      await pipe.send(scannerBurst([passNo], { start: Date.now() + 50, gapMs: 0, rand: rng(14) }));
      await expect(log.locator('li').first()).toHaveAttribute('data-state', 'refused');
      await expect(log.locator('li').first()).toContainText('已于');
      // checked out, each once, through the API (signed in as the supervisor: the page shares the session)
      await api(h, 'auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password });
      const onSite = await api<OnSite>(h, 'visitors.onSite', {});
      expect(onSite.visits).toBe(0);
      const left = await api<{ passNo: string; checkoutMethod: string }[]>(h, 'visitors.search', { status: 'checked_out' });
      expect(left.map((v) => [v.passNo, v.checkoutMethod]).sort()).toEqual(
        [
          [passNo, 'scan'],
          [second, 'scan'],
        ].sort(),
      );
    } finally {
      await printer.stop().catch(() => undefined);
    }
  });

  test(`refused visitor stops with the reason; a supervisor's override lets them in; a returning visitor is pre-filled (${size.name})`, async ({
    page,
    prepared: h,
  }, info) => {
    test.setTimeout(120_000);
    if (size.viewport) await page.setViewportSize(size.viewport);
    await api(h, 'auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password });
    await api(h, 'visitors.refusals.save', { visitorName: '钱多多', phoneLast4: '8888', roomId: null, reason: '多次推销骚扰住户', untilDate: '2099-12-31' });
    await api(h, 'auth.logout', {});

    await openCheckIn(page, h, CLERK);
    await fillVisitor(page, { name: '钱多多', phone: '13800008888', room: '1-1-201' });
    await page.keyboard.press('F9');
    const stop = page.getByTestId('refused');
    await expect(stop).toContainText('拒绝来访');
    await expect(stop).toContainText('多次推销骚扰住户');
    await expect(page.getByRole('button', { name: /登记并打印通行证/ })).toBeDisabled();
    await shot(page, info, `visitors-04-refused-${size.name}`);

    // the override: a supervisor's own credentials and a reason
    await stop.getByRole('button', { name: '请主管审批放行' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[name="approver"]').fill(SUPERVISOR.username);
    await dialog.locator('[name="approver-password"]').fill(SUPERVISOR.password);
    await dialog.getByRole('button', { name: '住户当面同意放行' }).click();
    await dialog.locator('[name="approver-password"]').press('Enter');
    await expect(page.getByTestId('pass-result')).toBeVisible();
    await expect(page.getByTestId('pass-result')).toContainText(`拒绝名单放行：${SUPERVISOR.displayName} 审批`);
    await shot(page, info, `visitors-05-override-${size.name}`);

    // the same visitor comes back: recognised by name and phone last four, the last visit's details offered (F4)
    await page.keyboard.press('Escape');
    await page.locator('[name="visitorName"]').fill('钱多多');
    await page.locator('[name="phone"]').fill('13800008888');
    await page.locator('[name="phone"]').press('Tab');
    await expect(page.getByTestId('returning')).toContainText('来过 1 次');
    await page.keyboard.press('F4');
    await expect(page.getByTestId('payer')).toContainText('1-1-201');
    await shot(page, info, `visitors-06-returning-${size.name}`);
  });
}

test('English: every tab of 访客与放行 is complete in English (no Chinese left on screen)', async ({ page, prepared: h }, info) => {
  test.setTimeout(90_000);
  // pre-printed worker pass forms, so that the form register's tab is there too
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const s = await api<Record<string, unknown>>(h, 'visitors.settings.get', {});
  delete s.notice;
  await api(h, 'visitors.settings.save', { ...s, workerPassMode: 'forms' });
  await api(h, 'auth.logout', {});
  await page.goto(h.url);
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await page.getByRole('button', { name: 'English' }).click();
  await page.keyboard.press('Alt+V');
  await expect(page.getByRole('heading', { name: 'Visitors', level: 1 })).toBeVisible();
  const tabs = page.locator('main [role=tab]');
  const names = [
    'Check-in',
    'On site',
    'Appointments',
    'Worker passes',
    'Pass forms',
    'Removal passes',
    'Gate check',
    'Register',
    'Refusal list',
    'Visitor settings',
  ];
  await expect(tabs).toHaveText(names);
  for (let i = 0; i < names.length; i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(300);
    const text = await page.locator('main').evaluate((m) => {
      const parts = [m.textContent ?? ''];
      m.querySelectorAll('input, select').forEach((el) => parts.push((el as HTMLInputElement).placeholder ?? '', el.getAttribute('aria-label') ?? ''));
      return parts.join(' ');
    });
    // a plate example (京A12345) is a plate, not a word to translate
    const chinese = (text.match(/[\u3400-\u9fff\uff00-\uffef]+/g) ?? []).filter((w) => w !== '京');
    expect(chinese, `tab ${i}`).toEqual([]);
    await shot(page, info, `visitors-en-${i}`);
  }
});
