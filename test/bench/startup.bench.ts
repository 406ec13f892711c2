/// <reference lib="dom" />
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { api, startHost } from '../e2e/helpers/host';
import { summarise, type Figure } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
const LOGIN_HEADING = '操作员登录';

/** The renderer's scripts and style sheets as built (what a start has to fetch and parse before the first screen). */
function bundleSizes(): { entryJs: number; totalJs: number; css: number; chunks: number } {
  const root = path.resolve('out/renderer');
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
  const dir = path.join(root, 'assets');
  const files = fs.readdirSync(dir);
  const size = (f: string) => fs.statSync(path.join(dir, f)).size;
  const js = files.filter((f) => f.endsWith('.js'));
  return {
    entryJs: entry ? fs.statSync(path.join(root, entry)).size : NaN,
    totalJs: js.reduce((n, f) => n + size(f), 0),
    css: files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + size(f), 0),
    chunks: js.length,
  };
}

/**
 * From launch to the login screen in the browser host: the host process started (`out/main/host.js`, its
 * store already set up), then a page in a fresh Chromium context (empty cache, as at a first start) opened
 * on it, until the 操作员登录 heading is in the document. Measured three ways per run: host spawn → its URL
 * line; navigation start → heading (in the page, performance.now() from a MutationObserver installed before
 * any script); host spawn → heading seen by the test (wall clock, both together).
 */
export async function startupBenchmarks(work: string): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  ${CHROMIUM} not found: startup benchmark skipped (apt-get install chromium)`);
    return [];
  }
  const dataDir = path.join(work, 'startup');
  const first = await startHost({ dataDir });
  await api(first, 'system.setup', { propertyName: '基准花园', terminalId: 'B01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: false });
  await first.stop();

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const hostReady: number[] = [];
  const pageToLogin: number[] = [];
  const launchToLogin: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const host = await startHost({ dataDir });
      const t1 = performance.now();
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      try {
        const page = await context.newPage();
        await page.addInitScript((heading: string) => {
          const w = window as unknown as { __login?: number };
          new MutationObserver((_, obs) => {
            if (Array.from(document.querySelectorAll('h1, h2')).some((h) => h.textContent === heading)) {
              w.__login = performance.now();
              obs.disconnect();
            }
          }).observe(document, { subtree: true, childList: true, characterData: true });
        }, LOGIN_HEADING);
        await page.goto(host.url);
        await page.getByRole('heading', { name: LOGIN_HEADING }).waitFor();
        const t2 = performance.now();
        const inPage = await page.evaluate(() => (window as unknown as { __login?: number }).__login ?? NaN);
        hostReady.push(t1 - t0);
        pageToLogin.push(inPage);
        launchToLogin.push(t2 - t0);
      } finally {
        await context.close();
        await host.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const b = bundleSizes();
  const kb = (n: number) => Math.round(n / 1024);
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 1000) / 1000;
  const median = (xs: number[]) => summarise('', '', xs, 0).p50 ?? NaN;
  console.log(
    `  renderer bundle: entry ${kb(b.entryJs)} KB, all scripts ${kb(b.totalJs)} KB in ${b.chunks} file(s), CSS ${kb(b.css)} KB; ` +
      `medians of ${RUNS} runs: host ready ${median(hostReady).toFixed(0)} ms, page → login ${median(pageToLogin).toFixed(0)} ms, launch → login ${median(launchToLogin).toFixed(0)} ms`,
  );
  return [
    summarise('browser host: spawn → serving', `${RUNS} starts, store set up`, hostReady, 5000),
    summarise('page load → 操作员登录 heading (Chromium, empty cache)', `${RUNS} starts, entry script ${kb(b.entryJs)} KB`, pageToLogin, 1000),
    summarise('launch → 操作员登录 heading (host spawn to heading seen)', `${RUNS} starts`, launchToLogin, 5000),
    { name: 'renderer entry script (parsed at every start)', scale: `${b.chunks} script file(s), ${kb(b.totalJs)} KB in all`, unit: 'MB', value: mb(b.entryJs), budget: 1, against: 'value', pass: mb(b.entryJs) <= 1 },
  ];
}
