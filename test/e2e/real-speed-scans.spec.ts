import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, importThroughApi, setupThroughApi, signIn } from './helpers/app';
import { api, startHost, type Host } from './helpers/host';
import { KeyPipe, rng, scannerBurst } from './helpers/keys';

/**
 * 快递 入库 at real speeds: a keyboard-wedge scanner at 3–10 ms a character (random), 0 ms or 50 ms from each
 * Enter to the next code, sent through Chromium's input pipeline with the scanner's own timestamps while the
 * page is busy opening the first parcel's form; a person typing at 120 ms a character meanwhile.
 */

const FIXTURE = path.resolve('test/fixtures/roster/sample-roster.csv');
const CLERK = { username: 'liqing', displayName: '李青', role: 'receptionist', password: 'Front#desk2024' };

test.use({ actionTimeout: 15_000 });

let hosts: Host[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  hosts = [];
});

async function prepared(): Promise<Host> {
  const h = await startHost();
  hosts.push(h);
  await setupThroughApi(h, { operators: [CLERK] });
  await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await importThroughApi(h, FIXTURE);
  await api(h, 'parcels.shelves.save', { code: 'A', name: '', slots: 100, active: true, sort: 0 });
  await api(h, 'parcels.settings.save', { overdueDays: 3, printSlip: false });
  await api(h, 'auth.logout', {});
  return h;
}

async function openIntake(page: Page, h: Host): Promise<KeyPipe> {
  await page.goto(h.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.keyboard.press('Alt+7');
  await expect(page.locator('[name="scan"]')).toBeFocused();
  return KeyPipe.open(page);
}

/** Every waybill in the store, with how many parcels carry it. */
async function stored(h: Host): Promise<Map<string, number>> {
  const all = await api<{ waybill: string }[]>(h, 'parcels.search', { limit: 200 });
  const n = new Map<string, number>();
  for (const p of all) n.set(p.waybill, (n.get(p.waybill) ?? 0) + 1);
  return n;
}

/** 顺丰 numbers as printed today: SF and 13 digits. */
const codesFor = (prefix: number, n: number) =>
  Array.from({ length: n }, (_, i) => `SF${String(prefix).padStart(3, '0')}${String(1_000_003 * (i + 1)).padStart(10, '0')}`);

/** No text field on the screen holds a character of any code (a split scan leaves its tail in one). */
async function expectNoScanTextInFields(page: Page): Promise<void> {
  const values = await page
    .locator('input:not([type=checkbox]):not([type=radio]), textarea')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values.filter((v) => v !== '')).toEqual([]);
}

/** The codes in the scan log, oldest first, and how each came in. */
async function logged(page: Page): Promise<{ code: string; source: string | null }[]> {
  const rows = await page
    .getByTestId('scan-log')
    .locator('li')
    .evaluateAll((els) => els.map((e) => ({ code: e.querySelector('.scan-code')?.textContent ?? '', source: e.getAttribute('data-source') })));
  return rows.reverse();
}

for (const gapMs of [0, 50]) {
  test(`one by one: 3 scans, then a batch of 20, ${gapMs} ms apart while the first parcel's form opens — each queued whole and saved exactly once`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const h = await prepared();
    const keys = await openIntake(page, h);
    const rand = rng(1000 + gapMs);
    let expected: string[] = [];
    for (const [round, n] of [3, 20].entries()) {
      const codes = codesFor(41 + round + gapMs, n);
      expected = [...expected, ...codes];
      await keys.send(scannerBurst(codes, { start: Date.now() + 20, gapMs, rand }));
      // the first of them is on the form, the rest wait in the queue, in order, each read as a scan
      await expect(page.getByTestId('current-waybill')).toHaveText(codes[0] as string);
      await expect(page.getByTestId('queue-count')).toHaveText(`待处理 ${n - 1} 件`);
      const log = (await logged(page)).slice(-n);
      expect(log).toEqual(codes.map((code) => ({ code, source: 'scanner' })));
      await expectNoScanTextInFields(page);
      // the form's recipient box got the focus, and none of the scans
      await expect(page.locator('[name="recipient-search"]')).toBeFocused();
      // save each for later (F8): the next one comes up
      for (const [i, code] of codes.entries()) {
        await expect(page.getByTestId('current-waybill')).toHaveText(code);
        await page.keyboard.press('F8');
        if (i < n - 1) await expect(page.getByTestId('current-waybill')).toHaveText(codes[i + 1] as string);
      }
      await expect(page.getByTestId('queue-count')).toHaveText('待处理 0 件');
      await expect(page.locator('[name="scan"]')).toBeFocused();
    }
    const inStore = await stored(h);
    expect([...inStore.keys()].sort()).toEqual([...expected].sort());
    expect([...inStore.values()].every((c) => c === 1)).toBe(true);
  });

  test(`连续扫描: 20 scans ${gapMs} ms apart are saved exactly once each`, async ({ page }) => {
    test.setTimeout(120_000);
    const h = await prepared();
    const keys = await openIntake(page, h);
    await page.keyboard.press('F6');
    await expect(page.getByLabel(/连续扫描/)).toBeChecked();
    await page.locator('[name="scan"]').focus();
    const codes = codesFor(61 + gapMs, 20);
    await keys.send(scannerBurst(codes, { start: Date.now() + 20, gapMs, rand: rng(2000 + gapMs) }));
    await expect(page.getByRole('heading', { name: '今日入库（20 件）' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('queue-count')).toHaveText('待处理 0 件');
    const inStore = await stored(h);
    expect([...inStore.keys()].sort()).toEqual([...codes].sort());
    expect([...inStore.values()].every((c) => c === 1)).toBe(true);
    expect((await logged(page)).map((e) => e.source)).toEqual(codes.map(() => 'scanner'));
    await expectNoScanTextInFields(page);
    // Space on the check box still works (a first key aimed at a control is held in case it starts a scan; Space is not)
    await page.getByLabel(/连续扫描/).focus();
    await page.keyboard.press(' ');
    await expect(page.getByLabel(/连续扫描/)).not.toBeChecked();
  });
}

test('a person typing 收件人 at 120 ms a character while scans wait, and while one arrives mid-word: the box holds exactly what was typed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const h = await prepared();
  const keys = await openIntake(page, h);
  const codes = codesFor(71, 3);
  await keys.send(scannerBurst(codes, { start: Date.now() + 20, gapMs: 0, rand: rng(3) }));
  await expect(page.getByTestId('queue-count')).toHaveText('待处理 2 件');
  const recipient = page.locator('[name="recipient-search"]');
  await expect(recipient).toBeFocused();

  // typing while scans are queued stays in the box, and is not a scan
  await recipient.pressSequentially('3-2-501', { delay: 120 });
  await expect(recipient).toHaveValue('3-2-501');
  await expect(page.getByRole('option').first()).toContainText('3-2-501');
  await expect(page.getByTestId('queue-count')).toHaveText('待处理 2 件');

  // a scan while the person pauses in the middle of the word: queued whole; the box keeps only the typing
  await recipient.fill('');
  await recipient.pressSequentially('3-2', { delay: 120 });
  const extra = codesFor(72, 1)[0] as string;
  await keys.send(scannerBurst([extra], { start: Date.now() + 250, gapMs: 0, rand: rng(4) }));
  await page.waitForTimeout(250); // the person goes on after the scan, as they would
  await recipient.pressSequentially('-501', { delay: 120 });
  await expect(recipient).toHaveValue('3-2-501');
  await expect(page.getByTestId('queue-count')).toHaveText('待处理 3 件');
  expect((await logged(page)).slice(-4)).toEqual([...codes, extra].map((code) => ({ code, source: 'scanner' })));
  await expect(page.getByRole('option').first()).toContainText('3-2-501');

  // a scan that starts 80 ms after the person's last key (the keys sent with their own timestamps): the key
  // stays in the box, the scan is read whole
  await recipient.fill('');
  const late = codesFor(73, 1)[0] as string;
  const t0 = Date.now() + 50;
  const person = (text: string, start: number) => [...text].map((key, i) => ({ key, at: start + i * 120 }));
  const before = person('3-2', t0);
  const scanKeys = scannerBurst([late], { start: t0 + 240 + 80, gapMs: 0, rand: rng(5) });
  const after = person('-501', (scanKeys[scanKeys.length - 1]?.at ?? 0) + 250);
  await keys.send([...before, ...scanKeys, ...after]);
  await expect(recipient).toHaveValue('3-2-501');
  await expect(page.getByTestId('queue-count')).toHaveText('待处理 4 件');
  expect((await logged(page)).slice(-1)).toEqual([{ code: late, source: 'scanner' }]);
});
