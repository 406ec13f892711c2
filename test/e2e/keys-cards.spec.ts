import { ADMIN, shot, signIn } from './helpers/app';
import { CLERK, SUPERVISOR, expect, test } from './helpers/fixtures';
import { api, startHost, type Host } from './helpers/host';

/**
 * 钥匙 and 门禁卡 end to end in the browser host. The overdue step restarts the host on the same store with its clock
 * 3 hours ahead (LOBBYDESK_TEST_CLOCK_OFFSET_MS, a browser-host-only test switch; the Electron app has none).
 */

test.use({ actionTimeout: 15_000 });

/** A host a test starts itself on the prepared store (the restart with the clock ahead); stopped after the test. */
let restarted: Host | null = null;
test.afterEach(async () => {
  await restarted?.stop();
  restarted = null;
});

async function roomId(h: Host, code: string): Promise<number> {
  const r = await api<{ items: Array<{ roomId: number; roomCode: string }> }>(h, 'roster.search', { q: code });
  const hit = r.items.find((x) => x.roomCode === code);
  if (!hit) throw new Error(`no room ${code}`);
  return hit.roomId;
}

/** The prepared counter with keys on the board, blank cards in stock, the reader in keyboard mode (the wedge field). */
async function withKeysAndCards(h: Host): Promise<Host> {
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(h, 'keys.save', { kind: 'vacant', label: '空置房入户门', roomId: await roomId(h, '1-1-102'), hook: 'A-01' });
  await api(h, 'keys.save', { kind: 'public', label: '1栋屋顶', roomId: null, hook: 'B-03' });
  await api(h, 'keys.save', { kind: 'trust', label: '业主托管钥匙', roomId: await roomId(h, '1-1-201'), hook: 'C-01' });
  await api(h, 'cardReader.settings.save', { kind: 'keyboard-wedge', format: 'auto' });
  // issuing takes a blank from stock: the counter has some
  await api(h, 'cards.stockMove', { cardType: 'access', kind: 'in', quantity: 20, reason: '采购入库' });
  await api(h, 'auth.logout', {});
  return h;
}

test('lend a vacant-unit key with purpose and due time → out → overdue after the due time → return', async ({ page, prepared }, info) => {
  test.setTimeout(120_000);
  const h = await withKeysAndCards(prepared);
  await page.goto(h.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: '钥匙' })).toBeVisible();
  const row = page.locator('tr[data-key-tag="K-0001"]');
  await expect(row).toContainText('空置房');
  await expect(row).toContainText('1-1-102');
  await expect(row).toContainText('在板');
  await shot(page, info, 'keys-01-board');

  await row.getByRole('button', { name: '借出' }).click();
  const dialog = page.getByRole('dialog', { name: '借出钥匙 K-0001' });
  await expect(dialog.getByLabel('施工方')).toBeChecked();
  await dialog.getByLabel('借用人姓名').fill('王建军');
  await dialog.getByLabel('联系电话').fill('13912345678');
  await dialog.getByLabel('单位').fill('美家装饰');
  await dialog.getByLabel('事由', { exact: true }).selectOption({ label: '装修' });
  await dialog.getByLabel('事由说明').fill('水电改造');
  await dialog.getByLabel('已核验证件').fill('身份证 110101199003071234');
  await dialog.getByRole('button', { name: '2 小时后' }).click();
  await shot(page, info, 'keys-02-lend-dialog');
  await dialog.getByRole('button', { name: '确认借出' }).click();
  await expect(page.getByText(/已借出 K-0001，应还/)).toBeVisible();
  await expect(row).toContainText('借出');
  await expect(row).toContainText('王**（施工方）');
  await expect(row).not.toContainText('王建军');
  await expect(row).not.toContainText('逾期');
  await shot(page, info, 'keys-03-out');

  // three hours later (the host restarted on the same store with its clock ahead)
  await h.stop();
  const later = (restarted = await startHost({ dataDir: h.dataDir, env: { LOBBYDESK_TEST_CLOCK_OFFSET_MS: String(3 * 3_600_000) } }));
  await page.goto(later.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.keyboard.press('Alt+3');
  await expect(page.getByText('1 把钥匙逾期未还')).toBeVisible();
  const overdueRow = page.locator('tr[data-key-tag="K-0001"]');
  await expect(overdueRow).toHaveClass(/row-overdue/);
  await expect(overdueRow).toContainText('逾期');
  await shot(page, info, 'keys-04-overdue-board');
  await page.getByRole('tab', { name: /逾期未还/ }).click();
  const loan = page.locator('tr[data-loan-tag="K-0001"]');
  await expect(loan).toContainText('王**');
  await expect(loan).toContainText('139****5678');
  await expect(loan).not.toContainText('110101199003071234');
  await shot(page, info, 'keys-05-overdue-list');

  await loan.getByRole('button', { name: '归还' }).click();
  const ret = page.getByRole('dialog', { name: '归还钥匙 K-0001' });
  await expect(ret.getByLabel('完好')).toBeChecked();
  await ret.getByRole('button', { name: '确认归还' }).click();
  await expect(page.getByText('钥匙 K-0001 已归还。')).toBeVisible();
  await expect(page.getByText('没有逾期未还的钥匙。')).toBeVisible();
  await page.getByRole('tab', { name: '交接清点' }).click();
  await expect(page.getByText('板上应有')).toBeVisible();
  await shot(page, info, 'keys-06-count');
  await page.getByRole('tab', { name: '借还记录' }).click();
  await expect(page.locator('tr[data-loan-tag="K-0001"]')).toContainText('完好');
  await shot(page, info, 'keys-07-history');
});

test('issue a card read through the wedge field → report it lost → the same card (another format) is refused for another room', async ({
  page,
  prepared,
}, info) => {
  test.setTimeout(120_000);
  const h = await withKeysAndCards(prepared);
  await page.goto(h.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: '门禁卡' })).toBeVisible();
  const field = page.getByRole('textbox', { name: '卡号' });
  await expect(field).toBeFocused();
  // a keyboard-mode reader types at ~10 ms a key and ends with Enter
  await field.pressSequentially('0040856634', { delay: 10 });
  await field.press('Enter');
  await expect(page.getByText('卡号 0040856634 还没有发过：可以在下面发卡。')).toBeVisible();
  const form = page.getByRole('form', { name: '发卡：0040856634' });
  const roomBox = form.getByRole('combobox');
  await roomBox.fill('1-1-101');
  await expect(form.getByRole('option').first()).toContainText('1-1-101');
  await roomBox.press('Enter');
  await expect(form.getByTestId('room-chosen')).toContainText('1-1-101');
  await expect(form.getByLabel('持卡人')).toHaveValue('张伟');
  await form.getByLabel('押金（元）').fill('50');
  await shot(page, info, 'cards-01-issue-form');
  await form.getByRole('button', { name: '发卡' }).click();
  await expect(page.getByText('已发卡 0040856634 给 1-1-101。')).toBeVisible();
  const card = page.locator('article.card-item').first();
  await expect(card).toContainText('使用中');
  await expect(card).toContainText('张*');
  await expect(card).toContainText('111,27706');
  await shot(page, info, 'cards-02-issued');

  await card.getByRole('button', { name: '挂失' }).click();
  const confirm = page.getByRole('alertdialog', { name: '挂失' });
  await expect(confirm).toContainText('立即列入黑名单');
  await confirm.getByRole('button', { name: '挂失' }).click();
  await expect(page.getByText('卡 0040856634 已挂失并列入黑名单。')).toBeVisible();
  await expect(page.locator('article.card-item').first()).toContainText('已挂失（黑名单）');

  // the same card on a reader that prints hex: found, and refused
  await field.fill('');
  await field.pressSequentially('026F6C3A', { delay: 10 });
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '这张卡在黑名单上（原属 1-1-101 张*）' })).toBeVisible();
  await expect(page.getByRole('form', { name: /发卡/ })).toHaveCount(0);
  await shot(page, info, 'cards-03-blacklisted-refused');
  // and main refuses it for another room whatever the screen shows
  const other = await roomId(h, '1-1-102');
  const refused = await fetch(`${h.origin}/api/cards.issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lobbydesk-token': h.token },
    body: JSON.stringify({ number: '111,27706', roomId: other, holderName: '王芳', type: 'access' }),
  }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>);
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(refused.error?.message).toContain('1-1-101');
  expect(refused.error?.message).not.toContain('张伟');

  // the status bar shows the reader in keyboard mode
  await expect(page.getByRole('contentinfo')).toContainText('读卡器');
  await page.getByRole('button', { name: /退出登录/ }).click();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Control+Comma');
  await page.getByRole('tab', { name: '读卡器' }).click();
  await expect(page.getByLabel('键盘输入式（Windows 或无法独占打开时）')).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: '键盘输入式读卡器' })).toBeVisible();
  await page.getByRole('button', { name: '列出 USB HID 设备' }).click();
  await expect(page.locator('.diag-result')).toBeVisible();
  await shot(page, info, 'cards-04-reader-settings');
});

test('no blank cards on record: 发卡 is refused saying what to do; the supervisor records the blanks found (盘点) in 空白卡库存, then the card is issued', async ({
  page,
  prepared,
}, info) => {
  test.setTimeout(120_000);
  const h = await withKeysAndCards(prepared);
  // the drawer is empty on record
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await api(h, 'cards.stockCount', { cardType: 'access', counted: 0, reason: '交接班盘点' });
  await api(h, 'auth.logout', {});
  await page.goto(h.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.keyboard.press('Alt+4');
  const field = page.getByRole('textbox', { name: '卡号' });
  await field.pressSequentially('0040856634', { delay: 10 });
  await field.press('Enter');
  const form = page.getByRole('form', { name: '发卡：0040856634' });
  const roomBox = form.getByRole('combobox');
  await roomBox.fill('1-1-101');
  await expect(form.getByRole('option').first()).toContainText('1-1-101');
  await roomBox.press('Enter');
  await form.getByRole('button', { name: '发卡' }).click();
  await expect(form.getByRole('alert').filter({ hasText: '系统记录的空白门禁卡库存为 0 张，不能发卡' })).toContainText(
    '请主管在「门禁卡 → 空白卡库存」点清实有数量并登记盘点',
  );
  // a receptionist sees the stock, not the count form
  await page.getByRole('tab', { name: '空白卡库存' }).click();
  await expect(page.getByTestId('stock-access')).toContainText('0');
  await expect(page.getByRole('form', { name: '盘点（登记实有空白卡）' })).toHaveCount(0);

  await page.getByRole('button', { name: /退出登录/ }).click();
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await page.keyboard.press('Alt+4');
  await page.getByRole('tab', { name: '空白卡库存' }).click();
  const count = page.getByRole('form', { name: '盘点（登记实有空白卡）' });
  await count.getByLabel('实点数量（张）').fill('3');
  await count.getByLabel('原因').fill('抽屉里找到 3 张');
  await count.getByRole('button', { name: '登记盘点' }).click();
  await expect(count).toContainText('已登记盘点：门禁卡实点 3 张，记录调整 +3 张。');
  await expect(page.getByTestId('stock-access').locator('.stat-num')).toHaveText('3');
  await expect(page.getByTestId('stock-moves').getByRole('row').first()).toContainText('盘点调整');
  await expect(page.getByTestId('stock-moves').getByRole('row').first()).toContainText('+3');
  await shot(page, info, 'cards-05-stock-count');

  await page.getByRole('tab', { name: '读卡 / 发卡' }).click();
  const again = page.getByRole('textbox', { name: '卡号' });
  await again.pressSequentially('0040856634', { delay: 10 });
  await again.press('Enter');
  const form2 = page.getByRole('form', { name: '发卡：0040856634' });
  await form2.getByRole('combobox').fill('1-1-101');
  await expect(form2.getByRole('option').first()).toContainText('1-1-101');
  await form2.getByRole('combobox').press('Enter');
  await form2.getByRole('button', { name: '发卡' }).click();
  await expect(page.getByText('已发卡 0040856634 给 1-1-101。')).toBeVisible();
  await page.getByRole('tab', { name: '空白卡库存' }).click();
  await expect(page.getByTestId('stock-access').locator('.stat-num')).toHaveText('2');
});
