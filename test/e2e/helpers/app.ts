import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { api, type Host } from './host';

export const ADMIN = { username: 'admin', displayName: '王建国', password: 'Counter#2024' };
export const PROPERTY = '锦绣花园';

const SHOTS_DIR = path.resolve('test-results', 'screenshots');

/** A full-page screenshot into test-results/screenshots/<nn>-<name>.png, attached to the report. */
export async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  // Grow the viewport to the whole document first, so the sticky top bar, navigation and status bar are
  // drawn where they really are on a long page instead of over its middle.
  const size = page.viewportSize();
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  if (size && height > size.height) await page.setViewportSize({ width: size.width, height });
  await page.screenshot({ path: file, fullPage: true });
  if (size && height > size.height) await page.setViewportSize(size);
  await info.attach(name, { path: file, contentType: 'image/png' });
}

/** First-run setup straight through the API (for tests that are not about setup). */
export async function setupThroughApi(
  host: Host,
  extra: { operators?: { username: string; displayName: string; role: string; password: string }[] } = {},
): Promise<void> {
  await api(host, 'system.setup', { propertyName: PROPERTY, terminalId: 'T01', admin: ADMIN, demoData: false });
  if (extra.operators?.length) {
    await api(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    for (const o of extra.operators) await api(host, 'operators.create', o);
    await api(host, 'auth.logout', {});
  }
}

/** Signs in on the login screen and waits for the shell. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByRole('navigation', { name: '功能导航' })).toBeVisible();
}

/** Imports a roster file through the API as the signed-in operator (the page shares this session). */
export async function importThroughApi(host: Host, file: string, createBuildings = true): Promise<void> {
  const data = fs.readFileSync(file).toString('base64');
  const { jobId } = await api<{ jobId: string }>(host, 'roster.import.start', { fileName: path.basename(file), data, createBuildings });
  for (let i = 0; i < 300; i++) {
    const s = await api<{ progress: { state: string } }>(host, 'roster.import.status', { jobId });
    if (s.progress.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await api(host, 'roster.import.commit', { jobId, skipErrors: true });
}
