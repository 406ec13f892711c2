import type { Page } from '@playwright/test';
import { decodeEscPos } from '../devices/escpos-decode';
import { FakeTcpPrinter } from '../devices/fake-tcp-printer';
import { ADMIN, shot, signIn } from './helpers/app';
import { CLERK, expect, test } from './helpers/fixtures';
import { api, type Host } from './helpers/host';
import { KeyPipe, rng, scannerBurst } from './helpers/keys';
import { expectReachable, SIZES } from './helpers/sizes';

/**
 * 搬运证 and 放行核验: the counter issues a removal pass for a tenant (the owner's consent by phone, the room's
 * open matters shown first), it prints with its number as CODE128; the gate's guard (门岗) signs in, sees only
 * the gate check and the on-site list, scans the slip (放行), and a second scan is refused with when and by whom.
 * Each at the default size and at 1024×768.
 */

test.use({ actionTimeout: 15_000 });

const GUARD = { username: 'menwei', displayName: '刘守门', role: 'guard', password: 'Gate#guard2024' };

async function prepare(h: Host, printer: FakeTcpPrinter): Promise<void> {
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(h, 'operators.create', GUARD);
  await api(h, 'printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: printer.port, statusCheck: true }, width: 80, kickDrawer: false });
  await api(h, 'auth.logout', {});
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名', { exact: true })).toBeVisible();
}

for (const size of SIZES) {
  test(`removal pass for a tenant → owner's consent → printed → verified by the guard → a second check refused; the guard sees nothing else (${size.name})`, async ({
    page,
    prepared: h,
  }, info) => {
    test.setTimeout(150_000);
    if (size.viewport) await page.setViewportSize(size.viewport);
    const printer = await FakeTcpPrinter.start();
    try {
      await prepare(h, printer);
      await page.goto(h.url);
      await signIn(page, CLERK.username, CLERK.password);
      await page.keyboard.press('Alt+V');
      await page.getByRole('tab', { name: '搬运证' }).click();

      // the room first: its open matters are shown before anything is issued
      const room = page.locator('[name="room-search"]');
      await room.fill('1-1-201');
      await room.press('Enter');
      await expect(page.getByTestId('room-issues')).toContainText('1-1-201');
      await expect(page.locator('[name="applicantName"]')).toBeFocused();

      // a tenant: the owner's consent is asked for, here by phone
      await page.getByText('租户', { exact: true }).click();
      await expect(page.getByTestId('tenant-consent')).toBeVisible();
      await page.locator('[name="applicantName"]').fill('陈静');
      await page.getByRole('button', { name: '+ 家具' }).click();
      await page.getByRole('button', { name: '+ 纸箱' }).click();
      await page.getByRole('button', { name: '+ 纸箱' }).click();
      await expect(page.locator('[name="item-0"]')).toHaveValue('家具');
      await expect(page.locator('[name="qty-1"]')).toHaveValue('2');
      await page.locator('[name="movingCompany"]').fill('蚂蚁搬家');
      await page.locator('[name="plate"]').fill('京AD12345');
      await page.locator('[name="windowFrom"]').fill('00:00');
      await page.locator('[name="windowTo"]').fill('23:59');
      // phone confirmation without the number called is refused before anything is sent
      await page.getByText('电话确认业主同意', { exact: true }).click();
      await expectReachable(page, /开证并打印/);
      await page.keyboard.press('F9');
      await expect(page.getByText('电话确认：请填写拨打的住户电话。')).toBeVisible();
      await expect(page.locator('[name="consentPhone"]')).toBeFocused();
      await page.locator('[name="consentPhone"]').fill('13600136004');
      await shot(page, info, `guard-01-removal-form-${size.name}`);
      await page.keyboard.press('F9');

      const result = page.getByTestId('pass-result');
      await expect(result).toContainText('搬运证已开出：1-1-201');
      await expect(result).toContainText('电话确认业主同意');
      const passNo = (await page.getByTestId('pass-no').innerText()).trim();
      expect(passNo).toMatch(/^T01-R\d+$/);
      await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      await shot(page, info, `guard-02-removal-issued-${size.name}`);
      const slips = printer.jobs.map((j) => decodeEscPos(j)).filter((d) => d.text.some((l) => l.includes(passNo)));
      expect(slips).toHaveLength(1);
      expect(slips[0]!.barcodes.map((b) => b.code128?.text)).toContain(passNo);
      expect(slips[0]!.text.join('\n')).toContain('京AD12345');
      await signOut(page);

      // the guard: only 访客与放行, only the gate check and the on-site list
      await signIn(page, GUARD.username, GUARD.password);
      await expect(page.getByRole('heading', { name: '访客与放行', level: 1 })).toBeVisible();
      const nav = page.getByRole('navigation', { name: '功能导航' });
      // one area in the list (the menu's own collapse toggle is not an area)
      await expect(nav.getByRole('list').getByRole('button')).toHaveCount(1);
      await expect(page.locator('main [role=tab]')).toHaveText(['放行核验', '在场访客']);
      await expect(page.locator('[name="verify-pass"]')).toBeFocused();
      for (const key of ['Alt+1', 'Alt+2', 'Alt+5', 'Control+Comma', 'F2']) {
        await page.keyboard.press(key);
        await expect(page.locator('main')).toHaveAttribute('data-area', 'visitors');
      }
      await page.locator('[name="verify-pass"]').focus();

      // the slip scanned at the gate: 放行, and now used
      const pipe = await KeyPipe.open(page);
      await pipe.send(scannerBurst([passNo], { start: Date.now() + 50, gapMs: 0, rand: rng(7) }));
      const verdict = page.getByTestId('verdict');
      await expect(verdict).toHaveAttribute('data-result', 'ok');
      await expect(verdict).toContainText('放行');
      await expect(verdict).toContainText('京AD12345');
      await expect(page.locator('[name="verify-pass"]')).toHaveValue('');
      await shot(page, info, `guard-03-verified-${size.name}`);

      // scanned again: refused, saying when and by whom it was used
      await pipe.send(scannerBurst([passNo], { start: Date.now() + 50, gapMs: 0, rand: rng(8) }));
      await expect(verdict).toHaveAttribute('data-result', 'used');
      await expect(verdict).toContainText('已使用');
      await expect(page.getByTestId('verified-by')).toContainText(GUARD.displayName);
      // typed by hand, an unknown number is said plainly
      await page.locator('[name="verify-pass"]').fill('T01-R9999999');
      await page.locator('[name="verify-pass"]').press('Enter');
      await expect(verdict).toHaveAttribute('data-result', 'unknown');
      await shot(page, info, `guard-04-refused-${size.name}`);

      // the on-site list: read only
      await page.getByRole('tab', { name: '在场访客' }).click();
      await expect(page.getByText('现在没有在场访客。')).toBeVisible();
      await expect(page.getByRole('button', { name: /批量离开/ })).toHaveCount(0);
      await shot(page, info, `guard-05-onsite-${size.name}`);
    } finally {
      await printer.stop().catch(() => undefined);
    }
  });
}
