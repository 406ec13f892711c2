import type { Page } from '@playwright/test';
import { ADMIN, shot, signIn } from './helpers/app';
import { CLERK, SUPERVISOR, expect, test } from './helpers/fixtures';
import { api } from './helpers/host';
import { decodeEscPos } from '../devices/escpos-decode';
import { FakeTcpPrinter } from '../devices/fake-tcp-printer';

test.use({ actionTimeout: 15_000 });

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible();
}

/** Types the counts of a denomination table by the notes' names: { '100 元': 3, '5 角': 1 }. */
async function count(page: Page, table: string, counts: Record<string, number>): Promise<void> {
  for (const [face, n] of Object.entries(counts)) await page.getByTestId(`${table}-table`).getByLabel(face, { exact: true }).fill(String(n));
}

test('fee item → open session → collect a property fee in cash with change → preview → void with approval → close with a variance → slip → hand over', async ({
  page,
  prepared,
}, info) => {
  test.setTimeout(180_000);
  const h = prepared;
  await page.goto(h.url);

  // the admin adds the property fee: 2.50 yuan per m² per month
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Control+Comma');
  await page.getByRole('tab', { name: '收费项目' }).click();
  await expect(page.getByText('还没有收费项目。')).toBeVisible();
  await page.getByRole('button', { name: '添加收费项目' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('编号').fill('WYF');
  await dialog.getByLabel('名称').fill('物业费');
  await dialog.getByLabel('类别').selectOption({ label: '物业费' });
  await dialog.getByLabel('计费方式').selectOption({ label: '按面积每月' });
  await dialog.getByRole('textbox', { name: '单价（元/㎡·月）' }).fill('２.5');
  await shot(page, info, 'fees-01-item-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存「物业费」。')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'WYF' })).toContainText('2.50');
  await shot(page, info, 'fees-02-items');
  await signOut(page);

  // the receptionist cannot collect before opening a session
  await signIn(page, CLERK.username, CLERK.password);
  await page.keyboard.press('Alt+5');
  await expect(page.getByText('还没有开班，不能收费。')).toBeVisible();
  await page.getByRole('button', { name: /去备用金开班/ }).click();

  // open with a counted float of 500 yuan: 4 × 100 + 10 × 10
  await expect(page.getByRole('heading', { name: '开班：清点备用金' })).toBeVisible();
  await count(page, 'float', { '100 元': 4, '10 元': 10 });
  await expect(page.getByTestId('float-total')).toContainText('500.00');
  await shot(page, info, 'fees-03-open-session');
  await page.getByRole('button', { name: '确认开班' }).click();
  await expect(page.getByText('已开班，可以收费了。')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('已开班：李青');
  await page.keyboard.press('Alt+5');

  // collect: room 1-1-201 (102.30 m²) × 2.50 × 3 months = 767.25; the payer hands over 800
  const room = page.locator('[name="room-search"]');
  await expect(room).toBeFocused();
  await room.pressSequentially('1-1-201', { delay: 30 });
  await expect(page.getByRole('option').filter({ hasText: '刘洋' })).toBeVisible();
  await room.press('Enter');
  const item = page.locator('[name="item-filter"]');
  await expect(item).toBeFocused();
  await item.fill('wyf');
  await item.press('Enter');
  const months = page.locator('[name="line-months"]');
  await expect(months).toBeFocused();
  await months.fill('3');
  await expect(page.getByTestId('total')).toContainText('767.25');
  await expect(page.getByTestId('total-upper')).toContainText('柒佰陆拾柒元贰角伍分');
  const received = page.locator('[name="received"]');
  await received.fill('８00');
  await expect(page.getByTestId('change')).toContainText('32.75');
  await shot(page, info, 'fees-04-collect-change');

  // a typo is refused in Chinese before anything is posted
  await received.fill('80o');
  await expect(page.getByText('金额格式不对')).toBeVisible();
  await received.fill('800');
  await page.keyboard.press('F9');

  await expect(page.getByText('收款成功，收据已开出。')).toBeVisible();
  await expect(page.getByTestId('posted-change')).toContainText('32.75');
  const receiptNo = (await page.getByTestId('receipt-no').innerText()).trim();
  expect(receiptNo).toMatch(/^T01-\d{8}$/);
  // no printer configured: the preview shows the receipt as it would print
  await expect(page.getByRole('img', { name: new RegExp(`收据 ${receiptNo} 的预览`) })).toBeVisible();
  await shot(page, info, 'fees-05-posted-preview');

  // void it: the supervisor approves with their own password and a reason
  await page.getByRole('button', { name: '作废' }).click();
  const approval = page.getByRole('dialog');
  await expect(approval).toContainText(`作废收据 ${receiptNo}`);
  await approval.getByLabel('主管用户名').fill(SUPERVISOR.username);
  await approval.getByLabel('主管密码').fill('wrong-password');
  await approval.getByRole('group', { name: '常用原因' }).getByRole('button', { name: '金额录错' }).click();
  await expect(approval.getByRole('textbox', { name: /原因/ })).toHaveValue('金额录错');
  await approval.getByRole('button', { name: '审批' }).click();
  await expect(approval).toContainText('用户名或密码错误');
  await expect(approval.getByLabel('主管密码')).toHaveValue('');
  await approval.getByLabel('主管密码').fill(SUPERVISOR.password);
  await shot(page, info, 'fees-06-void-approval');
  await approval.getByRole('button', { name: '审批' }).click();
  await expect(page.getByText(new RegExp(`收据 ${receiptNo} 已作废`))).toBeVisible();
  await expect(page.getByText('已作废').first()).toBeVisible();
  await shot(page, info, 'fees-07-voided');

  // the void cannot be done twice: the button is gone
  await expect(page.getByRole('button', { name: '作废' })).toHaveCount(0);

  // a second payment that stays: parking-free walk-in paying the property fee again for 1 month, exact
  await page.keyboard.press('Escape');
  await expect(room).toBeFocused();
  await room.pressSequentially('1-1-201', { delay: 30 });
  await room.press('Enter');
  await item.fill('wyf');
  await item.press('Enter');
  await months.fill('1');
  await expect(page.getByTestId('total')).toContainText('255.75');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('change')).toContainText('0.00');
  await page.keyboard.press('F9');
  await expect(page.getByText('收款成功，收据已开出。')).toBeVisible();

  // close with a blind count: expected 500 + 255.75 = 755.75; counted 735.70, 20.05 short (the limit is 10)
  await page.keyboard.press('Alt+6');
  await expect(page.getByText('为了盲点，现金收入合计在结班点钞之后才显示。')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('755.75');
  await page.getByRole('button', { name: '结班点钞' }).click();
  await expect(page.getByRole('heading', { name: '结班：按面额盲点现金' })).toBeVisible();
  // 7 × 100 + 3 × 10 + 5 × 1 + 7 × 0.1 = 735.70
  await count(page, 'count', { '100 元': 7, '10 元': 3, '1 元': 5, '1 角': 7 });
  await expect(page.getByTestId('count-total')).toContainText('735.70');
  await page.getByRole('button', { name: '提交点钞结果' }).click();
  await expect(page.getByText('差异超过上限：需要主管审批，或重新点钞。')).toBeVisible();
  // the supervisor's approval opens at once; cancelling it leaves recount or ask again
  const v = page.getByRole('dialog');
  await expect(v).toContainText('主管审批：现金差异');
  await v.getByRole('button', { name: /取消/ }).click();
  await expect(v).toHaveCount(0);
  await shot(page, info, 'fees-08-variance');
  await page.getByRole('button', { name: '请主管审批' }).click();
  await v.getByLabel('主管用户名').fill(SUPERVISOR.username);
  await v.getByLabel('主管密码').fill(SUPERVISOR.password);
  await v.getByRole('textbox', { name: /原因/ }).fill('找零差错');
  await v.getByRole('button', { name: '审批' }).click();

  // the close slip: expected, counted, the variance, the receipt range, the void and the chain head
  const slip = page.getByTestId('close-slip');
  await expect(slip).toBeVisible();
  await expect(slip.getByTestId('slip-expected')).toContainText('755.75');
  await expect(slip.getByTestId('slip-counted')).toContainText('735.70');
  await expect(slip.getByTestId('slip-variance')).toHaveText('-￥20.05');
  await expect(slip).toContainText('短款');
  await expect(slip).toContainText(receiptNo);
  await expect(slip).toContainText('作废');
  await expect(slip).toContainText('审计链头');
  await shot(page, info, 'fees-09-close-slip');

  await page.getByLabel('财务接收人').fill('孙会计');
  await page.getByRole('button', { name: '确认交款' }).click();
  await expect(page.getByText('已交款给 孙会计。')).toBeVisible();
  await shot(page, info, 'fees-10-handed-over');

  // the day's receipts: the voided one struck through next to its void document, and the one that stands
  await page.keyboard.press('Alt+5');
  await page.getByRole('tab', { name: '收据' }).click();
  const rows = page.locator('.receipts-table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: receiptNo })).toContainText('已作废');
  await expect(rows.filter({ hasText: '作废单' })).toContainText('-￥767.25');
  await shot(page, info, 'fees-11-receipts');
});

test('printer on a real socket: settings → test page → paper out in the status bar → a receipt taken while it is off prints once when it is back, with the drawer kick', async ({
  page,
  prepared,
}, info) => {
  test.setTimeout(120_000);
  const printer = await FakeTcpPrinter.start();
  try {
    const h = prepared;
    await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await api(h, 'fees.items.save', {
      code: 'FY',
      name: '复印',
      category: 'service',
      rule: 'fixed',
      unitPriceFen: 50,
      unitLabel: '张',
      refundable: false,
      active: true,
      sort: 1,
    });
    await api(h, 'auth.logout', {});
    await page.goto(h.url);
    await signIn(page, ADMIN.username, ADMIN.password);

    // settings → printer: network, the fake's port, 80 mm, kick the drawer
    await page.keyboard.press('Control+Comma');
    await page.getByRole('tab', { name: '打印机' }).click();
    await page.getByText('网络（TCP）', { exact: true }).click();
    await page.getByLabel('打印机 IP 地址').fill('127.0.0.1');
    await page.getByLabel('端口').fill(String(printer.port));
    await page.getByLabel('现金收款后弹开钱箱').check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByTestId('printer-state')).toHaveText('正常');
    await page.getByRole('button', { name: '打印测试页' }).click();
    await expect(page.getByText('测试页已送打印。')).toBeVisible();
    await expect.poll(() => printer.jobs.length, { timeout: 15_000 }).toBe(1);
    expect(decodeEscPos(printer.jobs[0]!).text.join('\n')).toContain('测试');
    await shot(page, info, 'printer-01-settings');

    // paper out: the settings screen and the status bar say so
    printer.state = 'paper-out';
    await page.getByRole('button', { name: '刷新状态' }).click();
    await expect(page.getByTestId('printer-state')).toHaveText('缺纸');
    await expect(page.getByRole('contentinfo')).toContainText('缺纸', { timeout: 15_000 });
    await shot(page, info, 'printer-02-paper-out');

    // switched off: a walk-in pays for 3 copies in cash; the payment is taken, the receipt waits
    printer.state = 'normal';
    await printer.stop();
    await page.keyboard.press('Alt+6');
    await count(page, 'float', { '10 元': 20 });
    await page.getByRole('button', { name: '确认开班' }).click();
    await expect(page.getByText('已开班，可以收费了。')).toBeVisible();
    await page.keyboard.press('Alt+5');
    await page.getByRole('button', { name: '散客' }).click();
    const item = page.locator('[name="item-filter"]');
    await expect(item).toBeFocused();
    await item.fill('FY');
    await item.press('Enter');
    await page.locator('[name="line-quantity"]').fill('3');
    await expect(page.getByTestId('total')).toHaveText('￥1.50');
    await page.locator('[name="received"]').fill('2');
    await expect(page.getByTestId('change')).toHaveText('￥0.50');
    await page.keyboard.press('F9');
    await expect(page.getByText('收款成功，收据已开出。')).toBeVisible();
    const receiptNo = (await page.getByTestId('receipt-no').innerText()).trim();
    await expect(page.getByTestId('print-state')).not.toHaveAttribute('data-state', 'done');
    await shot(page, info, 'printer-03-waiting');

    // back on: the queue prints it once, by itself, with the drawer kick and the receipt number
    await printer.restart();
    await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const decoded = printer.jobs.map((j) => decodeEscPos(j));
    const receipts = decoded.filter((d) => d.text.some((l) => l.includes(receiptNo)));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.text.join('\n')).toContain('壹元伍角');
    expect(decoded.filter((d) => d.pulses.length > 0)).toHaveLength(1);
    expect(receipts[0]!.barcodes.length + receipts[0]!.qrData.length).toBeGreaterThan(0);
    await shot(page, info, 'printer-04-printed');
  } finally {
    await printer.stop().catch(() => undefined);
  }
});
