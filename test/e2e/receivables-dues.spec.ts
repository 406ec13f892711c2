import type { Page } from '@playwright/test';
import { ADMIN, shot, signIn } from './helpers/app';
import { CLERK, SUPERVISOR, expect, test } from './helpers/fixtures';
import { api, type Host } from './helpers/host';
import { personTypes } from './helpers/typing';
import { expectInView } from './helpers/viewport';
import { axeFindings } from './helpers/screens';
import { decodeEscPos } from '../devices/escpos-decode';
import { FakeTcpPrinter } from '../devices/fake-tcp-printer';

test.use({ actionTimeout: 15_000 });

const addMonths = (ym: string, n: number): string => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

interface Dues {
  thisMonth: string;
  totalFen: number;
  lateFeeFen: number;
  lateWaivedFen: number;
  items: Array<{ itemId: number; paidThrough: string; lateFeeFen: number; lateWaivedFen: number; owed: Array<{ month: string; amountFen: number }> }>;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/**
 * Chinese text on screen outside data (names, fee item names, room data and the receipt preview are data; so is the
 * amount in Chinese capitals under 应收, which is what the receipt prints).
 */
async function chineseOutsideData(page: Page): Promise<string[]> {
  return page.evaluate((src) => {
    const has = new RegExp(src);
    const data = ['物业费', '垃圾清运费', '刘洋', '锦绣花园', '李青', '赵敏'];
    const strip = (v: string) => data.reduce((acc, d) => acc.split(d).join(''), v);
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[data-data], .paper-preview, [lang="zh-CN"]:not(html), [data-testid="total-upper"], [hidden], [inert], dialog:not([open])'))
        continue;
      if (has.test(strip(n.textContent ?? ''))) out.push((n.textContent ?? '').trim().slice(0, 60));
    }
    for (const el of Array.from(document.body.querySelectorAll('[placeholder], [title], [aria-label]'))) {
      if (el.closest('[data-data]')) continue;
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v && has.test(strip(v))) out.push(`@${a}: ${v.slice(0, 60)}`);
      }
    }
    return out;
  }, CJK.source);
}

/**
 * 1-1-201 (102.30 m²) owes 14 months up to this one of two periodic items: 物业费 at ￥2.50/m²·月 (￥255.75 a
 * month) for the first 8 and ￥2.80 (￥286.44) for the last 6, and 垃圾清运费 at ￥10.00 a month. The receipt printer
 * is a fake on a real TCP socket.
 */
async function roomOwing14(h: Host, printerPort: number, lateFees = false) {
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const hits = await api<{ items: Array<{ roomId: number; roomCode: string }> }>(h, 'roster.search', { q: '1-1-201' });
  const roomId = hits.items.find((x) => x.roomCode === '1-1-201')?.roomId as number;
  const thisMonth = (await api<Dues>(h, 'receivables.dues', { roomId })).thisMonth;
  const start = addMonths(thisMonth, -13);
  const item = (code: string, name: string, rule: string, unitPriceFen: number, sort: number) =>
    api<{ id: number }>(h, 'fees.items.save', { code, name, category: 'property', rule, unitPriceFen, unitLabel: '', refundable: false, active: true, sort });
  const wyf = await item('WYF', '物业费', 'per_area_month', 250, 0);
  const lj = await item('LJ', '垃圾清运费', 'per_month', 1000, 1);
  await api(h, 'receivables.items.save', { itemId: wyf.id, sinceMonth: start, vacancyApplies: true });
  await api(h, 'receivables.items.save', { itemId: lj.id, sinceMonth: start, vacancyApplies: false });
  const rateFrom = addMonths(start, 8);
  await api(h, 'receivables.rates.add', { itemId: wyf.id, fromMonth: rateFrom, unitPriceFen: 280 });
  await api(h, 'receivables.plan.save', { roomId, itemId: wyf.id, startMonth: start });
  await api(h, 'receivables.plan.save', { roomId, itemId: lj.id, startMonth: start });
  if (lateFees) await api(h, 'receivables.settings.save', { firstMonth: 'whole', lateFee: { enabled: true, dailyBp: 5, capPct: 10 } });
  await api(h, 'printer.settings.save', { config: { kind: 'tcp', host: '127.0.0.1', port: printerPort, statusCheck: true }, width: 80, kickDrawer: false });
  await api(h, 'auth.logout', {});
  return { roomId, thisMonth, start, rateFrom, wyf: wyf.id, lj: lj.id };
}

async function duesOf(h: Host, roomId: number): Promise<Dues> {
  return api<Dues>(h, 'receivables.dues', { roomId });
}

async function pickRoom(page: Page): Promise<void> {
  await page.keyboard.press('Alt+5');
  const room = page.locator('[name="room-search"]');
  await expect(room).toBeFocused();
  await personTypes(room, '1-1-201');
}

for (const size of [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x768', width: 1024, height: 768 },
]) {
  test(`${size.name}: 14 months owed → shown on picking the room → F10 collects all → the printed receipt has the periods and amounts → nothing owed → void → owed again`, async ({
    page,
    prepared,
  }, info) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const printer = await FakeTcpPrinter.start();
    try {
      const h = prepared;
      const r = await roomOwing14(h, printer.port);
      const last = r.thisMonth;
      // 8 × ￥255.75 + 6 × ￥286.44 = ￥3,764.64; 14 × ￥10.00 = ￥140.00
      const WYF = 376464;
      const LJ = 14000;

      await page.goto(h.url);
      await signIn(page, CLERK.username, CLERK.password);
      await api(h, 'cash.open', { count: { '10000': 5 } });
      const owed = await duesOf(h, r.roomId);
      expect(owed.totalFen).toBe(WYF + LJ);
      expect(owed.items.find((i) => i.itemId === r.wyf)?.owed).toHaveLength(14);

      // the room typed at a person's pace, Enter straight after: its dues appear, folded per item
      await pickRoom(page);
      const dues = page.getByTestId('dues');
      await expect(dues.getByTestId('dues-total')).toHaveText('￥3,904.64');
      const wyfRow = dues.getByTestId(`dues-item-${r.wyf}`);
      await expect(wyfRow).toContainText('物业费');
      await expect(wyfRow).toContainText(`已交至 ${addMonths(r.start, -1)}`);
      await expect(wyfRow).toContainText('欠 14 个月');
      await expect(wyfRow).toContainText('￥3,764.64');
      await expect(dues.getByTestId(`dues-item-${r.lj}`)).toContainText('￥140.00');
      // opened, the months oldest first with the rate in force each month
      await wyfRow.locator('summary').focus();
      await page.keyboard.press('Enter');
      const months = wyfRow.locator('tbody tr');
      await expect(months).toHaveCount(14);
      await expect(months.first()).toContainText(r.start);
      await expect(months.first()).toContainText('￥255.75');
      await expect(months.nth(8)).toContainText(r.rateFrom);
      await expect(months.nth(8)).toContainText('￥286.44');
      await expect(months.last()).toContainText(last);
      await shot(page, info, `dues-${size.name}-01-owed`);

      // F10: every month owed goes on the receipt, the payment panel shows the total; F8 takes it exact, F9 posts
      await page.keyboard.press('F10');
      await expect(page.getByTestId('total')).toHaveText('￥3,904.64');
      await expect(page.locator('[name="received"]')).toBeFocused();
      await page.keyboard.press('F8');
      await expect(page.getByTestId('change')).toHaveText('￥0.00');
      await expectInView(page, {
        应收: page.getByTestId('total'),
        找零: page.getByTestId('change'),
        确认收款: page.getByRole('button', { name: /确认收款/ }),
      });
      await shot(page, info, `dues-${size.name}-02-collect-all`);
      await page.keyboard.press('F9');
      await expect(page.getByText('收款成功，收据已开出。')).toBeVisible();
      const receiptNo = (await page.getByTestId('receipt-no').innerText()).trim();

      // the printed receipt: each item's period, its number of months and its amount
      await expect(page.getByTestId('print-state')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      const printed = printer.jobs.map((j) => decodeEscPos(j)).filter((d) => d.text.some((l) => l.includes(receiptNo)));
      expect(printed).toHaveLength(1);
      const text = printed[0]!.text.join('\n');
      expect(text).toContain(`${r.start} 至 ${last}`);
      expect(text).toContain('14 个月');
      expect(text).toContain('3,764.64');
      expect(text).toContain('140.00');
      expect(text).toContain('3,904.64');

      // nothing owed now: on screen under the receipt, and in the core
      await expect(page.getByTestId('dues-clear')).toBeVisible();
      expect((await duesOf(h, r.roomId)).totalFen).toBe(0);
      await shot(page, info, `dues-${size.name}-03-paid`);

      // voided with a supervisor's approval: the months are owed again
      await page.getByRole('button', { name: '作废' }).click();
      const approval = page.getByRole('dialog');
      await approval.getByLabel('主管用户名').fill(SUPERVISOR.username);
      await approval.getByLabel('主管密码').fill(SUPERVISOR.password);
      await approval.getByRole('group', { name: '常用原因' }).getByRole('button', { name: '金额录错' }).click();
      await approval.getByRole('button', { name: '审批' }).click();
      await expect(page.getByText(new RegExp(`收据 ${receiptNo} 已作废`))).toBeVisible();
      await expect(page.getByTestId('dues-total')).toHaveText('￥3,904.64');
      expect((await duesOf(h, r.roomId)).totalFen).toBe(WYF + LJ);
      await shot(page, info, `dues-${size.name}-04-voided`);

      // the next payer: the same room shows the months again; 3 months from the oldest, by the months field
      await page.keyboard.press('Escape');
      await pickRoom(page);
      await expect(page.getByTestId('dues-total')).toHaveText('￥3,904.64');
      const n = page.locator('[name="dues-months"]');
      await n.focus();
      await personTypes(n, '3');
      // 3 × ￥255.75 + 3 × ￥10.00
      await expect(page.getByTestId('total')).toHaveText('￥797.25');
    } finally {
      await printer.stop().catch(() => undefined);
    }
  });
}

test('opening balances: preview with a row error writes nothing; confirmed, the room owes from its paid-through month and the old arrears; a second file corrects it', async ({
  page,
  prepared,
}, info) => {
  test.setTimeout(120_000);
  const h = prepared;
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const hits = await api<{ items: Array<{ roomId: number; roomCode: string }> }>(h, 'roster.search', { q: '1-1-201' });
  const roomId = hits.items.find((x) => x.roomCode === '1-1-201')?.roomId as number;
  const thisMonth = (await duesOf(h, roomId)).thisMonth;
  const wyf = await api<{ id: number }>(h, 'fees.items.save', {
    code: 'WYF',
    name: '物业费',
    category: 'property',
    rule: 'per_area_month',
    unitPriceFen: 250,
    unitLabel: '',
    refundable: false,
    active: true,
    sort: 0,
  });
  await api(h, 'receivables.items.save', { itemId: wyf.id, sinceMonth: addMonths(thisMonth, -24), vacancyApplies: false });
  await api(h, 'auth.logout', {});
  const paid = addMonths(thisMonth, -3);
  const corrected = addMonths(thisMonth, -1);

  await page.goto(h.url);
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: '导入期初欠费' }).click();
  await expect(page.getByRole('heading', { name: '导入期初欠费' })).toBeVisible();
  await expect(page.getByText('预览不写入任何数据。')).toBeVisible();
  const csv = (rows: string[]) => ({ name: '期初.csv', mimeType: 'text/csv', buffer: Buffer.from(['房号,项目,已交至,期初欠费', ...rows].join('\n'), 'utf8') });
  await page.getByLabel('期初欠费文件').setInputFiles(csv([`1-1-201,WYF,${paid},120.50`, `9-9-999,WYF,${paid},`]));
  await page.getByRole('button', { name: '检查文件' }).click();
  const summary = page.getByTestId('opening-summary');
  await expect(summary).toContainText('新增');
  await expect(page.getByTestId('opening-errors')).toContainText('9-9-999');
  await expect(page.getByTestId('opening-rows')).toContainText('1-1-201');
  await expect(page.getByTestId('opening-rows')).toContainText('￥120.50');
  await shot(page, info, 'opening-01-preview');
  // nothing written before the confirm
  expect(await api(h, 'receivables.plan.get', { roomId })).toEqual([]);

  await page.getByRole('button', { name: '确认导入' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('跳过 1 行');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('期初欠费已导入')).toBeVisible();
  await expect(page.getByText(/新增 1，更正 0，不变 0，跳过 1/)).toBeVisible();
  let d = await duesOf(h, roomId);
  const item = () => d.items.find((i) => i.itemId === wyf.id);
  expect(item()?.owed.map((u) => u.month)).toEqual([paid, addMonths(paid, 1), addMonths(paid, 2), thisMonth]);
  // ￥120.50 brought in, and three months at ￥255.75
  expect(d.totalFen).toBe(12050 + 3 * 25575);

  // the room in 业主档案 shows the same, read-only, with the way to collect it
  await page.getByRole('button', { name: '返回业主档案' }).click();
  const search = page.getByRole('combobox', { name: '查找住户' });
  await personTypes(search, '1-1-201');
  await expect(page.getByTestId('dues-total')).toHaveText('￥887.75');
  await expect(page.getByRole('button', { name: '去收费' })).toBeVisible();
  await shot(page, info, 'opening-02-room-detail');

  // a second file corrects the paid-through month and clears the arrears: corrected, not added
  await page.getByRole('button', { name: '导入期初欠费' }).click();
  await page.getByLabel('期初欠费文件').setInputFiles(csv([`1-1-201,WYF,${corrected},`]));
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByTestId('opening-rows')).toContainText('更正');
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText(/新增 0，更正 1，不变 0，跳过 0/)).toBeVisible();
  d = await duesOf(h, roomId);
  expect(item()?.paidThrough).toBe(corrected);
  expect(d.totalFen).toBe(25575);

  // in English: the screen, the row errors and the preview read in English (room codes and item codes are data)
  await page.getByRole('button', { name: '返回业主档案' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Import opening balances' }).click();
  await page.getByLabel('Opening balances file').setInputFiles({ ...csv([`9-9-999,WYF,${paid},`, `1-1-201,XX,${paid},`]), name: 'opening.csv' });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('opening-errors')).toContainText('Row 2: Room 9-9-999 is not in the roster');
  expect(await chineseOutsideData(page)).toEqual([]);
  await shot(page, info, 'opening-03-english');
});

test('English at 1024×768: the dues with their late fee apart, a supervisor waives it with a reason (the debt stays); no Chinese outside data, no serious axe finding', async ({
  page,
  prepared,
}, info) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const printer = await FakeTcpPrinter.start();
  try {
    const h = prepared;
    const r = await roomOwing14(h, printer.port, true);
    await page.goto(h.url);
    await signIn(page, CLERK.username, CLERK.password);
    await api(h, 'cash.open', { count: { '10000': 5 } });
    const before = await duesOf(h, r.roomId);
    const late = before.items.find((i) => i.itemId === r.wyf)?.lateFeeFen ?? 0;
    expect(late).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'English' }).click();
    await pickRoom(page);
    const dues = page.getByTestId('dues');
    await expect(dues.getByTestId('dues-total')).toHaveText('¥3,904.64');
    await expect(dues.getByTestId('dues-late')).toBeVisible();
    await expect(dues).toContainText('Paid through');
    expect(await chineseOutsideData(page)).toEqual([]);
    expect(await axeFindings(page, 'dues')).toEqual([]);
    await shot(page, info, 'dues-en-1024-01-late-fee');

    // the waiver: the supervisor's own password and a reason; the months and their amounts stay owed
    await dues.getByTestId(`dues-item-${r.wyf}`).getByRole('button', { name: 'Waive late fee' }).click();
    const approval = page.getByRole('dialog');
    await expect(approval).toContainText('Waive the late fee');
    await approval.getByLabel('Supervisor username').fill(SUPERVISOR.username);
    await approval.getByLabel('Supervisor password').fill(SUPERVISOR.password);
    await approval.getByRole('group', { name: 'Common reasons' }).getByRole('button', { name: 'Notice not delivered' }).click();
    expect(await chineseOutsideData(page)).toEqual([]);
    await approval.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText(/Late fee of .* waived/)).toBeVisible();
    const after = await duesOf(h, r.roomId);
    const item = after.items.find((i) => i.itemId === r.wyf);
    expect(item).toMatchObject({ lateFeeFen: 0, lateWaivedFen: late });
    expect(after.totalFen).toBe(before.totalFen);
    await expect(dues.getByTestId(`dues-item-${r.wyf}`)).toContainText('Late fee waived');
    await expect(dues.getByTestId('dues-total')).toHaveText('¥3,904.64');
    // F10 still collects the months only, never the late fee
    await page.keyboard.press('F10');
    await expect(page.getByTestId('total')).toHaveText('¥3,904.64');
    expect(await chineseOutsideData(page)).toEqual([]);
    await shot(page, info, 'dues-en-1024-02-waived');
  } finally {
    await printer.stop().catch(() => undefined);
  }
});

test('欠费与违约金 settings (admin): late fees off by default; switched on with a daily rate and a cap, the example figure follows; saved', async ({
  page,
  prepared,
}) => {
  const h = prepared;
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Control+Comma');
  await page.getByRole('tab', { name: '常规' }).click();
  const form = page.getByRole('form', { name: '欠费与违约金' });
  await expect(form.getByLabel(/收取违约金/)).not.toBeChecked();
  await expect(form.getByLabel('日费率（万分之）')).toBeDisabled();
  await form.getByLabel(/收取违约金/).check();
  await form.getByLabel('日费率（万分之）').fill('5');
  await form.getByLabel('上限（欠费的百分之）').fill('1');
  // ￥1000.00 × 万分之五 × 30 days = ￥15.00, capped at 1 %: ￥10.00
  await expect(form.getByTestId('late-example')).toContainText('违约金 ￥10.00（上限 ￥10.00）');
  await form.getByLabel('上限（欠费的百分之）').fill('10');
  await expect(form.getByTestId('late-example')).toContainText('违约金 ￥15.00（上限 ￥100.00）');
  await form.getByLabel('首月（交房/入住当月）').selectOption({ label: '按天数计' });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('已保存欠费与违约金设置。')).toBeVisible();
  expect(await api(h, 'receivables.settings.get', {})).toEqual({ firstMonth: 'by_days', lateFee: { enabled: true, dailyBp: 5, capPct: 10 } });
});
