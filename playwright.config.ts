import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * e2e against the browser host (each test starts its own `out/main/host.js` on a free port with a fresh
 * data dir: see test/e2e/helpers/host.ts), in the system Chromium where there is one. Build first
 * (`npx electron-vite build`; `npm test` does). electron-launch.spec.ts uses Playwright's _electron and
 * skips itself where the Electron binary is missing; these browser options do not apply to it.
 */
const CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(fs.existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
