import { expect, test, type Page } from '@playwright/test';
import { ADMIN, setupThroughApi, shot, signIn } from './helpers/app';
import { startHost, type Host } from './helpers/host';

const NEXT = { username: 'liqing', displayName: '李青', role: 'receptionist', password: 'Front#desk2024' };
const SUPERVISOR = { username: 'zhaomin', displayName: '赵敏', role: 'supervisor', password: 'Super#visor2024' };

async function count(page: Page, table: string, counts: Record<string, number>): Promise<void> {
  for (const [face, n] of Object.entries(counts)) await page.getByTestId(`${table}-table`).getByLabel(face, { exact: true }).fill(String(n));
}
const hosts: Host[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});

test('a shift with a carry-over item → sign out → the next operator reads it, accepts the item (now theirs) and takes over', async ({ page }, info) => {
  test.setTimeout(120_000);
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h, { operators: [NEXT] });
  await page.goto(h.url);
  await signIn(page, ADMIN.username, ADMIN.password);

  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { name: '交接班', level: 1 })).toBeVisible();
  const summary = page.getByTestId('ho-summary');
  await expect(summary).toContainText('没有未结班的备用金');
  await expect(summary).toContainText('在库 0 件');
  await expect(summary).toContainText('未完成 0 条');
  await expect(summary.getByTestId('ho-receivables')).toContainText(/今日收 .0\.00，其中清缴往月欠费 .0\.00/);
  await expect(summary.getByTestId('ho-rooms')).toContainText('本班交房 0 户');
  await expect(summary.getByTestId('ho-rooms')).toContainText('装修待审核 0 件，待验收 0 件');
  await expect(summary.getByTestId('ho-rooms')).toContainText('今日待巡查 0 处');
  await page.getByLabel('交班备注').fill('3号楼电梯下午维保');
  await page.getByRole('button', { name: '添加事项' }).click();
  await page.getByLabel('事项 1').fill('给 3-2-501 回电话确认维修时间');
  await page.getByLabel('优先级').selectOption({ label: '紧急' });
  await shot(page, info, 'handover-01-hand-over');
  await page.getByRole('button', { name: '交班', exact: true }).click();
  await expect(page.getByText('已交班：请接班同事登录后确认。')).toBeVisible();
  await expect(page.getByText(/等待接班人确认/)).toBeVisible();

  await page.getByRole('button', { name: /退出登录/ }).click();
  await signIn(page, NEXT.username, NEXT.password);
  await page.keyboard.press('Alt+8');
  const take = page.getByTestId('ho-take');
  await expect(take).toContainText('王建国');
  await expect(take).toContainText('3号楼电梯下午维保');
  const item = take.getByTestId('ho-item');
  await expect(item).toContainText('待确认');
  // not before the item is answered
  await page.getByRole('button', { name: '确认接班' }).click();
  await expect(page.getByText(/还有 1 项交接事项没有确认/)).toBeVisible();
  await shot(page, info, 'handover-02-take-over');
  await item.getByRole('button', { name: '接受' }).click();
  await expect(item).toContainText('已接受');
  await page.getByRole('button', { name: '确认接班' }).click();
  await expect(page.getByText('已确认接班。')).toBeVisible();
  await expect(page.getByTestId('ho-mine')).toContainText('给 3-2-501 回电话确认维修时间');
  await shot(page, info, 'handover-03-mine');

  // the history shows who handed over and who took over
  await page.getByRole('tab', { name: '交接记录' }).click();
  await expect(page.locator('.ho-past').first()).toContainText('王建国');
  await expect(page.locator('.ho-past').first()).toContainText('李青');
  await expect(page.locator('.ho-past').first()).toContainText('→ 李青');
});

test("a blind close ￥20 short with a supervisor's approval → hand over: the summary shows expected, counted, -￥20.00, the approver and the 交款单 number", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h, { operators: [NEXT, SUPERVISOR] });
  await page.goto(h.url);
  await signIn(page, NEXT.username, NEXT.password);

  // open with ￥500, take nothing, count ￥480: ￥20 short, over the ￥10 limit
  await page.keyboard.press('Alt+6');
  await count(page, 'float', { '100 元': 5 });
  await page.getByRole('button', { name: '确认开班' }).click();
  await expect(page.getByText('已开班，可以收费了。')).toBeVisible();
  await page.getByRole('button', { name: '结班点钞' }).click();
  await count(page, 'count', { '100 元': 4, '10 元': 8 });
  await page.getByRole('button', { name: '提交点钞结果' }).click();
  const v = page.getByRole('dialog');
  await expect(v).toContainText('主管审批：现金差异');
  await v.getByLabel('主管用户名').fill(SUPERVISOR.username);
  await v.getByLabel('主管密码').fill(SUPERVISOR.password);
  await v.getByRole('textbox', { name: /原因/ }).fill('复点确认短款');
  await v.getByRole('button', { name: '审批' }).click();
  const slip = page.getByTestId('close-slip');
  await expect(slip.getByTestId('slip-variance')).toHaveText('-￥20.00');
  const slipTitle = (await slip.getByRole('heading').first().innerText()).trim();
  const sessionNo = /#(\d+)/.exec(slipTitle)?.[1] ?? '';
  expect(sessionNo).toMatch(/^\d+$/);

  // the handover: the shift's cash result, not "no open session"
  await page.keyboard.press('Alt+8');
  const summary = page.getByTestId('ho-summary');
  const closed = summary.getByTestId('ho-cash-session');
  await expect(closed).toHaveCount(1);
  await expect(closed).toContainText(`交款单 #${sessionNo}`);
  await expect(closed).toContainText('李青');
  await expect(closed).toContainText('应有 ￥500.00');
  await expect(closed).toContainText('实点 ￥480.00');
  await expect(closed).toContainText('差异 -￥20.00');
  await expect(closed).toContainText('短款');
  await expect(closed).toContainText('差异由 赵敏 审批');
  await expect(closed).toContainText('尚未交款给财务');
  await shot(page, info, 'handover-04-cash-result');
  await page.getByRole('button', { name: '交班', exact: true }).click();
  await expect(page.getByText('已交班：请接班同事登录后确认。')).toBeVisible();

  // the next operator reads the same result in the handover they take over
  await page.getByRole('button', { name: /退出登录/ }).click();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.keyboard.press('Alt+8');
  const take = page.getByTestId('ho-take');
  await expect(take.getByTestId('ho-cash-session')).toContainText('差异 -￥20.00');
  await expect(take.getByTestId('ho-cash-session')).toContainText('差异由 赵敏 审批');
});
