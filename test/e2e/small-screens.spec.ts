import { ADMIN, signIn, shot } from './helpers/app';
import { expect, test } from './helpers/fixtures';
import { api } from './helpers/host';
import { AREAS, eachTab, stockTheCounter } from './helpers/screens';
import { COUNTER_SIZES, expectInView, expectNoSideways } from './helpers/viewport';

/**
 * The counter on the monitors lobby PCs really have: the main flows at 1024×768, 1280×720, 1366×768 and
 * 1920×1080 at 125 % (1536×864 CSS pixels at a device scale of 1.25), each main
 * action and the figures it depends on in view without scrolling, the page never scrolling sideways, the
 * status bar one line; and every screen at 1024×768 in English as screenshots (test-results/screenshots).
 */
test.use({ actionTimeout: 15_000 });

for (const size of COUNTER_SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });

    test(`main flows at ${size.name}: payment, key, repair, parcel, handover in view`, async ({ page, prepared }, info) => {
      test.setTimeout(240_000);
      await stockTheCounter(prepared);
      await page.goto(prepared.url);
      await signIn(page, ADMIN.username, ADMIN.password);
      await api(prepared, 'cash.open', { count: { '10000': 5 } });
      const bar = page.getByRole('contentinfo');
      expect((await bar.boundingBox())?.height ?? 99, 'status bar on one line').toBeLessThan(48);

      // collect a payment: 应收, 实收, 找零 and 确认收款 on screen together
      await page.keyboard.press('Alt+5');
      const room = page.locator('[name="room-search"]');
      await expect(room).toBeFocused();
      await room.pressSequentially('1-1-201', { delay: 30 });
      await expect(page.getByRole('option').filter({ hasText: '刘洋' })).toBeVisible();
      await room.press('Enter');
      const item = page.locator('[name="item-filter"]');
      await item.fill('wyf');
      await item.press('Enter');
      await page.locator('[name="line-months"]').fill('3');
      await expect(page.getByTestId('total')).toContainText('767.25');
      await page.locator('[name="received"]').fill('800');
      await expect(page.getByTestId('change')).toContainText('32.75');
      await expectInView(page, {
        应收: page.getByTestId('total'),
        实收: page.locator('[name="received"]'),
        找零: page.getByTestId('change'),
        确认收款: page.getByRole('button', { name: /确认收款/ }),
      });
      await expectNoSideways(page, 'fees collect');
      await shot(page, info, `small-${size.name}-fees-collect`);
      await page.keyboard.press('F9');
      await expect(page.getByText('收款成功，收据已开出。')).toBeVisible();
      await expectInView(page, { 找零: page.getByTestId('posted-change'), 收据号: page.getByTestId('receipt-no') });
      await expectNoSideways(page, 'fees posted');
      await shot(page, info, `small-${size.name}-fees-posted`);
      await page.keyboard.press('Escape');

      // lend a key: the dialog fits, 取消 and 确认借出 visible
      await page.keyboard.press('Alt+3');
      const keyRow = page.locator('tr[data-key-tag="K-0001"]');
      await keyRow.getByRole('button', { name: '借出' }).click();
      const lend = page.getByRole('dialog', { name: /借出钥匙 K-0001/ });
      await expect(lend).toBeVisible();
      await expectInView(
        page,
        { 取消: lend.getByRole('button', { name: /取消/ }), 确认借出: lend.getByRole('button', { name: '确认借出' }) },
        { dialog: true },
      );
      await shot(page, info, `small-${size.name}-keys-lend`);
      await lend.getByLabel('借用人姓名').fill('王建军');
      await lend.getByLabel('联系电话').fill('13912345678');
      await lend.getByLabel('已核验证件').fill('身份证 110101199003071234');
      await lend.getByRole('button', { name: '2 小时后' }).click();
      await lend.getByRole('button', { name: '确认借出' }).click();
      await expect(page.getByText(/已借出 K-0001，应还/)).toBeVisible();
      await expectNoSideways(page, 'keys');

      // log a repair: the open queue with its dispatch clock in view under the form
      await page.keyboard.press('Alt+9');
      await page.getByText('报修', { exact: true }).click();
      const svcRoom = page.getByRole('combobox', { name: /房号/ });
      await svcRoom.fill('1-1-201');
      await expect(page.getByRole('option').filter({ hasText: '刘洋' })).toBeVisible();
      await svcRoom.press('Enter');
      await page.getByLabel('问题描述').fill('卫生间漏水');
      await page.getByRole('button', { name: '登记', exact: true }).click();
      await expect(page.getByText(/已登记 #\d+/)).toBeVisible();
      const svcRow = page.getByTestId('svc-open').locator('tbody tr').first();
      await expectInView(page, { 派工时钟: svcRow.getByTestId('svc-clock'), 处理: svcRow.getByRole('button', { name: /处理/ }) });
      await expectNoSideways(page, 'service');
      await shot(page, info, `small-${size.name}-service-open`);
      await svcRow.getByRole('button', { name: /处理/ }).click();
      const req = page.getByRole('dialog');
      await req.getByLabel('派工部门').selectOption('工程部');
      await expectInView(page, { 派工: req.getByRole('button', { name: '派工', exact: true }) }, { dialog: true });
      await req.getByRole('button', { name: '派工', exact: true }).click();
      await expect(req.getByRole('button', { name: '开始处理' })).toBeVisible();
      await shot(page, info, `small-${size.name}-service-dispatched`);
      await page.keyboard.press('Escape');

      // a parcel in, then out: the pickup code after saving, the pickup list and 确认取件
      await page.keyboard.press('Alt+7');
      const scanField = page.locator('[name="scan"]');
      await expect(scanField).toBeFocused();
      await page.keyboard.type('SF1234567890123', { delay: 10 });
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('current-waybill')).toHaveText('SF1234567890123');
      const recipient = page.locator('[name="recipient-search"]');
      await expect(recipient).toBeFocused();
      await recipient.pressSequentially('1-1-201', { delay: 120 });
      await expect(page.getByRole('option').filter({ hasText: '刘*' })).toBeVisible();
      await recipient.press('Enter');
      await expect(page.locator('[name="slot"]')).toBeFocused();
      await expectInView(page, { 保存入库: page.getByRole('button', { name: /保存入库/ }), 待处理: page.getByTestId('queue-count') });
      await shot(page, info, `small-${size.name}-parcels-intake`);
      await page.keyboard.press('F9');
      await expectInView(page, { 取件码: page.getByTestId('pickup-code') });
      const code = (await page.getByTestId('pickup-code').innerText()).replace(/\s/g, '');
      await expectNoSideways(page, 'parcels intake');
      await page.getByRole('tab', { name: '出库取件' }).click();
      const lookup = page.locator('[name="pickup-lookup"]');
      await lookup.fill(code);
      await lookup.press('Enter');
      await expect(page.getByTestId('pickup-table')).toContainText('SF1234567890123');
      await expectInView(page, { 取件列表: page.getByTestId('pickup-table'), 确认取件: page.getByRole('button', { name: /确认取件/ }) });
      await expectNoSideways(page, 'parcels pickup');
      await shot(page, info, `small-${size.name}-parcels-pickup`);
      await page.keyboard.press('F9');
      await expect(page.getByText(/已取件 1 件/)).toBeVisible();

      // hand over: the summary's cash figures and 交班 in view
      await page.keyboard.press('Alt+8');
      await expect(page.getByTestId('ho-summary')).toBeVisible();
      await expectInView(page, { 交班: page.getByRole('button', { name: '交班', exact: true }) });
      await expectNoSideways(page, 'handover');
      await shot(page, info, `small-${size.name}-handover`);
      await page.getByRole('button', { name: '交班', exact: true }).click();
      await expect(page.getByText('已交班：请接班同事登录后确认。')).toBeVisible();

      // cash: the session list of the day does not push the page sideways
      await page.keyboard.press('Alt+6');
      await page.getByRole('tab', { name: '班次记录' }).click();
      await expectNoSideways(page, 'cash sessions');
      await shot(page, info, `small-${size.name}-cash-sessions`);
    });
  });
}

test.describe('screenshots', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  test('every screen and tab at 1024×768 in English: one-line status bar, nothing sideways', async ({ page, prepared }, info) => {
    test.setTimeout(300_000);
    await stockTheCounter(prepared);
    await page.goto(prepared.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    await api(prepared, 'cash.open', { count: { '10000': 5 } });
    await page.getByRole('button', { name: 'English' }).click();
    const problems: string[] = [];
    for (const area of AREAS) {
      await page.keyboard.press(area.key);
      await page.waitForTimeout(300);
      await eachTab(page, async (tab) => {
        const screen = tab ? `${area.name}-${tab.replace(/[\\/:*?"<>| &]+/g, '_')}` : area.name;
        const m = await page.evaluate(() => {
          const s = document.scrollingElement;
          const bar = document.querySelector('.statusbar');
          const cw = s?.clientWidth ?? 0;
          // the innermost elements reaching past the window's right edge (what to fix when it scrolls sideways)
          const wide = Array.from(document.querySelectorAll('body *'))
            .filter((e) => e.getBoundingClientRect().right > cw + 1 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > cw + 1))
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')}`);
          return { sw: s?.scrollWidth ?? 0, cw, bar: bar ? bar.getBoundingClientRect().height : 0, wide };
        });
        if (m.sw > m.cw) problems.push(`${screen}: scrolls sideways ${m.sw} > ${m.cw} (${m.wide.join(', ')})`);
        if (m.bar > 48) problems.push(`${screen}: status bar ${m.bar}px high`);
        await shot(page, info, `small-1024-en-${screen}`);
      });
    }
    expect(problems).toEqual([]);
  });
});
