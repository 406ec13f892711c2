import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { FakeTcpPrinter } from '../devices/fake-tcp-printer';
import { ADMIN, importThroughApi, setupThroughApi, shot, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';
import { deviceTypes, personTypes, readerTypes } from './helpers/typing';

/**
 * Counter flows typed at real speeds in the browser host: a person types 80–150 ms a key and presses Enter
 * straight after; a keyboard-mode card reader types its digits ~5 ms apart and ends with Enter, wherever
 * the cursor is (a dialog's reason box included).
 */
const FIXTURE = path.resolve('test/fixtures/roster/sample-roster.csv');
const CLERK = { username: 'liqing', displayName: '李青', role: 'receptionist', password: 'Front#desk2024' };
const SUPERVISOR = { username: 'zhaomin', displayName: '赵敏', role: 'supervisor', password: 'Super#visor2024' };
const OLD_CARD = '0040856634';
const NEW_CARD = '0012345678';

test.use({ actionTimeout: 15_000 });

let hosts: Host[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

async function roomId(h: Host, code: string): Promise<number> {
  const r = await api<{ items: Array<{ roomId: number; roomCode: string }> }>(h, 'roster.search', { q: code });
  const hit = r.items.find((x) => x.roomCode === code);
  if (!hit) throw new Error(`no room ${code}`);
  return hit.roomId;
}

/** Roster, a clerk and a supervisor, the card fee item (BK ￥20), the reader in keyboard mode, one card issued to 1-1-101. */
async function prepared(): Promise<Host> {
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h, { operators: [CLERK, SUPERVISOR] });
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await importThroughApi(h, FIXTURE);
  await api(h, 'fees.items.save', {
    code: 'BK',
    name: '门禁卡补办',
    category: 'card',
    rule: 'fixed',
    unitPriceFen: 2000,
    unitLabel: '张',
    refundable: false,
    active: true,
    sort: 0,
  });
  await api(h, 'cardReader.settings.save', { kind: 'keyboard-wedge', format: 'auto' });
  // issuing takes a blank from stock: the counter has some
  await api(h, 'cards.stockMove', { cardType: 'access', kind: 'in', quantity: 20, reason: '采购入库' });
  await api(h, 'cards.issue', { number: OLD_CARD, roomId: await roomId(h, '1-1-101'), holderName: '张伟', type: 'access' });
  await api(h, 'auth.logout', {});
  return h;
}

/** Signs the clerk in and opens the cash session (through the page's session). */
async function clerkWithCash(page: Page, h: Host): Promise<void> {
  await page.goto(h.url);
  await signIn(page, CLERK.username, CLERK.password);
  await api(h, 'cash.open', { count: { '10000': 5 } });
}

async function presentOnCardsScreen(page: Page, number: string): Promise<void> {
  await page.keyboard.press('Alt+4');
  const field = page.getByRole('textbox', { name: '卡号' });
  await field.fill('');
  await field.focus();
  await readerTypes(page, number);
  await expect(page.locator(`article.card-item[aria-label^="${number}"]`).first()).toBeVisible();
}

test('补卡 with the reader inside the dialog → 去收费 carries room and fee → posted → linked by itself → back with one key; never an error beside the success', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const h = await prepared();
  await clerkWithCash(page, h);
  await presentOnCardsScreen(page, OLD_CARD);
  await page.locator('article.card-item').first().getByRole('button', { name: '补卡' }).click();
  const dialog = page.getByRole('dialog', { name: /补卡：原卡 0040856634/ });
  const number = dialog.getByLabel('新卡卡号');
  await expect(number).toBeFocused();

  // the reader's Enter completes the number and moves on to the reason: the dialog stays open
  await readerTypes(page, NEW_CARD);
  await expect(number).toHaveValue(NEW_CARD);
  await expect(dialog.getByLabel('补卡原因')).toBeFocused();
  await expect(dialog).toBeVisible();
  // nothing was sent: no refusal for the missing reason either
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await shot(page, info, 'flows-01-replace-number-read');
  // a person types the reason and presses Enter: now it submits
  await personTypes(dialog.getByLabel('补卡原因'), 'lost at gym');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已补卡：新卡 ${NEW_CARD}，原卡已列入黑名单。`)).toBeVisible();
  const owed = page.getByTestId('owed-fee');
  await expect(owed).toContainText('补卡费 ￥20.00 未收');
  // the old card, blacklisted and replaced, offers no 补卡 any more
  await expect(page.locator(`article.card-item[aria-label^="${OLD_CARD}"]`).getByRole('button', { name: '补卡' })).toHaveCount(0);
  const collect = owed.getByRole('button', { name: '去收费' });
  await expect(collect).toBeFocused();

  // Enter: 收费 with the room and the fee item already there
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '收费收据', level: 1 })).toBeVisible();
  await expect(page.getByTestId('collect-request')).toContainText('补卡费 ￥20.00（1-1-101，「门禁卡补办」）');
  await expect(page.getByTestId('payer')).toContainText('1-1-101');
  await expect(page.getByTestId('payer')).toContainText('张伟');
  await expect(page.locator('.collect-left')).toContainText('门禁卡补办');
  await shot(page, info, 'flows-02-collect-prefilled');
  await expect(page.locator('.collect-right')).toContainText('￥20.00');
  await page.keyboard.press('F8');
  await page.keyboard.press('F9');
  await expect(page.getByText('收款成功，收据已开出。')).toBeVisible();
  const linked = page.getByTestId('collect-linked');
  await expect(linked).toContainText(/补卡费已登记：收据 T01-\d+ 已关联到 1-1-101 的新卡。/);
  const back = linked.getByRole('button', { name: /返回门禁卡/ });
  await expect(back).toBeFocused();
  const receiptNo = /T01-\d+/.exec((await linked.textContent()) ?? '')?.[0] ?? '';
  await shot(page, info, 'flows-03-collected-linked');

  // one key back: the cards screen says it is paid, and nothing red beside it
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '门禁卡', level: 1 })).toBeVisible();
  await expect(page.getByText(`补卡费已收（收据 ${receiptNo}）。`)).toBeVisible();
  await expect(page.getByTestId('owed-fee')).toHaveCount(0);
  await expect(page.locator('.error-box')).toHaveCount(0);
  const cards = await api<Array<{ raw: string; feeOwedFen: number; feeReceiptNo: string | null }>>(h, 'cards.lookup', { number: NEW_CARD });
  expect(cards[0]).toMatchObject({ feeOwedFen: 0, feeReceiptNo: receiptNo });
  await shot(page, info, 'flows-04-back-on-cards');
});

test('a fee collected on its own is settled by picking the receipt after coming back: the success stands alone (no reload with an empty card number)', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const h = await prepared();
  await clerkWithCash(page, h);
  const [card] = await api<Array<{ id: number }>>(h, 'cards.lookup', { number: OLD_CARD });
  await api(h, 'cards.replace', { cardId: card?.id, number: NEW_CARD, reason: '卡片损坏' });

  // collected straight in 收费, typed by a person
  await page.keyboard.press('Alt+5');
  const room = page.locator('[name="room-search"]');
  await expect(room).toBeFocused();
  await room.pressSequentially('1-1-101', { delay: 110 });
  await expect(page.getByRole('option').filter({ hasText: '张伟' })).toBeVisible();
  await room.press('Enter');
  await personTypes(page.locator('[name="item-filter"]'), 'BK');
  await expect(page.locator('.collect-right')).toContainText('￥20.00');
  await page.keyboard.press('F8');
  await page.keyboard.press('F9');
  await expect(page.getByText('收款成功，收据已开出。')).toBeVisible();

  // back on the cards screen (a fresh screen: no card on it) the receipt is picked, not typed
  await page.keyboard.press('Alt+4');
  const owed = page.getByTestId('owed-fee');
  await expect(owed).toContainText('补卡费 ￥20.00 未收');
  await expect(owed.getByPlaceholder(/T01-/)).toHaveCount(0);
  await owed.getByRole('button', { name: '已收过？选择收据' }).click();
  await owed.getByRole('button', { name: /T01-00000001 · ￥20.00 · .*：登记这张/ }).click();
  await expect(page.getByText('补卡费已收（收据 T01-00000001）。')).toBeVisible();
  await expect(page.getByTestId('owed-fee')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.error-box')).toHaveCount(0);
  await shot(page, info, 'flows-05-settled-by-pick');
});

test('a card reader typing into the wrong field never submits: 补卡 reason box, 发卡 holder, 退卡 note; a lost card is replaced from the list, never from the card presented', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  const h = await prepared();
  await clerkWithCash(page, h);

  // 补卡: the cursor is in the reason box when the new card is presented
  await presentOnCardsScreen(page, OLD_CARD);
  await page.locator('article.card-item').first().getByRole('button', { name: '补卡' }).click();
  const dialog = page.getByRole('dialog', { name: /补卡：原卡/ });
  const reason = dialog.getByLabel('补卡原因');
  await reason.click();
  await readerTypes(page, NEW_CARD);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('新卡卡号')).toHaveValue(NEW_CARD);
  await expect(reason).toHaveValue('');
  await expect(reason).toBeFocused();
  // Enter back in the number field with the reason filled: the cursor goes to the button, nothing is sent yet
  await personTypes(reason, 'damaged', false);
  await dialog.getByLabel('新卡卡号').press('Enter');
  await expect(dialog.getByRole('button', { name: '补卡' })).toBeFocused();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // 退卡: a card presented while typing the deposit note does not return the card
  await page.locator('article.card-item').first().getByRole('button', { name: '退卡' }).click();
  const ret = page.getByRole('dialog', { name: /退卡：0040856634/ });
  const depositNote = ret.getByLabel('押金退还说明');
  await expect(depositNote).toBeFocused();
  await readerTypes(page, NEW_CARD);
  await expect(ret).toBeVisible();
  await expect(depositNote).toHaveValue('');
  await expect(ret).toContainText(`读到一张卡（${NEW_CARD}）`);
  await page.keyboard.press('Escape');
  await expect(page.locator('article.card-item').first()).toContainText('使用中');

  // 发卡: another card presented while the cursor is in the holder box is read as the next card
  const field = page.getByRole('textbox', { name: '卡号' });
  await field.fill('');
  await field.focus();
  await readerTypes(page, '0099887766');
  const form = page.getByRole('form', { name: '发卡：0099887766' });
  const roomBox = form.getByRole('combobox');
  await roomBox.click();
  await personTypes(roomBox, '1-1-102', false);
  await expect(form.getByRole('option').first()).toContainText('1-1-102');
  await roomBox.press('Enter');
  const holder = form.getByLabel('持卡人');
  await expect(holder).toHaveValue('王芳');
  await holder.click();
  await readerTypes(page, '0055443322');
  await expect(page.getByRole('form', { name: '发卡：0055443322' })).toBeVisible();
  expect(await api<unknown[]>(h, 'cards.lookup', { number: '0099887766' })).toEqual([]);
  await shot(page, info, 'flows-06-reader-in-holder');

  // a lost card presented at the reader is refused, with no 补卡 on it
  await presentOnCardsScreen(page, OLD_CARD);
  await page.locator('article.card-item').first().getByRole('button', { name: '挂失' }).click();
  await page.getByRole('alertdialog', { name: '挂失' }).getByRole('button', { name: '挂失' }).click();
  await expect(page.getByText(`卡 ${OLD_CARD} 已挂失并列入黑名单。`)).toBeVisible();
  await field.fill('');
  await field.focus();
  await readerTypes(page, OLD_CARD);
  await expect(page.getByRole('alert').filter({ hasText: '这张卡在黑名单上' })).toBeVisible();
  await expect(page.locator('article.card-item').getByRole('button', { name: '补卡' })).toHaveCount(0);
  // the holder comes for a new one: from the list of lost cards
  await page.getByRole('tab', { name: '卡片列表' }).click();
  await page.locator('[name="card-status"]').selectOption({ label: '已挂失（黑名单）' });
  const lost = page.locator(`article.card-item[aria-label^="${OLD_CARD}"]`);
  await lost.getByRole('button', { name: '补卡' }).click();
  const again = page.getByRole('dialog', { name: /补卡：原卡 0040856634/ });
  await readerTypes(page, NEW_CARD);
  await personTypes(again.getByLabel('补卡原因'), 'lost');
  await expect(page.getByText(`已补卡：新卡 ${NEW_CARD}，原卡已列入黑名单。`)).toBeVisible();
  await page.getByRole('tab', { name: '卡片列表' }).click();
  await page.locator('[name="card-status"]').selectOption({ label: '已挂失（黑名单）' });
  await expect(lost).toBeVisible();
  await expect(lost.getByRole('button', { name: '补卡' })).toHaveCount(0);
  await shot(page, info, 'flows-07-lost-replaced');
});

test('after a restart the status bar never says the configured printer is 未配置; the scanner shows its last scan; signing out with the drawer open warns and names who holds it; help texts name what is there', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  const printer = await FakeTcpPrinter.start();
  try {
    const first = await prepared();
    await api(first, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await api(first, 'printer.settings.save', {
      config: { kind: 'tcp', host: '127.0.0.1', port: printer.port, statusCheck: true },
      width: 80,
      kickDrawer: false,
    });
    await api(first, 'printer.testPage', {});
    await expect.poll(async () => (await api<Array<{ status: string }>>(first, 'print.jobs.open', {})).length).toBe(0);
    await api(first, 'auth.logout', {});
    await first.stop();
    // the app was killed while the test page was going out: the job is left "printing"
    const db = new Database(path.join(first.dataDir, 'lobbydesk.sqlite'));
    db.prepare("UPDATE print_jobs SET status = 'printing', printed_at = NULL").run();
    db.close();

    // every text the printer's status-bar item shows from the first moment of the page on
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { printerTexts: string[] }).printerTexts = seen;
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="sb-printer"]')?.textContent;
        if (t && seen[seen.length - 1] !== t) seen.push(t);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const h = await startHost({ dataDir: first.dataDir });
    hosts.push(h);
    await page.goto(h.url);
    await signIn(page, CLERK.username, CLERK.password);
    const bar = page.getByRole('contentinfo');
    await expect(bar.getByTestId('sb-printer')).toHaveText('打印机：正常');
    const texts = await page.evaluate(() => (window as unknown as { printerTexts: string[] }).printerTexts);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((x) => x.includes('未配置'))).toEqual([]);

    // the interrupted test page: the banner's hint names the button beside it
    await page.keyboard.press('Alt+5');
    const banner = page.getByTestId('print-jobs');
    await expect(banner).toContainText('打印中断');
    await expect(banner).toContainText('没有打出时点「重新打印」');
    await expect(banner).not.toContainText('「补打」');
    await expect(banner.getByRole('button', { name: '重新打印' })).toBeVisible();
    await shot(page, info, 'flows-08-interrupted-banner');

    // the scanner: nothing yet, then the time of a scan (a scanner types ~5 ms a key)
    const scanner = bar.getByTestId('sb-scanner');
    await expect(scanner).toHaveText('扫码枪：今天还没有扫码');
    await page.keyboard.press('Alt+7');
    await expect(page.getByRole('heading', { name: '快递', level: 1 })).toBeVisible();
    await deviceTypes(page, 'SF1234567890123', 5);
    await expect(scanner).toHaveText(/^扫码枪：最近 \d{2}:\d{2}$/);
    await page.keyboard.press('Escape');

    // sign out with the cash session open: warned, told who holds the drawer, and it can be called off
    await api(h, 'cash.open', { count: { '10000': 5 } });
    await page.keyboard.press('Alt+1');
    await page.getByRole('button', { name: '退出登录' }).click();
    const warn = page.getByRole('alertdialog', { name: '备用金还没有结班' });
    await expect(warn).toContainText('钱箱现在由 李青 负责');
    await expect(warn).toContainText('备用金仍保持开班');
    await expect(warn.getByRole('button', { name: '取消' })).toBeFocused();
    await shot(page, info, 'flows-09-sign-out-warning');
    await page.keyboard.press('Escape');
    await expect(warn).toBeHidden();
    await expect(page.getByRole('navigation', { name: '功能导航' })).toBeVisible();
    // by keyboard: Tab to 仍然退出登录, Enter
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(warn.getByRole('button', { name: '取消' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(warn.getByRole('button', { name: '仍然退出登录' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '操作员登录' })).toBeVisible();

    // the supervisor signs in: the drawer is still 李青's, and signing out says so
    await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
    await expect(bar).toContainText('已开班：李青');
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('alertdialog', { name: '备用金还没有结班' })).toContainText('钱箱现在由 李青 负责');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // help texts agree on the terminal id: fixed at first run
    await signIn(page, ADMIN.username, ADMIN.password);
    await page
      .getByRole('alertdialog', { name: '备用金还没有结班' })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.keyboard.press('Alt+0');
    await page.getByRole('tab', { name: '上报设置' }).click();
    await expect(page.getByText('在初始设置时确定，不能修改（收据号按它连续编号）；总部按它区分各个前台。')).toBeVisible();
    await expect(page.getByText(/在「设置 → 常规」中修改/)).toHaveCount(0);
    await page.keyboard.press('Control+Comma');
    await page.getByRole('tab', { name: '常规' }).click();
    await expect(page.locator('[name="terminalId"]')).toHaveAttribute('readonly', '');
    await expect(page.getByText('终端编号在初始设置时确定，不能修改（收据号按它连续编号）。')).toBeVisible();
  } finally {
    await printer.stop();
  }
});
