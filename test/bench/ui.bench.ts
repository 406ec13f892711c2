/// <reference lib="dom" />
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { startHost } from '../e2e/helpers/host';
import { summarise, type Figure } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What a receptionist types into the roster search, one keystroke at a time. */
const TYPED = ['3-2-501', '12-4-1603', '3栋2单元501', 'zw', 'zgf', 'lxy', 'wjg', '5678', '1234', '0910', '王芳', '张伟', '国华', '曾', '欧阳', 'zhangw', '27-1-', 'cxl', '8-3-2204', '李'];

async function api(origin: string, token: string, channel: string, body: unknown): Promise<unknown> {
  const r = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lobbydesk-token': token }, body: JSON.stringify(body) });
  const j = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!j.ok) throw new Error(`${channel}: ${j.error?.message}`);
  return j.value;
}

/**
 * Keystroke-to-render in Debian Chromium against the browser host with 50,000 residents: from the
 * `beforeinput` of each key to the first animation frame after the results for exactly that text are
 * in the DOM (so the figure includes the wait for the next frame, up to 16.7 ms).
 */
export async function uiBenchmarks(work: string): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`  ${CHROMIUM} not found: UI benchmark skipped (apt-get install chromium)`);
    return [];
  }
  const host = await startHost({ dataDir: `${work}/ui` });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    await api(host.origin, host.token, 'system.setup', { propertyName: '基准花园', terminalId: 'B01', admin: { username: 'bench', displayName: '基准', password: 'bench-pass-1' }, demoData: true });
    for (;;) {
      const s = (await api(host.origin, host.token, 'system.status', {})) as { demo: { state: string } | null };
      if (s.demo?.state === 'done') break;
      if (s.demo?.state === 'failed') throw new Error('demo data failed');
      await new Promise((r) => setTimeout(r, 500));
    }
    // the browser shares the token, so it shares this signed-in session
    await api(host.origin, host.token, 'auth.login', { username: 'bench', password: 'bench-pass-1' });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: '功能导航' }).waitFor();
    await page.keyboard.press('F2');
    const input = page.locator('input[name="roster-search"]');
    await input.waitFor();
    await page.evaluate(() => {
      type W = { __lat: number[]; __dom: number[]; __t0: number; __sent: number; __replied: number; __toSend: number[]; __toDom: number[] };
      const w = window as unknown as W;
      w.__lat = [];
      w.__dom = [];
      w.__toSend = [];
      w.__toDom = [];
      w.__t0 = 0;
      w.__sent = 0;
      w.__replied = 0;
      // the renderer's two parts of a keystroke, apart from the round trip to the host: keystroke → the search
      // request sent, and the reply in → its results in the DOM
      const send = window.fetch.bind(window);
      window.fetch = async (...args: Parameters<typeof fetch>) => {
        const search = String(args[0]).includes('roster.search');
        if (search && w.__t0 && !w.__sent) w.__sent = performance.now() - w.__t0;
        const res = await send(...args);
        if (search) w.__replied = performance.now();
        return res;
      };
      document.addEventListener(
        'beforeinput',
        () => {
          w.__t0 = performance.now();
          w.__sent = 0;
        },
        true,
      );
      new MutationObserver(() => {
        const ul = document.querySelector<HTMLElement>('ul.results');
        const box = document.querySelector<HTMLInputElement>('input[name="roster-search"]');
        const want = box?.value.trim() ?? '';
        if (w.__t0 && want && ul?.dataset.q === want) {
          const start = w.__t0;
          const now = performance.now();
          w.__t0 = 0;
          w.__dom.push(now - start);
          if (w.__sent) w.__toSend.push(w.__sent);
          if (w.__replied > start) w.__toDom.push(now - w.__replied);
          requestAnimationFrame(() => w.__lat.push(performance.now() - start));
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-q'] });
    });
    let expected = 0;
    for (let round = 0; round < 3; round++)
      for (const text of TYPED) {
        await input.fill('');
        await page.waitForTimeout(30);
        for (const ch of text) {
          await page.keyboard.type(ch);
          expected++;
          await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length >= n, expected, { timeout: 5000 });
        }
      }
    const { lat, dom, toSend, toDom, rows } = await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __dom: number[]; __toSend: number[]; __toDom: number[] };
      return { lat: w.__lat, dom: w.__dom, toSend: w.__toSend, toDom: w.__toDom, rows: document.querySelectorAll('ul.results li.result:not(.result-slot)').length };
    });
    console.log(`  rows drawn in full for the last answer: ${rows}`);
    return [
      summarise('roster keystroke-to-render (Chromium, to next frame)', `50,000 residents, ${lat.length} keystrokes, browser host`, lat, 50),
      summarise('roster keystroke-to-DOM (Chromium)', `50,000 residents, ${dom.length} keystrokes, browser host`, dom, 50),
      summarise('  of which keystroke → search request sent (renderer)', `${toSend.length} keystrokes`, toSend, 8),
      summarise('  of which reply in → results in the DOM (renderer)', `${toDom.length} replies`, toDom, 8),
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
